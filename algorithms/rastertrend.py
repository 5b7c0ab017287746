"""carbonbudget:rastertrend - per-cell Sen slope and Mann-Kendall test of a time-series raster."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..carbon_plugin.balance import RasterTrendOptions, TrendRasters, raster_trend
from ..carbon_plugin.timeseries import open_time_series
from ..carbon_plugin.trend import TREND_CLASSES
from .base import CarbonAlgorithm
from .compat import NUMBER_DOUBLE, TYPE_RASTER
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_int, start_year_parameter, time_series_paths
from .styles import style_outputs


class RasterTrend(CarbonAlgorithm):
    ALG_ID = "rastertrend"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Per-cell trend (Sen slope, Mann-Kendall)")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP("@default", "trend,Sen slope,Theil-Sen,Mann-Kendall,time series,pixel,significance")

    INPUT = "INPUT"
    START_YEAR = "START_YEAR"
    ALPHA = "ALPHA"
    SLOPE = "SLOPE"
    Z = "Z"
    P = "P"
    CLASS = "CLASS"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, tr("Time series (one multi-band raster or yearly rasters)"), TYPE_RASTER))
        self.addParameter(start_year_parameter(self.START_YEAR))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, tr("Significance level"), NUMBER_DOUBLE, defaultValue=0.05, minValue=0.0001, maxValue=0.5))
        for name, label in ((self.SLOPE, tr("Sen slope (units per year)")), (self.Z, tr("Mann-Kendall Z")),
                            (self.P, tr("Mann-Kendall p (two-sided)")), (self.CLASS, tr("Trend class"))):
            self.addParameter(QgsProcessingParameterRasterDestination(name, label, optional=True,
                                                                      createByDefault=True))
        self.addOutput(QgsProcessingOutputString("YEARS_OUT", tr("Years used")))
        self.addOutput(QgsProcessingOutputNumber("SIGNIFICANT_CELLS", tr("Cells with a significant trend")))

    def compute(self, parameters, context, feedback, progress):
        series = open_time_series(time_series_paths(self, parameters, self.INPUT, context),
                                  start_year=optional_int(self, parameters, self.START_YEAR, context),
                                  role="input", progress=progress)
        outputs = {name: self.parameterAsOutputLayer(parameters, name, context) or None
                   for name in (self.SLOPE, self.Z, self.P, self.CLASS)}
        progress.info(tr("{n} years: {first}-{last}; {w} x {h} cells.").format(
            n=len(series.years), first=series.years[0], last=series.years[-1], w=series.grid.width,
            h=series.grid.height))
        summary = raster_trend(
            series, TrendRasters(outputs[self.SLOPE], outputs[self.Z], outputs[self.P], outputs[self.CLASS]),
            RasterTrendOptions(self.parameterAsDouble(parameters, self.ALPHA, context)), progress=progress)
        for code, count in summary.class_counts.items():
            progress.info(tr("Class {code} ({label}): {count} cells").format(
                code=code, label=TREND_CLASSES[code], count=count))
        style_outputs(context, {outputs[self.CLASS]: ("trend_class", None)}, feedback)
        result = {name: path for name, path in outputs.items() if path}
        result["YEARS_OUT"] = ",".join(map(str, summary.years))
        result["SIGNIFICANT_CELLS"] = int(summary.class_counts[1] + summary.class_counts[5])
        return result
