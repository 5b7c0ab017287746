"""Build the bundled models (algorithms/models/<name>.model3), one builder for all of them:

- ``riskworkflow``: energy table per city -> energyemissions -> gridemissions; NPP + monthly climate -> nepsink;
- ``riskworkflow_statistics``: emission statistics table (region, year, CO2 t) -> gridemissions;
  NPP + annual climate -> nepsink;
- ``riskworkflow_landuse``: emission statistics table -> gridemissions; land use (+ optional crop
  production table) -> landusesink;

and then the same chain for all: gridbudget, zonalbudget, balancetrend, imbalancerisk,
riskuncertainty, hotspots, report. The models are generated with the Processing API (so they are
valid for the QGIS that builds them) and the .model3 files are committed; run this again after
changing the chain:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_workflow_model.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "algorithms" / "models"
# layout of the modeler boxes (centres, px): inputs at INPUT_X INPUT_STEP apart, children at CHILD_X
# one per row, the model outputs of a child at OUTPUT_X beside it, OUTPUT_STEP apart. Inputs and
# children are BOX wide and INPUT_HEIGHT / CHILD_HEIGHT high, outputs OUTPUT_BOX: the modeler wraps a
# label in its box (12 px font) and cuts what does not fit; the longest labels take 3 lines in
# English, 2 in Chinese (scripts/screenshots.py draws them). QGIS 3.22 titles an output box with the
# output's name, 3.40 with its description (2 lines).
INPUT_X, INPUT_STEP, CHILD_X, OUTPUT_X, ROW_STEP, OUTPUT_STEP = 170, 72, 560, 900, 130, 44
BOX, INPUT_HEIGHT, CHILD_HEIGHT, OUTPUT_BOX = 300, 52, 44, (240, 40)
HELP_BASE = "docs/algorithms"  # the provider points each model's help button at its page there


# what each bundled model starts from: (emission source, sink) -> the children that differ
VARIANTS = {
    "riskworkflow": ("energy", "nep_monthly"),
    "riskworkflow_statistics": ("statistics", "nep_annual"),
    "riskworkflow_landuse": ("statistics", "landuse"),
}
# child id -> the box title an analyst reads in the modeler (the algorithm's id in brackets);
# the provider translates them (MODEL_TEXTS)
CHILD_TITLES = {
    "energyemissions": "Energy use -> CO2 per city and year (energyemissions)",
    "gridemissions": "CO2 statistics -> emission grid by night light (gridemissions)",
    "stackyears": "Yearly NPP rasters -> one time series (stackyears)",
    "nepsink": "NPP and climate -> NEP carbon sink (nepsink)",
    "landusesink": "Land use -> carbon sink (landusesink)",
    "gridbudget": "Net emission, ratio and state per cell (gridbudget)",
    "zonalbudget": "County carbon budgets (zonalbudget)",
    "balancetrend": "Balance states and trends per period (balancetrend)",
    "imbalancerisk": "Imbalance risk index and levels (imbalancerisk)",
    "riskuncertainty": "Risk uncertainty, Monte Carlo (riskuncertainty)",
    "hotspots": "Risk hot spots (hotspots)",
    "report": "HTML report (report)",
}


def inputs(emissions: str, sink: str) -> list:
    """The model inputs in the order an analyst fills them: tables and their fields, the polygons and
    their fields, the rasters, then the options."""
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterString,
    )

    double, integer = QgsProcessingParameterNumber.Double, QgsProcessingParameterNumber.Integer
    params = []
    if emissions == "energy":
        params += [
            QgsProcessingParameterFeatureSource("energy_table", "Energy consumption table (per city and year)",
                                                [QgsProcessing.TypeVector]),
            QgsProcessingParameterField("energy_region_field", "Energy table: city key field",
                                        parentLayerParameterName="energy_table"),
            QgsProcessingParameterFeatureSource("cities", "City polygons (statistics regions)",
                                                [QgsProcessing.TypeVectorPolygon]),
            QgsProcessingParameterField("city_field", "Cities: key field (as in the energy table)",
                                        parentLayerParameterName="cities"),
        ]
    else:
        params += [
            QgsProcessingParameterFeatureSource(
                "emission_table", "Emission statistics table (CO2 in t per region and year, one row each)",
                [QgsProcessing.TypeVector]),
            QgsProcessingParameterField("emission_region_field", "Emission table: region key field",
                                        parentLayerParameterName="emission_table"),
            QgsProcessingParameterField("emission_year_field", "Emission table: year field",
                                        parentLayerParameterName="emission_table", defaultValue="year"),
            QgsProcessingParameterField("emission_value_field", "Emission table: CO2 field (t)",
                                        parentLayerParameterName="emission_table", defaultValue="CO2_T"),
        ]
    if sink == "landuse":
        params += [
            QgsProcessingParameterFeatureSource(
                "crop_table", "Crop production table (t per county and year, a column per crop: wheat, maize, rice)",
                [QgsProcessing.TypeVector], optional=True),
            QgsProcessingParameterField("crop_region_field", "Crop table: county key field",
                                        parentLayerParameterName="crop_table", optional=True),
        ]
    params += [
        QgsProcessingParameterFeatureSource("counties", "County polygons (budget regions)",
                                            [QgsProcessing.TypeVectorPolygon]),
        QgsProcessingParameterField("county_field", "Counties: key field", parentLayerParameterName="counties"),
        QgsProcessingParameterField("county_name_field", "Counties: name field (names the counties in the report)",
                                    parentLayerParameterName="counties", optional=True),
    ]
    if emissions == "statistics":
        params.append(QgsProcessingParameterField(
            "county_emission_field",
            "Counties: field matching the emission table's regions (the county key, or the city key for "
            "city statistics)",
            parentLayerParameterName="counties"))
    params.append(QgsProcessingParameterRasterLayer("nightlights", "Nighttime light (band per year)"))
    if sink.startswith("nep"):
        params.append(QgsProcessingParameterMultipleLayers(
            "npp", "NPP rasters (one per year, or one time series)", QgsProcessing.TypeRaster))
        if sink == "nep_monthly":
            params += [
                QgsProcessingParameterRasterLayer("temperature", "Monthly air temperature (deg C, 12 bands per year)"),
                QgsProcessingParameterRasterLayer("precipitation", "Monthly precipitation (mm, 12 bands per year)"),
            ]
        else:
            params += [
                QgsProcessingParameterRasterLayer("temperature",
                                                  "Annual mean air temperature (deg C, one band per year)"),
                QgsProcessingParameterRasterLayer("precipitation",
                                                  "Annual total precipitation (mm, one band per year)"),
            ]
        params += [
            QgsProcessingParameterNumber(
                "npp_scale", "NPP scale factor to g C m-2 yr-1 (1 = already in g C; 0.1 for MODIS MOD17A3)",
                double, defaultValue=1.0, minValue=0.0),
            QgsProcessingParameterNumber(
                "npp_valid_max", "NPP largest valid raw value (empty = none; 32700 for MODIS MOD17A3)",
                double, optional=True),
        ]
    else:
        params += [
            QgsProcessingParameterRasterLayer("landuse", "Land use (class codes, band per year)"),
            QgsProcessingParameterEnum("landuse_classes", "Land-use classes",
                                       options=["CNLUCC first-level classes (1 cropland ... 6 unused land)",
                                                "CLCD classes (1 cropland ... 9 wetland)"], defaultValue=0),
        ]
    params += [
        QgsProcessingParameterNumber("period_length", "Period length (years)", integer, defaultValue=5, minValue=2),
        QgsProcessingParameterString("title", "Report title", defaultValue="Carbon budget and imbalance risk"),
    ]
    return params


def build(name: str = "riskworkflow"):
    from qgis.core import (
        QgsApplication,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Source,
    )
    from qgis.PyQt.QtCore import QPointF, QSizeF

    from carbon_budget.algorithms.help_text import SUMMARY

    emissions, sink = VARIANTS[name]
    # name (= the id), group, group id; the provider shows a translated display name (MODEL_TEXTS)
    model = QgsProcessingModelAlgorithm(name, "Workflow", "workflow")
    model.setHelpContent({"ALG_DESC": SUMMARY[name], "ALG_CREATOR": "Carbon Budget & Imbalance Risk plugin"})
    params = inputs(emissions, sink)
    for k, param in enumerate(params):
        model.addModelParameter(param, QgsProcessingModelParameter(param.name()))
        model.parameterComponent(param.name()).setPosition(QPointF(INPUT_X, 60 + INPUT_STEP * k))
        model.parameterComponent(param.name()).setSize(QSizeF(BOX, INPUT_HEIGHT))
    model.setParameterOrder([param.name() for param in params])  # the dialog's order (else alphabetical)
    rows = iter(range(100))

    def child(child_id: str, alg: str, sources: dict, outputs: dict, after: tuple = ()):
        step = QgsProcessingModelChildAlgorithm(f"carbonbudget:{alg}")
        step.setChildId(child_id)
        step.setDescription(CHILD_TITLES[child_id])
        step.setDependencies([QgsProcessingModelChildDependency(other) for other in after])
        # one column of children in chain order, their model outputs in a column to the right
        # (positions are box centres, so nothing overlaps)
        centre = QPointF(CHILD_X, 60 + ROW_STEP * next(rows))
        step.setPosition(centre)
        step.setSize(QSizeF(BOX, CHILD_HEIGHT))
        for key, source in sources.items():
            step.addParameterSources(key, source if isinstance(source, list) else [source])
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
            output.setSize(QSizeF(*OUTPUT_BOX))
            output.setChildOutputName(out_name)
            output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)  # the chain needs every output
            model_outputs[label] = output
        step.setModelOutputs(model_outputs)
        model.addChildAlgorithm(step)

    p, c, v = Source.fromModelParameter, Source.fromChildOutput, Source.fromStaticValue

    def with_default(key: str):
        """A model input with its default even when qgis_process leaves it out (3.22 gives children
        None for model parameters not on the command line)."""
        default = next(q.defaultValue() for q in params if q.name() == key)
        literal = f"'{default}'" if isinstance(default, str) else default
        return Source.fromExpression(f"coalesce(@{key}, {literal})")

    if emissions == "energy":
        child("energyemissions", "energyemissions", {
            "INPUT": p("energy_table"), "REGION_FIELD": p("energy_region_field"), "YEAR_FIELD": v("year"),
        }, {"OUTPUT": ("emission_statistics", "CO2 emissions per city and year")})
        child("gridemissions", "gridemissions", {
            "REGIONS": p("cities"), "REGION_FIELD": p("city_field"), "STATS": c("energyemissions", "OUTPUT"),
            "STATS_REGION_FIELD": p("energy_region_field"), "STATS_YEAR_FIELD": v("year"),
            "STATS_VALUE_FIELD": v("CO2_T"), "PROXY": p("nightlights"),
        }, {"OUTPUT": ("emission", "Emission raster (t per cell per year)")})
    else:
        # the statistics go straight to gridemissions (a long table: region, year, CO2 t), allocated
        # over the counties; counties sharing a key (e.g. city_code) take their city's statistic
        child("gridemissions", "gridemissions", {
            "REGIONS": p("counties"), "REGION_FIELD": p("county_emission_field"), "STATS": p("emission_table"),
            "STATS_REGION_FIELD": p("emission_region_field"),
            "STATS_YEAR_FIELD": with_default("emission_year_field"),
            "STATS_VALUE_FIELD": with_default("emission_value_field"), "PROXY": p("nightlights"),
        }, {"OUTPUT": ("emission", "Emission raster (t per cell per year)"),
            "OUTPUT_CHECK": ("emission_check", "Emission allocation check per region and year")})
    if sink.startswith("nep"):
        child("stackyears", "stackyears", {"INPUT": p("npp")}, {"OUTPUT": ("npp", "NPP time series")})
        child("nepsink", "nepsink", {
            "NPP": c("stackyears", "OUTPUT"), "NPP_SCALE": with_default("npp_scale"),
            "NPP_VALID_MAX": p("npp_valid_max"),
            "TEMPERATURE": p("temperature"), "PRECIPITATION": p("precipitation"),
            "CLIMATE_TIMESTEP": v(0 if sink == "nep_monthly" else 1),
        }, {"OUTPUT": ("sink", "Sink raster (t per cell per year)")})
        sink_child = "nepsink"
    else:
        child("landusesink", "landusesink", {
            "LANDUSE": p("landuse"), "COEFFICIENTS": with_default("landuse_classes"),
            "CROP_TABLE": p("crop_table"), "CROP_TABLE_REGION_FIELD": p("crop_region_field"),
            "CROP_REGIONS": p("counties"), "CROP_REGION_FIELD": p("county_field"),
        }, {"OUTPUT": ("sink", "Sink raster (t per cell per year)")})
        sink_child = "landusesink"
    child("gridbudget", "gridbudget", {
        "EMISSIONS": c("gridemissions", "OUTPUT"), "SINKS": c(sink_child, "OUTPUT"),
    }, {"NET": ("net", "Net emission raster"), "RATIO": ("ratio", "Source/sink ratio raster"),
        "STATE": ("state", "Balance state raster")})
    child("zonalbudget", "zonalbudget", {
        "REGIONS": p("counties"), "REGION_FIELD": p("county_field"),
        "EMISSIONS": c("gridemissions", "OUTPUT"), "SINKS": c(sink_child, "OUTPUT"),
    }, {"OUTPUT": ("budget", "County carbon budget")})
    child("balancetrend", "balancetrend", {
        "INPUT": c("zonalbudget", "OUTPUT"), "PERIOD_LENGTH": with_default("period_length"),
    }, {"OUTPUT": ("balance", "Balance states and trends"), "OUTPUT_TRANSITIONS": ("transitions", "State transitions"),
        "OUTPUT_PROVINCE": ("province", "Province totals per year")})
    child("imbalancerisk", "imbalancerisk", {
        "INPUT": c("balancetrend", "OUTPUT"), "PERIOD_LENGTH": with_default("period_length"),
    }, {"OUTPUT": ("risk", "Imbalance risk"), "OUTPUT_SUMMARY": ("risk_summary", "Risk summary per period")})
    child("riskuncertainty", "riskuncertainty", {
        "INPUT": c("balancetrend", "OUTPUT"), "PERIOD_LENGTH": with_default("period_length"),
    }, {"OUTPUT": ("uncertainty", "Risk uncertainty (Monte Carlo)")}, after=("imbalancerisk",))
    child("hotspots", "hotspots", {"INPUT": c("imbalancerisk", "OUTPUT")},
          {"OUTPUT": ("hotspots", "Risk hot spots")})
    child("report", "report", {
        "RISK": c("imbalancerisk", "OUTPUT"), "BALANCE": c("balancetrend", "OUTPUT"),
        "HOTSPOTS": c("hotspots", "OUTPUT"), "NAME_FIELD": p("county_name_field"),
        "PROVINCE_TABLE": c("balancetrend", "OUTPUT_PROVINCE"),
        "TRANSITIONS": c("balancetrend", "OUTPUT_TRANSITIONS"), "RISK_SUMMARY": c("imbalancerisk", "OUTPUT_SUMMARY"),
        "WEIGHTS_USED": c("imbalancerisk", "WEIGHTS_USED"), "METHOD": c("imbalancerisk", "METHOD"),
        "UNCERTAINTY": c("riskuncertainty", "OUTPUT"), "TITLE": with_default("title"),
    }, {"OUTPUT": ("report", "HTML report")})
    return model


def main(argv: list[str] | None = None) -> int:
    """Build every model (or those named on the command line) and write them to algorithms/models."""
    names = (sys.argv[1:] if argv is None else argv) or list(VARIANTS)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis_start import start_qgis  # beside this script

    app, plugin = start_qgis(gui=False)
    failed = 0
    for name in names:
        model = build(name)
        valid, errors = model.validate()
        path = MODELS / f"{name}.model3"
        ok = model.toFile(str(path))
        print(path if ok else f"{name}: failed", "; valid:", valid, errors)
        failed += not (ok and valid)
    plugin.unload()
    del app
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
