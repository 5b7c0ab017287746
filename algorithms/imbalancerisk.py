"""carbonbudget:imbalancerisk - carbon imbalance risk index, level and compensation value per period."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsDistanceArea,
    QgsField,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsUnitTypes,
)

from ..carbon_plugin.errors import CarbonInputError
from ..carbon_plugin.imbalance import COMPONENTS, HIGH_RISK, assess_risk
from ..carbon_plugin.risk import LEVEL_LABELS, WEIGHT_MODES
from .base import CarbonAlgorithm
from .compat import FLAG_ADVANCED, NUMBER_DOUBLE, NUMBER_INTEGER, TYPE_VECTOR, TYPE_VECTOR_POLYGON
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import parse_numbers
from .styles import style_outputs
from .vectors import (
    AREA_FIELD,
    double_field,
    int_field,
    read_budget,
    text_field,
    write_layer,
    write_table,
)

COMPONENT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "State: log of the capped source/sink ratio"),
    QT_TRANSLATE_NOOP("@default", "Trend: change of the ratio from the previous period"),
    QT_TRANSLATE_NOOP("@default", "Pressure: emission density (t per km2)"),
)
WEIGHT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Entropy weights"),
    QT_TRANSLATE_NOOP("@default", "Equal weights"),
    QT_TRANSLATE_NOOP("@default", "User weights (USER_WEIGHTS)"),
)
SUMMARY_WEIGHT_FIELDS = {"state": "w_state", "trend": "w_trend", "pressure": "w_pressure"}


class ImbalanceRisk(CarbonAlgorithm):
    ALG_ID = "imbalancerisk"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Carbon imbalance risk index")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP(
        "@default",
        "carbon imbalance,risk index,entropy weight,risk level,compensation,carbon price,source sink ratio"
    )
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Carbon imbalance risk per region and period from a budget layer (or the balance layer; "
        "EMI_yyyy and SNK_yyyy fields in t CO2 per year; AREA_KM2 for the pressure component, "
        "else the ellipsoidal area of each polygon).\n\n"
        "Periods as in 'Balance states and transformation trend' (PERIOD_LENGTH years; period "
        "values are means over the years with both E and S). Components, each min-max "
        "normalised over all regions and periods pooled: state = ln(CSR) with CSR = mean E / "
        "mean S clipped to [1/CSR_CAP, CSR_CAP] (a sink <= 0 takes CSR_CAP, so such a region "
        "gets the highest state score, never NULL); trend = change of the capped CSR from the "
        "previous period (first period: Sen slope of the annual capped CSR x period length), "
        "positive = worsening; pressure (optional) = mean emission / area in t per km2. "
        "Index RI = sum of weight x component, in [0, 1]. Weights: entropy weight method "
        "(default; p = x / sum x, e = -sum p ln p / ln n, w = (1 - e) / sum (1 - e)), equal, or "
        "USER_WEIGHTS (one per chosen component in the order state, trend, pressure; "
        "normalised with a log line if they do not sum to 1; negative weights are an error). "
        "Level RL: 1 low [0, 0.2), 2 relatively low, 3 medium, 4 relatively high, 5 high "
        "[0.8, 1] with editable breaks; 0 = no data.\n\n"
        "Compensation value CV (budget-neutral, yuan per year): V = (S - E x S_R / E_R) x PRICE "
        "on the period means, S_R and E_R the totals over the regions; sum V = 0; V > 0 "
        "receives, V < 0 pays. PRICE default 60 yuan per t CO2.\n\n"
        "Outputs: the layer with RI_yyyy, RL_yyyy, CV_yyyy per period (first year), and a "
        "summary table per period: regions with an index, count and share per level, weights, "
        "count and share of regions with RI >= 0.6 (high-risk share)."
    )

    INPUT = "INPUT"
    PERIOD_LENGTH = "PERIOD_LENGTH"
    COMPONENTS = "COMPONENTS"
    WEIGHTS = "WEIGHTS"
    USER_WEIGHTS = "USER_WEIGHTS"
    CSR_CAP = "CSR_CAP"
    LEVEL_BREAKS = "LEVEL_BREAKS"
    PRICE = "PRICE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Budget or balance layer (EMI_yyyy, SNK_yyyy fields)"), [TYPE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERIOD_LENGTH, tr("Period length (years)"), NUMBER_INTEGER, defaultValue=5, minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.COMPONENTS, tr("Components"), options=[tr(s) for s in COMPONENT_LABELS], allowMultiple=True,
            defaultValue=[0, 1]))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, tr("Weights"), options=[tr(s) for s in WEIGHT_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.USER_WEIGHTS, tr("User weights, one per chosen component (e.g. 0.5, 0.3, 0.2)"), optional=True))
        cap = QgsProcessingParameterNumber(
            self.CSR_CAP, tr("Cap on the source/sink ratio"), NUMBER_DOUBLE, defaultValue=100.0, minValue=1.000001)
        cap.setFlags(cap.flags() | FLAG_ADVANCED)
        self.addParameter(cap)
        breaks = QgsProcessingParameterString(
            self.LEVEL_BREAKS, tr("Risk level breaks (4 numbers in (0, 1))"), defaultValue="0.2, 0.4, 0.6, 0.8")
        breaks.setFlags(breaks.flags() | FLAG_ADVANCED)
        self.addParameter(breaks)
        self.addParameter(QgsProcessingParameterNumber(
            self.PRICE, tr("Carbon price (yuan per t CO2)"), NUMBER_DOUBLE, defaultValue=60.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Risk layer")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, tr("Risk summary per period"), TYPE_VECTOR, optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("WEIGHTS_USED", tr("Weights used")))
        self.addOutput(QgsProcessingOutputNumber("HIGH_RISK_SHARE", tr("High-risk share of the last period")))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        chosen = [COMPONENTS[i] for i in self.parameterAsEnums(parameters, self.COMPONENTS, context)]
        if not chosen:
            raise CarbonInputError(tr("COMPONENTS: choose at least one of state, trend, pressure."))
        mode = WEIGHT_MODES[self.parameterAsEnum(parameters, self.WEIGHTS, context)]
        user = None
        if mode == "user":
            user = parse_numbers(self.parameterAsString(parameters, self.USER_WEIGHTS, context), self.USER_WEIGHTS,
                                 len(chosen))
        breaks = parse_numbers(self.parameterAsString(parameters, self.LEVEL_BREAKS, context), self.LEVEL_BREAKS, 4)
        data, fields, emission, sink = read_budget(source, progress)
        area = None
        if "pressure" in chosen:
            area = self._areas(source, data, context, progress)
        result = assess_risk(
            emission, sink, fields.years, area,
            period_length=self.parameterAsInt(parameters, self.PERIOD_LENGTH, context),
            components=chosen, weight_mode=mode, user_weights=user,
            cap=self.parameterAsDouble(parameters, self.CSR_CAP, context), level_breaks=breaks,
            price=self.parameterAsDouble(parameters, self.PRICE, context), progress=progress.sub(0.1, 0.8),
        )
        for message in result.messages:
            progress.warning(message)
        weights_text = ", ".join(f"{name} {w:.4f}" for name, w in result.weights.items())
        progress.info(tr("Weights ({mode}): {weights}").format(mode=mode, weights=weights_text))

        new_fields: list[QgsField] = []
        columns = []
        for b, first in enumerate(result.first_years):
            new_fields += [double_field(f"RI_{first}"), int_field(f"RL_{first}"), double_field(f"CV_{first}")]
            columns += [result.index[b], [None if v == 0 else int(v) for v in result.level[b]],
                        result.compensation[b]]
        rows = [[c[k] for c in columns] for k in range(len(data.features))]
        dest = write_layer(self, parameters, self.OUTPUT, context, source, data, new_fields, rows, progress)

        summary_fields = [text_field("period"), int_field("year"), int_field("regions"), int_field("n_nodata")]
        summary_fields += [int_field(f"n_l{k}") for k in LEVEL_LABELS]
        summary_fields += [double_field(f"sh_l{k}") for k in LEVEL_LABELS]
        summary_fields += [int_field("n_high"), double_field("high_share")]
        summary_fields += [double_field(SUMMARY_WEIGHT_FIELDS[name]) for name in result.weights]
        summary_rows = []
        for s in result.summaries:
            summary_rows.append([s.label, s.first_year, s.regions, s.counts[0],
                                 *[s.counts[k] for k in LEVEL_LABELS], *[s.shares[k] for k in LEVEL_LABELS],
                                 s.high_count, s.high_share, *result.weights.values()])
            levels = ", ".join(f"{LEVEL_LABELS[k]} {s.counts[k]}" for k in LEVEL_LABELS)
            progress.info(tr("{period}: {levels}; RI >= {high}: {count} of {n} ({share:.1%})").format(
                period=s.label, levels=levels, high=HIGH_RISK, count=s.high_count, n=s.regions,
                share=s.high_share))
            if s.counts[0]:
                progress.warning(tr("{period}: {n} region(s) without data have no risk index.").format(
                    period=s.label, n=s.counts[0]))
        summary_dest = write_table(self, parameters, self.OUTPUT_SUMMARY, context, summary_fields, summary_rows)
        style_outputs(context, {dest: ("risk_level", f"RL_{result.first_years[-1]}")}, feedback)
        out = {self.OUTPUT: dest, "WEIGHTS_USED": weights_text,
               "HIGH_RISK_SHARE": float(result.summaries[-1].high_share)}
        if summary_dest:
            out[self.OUTPUT_SUMMARY] = summary_dest
        return out

    @staticmethod
    def _areas(source, data, context, progress) -> np.ndarray:
        """AREA_KM2 when the layer has it, else the ellipsoidal area of each polygon (logged)."""
        if data.fields.indexOf(AREA_FIELD) >= 0:
            return data.column(AREA_FIELD)
        measure = QgsDistanceArea()
        measure.setSourceCrs(source.sourceCrs(), context.transformContext())
        measure.setEllipsoid(context.ellipsoid() or "EPSG:7030")
        progress.info(tr("No {field} field: areas are measured on the ellipsoid {ellipsoid}.").format(
            field=AREA_FIELD, ellipsoid=measure.ellipsoid()))
        return np.array([
            measure.convertAreaMeasurement(measure.measureArea(f.geometry()), QgsUnitTypes.AreaSquareKilometers)
            for f in data.features
        ])
