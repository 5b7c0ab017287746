"""carbonbudget:gridbudget - net, ratio and balance state per cell and year."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..carbon_plugin.budget import grid_budget
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import FLAG_ADVANCED, TYPE_RASTER
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import carbon_series, optional_int, param_label, parse_numbers, start_year_parameter
from .styles import style_outputs


class GridBudget(CarbonAlgorithm):
    ALG_ID = "gridbudget"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Grid carbon budget (net, ratio, state)")
    GROUP_ID = "budget"
    TAGS = QT_TRANSLATE_NOOP("@default", "carbon budget,net emission,source sink ratio,balance state,grid,pixel")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Per cell and year, from an emission and a sink time-series raster (t per cell per year, "
        "both positive): net emission NCE = E - S, source/sink ratio CSR = E / S (NaN where S <= 0) "
        "and the balance state: 1 sink (CSR <= 1), 2 mild (1-2], 3 moderate (2-4], 4 severe (4-8], "
        "5 extreme (> 8, or S <= 0 with E > 0); 0 = no data or no flux at all (E <= 0 and S <= 0). "
        "The state breaks are editable.\n\n"
        "Inputs: each raster is a time-series raster (band per year, band description = year) or a "
        "list of yearly rasters. The sink is aligned onto the emission grid only when the grids "
        "differ, with 'sum' resampling so that t per cell are kept (stated in the log). Values are "
        "converted to the chosen units using each raster's CARBON_UNITS metadata (t C or t CO2; "
        "CO2 = C x 44/12). Years present in only one raster are reported and left out.\n\n"
        "Outputs: three time-series rasters (net in t per cell, ratio, state as Byte with 0 as "
        "nodata). Files appear only when complete; cancel leaves nothing behind.\n\n"
        "Data checks (docs/DATA_CHECKS.md): negative emission cells, and fill codes such as -9999, "
        "-3.4e38 or 65535 stored without a nodata declaration, are errors naming the file, year "
        "and band."
    )

    EMISSIONS = "EMISSIONS"
    SINKS = "SINKS"
    START_YEAR = "START_YEAR"
    UNITS = "UNITS"
    STATE_BREAKS = "STATE_BREAKS"
    NET = "NET"
    RATIO = "RATIO"
    STATE = "STATE"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.EMISSIONS, tr("Emission time series (t per cell per year)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.SINKS, tr("Sink time series (t per cell per year)"), TYPE_RASTER))
        self.addParameter(start_year_parameter(self.START_YEAR))
        self.addParameter(QgsProcessingParameterEnum(self.UNITS, tr("Units"), options=list(UNITS), defaultValue=0))
        breaks = QgsProcessingParameterString(self.STATE_BREAKS, tr("State breaks on CSR (upper bounds of states 1-4)"),
                                              defaultValue="1, 2, 4, 8")
        breaks.setFlags(breaks.flags() | FLAG_ADVANCED)
        self.addParameter(breaks)
        for name, label in ((self.NET, tr("Net emission")), (self.RATIO, tr("Source/sink ratio")),
                            (self.STATE, tr("Balance state"))):
            self.addParameter(QgsProcessingParameterRasterDestination(name, label, optional=True,
                                                                      createByDefault=True))

    def compute(self, parameters, context, feedback, progress):
        start_year = optional_int(self, parameters, self.START_YEAR, context)
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]
        emission = carbon_series(self, parameters, self.EMISSIONS, context, units, "emission", progress, start_year)
        sink = carbon_series(self, parameters, self.SINKS, context, units, "sink", progress, start_year,
                             grid=emission.grid)
        outputs = {name: self.parameterAsOutputLayer(parameters, name, context) or None
                   for name in (self.NET, self.RATIO, self.STATE)}
        years = grid_budget(emission, sink, outputs[self.NET], outputs[self.RATIO], outputs[self.STATE], units,
                            parse_numbers(self.parameterAsString(parameters, self.STATE_BREAKS, context),
                                          param_label(self, self.STATE_BREAKS), 4), progress)
        progress.info(tr("Wrote {n} years: {first}-{last}.").format(n=len(years), first=years[0], last=years[-1]))
        style_outputs(context, {outputs[self.NET]: ("net_emission", None), outputs[self.RATIO]: ("ratio", None),
                                outputs[self.STATE]: ("balance_state", None)}, feedback)
        return {name: path for name, path in outputs.items() if path}
