"""carbonbudget:stackyears - yearly rasters into one time-series raster (band per year)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..carbon_plugin.raster import RESAMPLING
from ..carbon_plugin.timeseries import QUANTITIES, StackOptions, stack_years
from .base import CarbonAlgorithm
from .compat import FLAG_ADVANCED, TYPE_RASTER
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import gdal_source, param_label, parse_years
from .styles import style_outputs

QUANTITY_CHOICES = ("", *QUANTITIES)
# the options show the engine's names through tr(); marked here so that pylupdate5 extracts them
OPTION_NAMES = (
    QT_TRANSLATE_NOOP("@default", "none"),
    QT_TRANSLATE_NOOP("@default", "nearest"),
    QT_TRANSLATE_NOOP("@default", "bilinear"),
    QT_TRANSLATE_NOOP("@default", "cubic"),
    QT_TRANSLATE_NOOP("@default", "average"),
    QT_TRANSLATE_NOOP("@default", "sum"),
    QT_TRANSLATE_NOOP("@default", "mode"),
    QT_TRANSLATE_NOOP("@default", "emission"),
    QT_TRANSLATE_NOOP("@default", "sink"),
    QT_TRANSLATE_NOOP("@default", "net"),
    QT_TRANSLATE_NOOP("@default", "ratio"),
    QT_TRANSLATE_NOOP("@default", "state"),
)


class StackYears(CarbonAlgorithm):
    ALG_ID = "stackyears"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Stack yearly rasters")
    GROUP_ID = "timeseries"
    TAGS = QT_TRANSLATE_NOOP("@default", "time series,stack,years,bands,NPP,nighttime light,MOD17A3")

    INPUT = "INPUT"
    YEARS = "YEARS"
    REFERENCE = "REFERENCE"
    RESAMPLING = "RESAMPLING"
    QUANTITY = "QUANTITY"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, tr("Yearly rasters (one per year)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterString(
            self.YEARS, tr("Years, one per input in input order (default: from names)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REFERENCE, tr("Reference grid (default: the raster of the first year)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.RESAMPLING, tr("Resampling onto the reference grid"), options=[tr(r) for r in RESAMPLING],
            defaultValue=RESAMPLING.index("bilinear")))
        quantity = QgsProcessingParameterEnum(
            self.QUANTITY, tr("Carbon quantity (metadata)"), options=[tr(q) if q else "-" for q in QUANTITY_CHOICES],
            defaultValue=0)
        quantity.setFlags(quantity.flags() | FLAG_ADVANCED)
        self.addParameter(quantity)
        units = QgsProcessingParameterString(self.UNITS, tr("Units (metadata, e.g. t CO2 / cell / yr)"),
                                             optional=True)
        units.setFlags(units.flags() | FLAG_ADVANCED)
        self.addParameter(units)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Time-series raster")))
        self.addOutput(QgsProcessingOutputString("YEARS_OUT", tr("Years written")))
        self.addOutput(QgsProcessingOutputNumber("BAND_COUNT", tr("Number of bands")))

    def compute(self, parameters, context, feedback, progress):
        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        paths = [gdal_source(layer, param_label(self, self.INPUT)) for layer in layers]
        reference = self.parameterAsRasterLayer(parameters, self.REFERENCE, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        options = StackOptions(
            years=parse_years(self.parameterAsString(parameters, self.YEARS, context), param_label(self, self.YEARS)),
            resampling=RESAMPLING[self.parameterAsEnum(parameters, self.RESAMPLING, context)],
            quantity=QUANTITY_CHOICES[self.parameterAsEnum(parameters, self.QUANTITY, context)] or None,
            units=self.parameterAsString(parameters, self.UNITS, context) or None,
        )
        reference_path = gdal_source(reference, param_label(self, self.REFERENCE)) if reference else None
        years = stack_years(paths, output, reference_path, options, progress=progress).years
        progress.info(tr("Wrote {n} bands: {first}-{last}.").format(n=len(years), first=years[0], last=years[-1]))
        quantity = QUANTITY_CHOICES[self.parameterAsEnum(parameters, self.QUANTITY, context)]
        style_outputs(context, {output: (quantity, None)}, feedback)
        return {self.OUTPUT: output, "YEARS_OUT": ",".join(map(str, years)), "BAND_COUNT": len(years)}
