"""carbonbudget:gridbudget - net, ratio and balance state per cell and year."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..carbon_plugin.budget import BudgetRasters, GridBudgetOptions, grid_budget
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
        options = GridBudgetOptions(units, tuple(parse_numbers(
            self.parameterAsString(parameters, self.STATE_BREAKS, context), param_label(self, self.STATE_BREAKS), 4)))
        years = grid_budget(emission, sink, BudgetRasters(outputs[self.NET], outputs[self.RATIO], outputs[self.STATE]),
                            options, progress=progress).years
        progress.info(tr("Wrote {n} years: {first}-{last}.").format(n=len(years), first=years[0], last=years[-1]))
        style_outputs(context, {outputs[self.NET]: ("net_emission", None), outputs[self.RATIO]: ("ratio", None),
                                outputs[self.STATE]: ("balance_state", None)}, feedback)
        return {name: path for name, path in outputs.items() if path}
