"""carbonbudget:imbalancerisk - carbon imbalance risk index, level and compensation value per period."""

from __future__ import annotations

from dataclasses import replace

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
)

from ..carbon_plugin import schema
from ..carbon_plugin.errors import CarbonInputError
from ..carbon_plugin.imbalance import COMPONENTS, DEFAULT_PRICE, HIGH_RISK, RiskSettings, assess_risk
from ..carbon_plugin.inputs import BudgetTable
from ..carbon_plugin.risk import LEVEL_LABELS, NORMALISATIONS, WEIGHT_MODES
from ..carbon_plugin.trend import periods
from .base import CarbonAlgorithm
from .compat import (
    AREA_SQUARE_KILOMETERS,
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    TYPE_VECTOR,
    TYPE_VECTOR_POLYGON,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_enum, optional_number, param_label, parse_numbers
from .styles import style_outputs
from .vectors import (
    AREA_FIELD,
    LayerData,
    describe_layer,
    read_budget,
    schema_fields,
    write_layer,
    write_table,
)

COMPONENT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "State: share of the emission not absorbed, 1 - S/E (relative: log of the ratio)"),
    QT_TRANSLATE_NOOP("@default", "Trend: Mann-Kendall rise of the ratio in the period (relative: change from "
                                  "the previous period)"),
    QT_TRANSLATE_NOOP("@default", "Pressure: emission density (t per km2 per year)"),
)
WEIGHT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Entropy weights"),
    QT_TRANSLATE_NOOP("@default", "Equal weights"),
    QT_TRANSLATE_NOOP("@default", "User weights (USER_WEIGHTS)"),
)
NORMALISATION_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Absolute: bounded components, comparable across regions and periods"),
    QT_TRANSLATE_NOOP("@default", "Relative: min-max over the regions and periods of this layer (earlier method)"),
)


class RiskSettingsParameters:
    """The index settings imbalancerisk and riskuncertainty share: parameters and reading them."""

    PERIOD_LENGTH = "PERIOD_LENGTH"
    NORMALISATION = "NORMALISATION"
    COMPONENTS = "COMPONENTS"
    WEIGHTS = "WEIGHTS"
    USER_WEIGHTS = "USER_WEIGHTS"
    REFERENCE_DENSITY = "REFERENCE_DENSITY"
    CSR_CAP = "CSR_CAP"
    LEVEL_BREAKS = "LEVEL_BREAKS"

    def add_settings_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterNumber(
            self.PERIOD_LENGTH, tr("Period length (years)"), NUMBER_INTEGER, defaultValue=5, minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.NORMALISATION, tr("Normalisation"), options=[tr(s) for s in NORMALISATION_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.COMPONENTS, tr("Components"), options=[tr(s) for s in COMPONENT_LABELS], allowMultiple=True,
            defaultValue=[0, 1]))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, tr("Weights (empty: equal for absolute, entropy for relative)"),
            options=[tr(s) for s in WEIGHT_LABELS], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.USER_WEIGHTS, tr("User weights, one per chosen component (e.g. 0.5, 0.3, 0.2)"), optional=True))
        reference = QgsProcessingParameterNumber(
            self.REFERENCE_DENSITY, tr("Reference emission density for the pressure component (t per km2 per year; "
                                       "empty: the median of the layer)"), NUMBER_DOUBLE, optional=True,
            minValue=0.000001)
        reference.setFlags(reference.flags() | FLAG_ADVANCED)
        self.addParameter(reference)
        cap = QgsProcessingParameterNumber(
            self.CSR_CAP, tr("Cap on the source/sink ratio (relative normalisation)"), NUMBER_DOUBLE,
            defaultValue=100.0, minValue=1.000001)
        cap.setFlags(cap.flags() | FLAG_ADVANCED)
        self.addParameter(cap)
        breaks = QgsProcessingParameterString(
            self.LEVEL_BREAKS, tr("Risk level breaks (4 numbers in (0, 1))"), defaultValue="0.2, 0.4, 0.6, 0.8")
        breaks.setFlags(breaks.flags() | FLAG_ADVANCED)
        self.addParameter(breaks)

    def settings_from(self, parameters, context, price: float = DEFAULT_PRICE) -> RiskSettings:
        """The checked ``RiskSettings`` of a run (``price`` per t for the compensation values)."""
        chosen = [COMPONENTS[i] for i in self.parameterAsEnums(parameters, self.COMPONENTS, context)]
        if not chosen:
            raise CarbonInputError(tr("{param}: choose at least one of state, trend, pressure.").format(
                param=param_label(self, self.COMPONENTS)))
        weights = optional_enum(self, parameters, self.WEIGHTS, context)
        mode = None if weights is None else WEIGHT_MODES[weights]
        user = None
        if mode == "user":
            user = parse_numbers(self.parameterAsString(parameters, self.USER_WEIGHTS, context),
                                 param_label(self, self.USER_WEIGHTS),
                                 len(chosen))
        return RiskSettings(
            NORMALISATIONS[self.parameterAsEnum(parameters, self.NORMALISATION, context)], tuple(chosen), mode, user,
            self.parameterAsDouble(parameters, self.CSR_CAP, context),
            optional_number(self, parameters, self.REFERENCE_DENSITY, context),
            self.parameterAsInt(parameters, self.PERIOD_LENGTH, context),
            tuple(parse_numbers(self.parameterAsString(parameters, self.LEVEL_BREAKS, context),
                                param_label(self, self.LEVEL_BREAKS), 4)),
            price,
        )

    def budget_from(self, settings: RiskSettings, source, context, progress) -> tuple[LayerData, BudgetTable]:
        """The layer's features and its budget, with the region areas (km2) when the pressure
        component is chosen."""
        data, budget = read_budget(source, progress)
        if "pressure" in settings.components:
            budget = replace(budget, area_km2=region_areas(source, data, context, progress))
        return data, budget


def method_text(settings) -> str:
    """'absolute index, equal weights' - the method as the outputs and the report name it."""
    return f"{settings.normalisation} index, {settings.weight_mode} weights"


def region_areas(source, data, context, progress) -> np.ndarray:
    """AREA_KM2 when the layer has it, else the ellipsoidal area of each polygon (logged)."""
    if data.fields.indexOf(AREA_FIELD) >= 0:
        return data.column(AREA_FIELD)
    measure = QgsDistanceArea()
    measure.setSourceCrs(source.sourceCrs(), context.transformContext())
    measure.setEllipsoid(context.ellipsoid() or "EPSG:7030")
    progress.info(tr("No {field} field: areas are measured on the ellipsoid {ellipsoid}.").format(
        field=AREA_FIELD, ellipsoid=measure.ellipsoid()))
    return np.array([
        measure.convertAreaMeasurement(measure.measureArea(f.geometry()), AREA_SQUARE_KILOMETERS)
        for f in data.features
    ])


def layer_z(data, first_years: list[int]) -> np.ndarray | None:
    """MKZ_yyyy of a balance layer, (regions, periods), when it has exactly these periods."""
    found = schema.years_of(data.fields.names(), schema.MKZ)
    if set(found) != set(first_years):
        return None
    return data.columns([found[y] for y in first_years])


class ImbalanceRisk(RiskSettingsParameters, CarbonAlgorithm):
    ALG_ID = "imbalancerisk"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Carbon imbalance risk index")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP(
        "@default",
        "carbon imbalance,risk index,entropy weight,risk level,compensation,carbon price,source sink ratio"
    )

    INPUT = "INPUT"
    PRICE = "PRICE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Budget or balance layer (EMI_yyyy, SNK_yyyy fields)"), [TYPE_VECTOR_POLYGON]))
        self.add_settings_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.PRICE, tr("Carbon price (yuan per t CO2)"), NUMBER_DOUBLE, defaultValue=DEFAULT_PRICE, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Risk layer")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, tr("Risk summary per period"), TYPE_VECTOR, optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("WEIGHTS_USED", tr("Weights used")))
        self.addOutput(QgsProcessingOutputString("METHOD", tr("Normalisation and weighting")))
        self.addOutput(QgsProcessingOutputNumber("HIGH_RISK_SHARE", tr("High-risk share of the last period")))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        settings = self.settings_from(parameters, context, self.parameterAsDouble(parameters, self.PRICE, context))
        data, budget = self.budget_from(settings, source, context, progress)
        z = layer_z(data, [first for first, _ in periods(budget.years, settings.period_length)])
        if z is not None and settings.normalisation == "absolute":
            progress.info(tr("Mann-Kendall Z read from the MKZ_yyyy fields of the input layer."))
        result = assess_risk(budget, settings, mk_z=z, progress=progress.sub(0.1, 0.8))
        method = method_text(settings)
        weights_text = ", ".join(f"{name} {w:.4f}" for name, w in result.weights.items())
        progress.info(tr("Method: {method}; weights: {weights}").format(method=method, weights=weights_text))

        new_fields: list[QgsField] = []
        columns = []
        for b, first in enumerate(result.first_years):
            new_fields += schema_fields(schema.period_fields(first, schema.RISK_FIELDS))
            columns += [result.index[:, b], [None if v == 0 else int(v) for v in result.level[:, b]],
                        result.compensation[:, b]]
        rows = [[c[k] for c in columns] for k in range(len(data.features))]
        dest = write_layer(self, parameters, self.OUTPUT, context, source, data, new_fields, rows, progress)
        describe_layer(dest, f"Carbon imbalance risk: {method} ({weights_text}).")

        summary_fields = schema_fields(schema.summary_columns(result.weights))
        summary_rows = []
        for s in result.summaries:
            summary_rows.append([s.label, s.first_year, settings.normalisation, settings.weight_mode, s.regions,
                                 s.counts[0], *[s.counts[k] for k in LEVEL_LABELS],
                                 *[s.shares[k] for k in LEVEL_LABELS], s.high_count, s.high_share,
                                 *result.weights.values()])
            levels = ", ".join(f"{LEVEL_LABELS[k]} {s.counts[k]}" for k in LEVEL_LABELS)
            progress.info(tr("{period}: {levels}; RI >= {high}: {count} of {n} ({share:.1%})").format(
                period=s.label, levels=levels, high=HIGH_RISK, count=s.high_count, n=s.regions,
                share=s.high_share))
            if s.counts[0]:
                progress.warning(tr("{period}: {n} region(s) without data have no risk index.").format(
                    period=s.label, n=s.counts[0]))
        summary_dest = write_table(self, parameters, self.OUTPUT_SUMMARY, context, summary_fields, summary_rows)
        style_outputs(context, {dest: ("risk_level", schema.field(schema.RISK_LEVEL, result.first_years[-1]))},
                      feedback)
        out = {self.OUTPUT: dest, "WEIGHTS_USED": weights_text, "METHOD": method,
               "HIGH_RISK_SHARE": float(result.summaries[-1].high_share)}
        if summary_dest:
            out[self.OUTPUT_SUMMARY] = summary_dest
        return out
