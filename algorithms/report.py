"""carbonbudget:report - one self-contained HTML report: charts, maps rendered by QGIS, tables.

The maps are rendered headlessly with QGIS's own renderer into images (``QgsMapSettings`` +
``QgsMapRendererCustomPainterJob.renderSynchronously`` on a QImage) from memory layers built here
from the features of the inputs, drawn with the layer styles (``styles.categorized_renderer``, the
classes of ``carbon_plugin/legend.py``) so that they look as the layers do in QGIS: nothing touches
``iface``, the canvas or the project, so the algorithm can run in Processing's worker thread.
The report itself is built by ``carbon_plugin/reporting`` (``model`` from the layers read here,
``document`` renders the HTML).
"""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProperty,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, QVariant
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

from ..carbon_plugin import legend, schema
from ..carbon_plugin.errors import CarbonInputError
from ..carbon_plugin.imbalance import summary_levels
from ..carbon_plugin.reporting import document, model
from ..carbon_plugin.risk import LEVEL_LABELS
from ..carbon_plugin.units import UNITS
from .base import PLUGIN_DIR, CarbonAlgorithm
from .compat import (
    FIELD_ANY,
    LINE_GEOMETRY,
    MAP_ANTIALIASING,
    POINT_GEOMETRY,
    TYPE_VECTOR,
    TYPE_VECTOR_ANY,
    TYPE_VECTOR_POLYGON,
    WKB_MULTILINESTRING,
    WKB_MULTIPOINT,
    WKB_MULTIPOLYGON,
    geometry_type,
    is_text_field,
    make_field,
    null_rectangle,
)
from .i18n import QT_TRANSLATE_NOOP, tr, user_locale
from .styles import categorized_renderer
from .vectors import LayerData, read_layer

CLASS_FIELD = "cls"  # the class of a feature in the map's memory layer
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # text boxes in the map pictures
IMAGE_SIZE = QSize(900, 700)
MAP_RECT = (12, 56, 620, 632)  # x, y, width, height of the map inside the image
MARGIN = 0.04  # of the layer extent, each side
PERIOD_PREFIXES = (schema.RISK_INDEX, schema.RISK_LEVEL, schema.STATE, schema.CSR)
UNCERTAINTY_PREFIXES = tuple(prefix for prefix, _ in schema.UNCERTAINTY_FIELDS)
DEFAULT_TITLE = QT_TRANSLATE_NOOP("@default", "Carbon budget and imbalance risk report")


class Report(CarbonAlgorithm):
    ALG_ID = "report"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Carbon budget and risk report (HTML)")
    GROUP_ID = "risk"
    TAGS = QT_TRANSLATE_NOOP(
        "@default", "report,HTML,map,chart,risk level,balance state,hot spot,transition matrix,summary"
    )

    RISK = "RISK"
    BALANCE = "BALANCE"
    HOTSPOTS = "HOTSPOTS"
    NAME_FIELD = "NAME_FIELD"
    PROVINCE_TABLE = "PROVINCE_TABLE"
    TRANSITIONS = "TRANSITIONS"
    RISK_SUMMARY = "RISK_SUMMARY"
    WEIGHTS_USED = "WEIGHTS_USED"
    METHOD = "METHOD"
    UNCERTAINTY = "UNCERTAINTY"
    ANALYSIS_PARAMETERS = "ANALYSIS_PARAMETERS"
    UNITS = "UNITS"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RISK, tr("Risk layer (RI_yyyy, RL_yyyy fields)"), [TYPE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BALANCE, tr("Balance layer (CSR_yyyy, ST_yyyy; if the risk layer lacks them)"),
            [TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, tr("Hot spots layer (GI_BIN)"), [TYPE_VECTOR_ANY], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, tr("Region name field (default: the first text field)"),
            parentLayerParameterName=self.RISK, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROVINCE_TABLE, tr("Province totals per year (table: year, emission, sink, net, csr)"),
            [TYPE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TRANSITIONS, tr("State transitions (table)"), [TYPE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RISK_SUMMARY, tr("Risk summary per period (table)"), [TYPE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS_USED, tr("Weights used (e.g. 'state 0.61, trend 0.39'; empty: from the risk summary)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.METHOD, tr("Method of the risk index (e.g. 'absolute index, equal weights'; empty: from the risk "
                            "summary)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNCERTAINTY, tr("Risk uncertainty layer (RIM_yyyy, PH_yyyy, PL_yyyy fields)"), [TYPE_VECTOR_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ANALYSIS_PARAMETERS, tr("Analysis parameters to list (e.g. 'PERIOD_LENGTH=5; WEIGHTS=entropy')"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.UNITS, tr("Units of the emission and sink values"), options=list(UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), defaultValue=tr(DEFAULT_TITLE)))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Report"), tr("HTML files (*.html)")))
        self.addOutput(QgsProcessingOutputString("PERIODS", tr("Periods")))
        self.addOutput(QgsProcessingOutputNumber("MAPS", tr("Maps")))

    # -----------------------------------------------------------------------------------------

    def compute(self, parameters, context, feedback, progress):
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        risk_source = self.parameterAsSource(parameters, self.RISK, context)
        if risk_source is None:
            raise CarbonInputError(tr("RISK: the risk layer could not be read."))
        risk = read_layer(risk_source, progress, "risk layer")
        risk_fields = _period_fields(risk)
        firsts = sorted(set(risk_fields[schema.RISK_INDEX]) | set(risk_fields[schema.RISK_LEVEL]))
        if not firsts:
            raise CarbonInputError(tr("RISK: the layer has no RI_yyyy or RL_yyyy fields; make it with "
                                      "'Carbon imbalance risk index'."))
        notes: list[str] = []
        years = _years(risk)
        labels = model.period_labels(firsts, years)
        names = self._names(parameters, context, risk, progress)
        index = risk.columns([risk_fields[schema.RISK_INDEX].get(y) for y in firsts])  # (regions, periods)
        stored = risk.columns([risk_fields[schema.RISK_LEVEL].get(y) for y in firsts])  # NaN: NULL or no field
        # the layer's summary, counted as imbalancerisk counts (imbalance.period_summary): the index decides
        # whether a region has one; the maps and the top regions show the levels the summary counts
        layer_summary = model.risk_summary_from_layer(index, stored, labels, firsts)
        level = np.stack([summary_levels(index[:, b], stored[:, b]) for b in range(len(firsts))],
                         axis=1).astype(np.float64)
        notes += level_notes(index, stored, labels, [risk_fields[schema.RISK_LEVEL].get(y) for y in firsts])

        balance_source = self.parameterAsSource(parameters, self.BALANCE, context) if parameters.get(
            self.BALANCE) else None
        balance = read_layer(balance_source, progress, "balance layer") if balance_source else risk
        balance_crs = balance_source.sourceCrs() if balance_source else risk_source.sourceCrs()
        balance_fields = _period_fields(balance)
        state_years = sorted(balance_fields[schema.STATE])
        if not state_years:
            notes.append(tr("No balance states (ST_yyyy fields): give the balance layer as BALANCE for the state "
                            "maps and the transitions."))

        # tables, or the same numbers from the layers
        province = self._province(parameters, context, risk, years, progress)
        transitions = self._transitions(parameters, context, balance, balance_fields, years, progress)
        summary, weights, method = self._summary(parameters, context, layer_summary, progress, notes)
        text = self.parameterAsString(parameters, self.WEIGHTS_USED, context)
        if not weights and text.strip():  # the w_* columns of the summary table first; the text is a fallback
            weights = model.parse_weights(text)
        method = self._method(parameters, context, method, notes)

        # top regions in the last period, with the CSR and state of that period where known
        last = firsts[-1]
        csr, state = self._balance_of_last_period(risk, risk_fields, balance, balance_fields, last, names, parameters,
                                                  context, progress)
        top = model.top_regions(names, index[:, -1], level[:, -1], csr, state)

        # maps
        hot_source = self.parameterAsSource(parameters, self.HOTSPOTS, context) if parameters.get(
            self.HOTSPOTS) else None
        hot = read_layer(hot_source, progress, "hot spots layer") if hot_source else risk
        hot_crs = hot_source.sourceCrs() if hot_source else risk_source.sourceCrs()
        gi_field = _field_name(hot, schema.GI_BIN)
        uncertainty = self._uncertainty(parameters, context, firsts, labels, years, progress)
        jobs = 2 * len(firsts) + 1 + (uncertainty is not None)
        done = 0
        sections = []
        for b, first in enumerate(firsts):
            section = model.PeriodSection(labels[b], first, index=index[:, b])
            if first in balance_fields[schema.STATE]:
                title = tr("Balance state {period}").format(period=labels[b])
                section.figures.append(model.Figure(title, render_map(
                    balance, balance_crs, balance.column(balance_fields[schema.STATE][first]),
                    legend.BALANCE_STATE, title)))
            done += 1
            progress.report(0.2 + 0.7 * done / jobs)
            title = tr("Risk level {period}").format(period=labels[b])
            section.figures.append(model.Figure(title, render_map(
                risk, risk_source.sourceCrs(), np.where(level[:, b] > 0, level[:, b], np.nan), legend.RISK_LEVEL,
                title)))
            done += 1
            progress.report(0.2 + 0.7 * done / jobs)
            row = layer_summary[b]
            known = ~np.isnan(index[:, b])
            section.facts = [
                (tr("Regions with a risk index"), str(row.regions)),
                *([(tr("Regions without a risk index (no data)"), str(row.nodata))] if row.nodata else []),
                (tr("Mean risk index"), document.fmt(np.mean(index[:, b][known]) if known.any() else math.nan, 3)),
                (tr("High-risk share (RI >= 0.6)"), document.share_text(row.high_share)),
            ]
            sections.append(section)
        if uncertainty is not None:
            summary_u, data, crs, ph = uncertainty
            title = tr("Probability of a high risk index (0.6 or more), {period}").format(period=summary_u.period)
            classes = np.where(np.isfinite(ph), np.minimum(np.floor(ph * 5) + 1, 5), np.nan)
            summary_u.figures.append(model.Figure(title, render_map(data, crs, classes, legend.HIGH_RISK_PROBABILITY,
                                                                    title)))
            uncertainty = summary_u
            progress.report(0.2 + 0.7 * (jobs - 1) / jobs)
        hotspots = []
        if gi_field:
            title = tr("Gi* hot and cold spots")
            hotspots.append(model.Figure(title, render_map(hot, hot_crs, hot.column(gi_field), legend.GI_BIN, title)))
        progress.report(0.95)

        report = model.Report(
            title=self.parameterAsString(parameters, self.TITLE, context).strip() or tr(DEFAULT_TITLE),
            version=model.plugin_version(PLUGIN_DIR / "metadata.txt"),
            language=report_language(),
            units=UNITS[self.parameterAsEnum(parameters, self.UNITS, context)],
            province=province, risk_summary=summary, weights=weights, top_period=labels[-1], top=top,
            transitions=transitions, periods=sections, method=method, uncertainty=uncertainty, hotspots=hotspots,
            inputs=self._inputs(parameters, context, output),
            analysis_parameters=model.parse_key_values(
                self.parameterAsString(parameters, self.ANALYSIS_PARAMETERS, context)),
            facts=[(tr("Regions"), str(len(risk.features))), (tr("Periods"), ", ".join(labels)),
                   (tr("Years"), f"{years[0]}-{years[-1]}" if years else "–"),
                   (tr("Coordinate reference system"), risk_source.sourceCrs().userFriendlyIdentifier())],
            notes=notes,
        )
        for note in notes:
            progress.warning(note)
        path = document.write_html(output, document.build_html(report, tr))
        maps = sum(len(s.figures) for s in sections) + len(hotspots) + (len(uncertainty.figures) if uncertainty else 0)
        progress.info(tr("Report written: {path} ({maps} maps).").format(path=path, maps=maps))
        progress.report(1.0)
        return {self.OUTPUT: path, "PERIODS": ",".join(labels), "MAPS": maps}

    # -----------------------------------------------------------------------------------------

    def _names(self, parameters, context, data: LayerData, progress) -> list[str]:
        name = self.parameterAsString(parameters, self.NAME_FIELD, context)
        if not name:
            name = next((f.name() for f in data.fields if is_text_field(f)
                         and not _generated_text(f.name())), "")
        index = data.fields.indexOf(name) if name else -1
        if index < 0:
            progress.info(tr("No region name field: regions are named by their feature number."))
            return [f"#{k + 1}" for k in range(len(data.features))]
        names = []
        for k, feature in enumerate(data.features):
            value = feature.attributes()[index]
            null = value is None or (isinstance(value, QVariant) and value.isNull())
            names.append(f"#{k + 1}" if null or str(value) == "" else str(value))
        return names

    def _table(self, parameters, name, context, progress) -> list[dict] | None:
        """The rows of an optional table as dicts keyed by lower-case field names, or None."""
        if not parameters.get(name):
            return None
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise CarbonInputError(tr("{param}: the table could not be read.").format(param=name))
        keys = [f.name().lower() for f in source.fields()]
        rows = []
        for feature in source.getFeatures():
            values = []
            for value in feature.attributes():
                if isinstance(value, QVariant):
                    value = None if value.isNull() else value.value()
                values.append(value)
            rows.append(dict(zip(keys, values)))
            if len(rows) % 1000 == 0:
                progress.report(0.15)
        return rows

    def _province(self, parameters, context, risk: LayerData, years, progress) -> model.ProvinceSeries | None:
        rows = self._table(parameters, self.PROVINCE_TABLE, context, progress)
        if rows is not None:
            missing = [c for c in ("year", "emission", "sink") if rows and c not in rows[0]]
            if missing or not rows:
                raise CarbonInputError(tr("PROVINCE_TABLE: the table needs the fields year, emission and sink "
                                          "(the province table of 'Balance states and transformation trend')."))
            return model.province_from_table(rows)
        if not years:
            return None
        found = schema.fields_by_prefix(risk.fields.names(), (schema.EMISSION, schema.SINK))
        emission = risk.columns([found[schema.EMISSION][y] for y in years])
        sink = risk.columns([found[schema.SINK][y] for y in years])
        return model.province_from_budget(emission, sink, years)

    def _transitions(self, parameters, context, balance: LayerData, fields, years, progress) -> list:
        rows = self._table(parameters, self.TRANSITIONS, context, progress)
        if rows is not None:
            if rows and not {"from_state", "to_state", "count"} <= set(rows[0]):
                raise CarbonInputError(tr("TRANSITIONS: the table needs the fields from_per, to_per, from_state, "
                                          "to_state and count (the transition table of 'Balance states and "
                                          "transformation trend')."))
            return model.transitions_from_table(rows)
        state_years = sorted(fields[schema.STATE])
        if len(state_years) < 2:
            return []
        states = balance.columns([fields[schema.STATE][y] for y in state_years])
        return model.transitions_from_states(states, model.period_labels(state_years, years))

    def _summary(self, parameters, context, derived: list[model.RiskRow], progress, notes):
        """The summary table's rows, weights and method when RISK_SUMMARY is given (a note where its counts
        differ from the layer's), else the layer's summary."""
        rows = self._table(parameters, self.RISK_SUMMARY, context, progress)
        if rows is None:
            return derived, {}, model.RiskMethod()
        if rows and not {"period", "n_l1", "n_high"} <= set(rows[0]):
            raise CarbonInputError(tr("RISK_SUMMARY: the table needs the fields period, n_l1 ... n_l5, n_high "
                                      "(the summary table of 'Carbon imbalance risk index')."))
        summary, weights = model.risk_summary_from_table(rows)
        by_label = {row.period: row for row in derived}
        for row in summary:
            mine = by_label.get(row.period)
            if mine is not None and ((mine.regions, mine.nodata, mine.counts, mine.high_count)
                                     != (row.regions, row.nodata, row.counts, row.high_count)):
                notes.append(tr("RISK_SUMMARY: the counts of {period} differ from the risk layer's; are the table "
                                "and the layer from the same run?").format(period=row.period))
        return summary, weights, model.method_from_table(rows)

    def _method(self, parameters, context, from_table: model.RiskMethod, notes: list[str]) -> model.RiskMethod:
        """The method from the summary table's normalis / weighting columns, else from METHOD."""
        text = self.parameterAsString(parameters, self.METHOD, context)
        given = model.parse_method(text) if text.strip() else None
        if from_table.normalisation or from_table.weighting:
            if given is not None and (given.normalisation, given.weighting) != (from_table.normalisation,
                                                                                from_table.weighting):
                notes.append(tr("METHOD ('{text}') differs from the risk summary table ({normalisation}, "
                                "{weighting}); the table's is shown.").format(
                    text=text.strip(), normalisation=from_table.normalisation, weighting=from_table.weighting))
            return from_table
        return given or model.RiskMethod()

    def _uncertainty(self, parameters, context, firsts, labels, years, progress):
        """(summary without maps, layer, CRS, PH of the last period) of the UNCERTAINTY layer, or None."""
        if not parameters.get(self.UNCERTAINTY):
            return None
        source = self.parameterAsSource(parameters, self.UNCERTAINTY, context)
        if source is None:
            raise CarbonInputError(tr("UNCERTAINTY: the layer could not be read."))
        data = read_layer(source, progress, "uncertainty layer")
        found = schema.fields_by_prefix(data.fields.names(), UNCERTAINTY_PREFIXES)
        periods = schema.common_years(data.fields.names(), schema.RI_MEDIAN, schema.RI_LOW, schema.RI_HIGH,
                                      schema.P_HIGH, schema.P_LEVEL)
        if not periods:
            raise CarbonInputError(tr("UNCERTAINTY: the layer has no RIM_yyyy, RIL_yyyy, RIH_yyyy, PH_yyyy and "
                                      "PL_yyyy fields; make it with 'Uncertainty of the imbalance risk (Monte "
                                      "Carlo)'."))
        by_first = dict(zip(firsts, labels))
        own = model.period_labels(periods, _years(data) or years)
        names = self._names(parameters, context, data, progress)

        def columns(prefix):
            return data.columns([found[prefix].get(y) for y in periods])

        summary = model.uncertainty_summary(
            names, [by_first.get(y, own[k]) for k, y in enumerate(periods)],
            *(columns(prefix) for prefix in UNCERTAINTY_PREFIXES))
        for label, n, regions in zip(summary.periods, summary.uncertain, summary.regions):
            progress.info(tr("{period}: {n} of {regions} regions with an uncertain risk level.").format(
                period=label, n=n, regions=regions))
        return summary, data, source.sourceCrs(), columns(schema.P_HIGH)[:, -1]

    def _balance_of_last_period(self, risk, risk_fields, balance, balance_fields, last, names, parameters, context,
                                progress):
        """CSR and state of the last period per risk feature: from the risk layer, or the balance layer joined
        by region name (when the names are unique)."""
        if last in risk_fields[schema.CSR] or last in risk_fields[schema.STATE]:
            return (risk.column(risk_fields[schema.CSR].get(last)) if last in risk_fields[schema.CSR] else None,
                    risk.column(risk_fields[schema.STATE].get(last)) if last in risk_fields[schema.STATE] else None)
        if balance is risk or not (last in balance_fields[schema.CSR] or last in balance_fields[schema.STATE]):
            return None, None
        balance_names = self._names(parameters, context, balance, progress)
        if len(set(balance_names)) != len(balance_names) or balance_names[0].startswith("#"):
            return None, None
        position = {name: k for k, name in enumerate(balance_names)}
        rows = [position.get(name, -1) for name in names]

        def take(column):
            values = balance.column(column)
            return np.array([values[r] if r >= 0 else math.nan for r in rows])

        return (take(balance_fields[schema.CSR][last]) if last in balance_fields[schema.CSR] else None,
                take(balance_fields[schema.STATE][last]) if last in balance_fields[schema.STATE] else None)

    def _inputs(self, parameters, context, output: str) -> list[tuple[str, str, str]]:
        rows = []
        for definition in self.parameterDefinitions():
            name = definition.name()
            if name == self.OUTPUT:
                value = output
            elif name == self.UNITS:
                value = UNITS[self.parameterAsEnum(parameters, name, context)]
            else:
                value = _value_text(parameters.get(name, definition.defaultValue()), context)
            rows.append((name, definition.description(), value))
        return rows


# ---------------------------------------------------------------------------------------------
# Reading helpers


def level_notes(index: np.ndarray, stored: np.ndarray, labels, level_fields) -> list[str]:
    """Notes where the layer's RI_yyyy and RL_yyyy disagree on which regions have data ((regions, periods),
    NaN for NULL): a level without an index counts as no data; an index without a level (RL_yyyy NULL, 0 or
    outside 1-5) counts at the level of its index (no note when the layer has no RL_yyyy field at all)."""
    notes = []
    for b, label in enumerate(labels):
        given = np.isin(stored[:, b], list(LEVEL_LABELS))
        known = ~np.isnan(index[:, b])
        if np.any(given & ~known):
            notes.append(tr("{period}: {n} region(s) have a risk level but no risk index; they count as no data.")
                         .format(period=label, n=int(np.sum(given & ~known))))
        if level_fields[b] and np.any(known & ~given):
            notes.append(tr("{period}: {n} region(s) have a risk index but no risk level; they count at the level "
                            "of their index (default breaks).").format(period=label, n=int(np.sum(known & ~given))))
    return notes


def _period_fields(data: LayerData) -> dict[str, dict[int, str]]:
    """{'RI_': {2001: 'RI_2001', ...}, 'RL_': ..., 'ST_': ..., 'CSR_': ...} (names matched without case)."""
    return schema.fields_by_prefix(data.fields.names(), PERIOD_PREFIXES)


def _years(data: LayerData) -> list[int]:
    """Years with both EMI_yyyy and SNK_yyyy fields."""
    return schema.common_years(data.fields.names(), schema.EMISSION, schema.SINK)


def _generated_text(name: str) -> bool:
    """A text field the stages write (CH_yyyy, LISA_CL), not a region name."""
    return schema.year_of(name, schema.CHANGE) is not None or name.upper() == schema.LISA_CLASS


def _field_name(data: LayerData, name: str) -> str | None:
    return next((f.name() for f in data.fields if f.name().upper() == name.upper()), None)


def _value_text(value, context) -> str:
    """A parameter value as text: layer sources as their path, empty as a dash."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source()
    if value is None or (isinstance(value, str) and not value.strip()):
        return "–"
    if isinstance(value, (list, tuple)):
        return ", ".join(_value_text(v, context) for v in value)
    return str(value)


# ---------------------------------------------------------------------------------------------
# Maps


def render_map(data: LayerData, crs, values: np.ndarray, kind: str, title: str) -> bytes:
    """A PNG (IMAGE_SIZE) of the features coloured by their class ``values`` (NaN = no data) in the
    layer style of ``kind`` (a categorical kind of ``carbon_plugin/legend.py``), with title and legend.

    The features are copied into a memory layer with one integer field styled by
    ``styles.categorized_renderer``, as the output layers are; the map is drawn by QGIS's renderer
    into a QImage in this thread. Optional classes (state 0) are in the legend only where present.
    """
    classes = np.where(np.isfinite(values), np.round(values), np.nan)
    layer, extent = class_layer(data, crs, classes)
    present = [int(v) for v in np.unique(classes[np.isfinite(classes)])]
    renderer = categorized_renderer(kind, CLASS_FIELD, layer.geometryType(), present)
    layer.setRenderer(renderer)
    rows = legend_rows(renderer, classes)

    extent, (x, y, width, height) = map_frame(extent)
    map_image = _render(layer, extent, QSize(width, height))
    image = QImage(IMAGE_SIZE, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.drawImage(x, y, map_image)
        painter.setPen(QPen(QColor("#888888"), 1))
        painter.drawRect(x, y, width - 1, height - 1)
        painter.setPen(QColor("#222222"))
        painter.setFont(_font(20, bold=True))
        painter.drawText(QRectF(x, 10, IMAGE_SIZE.width() - 2 * x, 40), int(LEFT_MIDDLE), title)
        legend_x = MAP_RECT[0] + MAP_RECT[2] + 16
        _legend(painter, legend_x, MAP_RECT[1], IMAGE_SIZE.width() - legend_x - 8, rows,
                tr("{n} regions").format(n=len(data.features)))
    finally:
        painter.end()
    return _png(image)


def class_layer(data: LayerData, crs, classes: np.ndarray) -> tuple[QgsVectorLayer, QgsRectangle]:
    """A memory layer of the features (their geometry as multi-part 2D) with their class in the
    integer field CLASS_FIELD (NULL for NaN), and its extent."""
    fields = QgsFields()
    fields.append(make_field(CLASS_FIELD, "int"))
    geometry_kind = geometry_type(data.features[0].geometry().wkbType()) if data.features else None
    wkb = {POINT_GEOMETRY: WKB_MULTIPOINT,
           LINE_GEOMETRY: WKB_MULTILINESTRING}.get(geometry_kind, WKB_MULTIPOLYGON)
    # constructed from Python (not returned by a C++ factory) so sip never hands back a stale wrapper
    # of a layer deleted earlier at the same address: seen as "wrapped C/C++ object ... deleted" when
    # this ran in a background task
    layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(wkb)}?crs={crs.authid() or 'EPSG:4326'}",
                           "report map", "memory")
    if crs.isValid():
        layer.setCrs(crs)
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    features = []
    extent = null_rectangle()
    for feature, value in zip(data.features, classes):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.get().dropZValue()
        geometry.get().dropMValue()
        geometry.convertToMultiType()
        out = QgsFeature(fields)
        out.setGeometry(geometry)
        out.setAttributes([None if math.isnan(value) else int(value)])
        features.append(out)
        extent.combineExtentWith(geometry.boundingBox())
    layer.dataProvider().addFeatures(features)
    return layer, extent


def legend_rows(renderer, classes: np.ndarray) -> list[tuple[str, str]]:
    """(colour, 'label (count)') per category of the renderer; its 'No data' category (value '')
    only when some features have no class."""
    rows = []
    for category in renderer.categories():
        value = category.value()
        count = int(np.sum(np.isnan(classes))) if value == "" else int(np.sum(classes == value))
        if value != "" or count:
            rows.append((category.symbol().color().name(), f"{category.label()} ({count})"))
    return rows


def report_language() -> str:
    """The report's HTML lang: 'zh-CN' when the QGIS interface is Chinese, else 'en' (the text is
    English then; the C or POSIX locale would otherwise give lang="C")."""
    return "zh-CN" if user_locale().lower().startswith("zh") else "en"


def map_frame(extent: QgsRectangle) -> tuple[QgsRectangle, tuple[int, int, int, int]]:
    """The extent to draw (the layer extent plus MARGIN of its larger side on each side) and the map
    frame (x, y, width, height) inside MAP_RECT with the same aspect ratio, centred: the map fills its
    frame instead of leaving a wide or tall province half the frame of empty paper."""
    if extent.isEmpty() or not extent.isFinite():
        extent = QgsRectangle(extent.xMinimum() - 1, extent.yMinimum() - 1, extent.xMaximum() + 1,
                              extent.yMaximum() + 1) if extent.isFinite() else QgsRectangle(-1, -1, 1, 1)
    pad = MARGIN * max(extent.width(), extent.height())
    extent = QgsRectangle(extent.xMinimum() - pad, extent.yMinimum() - pad, extent.xMaximum() + pad,
                          extent.yMaximum() + pad)
    x, y, width, height = MAP_RECT
    aspect = extent.width() / extent.height()
    if aspect > width / height:  # wider than the frame: full width, shorter frame
        fitted = max(1, round(width / aspect))
        return extent, (x, y + (height - fitted) // 2, width, fitted)
    fitted = max(1, round(height * aspect))
    return extent, (x + (width - fitted) // 2, y, fitted, height)


def map_settings(layer, extent: QgsRectangle, size: QSize) -> QgsMapSettings:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(extent)
    settings.setOutputSize(size)
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor("#ffffff"))
    settings.setFlag(MAP_ANTIALIASING, True)
    return settings


def _render(layer, extent: QgsRectangle, size: QSize) -> QImage:
    settings = map_settings(layer, extent, size)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
    finally:
        painter.end()
    return image


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _legend(painter: QPainter, x: int, y: int, width: int, rows: list[tuple[str, str]], footer: str) -> None:
    painter.setFont(_font(14, bold=True))
    painter.setPen(QColor("#222222"))
    painter.drawText(QRectF(x, y, width, 22), int(LEFT_MIDDLE), tr("Legend"))
    painter.setFont(_font(13))
    top = y + 32
    for colour, label in rows:
        painter.setPen(QPen(QColor("#5a5a5a"), 1))
        painter.setBrush(QColor(colour))
        painter.drawRect(x, top + 2, 26, 16)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(x + 34, top - 2, width - 34, 24), int(LEFT_MIDDLE), label)
        top += 28
    painter.setFont(_font(12))
    painter.setPen(QColor("#555555"))
    painter.drawText(QRectF(x, top + 8, width, 22), int(LEFT_MIDDLE), footer)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)

