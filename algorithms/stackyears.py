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
from ..carbon_plugin.timeseries import QUANTITIES, stack_years
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
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Builds a time-series raster (one band per year, band description = the 4-digit year) "
        "from one single-band raster per year, e.g. MOD17A3 NPP 2001.tif ... 2020.tif.\n\n"
        "Years: taken from each file's band description if it is a year, else from the single "
        "4-digit year (1800-2099) in the file name, unless listed explicitly in Years (one per "
        "input, in input order). Bands are sorted by year; a year given twice is an error, "
        "missing years are reported in the log.\n\n"
        "Grid: every input is aligned onto the reference grid (default: the raster of the first "
        "year) with the chosen resampling: bilinear or cubic for continuous fields (NPP, "
        "temperature), nearest or mode for classes (land use), sum for per-cell totals "
        "(t CO2 per cell) so that mass is kept, average when going to a coarser grid.\n\n"
        "Output: a tiled, DEFLATE-compressed Float32 GeoTIFF, NaN as nodata (the inputs' own "
        "nodata values become NaN), with CARBON_QUANTITY and CARBON_UNITS metadata when given. "
        "Every algorithm of this provider that takes a time series accepts it."
    )

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
        years = stack_years(
            paths,
            output,
            years=parse_years(self.parameterAsString(parameters, self.YEARS, context), param_label(self, self.YEARS)),
            reference=gdal_source(reference, param_label(self, self.REFERENCE)) if reference else None,
            resampling=RESAMPLING[self.parameterAsEnum(parameters, self.RESAMPLING, context)],
            quantity=QUANTITY_CHOICES[self.parameterAsEnum(parameters, self.QUANTITY, context)] or None,
            units=self.parameterAsString(parameters, self.UNITS, context) or None,
            progress=progress,
        )
        progress.info(tr("Wrote {n} bands: {first}-{last}.").format(n=len(years), first=years[0], last=years[-1]))
        quantity = QUANTITY_CHOICES[self.parameterAsEnum(parameters, self.QUANTITY, context)]
        style_outputs(context, {output: (quantity, None)}, feedback)
        return {self.OUTPUT: output, "YEARS_OUT": ",".join(map(str, years)), "BAND_COUNT": len(years)}
