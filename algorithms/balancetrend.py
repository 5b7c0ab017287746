"""carbonbudget:balancetrend - balance states per period, change classes, Sen slope and
Mann-Kendall of the source/sink ratio, transition and province tables.
"""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsField,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..carbon_plugin import schema
from ..carbon_plugin.balance import BalanceOptions, balance_trend, province_totals
from ..carbon_plugin.trend import STATE_LABELS
from .base import CarbonAlgorithm
from .compat import FLAG_ADVANCED, NUMBER_DOUBLE, NUMBER_INTEGER, TYPE_VECTOR, TYPE_VECTOR_POLYGON, is_int_field
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_number, param_label, parse_numbers
from .styles import style_outputs
from .vectors import read_budget, schema_fields, write_layer, write_table


class BalanceTrend(CarbonAlgorithm):
    ALG_ID = "balancetrend"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Balance states and transformation trend")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP(
        "@default",
        "carbon balance,source sink ratio,state,trend,Sen slope,Mann-Kendall,transition matrix,period"
    )

    INPUT = "INPUT"
    PERIOD_LENGTH = "PERIOD_LENGTH"
    STATE_BREAKS = "STATE_BREAKS"
    NEUTRAL_BAND = "NEUTRAL_BAND"
    TOLERANCE = "TOLERANCE"
    ALPHA = "ALPHA"
    OUTPUT = "OUTPUT"
    OUTPUT_TRANSITIONS = "OUTPUT_TRANSITIONS"
    OUTPUT_PROVINCE = "OUTPUT_PROVINCE"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Budget layer (EMI_yyyy, SNK_yyyy fields)"), [TYPE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERIOD_LENGTH, tr("Period length (years)"), NUMBER_INTEGER, defaultValue=5, minValue=1))
        breaks = QgsProcessingParameterString(
            self.STATE_BREAKS, tr("State breaks on CSR (upper bounds of states 1-4)"), defaultValue="1, 2, 4, 8")
        breaks.setFlags(breaks.flags() | FLAG_ADVANCED)
        self.addParameter(breaks)
        neutral = QgsProcessingParameterNumber(
            self.NEUTRAL_BAND, tr("Neutral band around CSR = 1 (e.g. 0.1; empty: none)"), NUMBER_DOUBLE,
            optional=True, minValue=0.0, maxValue=0.99)
        neutral.setFlags(neutral.flags() | FLAG_ADVANCED)
        self.addParameter(neutral)
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Change tolerance (relative change of CSR, 0.05 = 5 %)"), NUMBER_DOUBLE,
            defaultValue=0.05, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALPHA, tr("Significance level of the Mann-Kendall test"), NUMBER_DOUBLE,
            defaultValue=0.05, minValue=0.0001, maxValue=0.5))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Balance layer")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TRANSITIONS, tr("State transitions"), TYPE_VECTOR, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PROVINCE, tr("Province totals per year"), TYPE_VECTOR, optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputString("PERIODS", tr("Periods")))
        self.addOutput(QgsProcessingOutputNumber("REGION_COUNT", tr("Regions")))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        options = BalanceOptions(
            self.parameterAsInt(parameters, self.PERIOD_LENGTH, context),
            tuple(parse_numbers(self.parameterAsString(parameters, self.STATE_BREAKS, context),
                                param_label(self, self.STATE_BREAKS), 4)),
            optional_number(self, parameters, self.NEUTRAL_BAND, context),
            self.parameterAsDouble(parameters, self.TOLERANCE, context),
            self.parameterAsDouble(parameters, self.ALPHA, context),
        )
        data, budget = read_budget(source, progress)
        years = budget.years
        progress.info(tr("{n} regions, years {first}-{last} ({count} years).").format(
            n=len(data.features), first=years[0], last=years[-1], count=len(years)))
        result = balance_trend(budget, options, progress=progress.sub(0.1, 0.8))

        new_fields: list[QgsField] = []
        columns: list[np.ndarray] = []
        for b, first in enumerate(result.first_years):
            new_fields += schema_fields(schema.period_fields(first, schema.BALANCE_STATE_FIELDS))
            columns += [result.csr[:, b], result.state[:, b]]
            if b > 0:
                new_fields += schema_fields(schema.period_fields(first, schema.BALANCE_CHANGE_FIELDS))
                columns += [result.change.label[:, b - 1], result.change.crossing[:, b - 1]]
            new_fields += schema_fields(schema.period_fields(first, schema.BALANCE_TREND_FIELDS))
            columns += [result.sen[:, b], result.mkz[:, b], result.mkp[:, b], result.trend_class[:, b]]
        new_fields += schema_fields(schema.period_fields(schema.ALL, schema.BALANCE_TREND_FIELDS))
        columns += [result.sen_all, result.mkz_all, result.mkp_all, result.class_all]
        rows = [[_state_or_value(f, c[k]) for f, c in zip(new_fields, columns)] for k in range(len(data.features))]
        dest = write_layer(self, parameters, self.OUTPUT, context, source, data, new_fields, rows, progress)

        labels = result.labels
        transitions = [
            [labels[a], labels[b], result.first_years[a], result.first_years[b], int(ca), int(cb),
             int(matrix[r, c])]
            for a, b, matrix in result.transitions
            for r, ca in enumerate(result.codes)
            for c, cb in enumerate(result.codes)
        ]
        transitions_dest = write_table(
            self, parameters, self.OUTPUT_TRANSITIONS, context, schema_fields(schema.TRANSITION_COLUMNS),
            transitions)
        totals = province_totals(budget.emission, budget.sink, years)
        province_dest = write_table(
            self, parameters, self.OUTPUT_PROVINCE, context, schema_fields(schema.PROVINCE_COLUMNS),
            [[y, totals.emission[k], totals.sink[k], totals.net[k], totals.csr[k], totals.regions[k]]
             for k, y in enumerate(years)])

        for b, label in enumerate(labels):
            counts = ", ".join(f"{STATE_LABELS[c]} {int(np.sum(result.state[:, b] == c))}" for c in result.codes)
            progress.info(tr("{period}: {counts}").format(period=label, counts=counts))
        missing = int(np.sum(np.isnan(result.state).all(axis=1)))
        if missing:
            progress.warning(tr("{n} region(s) have no emission or sink values; their fields are NULL.").format(
                n=missing))
        style_outputs(context, {dest: ("balance_state", schema.field(schema.STATE, result.first_years[-1]))}, feedback)
        out = {self.OUTPUT: dest, "PERIODS": ",".join(labels), "REGION_COUNT": len(data.features)}
        if transitions_dest:
            out[self.OUTPUT_TRANSITIONS] = transitions_dest
        if province_dest:
            out[self.OUTPUT_PROVINCE] = province_dest
        return out


def _state_or_value(field: QgsField, value):
    """Integer fields get ints (NaN -> NULL); text fields None or text; doubles as floats."""
    if is_int_field(field):
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
    return value
