"""carbonbudget:riskuncertainty - Monte Carlo uncertainty of the carbon imbalance risk index."""

from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ..carbon_plugin import schema
from ..carbon_plugin.balance import period_label
from ..carbon_plugin.uncertainty import UNCERTAIN_LEVEL, UncertaintyOptions, risk_uncertainty
from .base import CarbonAlgorithm
from .compat import FLAG_ADVANCED, NUMBER_DOUBLE, NUMBER_INTEGER, TYPE_VECTOR_POLYGON
from .i18n import QT_TRANSLATE_NOOP, tr
from .imbalancerisk import RiskSettingsParameters, method_text
from .params import optional_int
from .styles import style_outputs
from .vectors import describe_layer, schema_fields, write_layer


class RiskUncertainty(RiskSettingsParameters, CarbonAlgorithm):
    ALG_ID = "riskuncertainty"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Uncertainty of the imbalance risk (Monte Carlo)")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP(
        "@default", "carbon imbalance,risk index,uncertainty,Monte Carlo,confidence interval,probability"
    )

    INPUT = "INPUT"
    EMISSION_RSD = "EMISSION_RSD"
    SINK_RSD = "SINK_RSD"
    SHARED = "SHARED"
    DRAWS = "DRAWS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Budget or balance layer (EMI_yyyy, SNK_yyyy fields)"), [TYPE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterNumber(
            self.EMISSION_RSD, tr("Relative standard deviation of the emissions (0.10 = 10 %)"), NUMBER_DOUBLE,
            defaultValue=0.10, minValue=0.0, maxValue=5.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SINK_RSD, tr("Relative standard deviation of the sinks (0.30 = 30 %)"), NUMBER_DOUBLE,
            defaultValue=0.30, minValue=0.0, maxValue=5.0))
        shared = QgsProcessingParameterNumber(
            self.SHARED, tr("Share of the error common to all years of a region (0-1)"), NUMBER_DOUBLE,
            defaultValue=0.5, minValue=0.0, maxValue=1.0)
        shared.setFlags(shared.flags() | FLAG_ADVANCED)
        self.addParameter(shared)
        self.addParameter(QgsProcessingParameterNumber(
            self.DRAWS, tr("Number of draws"), NUMBER_INTEGER, defaultValue=1000, minValue=2, maxValue=1000000))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed (empty: a new one each run)"), NUMBER_INTEGER, defaultValue=1, optional=True,
            minValue=0))
        self.add_settings_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Risk uncertainty layer")))
        self.addOutput(QgsProcessingOutputNumber("UNCERTAIN_COUNT",
                                                 tr("Regions whose last-period level is uncertain")))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        settings = self.settings_from(parameters, context)
        options = UncertaintyOptions(
            settings,
            emission_rsd=self.parameterAsDouble(parameters, self.EMISSION_RSD, context),
            sink_rsd=self.parameterAsDouble(parameters, self.SINK_RSD, context),
            shared=self.parameterAsDouble(parameters, self.SHARED, context),
            draws=self.parameterAsInt(parameters, self.DRAWS, context),
            seed=optional_int(self, parameters, self.SEED, context),
        )
        data, budget = self.budget_from(settings, source, context, progress)
        result = risk_uncertainty(budget, options, progress=progress.sub(0.1, 0.85))
        new_fields: list[QgsField] = []
        columns = []
        for b, first in enumerate(result.first_years):
            new_fields += schema_fields(schema.period_fields(first, schema.UNCERTAINTY_FIELDS))
            columns += [result.median[:, b], result.low[:, b], result.high[:, b], result.p_high[:, b],
                        [None if v == 0 else int(v) for v in result.likely_level[:, b]], result.p_level[:, b]]
        rows = [[c[k] for c in columns] for k in range(len(data.features))]
        dest = write_layer(self, parameters, self.OUTPUT, context, source, data, new_fields, rows, progress)
        method = method_text(settings)
        describe_layer(dest, f"Carbon imbalance risk uncertainty: {method}; {options.draws} draws, emission RSD "
                             f"{options.emission_rsd:g}, sink RSD {options.sink_rsd:g}, shared {options.shared:g}, "
                             f"seed {options.seed}.")
        for b in range(len(result.blocks)):
            progress.info(tr("{period}: {n} region(s) with an uncertain level (most likely level below {p:.0%})")
                          .format(period=period_label(result.blocks[b][1]),
                                  n=result.uncertain_count(b), p=UNCERTAIN_LEVEL))
        style_outputs(context, {dest: ("risk_level", schema.field(schema.LIKELY_LEVEL, result.first_years[-1]))},
                      feedback)
        return {self.OUTPUT: dest, "UNCERTAIN_COUNT": result.uncertain_count(len(result.blocks) - 1)}
