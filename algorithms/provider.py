"""The ``carbonbudget`` Processing provider: the algorithms and the bundled models."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import ICON, CarbonAlgorithm, help_page_url, short_help
from .compat import QGIS_CRITICAL
from .i18n import QT_TRANSLATE_NOOP, tr

MODELS_DIR = Path(__file__).resolve().parent / "models"
PROVIDER_NAME = QT_TRANSLATE_NOOP("@default", "Carbon budget & imbalance risk")
# what the bundled models show (their .model3 files hold the English; translated when loaded)
MODEL_DISPLAY_NAMES = {
    "riskworkflow": "Carbon imbalance risk workflow (whole chain)",
    "riskworkflow_statistics": "Carbon imbalance risk workflow from emission statistics (annual climate)",
    "riskworkflow_landuse": "Carbon imbalance risk workflow with the land-use sink",
}
MODEL_TEXTS = (
    QT_TRANSLATE_NOOP("@default", "CO2 emissions per city and year"),
    QT_TRANSLATE_NOOP("@default", "Emission raster (t per cell per year)"),
    QT_TRANSLATE_NOOP("@default", "NPP time series"),
    QT_TRANSLATE_NOOP("@default", "Sink raster (t per cell per year)"),
    QT_TRANSLATE_NOOP("@default", "Net emission raster"),
    QT_TRANSLATE_NOOP("@default", "Source/sink ratio raster"),
    QT_TRANSLATE_NOOP("@default", "Balance state raster"),
    QT_TRANSLATE_NOOP("@default", "County carbon budget"),
    QT_TRANSLATE_NOOP("@default", "Balance states and trends"),
    QT_TRANSLATE_NOOP("@default", "State transitions"),
    QT_TRANSLATE_NOOP("@default", "Province totals per year"),
    QT_TRANSLATE_NOOP("@default", "Imbalance risk"),
    QT_TRANSLATE_NOOP("@default", "Risk summary per period"),
    QT_TRANSLATE_NOOP("@default", "Risk uncertainty (Monte Carlo)"),
    QT_TRANSLATE_NOOP("@default", "Risk hot spots"),
    QT_TRANSLATE_NOOP("@default", "HTML report"),
    QT_TRANSLATE_NOOP("@default", "Carbon imbalance risk workflow (whole chain)"),
    QT_TRANSLATE_NOOP("@default", "Workflow"),
    QT_TRANSLATE_NOOP("@default", "Energy consumption table (per city and year)"),
    QT_TRANSLATE_NOOP("@default", "Energy table: city key field"),
    QT_TRANSLATE_NOOP("@default", "City polygons (statistics regions)"),
    QT_TRANSLATE_NOOP("@default", "Cities: key field"),
    QT_TRANSLATE_NOOP("@default", "Nighttime light (band per year)"),
    QT_TRANSLATE_NOOP("@default", "NPP rasters (one per year, or one time series)"),
    QT_TRANSLATE_NOOP("@default", "NPP scale factor to g C m-2 yr-1 (0.1 for MOD17A3)"),
    QT_TRANSLATE_NOOP("@default", "NPP largest valid value (32700 for MOD17A3)"),
    QT_TRANSLATE_NOOP("@default", "Monthly air temperature (deg C, 12 bands per year)"),
    QT_TRANSLATE_NOOP("@default", "Monthly precipitation (mm, 12 bands per year)"),
    QT_TRANSLATE_NOOP("@default", "County polygons (budget regions)"),
    QT_TRANSLATE_NOOP("@default", "Counties: key field"),
    QT_TRANSLATE_NOOP("@default", "Period length (years)"),
    QT_TRANSLATE_NOOP("@default", "Report title"),
    QT_TRANSLATE_NOOP("@default", "Carbon imbalance risk workflow from emission statistics (annual climate)"),
    QT_TRANSLATE_NOOP("@default", "Carbon imbalance risk workflow with the land-use sink"),
    QT_TRANSLATE_NOOP("@default", "Cities: key field (as in the energy table)"),
    QT_TRANSLATE_NOOP("@default", "Emission statistics table (CO2 in t per region and year, one row each)"),
    QT_TRANSLATE_NOOP("@default", "Emission table: region key field"),
    QT_TRANSLATE_NOOP("@default", "Emission table: year field"),
    QT_TRANSLATE_NOOP("@default", "Emission table: CO2 field (t)"),
    QT_TRANSLATE_NOOP("@default", "Crop production table (t per county and year, a column per crop: "
                                  "wheat, maize, rice)"),
    QT_TRANSLATE_NOOP("@default", "Crop table: county key field"),
    QT_TRANSLATE_NOOP("@default", "Counties: name field (names the counties in the report)"),
    QT_TRANSLATE_NOOP("@default", "Counties: field matching the emission table's regions (the county key, or the "
                                  "city key for city statistics)"),
    QT_TRANSLATE_NOOP("@default", "Annual mean air temperature (deg C, one band per year)"),
    QT_TRANSLATE_NOOP("@default", "Annual total precipitation (mm, one band per year)"),
    QT_TRANSLATE_NOOP("@default", "NPP scale factor to g C m-2 yr-1 (1 = already in g C; 0.1 for MODIS MOD17A3)"),
    QT_TRANSLATE_NOOP("@default", "NPP largest valid raw value (empty = none; 32700 for MODIS MOD17A3)"),
    QT_TRANSLATE_NOOP("@default", "Land use (class codes, band per year)"),
    QT_TRANSLATE_NOOP("@default", "Land-use classes"),
    QT_TRANSLATE_NOOP("@default", "Emission allocation check per region and year"),
    QT_TRANSLATE_NOOP("@default", "Energy use -> CO2 per city and year (energyemissions)"),
    QT_TRANSLATE_NOOP("@default", "CO2 statistics -> emission grid by night light (gridemissions)"),
    QT_TRANSLATE_NOOP("@default", "Yearly NPP rasters -> one time series (stackyears)"),
    QT_TRANSLATE_NOOP("@default", "NPP and climate -> NEP carbon sink (nepsink)"),
    QT_TRANSLATE_NOOP("@default", "Land use -> carbon sink (landusesink)"),
    QT_TRANSLATE_NOOP("@default", "Net emission, ratio and state per cell (gridbudget)"),
    QT_TRANSLATE_NOOP("@default", "County carbon budgets (zonalbudget)"),
    QT_TRANSLATE_NOOP("@default", "Balance states and trends per period (balancetrend)"),
    QT_TRANSLATE_NOOP("@default", "Imbalance risk index and levels (imbalancerisk)"),
    QT_TRANSLATE_NOOP("@default", "Risk uncertainty, Monte Carlo (riskuncertainty)"),
    QT_TRANSLATE_NOOP("@default", "Risk hot spots (hotspots)"),
    QT_TRANSLATE_NOOP("@default", "HTML report (report)"),
)
NOT_ALGORITHMS = {"base", "compat", "i18n", "params", "provider", "styles", "vectors"}


def algorithm_classes() -> list[type[CarbonAlgorithm]]:
    """Every CarbonAlgorithm subclass defined in the modules of this package (one per module)."""
    found = []
    for info in pkgutil.iter_modules([str(Path(__file__).resolve().parent)]):
        if info.name in NOT_ALGORITHMS or info.ispkg:
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        found += [obj for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, CarbonAlgorithm)
                  and obj.__module__ == module.__name__ and obj.ALG_ID]
    return sorted(found, key=lambda cls: cls.ALG_ID)


class CarbonProvider(QgsProcessingProvider):
    """Loads every algorithm class and every ``*.model3`` in ``models_dir``."""

    def __init__(self, models_dir: Path = MODELS_DIR) -> None:
        super().__init__()
        self.models_dir = Path(models_dir)

    def id(self) -> str:
        return "carbonbudget"

    def name(self) -> str:
        return tr(PROVIDER_NAME)

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:
        return str(ICON)

    def loadAlgorithms(self) -> None:
        for cls in algorithm_classes():
            try:  # a Python error inside QGIS's own call of initAlgorithm would abort QGIS
                cls().initAlgorithm()
            except Exception as err:  # any error: skip the tool, keep QGIS alive
                QgsMessageLog.logMessage(f"{cls.ALG_ID} not loaded: {err!r}", "Carbon budget", QGIS_CRITICAL)
                continue
            self.addAlgorithm(cls())
        for path in sorted(self.models_dir.glob("*.model3")):
            model = BundledModel()
            if model.fromFile(str(path)):
                for definition in model.parameterDefinitions():
                    definition.setDescription(tr(definition.description()))
                for child_id in model.childAlgorithms():
                    step = model.childAlgorithm(child_id)  # a reference: the box title in the modeler
                    step.setDescription(tr(step.description()))
                    outputs = step.modelOutputs()  # a copy: the output boxes' titles (3.40's modeler)
                    for output in outputs.values():
                        output.setDescription(tr(output.description()))
                    step.setModelOutputs(outputs)
                self.addAlgorithm(model)


class BundledModel(QgsProcessingModelAlgorithm):
    """A model shipped with the plugin: display name and group in the user's language."""

    def displayName(self) -> str:
        return tr(MODEL_DISPLAY_NAMES.get(self.name(), self.name()))

    def group(self) -> str:
        return tr(super().group())

    def shortHelpString(self) -> str:
        """The summary of the model's docs page in the user's language, with a link to the page."""
        return short_help(self.name())

    def helpUrl(self) -> str:
        """The model's page shipped with the plugin (docs/html, built from its docs page)."""
        return help_page_url(self.name())

    def createInstance(self) -> BundledModel:
        """The copy QGIS runs and shows (toolbox dialog, qgis_process): a BundledModel too, else
        QgsProcessingModelAlgorithm's copy would title the dialog 'riskworkflow' with English help and
        no help page. Its steps find their algorithms now that the provider is registered (while the
        provider loads, they are not in the registry yet and the modeler would draw the boxes as errors)."""
        copy = BundledModel()
        copy.loadVariant(self.toVariant())
        copy.setSourceFilePath(self.sourceFilePath())
        return copy


