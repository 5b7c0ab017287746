"""Build the bundled model ``carbonbudget:riskworkflow`` (algorithms/models/riskworkflow.model3).

The model is generated with the Processing API (so it is valid for the QGIS that builds it) and the
.model3 is committed; run this again after changing the chain:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_workflow_model.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "algorithms" / "models" / "riskworkflow.model3"
# layout of the modeler boxes (centres, px): inputs at x 120, children at CHILD_X one per row,
# the model outputs of a child at OUTPUT_X beside it, OUTPUT_STEP apart
CHILD_X, OUTPUT_X, ROW_STEP, OUTPUT_STEP = 520, 800, 130, 40


def _qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    plugins = Path(tempfile.mkdtemp())
    (plugins / "carbon_budget").symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(plugins))
    import carbon_budget

    plugin = carbon_budget.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def build():
    from qgis.core import (
        QgsApplication,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterString,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Source,
    )
    from qgis.PyQt.QtCore import QPointF

    # name (= the id), group, group id; the provider shows a translated display name (MODEL_TEXTS)
    model = QgsProcessingModelAlgorithm("riskworkflow", "Workflow", "workflow")
    model.setHelpContent({"ALG_DESC": (
        "The whole chain of the study on your data: energy statistics per city -> CO2 (energyemissions) -> "
        "gridded by nighttime light (gridemissions); yearly NPP files stacked (stackyears) -> NEP sink with "
        "monthly climate (nepsink); grid budget; county budgets with exact zonal sums (zonalbudget); balance "
        "states and trends per period (balancetrend); imbalance risk index (imbalancerisk) and its Monte Carlo "
        "uncertainty (riskuncertainty); hot spots of the last period's risk (hotspots); HTML report (report). "
        "Every child's useful output is a model output.")})
    params = [
        QgsProcessingParameterFeatureSource("energy_table", "Energy consumption table (per city and year)",
                                            [QgsProcessing.TypeVector]),
        QgsProcessingParameterField("energy_region_field", "Energy table: city key field",
                                    parentLayerParameterName="energy_table"),
        QgsProcessingParameterFeatureSource("cities", "City polygons (statistics regions)",
                                            [QgsProcessing.TypeVectorPolygon]),
        QgsProcessingParameterField("city_field", "Cities: key field", parentLayerParameterName="cities"),
        QgsProcessingParameterRasterLayer("nightlights", "Nighttime light (band per year)"),
        QgsProcessingParameterMultipleLayers("npp", "NPP rasters (one per year, or one time series)",
                                             QgsProcessing.TypeRaster),
        QgsProcessingParameterNumber("npp_scale", "NPP scale factor to g C m-2 yr-1 (0.1 for MOD17A3)",
                                     QgsProcessingParameterNumber.Double, defaultValue=0.1),
        QgsProcessingParameterNumber("npp_valid_max", "NPP largest valid value (32700 for MOD17A3)",
                                     QgsProcessingParameterNumber.Double, defaultValue=32700),
        QgsProcessingParameterRasterLayer("temperature", "Monthly air temperature (deg C, 12 bands per year)"),
        QgsProcessingParameterRasterLayer("precipitation", "Monthly precipitation (mm, 12 bands per year)"),
        QgsProcessingParameterFeatureSource("counties", "County polygons (budget regions)",
                                            [QgsProcessing.TypeVectorPolygon]),
        QgsProcessingParameterField("county_field", "Counties: key field", parentLayerParameterName="counties"),
        QgsProcessingParameterNumber("period_length", "Period length (years)",
                                     QgsProcessingParameterNumber.Integer, defaultValue=5, minValue=2),
        QgsProcessingParameterString("title", "Report title", defaultValue="Carbon budget and imbalance risk"),
    ]
    for k, param in enumerate(params):
        model.addModelParameter(param, QgsProcessingModelParameter(param.name()))
        model.parameterComponent(param.name()).setPosition(QPointF(120, 60 + 70 * k))

    def child(child_id: str, alg: str, sources: dict, outputs: dict, row: int, after: tuple = ()):
        step = QgsProcessingModelChildAlgorithm(f"carbonbudget:{alg}")
        step.setChildId(child_id)
        step.setDescription(child_id)
        step.setDependencies([QgsProcessingModelChildDependency(other) for other in after])
        # one column of children in chain order, their model outputs in a column to the right
        # (positions are box centres; boxes are 200 x 30, so nothing overlaps)
        centre = QPointF(CHILD_X, 60 + ROW_STEP * row)
        step.setPosition(centre)
        for name, source in sources.items():
            step.addParameterSources(name, source if isinstance(source, list) else [source])
        # every other parameter keeps the algorithm's default, visible and editable in the modeler
        definitions = QgsApplication.processingRegistry().algorithmById(f"carbonbudget:{alg}").parameterDefinitions()
        for definition in definitions:
            if definition.name() not in sources and not definition.isDestination() \
                    and definition.defaultValue() is not None:
                step.addParameterSources(definition.name(), [Source.fromStaticValue(definition.defaultValue())])
        model_outputs = {}
        for k, (out_name, (label, description)) in enumerate(outputs.items()):
            output = QgsProcessingModelOutput(label, description)
            output.setChildId(child_id)
            output.setPosition(QPointF(OUTPUT_X, centre.y() + OUTPUT_STEP * (k - (len(outputs) - 1) / 2)))
            output.setChildOutputName(out_name)
            output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)  # the chain needs every output
            model_outputs[label] = output
        step.setModelOutputs(model_outputs)
        model.addChildAlgorithm(step)

    p, c, v = Source.fromModelParameter, Source.fromChildOutput, Source.fromStaticValue

    def with_default(name: str):
        """A numeric model input with its default even when qgis_process leaves it out (3.22 gives
        children None for model parameters not on the command line)."""
        default = next(q.defaultValue() for q in params if q.name() == name)
        literal = f"'{default}'" if isinstance(default, str) else default
        return Source.fromExpression(f"coalesce(@{name}, {literal})")

    child("energyemissions", "energyemissions", {
        "INPUT": p("energy_table"), "REGION_FIELD": p("energy_region_field"), "YEAR_FIELD": v("year"),
    }, {"OUTPUT": ("emission_statistics", "CO2 emissions per city and year")}, 0)
    child("gridemissions", "gridemissions", {
        "REGIONS": p("cities"), "REGION_FIELD": p("city_field"), "STATS": c("energyemissions", "OUTPUT"),
        "STATS_REGION_FIELD": p("energy_region_field"), "STATS_YEAR_FIELD": v("year"),
        "STATS_VALUE_FIELD": v("CO2_T"), "PROXY": p("nightlights"),
    }, {"OUTPUT": ("emission", "Emission raster (t per cell per year)")}, 1)
    child("stackyears", "stackyears", {"INPUT": p("npp")}, {"OUTPUT": ("npp", "NPP time series")}, 2)
    child("nepsink", "nepsink", {
        "NPP": c("stackyears", "OUTPUT"), "NPP_SCALE": with_default("npp_scale"),
        "NPP_VALID_MAX": with_default("npp_valid_max"),
        "TEMPERATURE": p("temperature"), "PRECIPITATION": p("precipitation"),
    }, {"OUTPUT": ("sink", "Sink raster (t per cell per year)")}, 3)
    child("gridbudget", "gridbudget", {
        "EMISSIONS": c("gridemissions", "OUTPUT"), "SINKS": c("nepsink", "OUTPUT"),
    }, {"NET": ("net", "Net emission raster"), "RATIO": ("ratio", "Source/sink ratio raster"),
        "STATE": ("state", "Balance state raster")}, 4)
    child("zonalbudget", "zonalbudget", {
        "REGIONS": p("counties"), "REGION_FIELD": p("county_field"),
        "EMISSIONS": c("gridemissions", "OUTPUT"), "SINKS": c("nepsink", "OUTPUT"),
    }, {"OUTPUT": ("budget", "County carbon budget")}, 5)
    child("balancetrend", "balancetrend", {
        "INPUT": c("zonalbudget", "OUTPUT"), "PERIOD_LENGTH": with_default("period_length"),
    }, {"OUTPUT": ("balance", "Balance states and trends"), "OUTPUT_TRANSITIONS": ("transitions", "State transitions"),
        "OUTPUT_PROVINCE": ("province", "Province totals per year")}, 6)
    child("imbalancerisk", "imbalancerisk", {
        "INPUT": c("balancetrend", "OUTPUT"), "PERIOD_LENGTH": with_default("period_length"),
    }, {"OUTPUT": ("risk", "Imbalance risk"), "OUTPUT_SUMMARY": ("risk_summary", "Risk summary per period")}, 7)
    child("riskuncertainty", "riskuncertainty", {
        "INPUT": c("balancetrend", "OUTPUT"), "PERIOD_LENGTH": with_default("period_length"),
    }, {"OUTPUT": ("uncertainty", "Risk uncertainty (Monte Carlo)")}, 8, after=("imbalancerisk",))
    child("hotspots", "hotspots", {"INPUT": c("imbalancerisk", "OUTPUT")},
          {"OUTPUT": ("hotspots", "Risk hot spots")}, 9)
    child("report", "report", {
        "RISK": c("imbalancerisk", "OUTPUT"), "BALANCE": c("balancetrend", "OUTPUT"),
        "HOTSPOTS": c("hotspots", "OUTPUT"), "PROVINCE_TABLE": c("balancetrend", "OUTPUT_PROVINCE"),
        "TRANSITIONS": c("balancetrend", "OUTPUT_TRANSITIONS"), "RISK_SUMMARY": c("imbalancerisk", "OUTPUT_SUMMARY"),
        "WEIGHTS_USED": c("imbalancerisk", "WEIGHTS_USED"), "METHOD": c("imbalancerisk", "METHOD"),
        "UNCERTAINTY": c("riskuncertainty", "OUTPUT"), "TITLE": with_default("title"),
    }, {"OUTPUT": ("report", "HTML report")}, 10)
    return model


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app, plugin = _qgis()
    model = build()
    errors = model.validate()
    ok = model.toFile(str(OUTPUT))
    print(OUTPUT if ok else "failed", "; validation:", errors)
    plugin.unload()
    del app
    return 0 if ok and errors[0] else 1


if __name__ == "__main__":
    sys.exit(main())
