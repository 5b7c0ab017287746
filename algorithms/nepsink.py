"""carbonbudget:nepsink - carbon sink raster from NPP and climate (NEP = NPP - Rh)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..carbon_plugin.sinks import SIGN_MODES, TIMESTEPS, NepOptions, SinkRasters, compute_nep_sink
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import FLAG_ADVANCED, NUMBER_DOUBLE, TYPE_RASTER
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_int, optional_number, start_year_parameter, time_series_paths
from .styles import style_outputs

TIMESTEP_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Monthly (12 bands per year)"),
    QT_TRANSLATE_NOOP("@default", "Annual (mean temperature, total precipitation; approximation)"),
)
SIGN_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Signed NEP (an ecosystem source counts as a negative sink)"),
    QT_TRANSLATE_NOOP("@default", "Positive only (absorption; negative NEP counts as 0)"),
)


class NepSink(CarbonAlgorithm):
    ALG_ID = "nepsink"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Carbon sink from NPP and climate (NEP)")
    GROUP_ID = "sinks"
    TAGS = QT_TRANSLATE_NOOP(
        "@default", "carbon sink,NEP,NPP,soil respiration,Rh,MOD17A3,temperature,precipitation,ecosystem")

    NPP = "NPP"
    NPP_SCALE = "NPP_SCALE"
    NPP_VALID_MAX = "NPP_VALID_MAX"
    TEMPERATURE = "TEMPERATURE"
    PRECIPITATION = "PRECIPITATION"
    CLIMATE_TIMESTEP = "CLIMATE_TIMESTEP"
    START_YEAR = "START_YEAR"
    SIGN_MODE = "SIGN_MODE"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_RH = "OUTPUT_RH"
    OUTPUT_NEP = "OUTPUT_NEP"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.NPP, tr("NPP (time-series raster, or one raster per year)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterNumber(
            self.NPP_SCALE, tr("NPP scale factor to g C m-2 yr-1 (0.1 for MOD17A3HGF)"), NUMBER_DOUBLE,
            defaultValue=1.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.NPP_VALID_MAX, tr("NPP valid maximum, raw value (32700 for MOD17A3HGF)"), NUMBER_DOUBLE,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.TEMPERATURE, tr("Air temperature, deg C (time-series raster or rasters)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.PRECIPITATION, tr("Precipitation, mm (time-series raster or rasters)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterEnum(
            self.CLIMATE_TIMESTEP, tr("Climate time step"), options=[tr(t) for t in TIMESTEP_LABELS],
            defaultValue=0))
        self.addParameter(start_year_parameter(self.START_YEAR))
        sign = QgsProcessingParameterEnum(
            self.SIGN_MODE, tr("Sign of the sink"), options=[tr(s) for s in SIGN_LABELS], defaultValue=0)
        sign.setFlags(sign.flags() | FLAG_ADVANCED)
        self.addParameter(sign)
        self.addParameter(QgsProcessingParameterEnum(
            self.UNITS, tr("Units"), options=list(UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Carbon sink (NEP)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_RH, tr("Soil heterotrophic respiration Rh (g C m-2 yr-1)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_NEP, tr("NEP (g C m-2 yr-1)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString("YEARS_OUT", tr("Years written")))
        self.addOutput(QgsProcessingOutputString("SKIPPED_YEARS", tr("NPP years without climate")))
        self.addOutput(QgsProcessingOutputNumber("BAND_COUNT", tr("Number of bands")))

    def _optional_output(self, parameters, name, context) -> str | None:
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsOutputLayer(parameters, name, context) or None

    def compute(self, parameters, context, feedback, progress):
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        output_rh = self._optional_output(parameters, self.OUTPUT_RH, context)
        output_nep = self._optional_output(parameters, self.OUTPUT_NEP, context)
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]
        options = NepOptions(
            timestep=TIMESTEPS[self.parameterAsEnum(parameters, self.CLIMATE_TIMESTEP, context)],
            npp_scale=self.parameterAsDouble(parameters, self.NPP_SCALE, context),
            npp_valid_max=optional_number(self, parameters, self.NPP_VALID_MAX, context),
            start_year=optional_int(self, parameters, self.START_YEAR, context),
            sign_mode=SIGN_MODES[self.parameterAsEnum(parameters, self.SIGN_MODE, context)],
            units=units,
        )
        summary = compute_nep_sink(
            time_series_paths(self, parameters, self.NPP, context),
            time_series_paths(self, parameters, self.TEMPERATURE, context),
            time_series_paths(self, parameters, self.PRECIPITATION, context),
            SinkRasters(output, output_rh, output_nep), options, progress=progress,
        )
        for year in summary.years:
            progress.info(tr("{year}: sink {total:,.0f} {units} (absorption {absorption:,.0f}, "
                             "ecosystem source {source:,.0f}).").format(
                year=year, total=summary.total[year], units=units,
                absorption=summary.absorption[year], source=summary.source[year]))
        result = {
            self.OUTPUT: output,
            "YEARS_OUT": ",".join(map(str, summary.years)),
            "SKIPPED_YEARS": ",".join(map(str, summary.npp_years_without_climate)),
            "BAND_COUNT": len(summary.years),
        }
        if output_rh:
            result[self.OUTPUT_RH] = output_rh
        if output_nep:
            result[self.OUTPUT_NEP] = output_nep
        style_outputs(context, {output: ("sink", None)}, feedback)
        return result
