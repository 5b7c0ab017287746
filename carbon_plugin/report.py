"""The HTML report of a carbon budget and imbalance risk analysis (no QGIS import).

``build_html`` turns a :class:`Report` into one self-contained HTML file: the provincial time
series (chart + table), the risk summary with the index method (normalisation and weighting), the
weights, the top regions by risk, the balance-state transition matrices, a section per period with
its maps and a histogram of the risk index, the Monte Carlo uncertainty of the index, the Gi* hot
spot map, the inputs and parameters, and the plugin version. Images are embedded (base64 PNG, or
inline SVG), so the file can be mailed or archived alone.

Charts are drawn with matplotlib when it can be imported (and, for Chinese labels, a CJK font is
installed); otherwise with the small built-in SVG line and bar charts below, so the report never
fails for lack of a package. The maps are PNG bytes rendered by the adapter (QGIS's own renderer).

Every heading and label goes through the ``translate`` callable the adapter passes in (Qt's
translation in QGIS); the English literals used here are also marked for extraction in
``algorithms/report.py`` (``REPORT_TEXTS``; a test checks both lists agree). All text is escaped.
"""

from __future__ import annotations

import base64
import configparser
import html
import io
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import numpy as np

from . import files, schema
from .balance import period_label, province_totals
from .imbalance import HIGH_RISK
from .risk import risk_levels
from .schema import number as _number
from .trend import transition_matrix

Translate = Callable[[str], str]

# labels shown in the report (translated at use); the adapter marks the same literals
LEVEL_NAMES = {1: "Low", 2: "Relatively low", 3: "Medium", 4: "Relatively high", 5: "High"}
STATE_NAMES = {0: "Neutral", 1: "Sink", 2: "Mild", 3: "Moderate", 4: "Severe", 5: "Extreme"}
COMPONENT_NAMES = {"state": "State", "trend": "Trend", "pressure": "Pressure"}
NORMALISATION_NAMES = {"absolute": "Absolute index", "relative": "Relative index (min-max)"}
WEIGHTING_NAMES = {"equal": "Equal weights", "entropy": "Entropy weights", "user": "User weights"}
LEVEL_COLOURS = {1: "#1a9850", 2: "#a6d96a", 3: "#fee08b", 4: "#fc8d59", 5: "#d73027"}
HISTOGRAM_BINS = 10  # bins of 0.1 over [0, 1]
TOP_COUNT = 10
WIDEST_COUNT = 5  # regions listed with the widest uncertainty interval
UNCERTAIN_LEVEL = 0.6  # a most likely level with a probability below this is uncertain (as riskuncertainty)
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback")
EMISSION_COLOUR = "#d7301f"
SINK_COLOUR = "#1a9850"
CSR_COLOUR = "#54278f"


def _identity(text: str) -> str:
    return text


# ---------------------------------------------------------------------------------------------
# What the report shows


@dataclass
class ProvinceSeries:
    """Totals over the regions per year, in the analysis units (t CO2 by default)."""

    years: list[int]
    emission: np.ndarray
    sink: np.ndarray
    net: np.ndarray
    csr: np.ndarray


@dataclass
class Transition:
    """Regions moving from state ``codes[r]`` (period ``from_label``) to ``codes[c]`` (``to_label``)."""

    from_label: str
    to_label: str
    codes: list[int]
    matrix: np.ndarray


@dataclass
class RiskRow:
    """One period of the risk summary: counts and shares per level 1-5, regions without an index."""

    period: str
    year: int
    regions: int
    nodata: int
    counts: dict[int, int]
    shares: dict[int, float]
    high_count: int
    high_share: float


@dataclass
class TopRegion:
    name: str
    index: float
    level: int
    csr: float = math.nan
    state: int | None = None


@dataclass
class Figure:
    """An image for the report: PNG bytes (a map) with its caption."""

    caption: str
    png: bytes


@dataclass
class PeriodSection:
    """One period: its maps, facts, and the risk index of every region (NaN = none) for the histogram
    (empty: no histogram)."""

    label: str
    first_year: int
    figures: list[Figure] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    index: Sequence[float] = ()


@dataclass
class RiskMethod:
    """How the index was built: normalisation 'absolute' / 'relative' and weighting 'equal' /
    'entropy' / 'user' ('' where not known)."""

    normalisation: str = ""
    weighting: str = ""


@dataclass
class WideRegion:
    """A region with a wide 5-95 % interval of the index in the Monte Carlo."""

    name: str
    median: float
    low: float
    high: float
    p_high: float
    likely_level: int
    p_level: float

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass
class UncertaintySummary:
    """The riskuncertainty layer in short: per period the regions with a result and those whose
    most likely level has a probability below ``threshold``; the widest intervals of ``period``
    (the last); its maps."""

    periods: list[str]
    regions: list[int]
    uncertain: list[int]
    period: str = ""
    widest: list[WideRegion] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    threshold: float = UNCERTAIN_LEVEL


@dataclass
class Report:
    """Everything the HTML shows; every part but the title may be empty (a note says what is missing).

    ``facts`` label/value pairs and ``notes`` must already be translated by the caller.
    """

    title: str
    version: str = ""
    generated: str = ""
    language: str = "en"
    units: str = "t CO2"
    province: ProvinceSeries | None = None
    risk_summary: list[RiskRow] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    top_period: str = ""
    top: list[TopRegion] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    periods: list[PeriodSection] = field(default_factory=list)
    method: RiskMethod = field(default_factory=RiskMethod)
    uncertainty: UncertaintySummary | None = None
    hotspots: list[Figure] = field(default_factory=list)
    inputs: list[tuple[str, str, str]] = field(default_factory=list)  # (parameter, description, value)
    analysis_parameters: list[tuple[str, str]] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Building the parts from layer columns (the adapter reads the layers; these are plain numpy)


def plugin_version(metadata: Path | str) -> str:
    """The ``version`` of a QGIS plugin's metadata.txt ('' when missing)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(str(metadata), encoding="utf-8")
        return parser.get("general", "version", fallback="").strip()
    except (OSError, configparser.Error):
        return ""


def period_labels(first_years: Sequence[int], years: Sequence[int]) -> list[str]:
    """'2001-2005' per period (first years), from the years present; the first year alone without years."""
    firsts = sorted(int(y) for y in first_years)
    known = sorted(int(y) for y in years)
    length = firsts[1] - firsts[0] if len(firsts) > 1 else (len(known) or 1)
    labels = []
    for k, first in enumerate(firsts):
        end = firsts[k + 1] if k + 1 < len(firsts) else first + length
        block = [y for y in known if first <= y < end]
        labels.append(period_label(block) if block else str(first))
    return labels


def province_from_budget(emission: np.ndarray, sink: np.ndarray, years: Sequence[int]) -> ProvinceSeries:
    """Province totals from the per-region EMI_yyyy / SNK_yyyy columns (regions, years)."""
    totals = province_totals(emission, sink, years)
    return ProvinceSeries(list(totals.years), totals.emission, totals.sink, totals.net, totals.csr)


def province_from_table(rows: Sequence[dict]) -> ProvinceSeries:
    """Province totals from the rows of the balancetrend province table (year, emission, sink[, net, csr])."""
    rows = sorted((r for r in rows if _finite(r.get("year"))), key=lambda r: float(r["year"]))
    years = [int(float(r["year"])) for r in rows]
    emission = np.array([_number(r.get("emission")) for r in rows])
    sink = np.array([_number(r.get("sink")) for r in rows])
    net = np.array([_number(r.get("net")) for r in rows]) if rows and "net" in rows[0] else emission - sink
    if rows and "csr" in rows[0]:
        csr = np.array([_number(r.get("csr")) for r in rows])
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            csr = np.where(sink > 0, emission / sink, np.nan)
    return ProvinceSeries(years, emission, sink, net, csr)


def transitions_from_states(states: np.ndarray, labels: Sequence[str]) -> list[Transition]:
    """Transition matrices between consecutive periods (and first to last with 3+ periods).

    ``states`` is (periods, regions) with NaN for no state; state 0 (neutral) is included when present.
    """
    states = np.asarray(states, dtype=np.float64)
    codes = [0, 1, 2, 3, 4, 5] if np.any(states == 0) else [1, 2, 3, 4, 5]
    pairs = [(b - 1, b) for b in range(1, len(states))]
    if len(states) > 2:
        pairs.append((0, len(states) - 1))
    return [Transition(labels[a], labels[b], codes, transition_matrix(states[a], states[b], codes)) for a, b in pairs]


def transitions_from_table(rows: Sequence[dict]) -> list[Transition]:
    """Matrices from the rows of the balancetrend transition table (from_per, to_per, from_state, to_state, count)."""
    groups: dict[tuple[str, str], dict[tuple[int, int], int]] = {}
    for row in rows:
        if not (_finite(row.get("from_state")) and _finite(row.get("to_state"))):
            continue
        key = (str(row.get("from_per") or row.get("from_year") or ""),
               str(row.get("to_per") or row.get("to_year") or ""))
        cells = groups.setdefault(key, {})
        pair = (int(float(row["from_state"])), int(float(row["to_state"])))
        cells[pair] = cells.get(pair, 0) + int(_number(row.get("count"), 0.0))
    out = []
    for (a, b), cells in groups.items():
        codes = sorted({c for pair in cells for c in pair})
        matrix = np.zeros((len(codes), len(codes)), dtype=np.int64)
        for (ca, cb), n in cells.items():
            matrix[codes.index(ca), codes.index(cb)] = n
        out.append(Transition(a, b, codes, matrix))
    return out


def risk_summary_from_layer(index: np.ndarray, level: np.ndarray, labels: Sequence[str],
                            first_years: Sequence[int]) -> list[RiskRow]:
    """The summary per period from the RI_yyyy / RL_yyyy columns ((periods, regions); level 0 or NaN = none)."""
    rows = []
    for b, label in enumerate(labels):
        ri = np.asarray(index[b], dtype=np.float64)
        rl = np.nan_to_num(np.asarray(level[b], dtype=np.float64), nan=0.0)
        valid = int(np.sum(rl > 0))
        counts = {k: int(np.sum(rl == k)) for k in LEVEL_NAMES}
        shares = {k: (counts[k] / valid if valid else math.nan) for k in LEVEL_NAMES}
        high = int(np.sum(ri >= HIGH_RISK))
        rows.append(RiskRow(label, int(first_years[b]), valid, len(rl) - valid, counts, shares, high,
                            high / valid if valid else math.nan))
    return rows


def risk_summary_from_table(rows: Sequence[dict]) -> tuple[list[RiskRow], dict[str, float]]:
    """Rows of the imbalancerisk summary table, and the weights (w_state, w_trend, w_pressure) it records."""
    out, weights = [], {}
    for row in rows:
        counts = {k: int(_number(row.get(schema.COUNT_COLUMN.format(k)), 0.0)) for k in LEVEL_NAMES}
        regions = int(_number(row.get("regions"), float(sum(counts.values()))))
        shares = {k: _number(row.get(schema.SHARE_COLUMN.format(k)), counts[k] / regions if regions else math.nan)
                  for k in LEVEL_NAMES}
        high = int(_number(row.get("n_high"), 0.0))
        out.append(RiskRow(str(row.get("period") or row.get("year") or ""), int(_number(row.get("year"), 0.0)),
                           regions, int(_number(row.get("n_nodata"), 0.0)), counts, shares, high,
                           _number(row.get("high_share"), high / regions if regions else math.nan)))
        weights.update(schema.weights_of_row(row, COMPONENT_NAMES))
    return out, weights


def top_regions(names: Sequence[str], index: np.ndarray, level: np.ndarray | None = None,
                csr: np.ndarray | None = None, state: np.ndarray | None = None,
                count: int = TOP_COUNT) -> list[TopRegion]:
    """The ``count`` regions with the highest index (NaN left out; ties in input order)."""
    index = np.asarray(index, dtype=np.float64)
    if level is None:
        level = risk_levels(index)
    order = [int(i) for i in np.argsort(-np.where(np.isnan(index), -np.inf, index), kind="stable")
             if not math.isnan(index[i])][:count]
    return [TopRegion(str(names[i]), float(index[i]), int(_number(level[i], 0.0)),
                      float(csr[i]) if csr is not None else math.nan,
                      int(state[i]) if state is not None and _finite(state[i]) else None) for i in order]


def parse_weights(text: str) -> dict[str, float]:
    """'state 0.6123, trend 0.3877' (imbalancerisk's WEIGHTS_USED) or 'state=0.6; trend=0.4' into a dict."""
    weights = {}
    for part in (text or "").replace(";", ",").split(","):
        tokens = part.replace("=", " ").replace(":", " ").split()
        if len(tokens) >= 2:
            try:
                weights[" ".join(tokens[:-1])] = float(tokens[-1])
            except ValueError:
                continue
    return weights


def parse_key_values(text: str) -> list[tuple[str, str]]:
    """'PERIOD_LENGTH=5; WEIGHTS=entropy' (or one per line) into (key, value) pairs; bare text as ('', text)."""
    pairs = []
    for part in (text or "").replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        pairs.append((key.strip(), value.strip()) if sep else ("", part))
    return pairs


def parse_method(text: str) -> RiskMethod:
    """imbalancerisk's METHOD text ('absolute index, equal weights') as a RiskMethod."""
    words = (text or "").lower().replace(",", " ").replace("(", " ").replace(")", " ").split()
    return RiskMethod(next((w for w in words if w in NORMALISATION_NAMES), ""),
                      next((w for w in words if w in WEIGHTING_NAMES), ""))


def method_from_table(rows: Sequence[dict]) -> RiskMethod:
    """The method recorded in the normalis / weighting columns of the imbalancerisk summary table."""
    found = [RiskMethod(str(row.get("normalis") or "").strip().lower(), str(row.get("weighting") or "").strip().lower())
             for row in rows]
    return found[0] if found else RiskMethod()


def histogram_counts(index: Sequence[float], bins: int = HISTOGRAM_BINS) -> np.ndarray:
    """Regions per bin [k / bins, (k + 1) / bins) over [0, 1] (the last bin includes 1); NaN left out.

    A value on a break goes to the bin above it, as in the levels (RI of 0.6 is relatively high):
    bins are found by comparing with k / bins, not by np.histogram (whose edge 0.6 is 0.6000000000000001).
    """
    values = np.asarray(index, dtype=np.float64)
    values = np.clip(values[np.isfinite(values)], 0.0, 1.0)
    inner = np.array([k / bins for k in range(1, bins)])
    return np.bincount(np.searchsorted(inner, values, side="right"), minlength=bins)


def bin_levels(bins: int = HISTOGRAM_BINS) -> list[int]:
    """The risk level (default breaks) of the middle of each bin over [0, 1]."""
    middles = (np.arange(bins) + 0.5) / bins
    return [int(v) for v in risk_levels(middles)]


def uncertainty_summary(names: Sequence[str], labels: Sequence[str], median: np.ndarray, low: np.ndarray,
                        high: np.ndarray, p_high: np.ndarray, likely_level: np.ndarray, p_level: np.ndarray,
                        threshold: float = UNCERTAIN_LEVEL, count: int = WIDEST_COUNT) -> UncertaintySummary:
    """From the riskuncertainty columns, (periods, regions) with NaN for no result: regions with a
    result and with an uncertain level (PL below ``threshold``) per period, and the ``count`` regions
    with the widest RIH - RIL of the last period (ties in input order)."""
    p_level = np.asarray(p_level, dtype=np.float64)
    known = np.isfinite(p_level)
    uncertain = [int(np.sum(known[b] & (p_level[b] < threshold))) for b in range(len(labels))]
    width = np.asarray(high, dtype=np.float64)[-1] - np.asarray(low, dtype=np.float64)[-1]
    order = [int(i) for i in np.argsort(-np.where(np.isfinite(width), width, -np.inf), kind="stable")
             if math.isfinite(width[i])][:count]
    widest = [WideRegion(str(names[i]), float(median[-1][i]), float(low[-1][i]), float(high[-1][i]),
                         float(p_high[-1][i]), int(_number(likely_level[-1][i], 0.0)), float(p_level[-1][i]))
              for i in order]
    return UncertaintySummary(list(labels), [int(v) for v in known.sum(axis=1)], uncertain,
                              labels[-1] if len(labels) else "", widest, [], threshold)


def _finite(value) -> bool:
    return math.isfinite(_number(value))


# ---------------------------------------------------------------------------------------------
# Charts: matplotlib when available, else a built-in SVG line chart


@dataclass
class Series:
    label: str
    values: Sequence[float] | np.ndarray
    colour: str
    dashed: bool = False


@dataclass
class Chart:
    title: str
    x: Sequence[float] | np.ndarray
    series: list[Series]
    y_label: str
    x_label: str = ""
    include_zero: bool = True
    reference: float | None = None  # a dashed horizontal line (e.g. CSR = 1)
    reference_label: str = ""


def nice_ticks(low: float, high: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 x 10^k steps) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(target, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    k = 0
    while True:
        value = first + k * step
        ticks.append(round(value, 12))
        if value >= high - 1e-12 * abs(step):
            break
        k += 1
    return ticks


def _tick_text(value: float, ticks: Sequence[float]) -> str:
    """A tick value with as many decimals as the tick step needs."""
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    if step <= 0 or not math.isfinite(step):
        return f"{value:g}"
    exponent = math.floor(math.log10(step))
    decimals = max(0, -exponent + (1 if round(step / 10.0 ** exponent, 6) == 2.5 else 0))
    return f"{value:.{min(decimals, 6)}f}"


def svg_line_chart(chart: Chart, width: int = 560, height: int = 330) -> str:
    """An inline SVG line chart (no dependencies): axes, ticks, one polyline per series, a legend."""
    esc = html.escape
    left, right, top, bottom = 70, 16, 34, 74
    plot_w, plot_h = width - left - right, height - top - bottom
    x = np.asarray(chart.x, dtype=np.float64)
    values = [np.asarray(s.values, dtype=np.float64) for s in chart.series]
    finite = np.concatenate([v[np.isfinite(v)] for v in values] + [np.array([chart.reference])
                                                                     if chart.reference is not None else np.array([])])
    low = float(finite.min()) if finite.size else 0.0
    high = float(finite.max()) if finite.size else 1.0
    if chart.include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks = nice_ticks(low, high)
    y0, y1 = ticks[0], ticks[-1]
    x0, x1 = (float(x.min()), float(x.max())) if x.size else (0.0, 1.0)
    if x1 == x0:
        x0, x1 = x0 - 1, x1 + 1

    def px(v: float) -> float:
        return left + (v - x0) / (x1 - x0) * plot_w

    def py(v: float) -> float:
        return top + (y1 - v) / (y1 - y0) * plot_h

    parts = [f'<svg class="chart" data-chart="svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(chart.title)}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="{width / 2:.1f}" y="20" text-anchor="middle" font-size="15" font-weight="bold">'
             f'{esc(chart.title)}</text>']
    for t in ticks:
        parts.append(f'<line x1="{left}" y1="{py(t):.1f}" x2="{left + plot_w}" y2="{py(t):.1f}" stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end" font-size="11">'
                     f'{esc(_tick_text(t, ticks))}</text>')
    step = max(1, math.ceil(len(x) / 10))
    for k in range(0, len(x), step):
        parts.append(f'<line x1="{px(x[k]):.1f}" y1="{top + plot_h}" x2="{px(x[k]):.1f}" y2="{top + plot_h + 4}" '
                     'stroke="#333333"/>')
        parts.append(f'<text x="{px(x[k]):.1f}" y="{top + plot_h + 17}" text-anchor="middle" font-size="11">'
                     f'{esc(f"{x[k]:g}")}</text>')
    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333333"/>')
    parts.append(f'<text transform="translate(16 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
                 f'font-size="12">{esc(chart.y_label)}</text>')
    if chart.x_label:
        parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 34}" text-anchor="middle" '
                     f'font-size="12">{esc(chart.x_label)}</text>')
    legend = [(s.label, s.colour, s.dashed) for s in chart.series]
    if chart.reference is not None and y0 <= chart.reference <= y1:
        parts.append(f'<line x1="{left}" y1="{py(chart.reference):.1f}" x2="{left + plot_w}" '
                     f'y2="{py(chart.reference):.1f}" stroke="#777777" stroke-dasharray="6 4"/>')
        legend.append((chart.reference_label, "#777777", True))
    for s, v in zip(chart.series, values):
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        run: list[str] = []
        for k in range(len(x)):
            if k < len(v) and math.isfinite(v[k]):
                run.append(f"{px(x[k]):.1f},{py(v[k]):.1f}")
                parts.append(f'<circle cx="{px(x[k]):.1f}" cy="{py(v[k]):.1f}" r="2.6" fill="{esc(s.colour)}"/>')
            elif run:
                parts.append(f'<polyline fill="none" stroke="{esc(s.colour)}" stroke-width="2"{dash} '
                             f'points="{" ".join(run)}"/>')
                run = []
        if run:
            parts.append(f'<polyline fill="none" stroke="{esc(s.colour)}" stroke-width="2"{dash} '
                         f'points="{" ".join(run)}"/>')
    lx, ly = left, height - 16
    for label, colour, dashed in legend:
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        parts.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 22}" y2="{ly - 4}" stroke="{esc(colour)}" '
                     f'stroke-width="2"{dash}/>')
        parts.append(f'<text x="{lx + 27}" y="{ly}" font-size="12">{esc(label)}</text>')
        lx += 40 + 7 * len(label) + (7 * sum(1 for ch in label if ord(ch) > 0x2E7F))
    parts.append("</svg>")
    return "".join(parts)


@dataclass
class BarChart:
    """Bars over consecutive bins ``edges`` (len(counts) + 1 values), one colour per bar."""

    title: str
    edges: Sequence[float]
    counts: Sequence[int]
    colours: Sequence[str]
    y_label: str
    x_label: str = ""


def svg_bar_chart(chart: BarChart, width: int = 400, height: int = 250) -> str:
    """An inline SVG bar chart (no dependencies): one rect per bin, height = count, ticks at the edges."""
    esc = html.escape
    left, right, top, bottom = 52, 12, 30, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    edges = [float(v) for v in chart.edges]
    counts = [int(v) for v in chart.counts]
    ticks = nice_ticks(0.0, max(max(counts, default=0), 1))
    ticks = [v for v in ticks if v == int(v)] or [0.0, 1.0]  # whole regions only
    y1 = ticks[-1] if ticks[-1] > 0 else 1.0
    x0, x1 = edges[0], edges[-1]

    def px(v: float) -> float:
        return left + (v - x0) / (x1 - x0) * plot_w

    def py(v: float) -> float:
        return top + (y1 - v) / y1 * plot_h

    parts = [f'<svg class="chart" data-chart="svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(chart.title)}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="{width / 2:.1f}" y="19" text-anchor="middle" font-size="14" font-weight="bold">'
             f'{esc(chart.title)}</text>']
    for t in ticks:
        parts.append(f'<line x1="{left}" y1="{py(t):.1f}" x2="{left + plot_w}" y2="{py(t):.1f}" stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end" font-size="11">{t:g}</text>')
    for k, (count, colour) in enumerate(zip(counts, chart.colours)):
        x, w = px(edges[k]), px(edges[k + 1]) - px(edges[k])
        parts.append(f'<rect class="bar" data-count="{count}" data-low="{edges[k]:g}" x="{x + 1:.1f}" '
                     f'y="{py(count):.1f}" width="{max(w - 2, 1):.1f}" height="{py(0) - py(count):.1f}" '
                     f'fill="{esc(colour)}" stroke="#5a5a5a" stroke-width="0.5"><title>{edges[k]:g}-{edges[k + 1]:g}: '
                     f'{count}</title></rect>')
    for v in edges[::2] + ([edges[-1]] if (len(edges) - 1) % 2 else []):
        parts.append(f'<text x="{px(v):.1f}" y="{top + plot_h + 15}" text-anchor="middle" font-size="11">'
                     f'{v:g}</text>')
    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333333"/>')
    parts.append(f'<text transform="translate(14 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
                 f'font-size="12">{esc(chart.y_label)}</text>')
    if chart.x_label:
        parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 34}" text-anchor="middle" '
                     f'font-size="12">{esc(chart.x_label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _needs_cjk(texts: Sequence[str]) -> bool:
    return any(ord(ch) > 0x2E7F for text in texts for ch in text)


def _matplotlib_axes(texts: Sequence[str], width_in: float, height_in: float, dpi: int):
    """(figure, axes, CJK font name or None) on an Agg canvas (no pyplot), or None when matplotlib
    cannot be imported or the texts need a CJK font that is not installed (the SVG chart is used then)."""
    try:
        from matplotlib import font_manager
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure as MplFigure
    except Exception:  # missing or broken matplotlib: the SVG chart is drawn instead
        return None
    font = None
    if _needs_cjk(texts):
        installed = {f.name for f in font_manager.fontManager.ttflist}
        font = next((name for name in CJK_FONTS if name in installed), None)
        if font is None:
            return None
    figure = MplFigure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot(1, 1, 1), font


def _png_bytes(figure) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def matplotlib_chart_png(chart: Chart, width_in: float = 5.6, height_in: float = 3.3, dpi: int = 160) -> bytes | None:
    """The chart as PNG bytes drawn with matplotlib, or None (see ``_matplotlib_axes``)."""
    texts = [chart.title, chart.y_label, chart.x_label, chart.reference_label] + [s.label for s in chart.series]
    drawn = _matplotlib_axes(texts, width_in, height_in, dpi)
    if drawn is None:
        return None
    figure, axes, font = drawn
    fontdict = {"family": font} if font else None
    x = np.asarray(chart.x, dtype=np.float64)
    for s in chart.series:
        axes.plot(x, np.asarray(s.values, dtype=np.float64), color=s.colour, marker="o", markersize=3,
                  linestyle="--" if s.dashed else "-", label=s.label)
    if chart.reference is not None:
        axes.axhline(chart.reference, color="#777777", linestyle="--", linewidth=1, label=chart.reference_label)
    if chart.include_zero:
        axes.set_ylim(bottom=min(0.0, axes.get_ylim()[0]))
    axes.set_title(chart.title, fontdict=fontdict)
    axes.set_ylabel(chart.y_label, fontdict=fontdict)
    if chart.x_label:
        axes.set_xlabel(chart.x_label, fontdict=fontdict)
    axes.grid(True, color="#e0e0e0")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(prop={"family": font} if font else None, fontsize="small")
    return _png_bytes(figure)


def matplotlib_bar_png(chart: BarChart, width_in: float = 4.0, height_in: float = 2.5, dpi: int = 160) -> bytes | None:
    """The bar chart as PNG bytes drawn with matplotlib, or None (see ``_matplotlib_axes``)."""
    drawn = _matplotlib_axes([chart.title, chart.y_label, chart.x_label], width_in, height_in, dpi)
    if drawn is None:
        return None
    figure, axes, font = drawn
    fontdict = {"family": font, "size": 10} if font else {"size": 10}
    edges = np.asarray(chart.edges, dtype=np.float64)
    axes.bar(edges[:-1], np.asarray(chart.counts), width=np.diff(edges), align="edge", color=list(chart.colours),
             edgecolor="#5a5a5a", linewidth=0.5)
    axes.set_xlim(edges[0], edges[-1])
    axes.set_xticks(edges[::2])
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_title(chart.title, fontdict=fontdict)
    axes.set_ylabel(chart.y_label, fontdict=fontdict)
    if chart.x_label:
        axes.set_xlabel(chart.x_label, fontdict=fontdict)
    axes.tick_params(labelsize=8)
    axes.grid(True, axis="y", color="#e0e0e0")
    axes.set_axisbelow(True)
    return _png_bytes(figure)


def chart_html(chart: Chart | BarChart, prefer_matplotlib: bool = True) -> str:
    """The chart as an embedded PNG (matplotlib) or an inline SVG."""
    bars = isinstance(chart, BarChart)
    png = None
    if prefer_matplotlib:
        png = matplotlib_bar_png(chart) if isinstance(chart, BarChart) else matplotlib_chart_png(chart)
    if png:
        data = base64.b64encode(png).decode("ascii")
        return (f'<img class="chart" data-chart="matplotlib" width="{400 if bars else 560}" '
                f'alt="{html.escape(chart.title)}" src="data:image/png;base64,{data}">')
    return svg_bar_chart(chart) if isinstance(chart, BarChart) else svg_line_chart(chart)


def unit_scale(values: Sequence[float], units: str) -> tuple[float, str]:
    """Divisor and unit label for totals in t: Mt for provincial totals, kt or t for small ones."""
    finite = np.abs(np.asarray(values, dtype=np.float64))
    finite = finite[np.isfinite(finite)]
    peak = float(finite.max()) if finite.size else 0.0
    quantity = units[2:] if units.startswith("t ") else ""
    suffix = f" {quantity}" if quantity else ""
    if peak >= 1e5:
        return 1e6, f"Mt{suffix}"
    if peak >= 100:
        return 1e3, f"kt{suffix}"
    return 1.0, f"t{suffix}"


# ---------------------------------------------------------------------------------------------
# HTML


CSS = """
body { font-family: "Noto Sans", "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
       "WenQuanYi Micro Hei", Arial, sans-serif;
       margin: 0 auto; max-width: 1180px; padding: 16px 24px 48px; color: #222; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #2c7fb8; padding-bottom: 4px; margin-top: 2em; }
h3 { margin-top: 1.4em; }
p.meta { color: #666; margin-top: 0; }
nav ul { columns: 2; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.92em; }
th, td { border: 1px solid #c8c8c8; padding: 3px 8px; }
th { background: #eef3f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.diag { background: #f3f3f3; font-weight: bold; }
.charts, .maps { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0 0 12px; }
figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
img.chart { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 0.92em; }
.note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 6px 10px; }
footer { margin-top: 3em; color: #666; font-size: 0.9em; border-top: 1px solid #ddd; padding-top: 8px; }
"""


def _fmt(value, digits: int = 2) -> str:
    number = _number(value)
    if math.isnan(number):
        return "–"
    return f"{number:,.{digits}f}"


def share_text(value) -> str:
    """A 0-1 share as a percentage ('–' for none)."""
    number = _number(value)
    return "–" if math.isnan(number) else f"{100 * number:.1f} %"


class _Html:
    """Collects escaped HTML; ``t`` translates, ``text`` escapes."""

    def __init__(self, translate: Translate) -> None:
        self.t = translate
        self.parts: list[str] = []

    @staticmethod
    def text(value) -> str:
        return html.escape(str(value))

    def add(self, *parts: str) -> None:
        self.parts.extend(parts)

    def heading(self, level: int, text: str, anchor: str = "") -> None:
        ident = f' id="{self.text(anchor)}"' if anchor else ""
        self.add(f"<h{level}{ident}>{self.text(text)}</h{level}>")

    @contextmanager
    def section(self, ident: str, title: str) -> Iterator[None]:
        """A <section> with its heading, closed however its body ends (an early return too)."""
        self.add(f'<section id="{self.text(ident)}">')
        self.heading(2, title)
        yield
        self.add("</section>")

    def paragraph(self, text: str, css: str = "") -> None:
        cls = f' class="{css}"' if css else ""
        self.add(f"<p{cls}>{self.text(text)}</p>")

    def table(self, header: Sequence[str], rows: Sequence[Sequence], numeric: Sequence[bool] | None = None,
              css: str = "", cell_class: Callable[[int, int], str] | None = None) -> None:
        """A table of already formatted cells (escaped here); ``numeric`` right-aligns columns."""
        numeric = list(numeric or [False] * len(header))
        cls = f' class="{css}"' if css else ""
        self.add(f"<table{cls}><thead><tr>", *[f"<th>{self.text(h)}</th>" for h in header], "</tr></thead><tbody>")
        for r, row in enumerate(rows):
            cells = []
            for c, value in enumerate(row):
                classes = [name for name in ("num" if c < len(numeric) and numeric[c] else "",
                                             cell_class(r, c) if cell_class else "") if name]
                attr = f' class="{" ".join(classes)}"' if classes else ""
                tag = "th" if c == 0 and css == "matrix" else "td"
                cells.append(f"<{tag}{attr}>{self.text(value)}</{tag}>")
            self.add("<tr>", *cells, "</tr>")
        self.add("</tbody></table>")

    def figure(self, figure: Figure) -> None:
        data = base64.b64encode(figure.png).decode("ascii")
        self.add(f'<figure><img class="map" alt="{self.text(figure.caption)}" src="data:image/png;base64,{data}">'
                 f"<figcaption>{self.text(figure.caption)}</figcaption></figure>")


def build_html(report: Report, translate: Translate = _identity, prefer_matplotlib: bool = True) -> str:
    """The report as one self-contained HTML document (UTF-8)."""
    t = translate
    out = _Html(t)
    generated = report.generated or datetime.now().strftime("%Y-%m-%d %H:%M")
    report = replace(report, generated=generated)
    out.add("<!DOCTYPE html>", f'<html lang="{out.text(report.language)}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="Carbon Budget &amp; Imbalance Risk {out.text(report.version)}">',
            f"<title>{out.text(report.title)}</title><style>{CSS}</style></head><body>")
    out.heading(1, report.title)
    out.paragraph(t("Generated {date} by the QGIS plugin Carbon Budget & Imbalance Risk, version {version}.").format(
        date=generated, version=report.version or "?"), "meta")

    sections = [("province", t("Provincial time series")), ("risk-summary", t("Risk summary per period")),
                ("weights", t("Weights of the risk index")), ("top", t("Regions with the highest risk index")),
                ("transitions", t("Balance state transitions"))]
    sections += [(f"period-{p.first_year}", t("Period {period}").format(period=p.label)) for p in report.periods]
    sections += [("uncertainty", t("Uncertainty of the risk index (Monte Carlo)")),
                 ("hotspots", t("Hot spots (Getis-Ord Gi*)")), ("inputs", t("Inputs and parameters"))]
    out.add(f"<nav><h2>{out.text(t('Contents'))}</h2><ul>",
            *[f'<li><a href="#{out.text(a)}">{out.text(label)}</a></li>' for a, label in sections], "</ul></nav>")
    if report.facts:
        out.table([t("Item"), t("Value")], report.facts)
    for note in report.notes:
        out.paragraph(note, "note")

    _province_section(out, report, prefer_matplotlib)
    _risk_summary_section(out, report)
    _weights_section(out, report)
    _top_section(out, report)
    _transitions_section(out, report)
    for period in report.periods:
        with out.section(f"period-{period.first_year}", t("Period {period}").format(period=period.label)):
            if period.facts:
                out.table([t("Item"), t("Value")], period.facts)
            if period.figures:
                out.add('<div class="maps">')
                for figure in period.figures:
                    out.figure(figure)
                out.add("</div>")
            else:
                out.paragraph(t("No maps for this period."), "note")
            _histogram(out, period, prefer_matplotlib)
    _uncertainty_section(out, report)
    with out.section("hotspots", t("Hot spots (Getis-Ord Gi*)")):
        if report.hotspots:
            out.paragraph(t("Gi* confidence bins: hot spots (+1, +2, +3) and cold spots (-1, -2, -3) at 90, 95 and "
                            "99 % confidence; 0 is not significant."))
            out.add('<div class="maps">')
            for figure in report.hotspots:
                out.figure(figure)
            out.add("</div>")
        else:
            out.paragraph(t("No hot spot layer (GI_BIN field) was given."), "note")
    _inputs_section(out, report)
    footer = t("Carbon Budget & Imbalance Risk, version {version}").format(version=report.version or "?")
    out.add(f"<footer>{out.text(footer)} · {out.text(generated)}</footer></body></html>")
    return "\n".join(out.parts)


def _province_section(out: _Html, report: Report, prefer_matplotlib: bool) -> None:
    t = out.t
    with out.section("province", t("Provincial time series")):
        series = report.province
        if series is None or not series.years:
            out.paragraph(t("No province totals: give the province table or a layer with EMI_yyyy and SNK_yyyy "
                            "fields."), "note")
            return
        divisor, unit = unit_scale(np.concatenate([series.emission, series.sink]), report.units)
        years = np.asarray(series.years, dtype=np.float64)
        budget = Chart(t("Emissions and sinks"), years,
                       [Series(t("Emission"), series.emission / divisor, EMISSION_COLOUR),
                        Series(t("Sink"), series.sink / divisor, SINK_COLOUR)],
                       t("{unit} per year").format(unit=unit), t("Year"))
        ratio = Chart(t("Source/sink ratio (CSR)"), years, [Series(t("CSR"), series.csr, CSR_COLOUR)],
                      t("Emission / sink"), t("Year"), include_zero=True, reference=1.0,
                      reference_label=t("Balance (CSR = 1)"))
        out.add('<div class="charts">', chart_html(budget, prefer_matplotlib), chart_html(ratio, prefer_matplotlib),
                "</div>")
        out.table([t("Year"), t("Emission ({unit})").format(unit=unit), t("Sink ({unit})").format(unit=unit),
                   t("Net emission ({unit})").format(unit=unit), t("CSR")],
                  [[y, _fmt(e / divisor, 3), _fmt(s / divisor, 3), _fmt(n / divisor, 3), _fmt(c, 3)]
                   for y, e, s, n, c in zip(series.years, series.emission, series.sink, series.net, series.csr)],
                  [False, True, True, True, True])
        peak = int(np.nanargmax(series.csr)) if np.isfinite(series.csr).any() else None
        if peak is not None:
            out.paragraph(t("Highest provincial CSR: {csr} in {year}.").format(csr=_fmt(series.csr[peak], 3),
                                                                              year=series.years[peak]))


def _method_paragraphs(out: _Html, method: RiskMethod) -> None:
    """Which normalisation and weighting made the index; a relative index is flagged as such."""
    t = out.t
    if method.normalisation in NORMALISATION_NAMES or method.weighting in WEIGHTING_NAMES:
        unknown = t("not known")
        out.paragraph(t("Risk index method: {normalisation}, {weighting}.").format(
            normalisation=t(NORMALISATION_NAMES[method.normalisation]) if method.normalisation in NORMALISATION_NAMES
            else unknown,
            weighting=t(WEIGHTING_NAMES[method.weighting]) if method.weighting in WEIGHTING_NAMES else unknown),
            "method")
    if method.normalisation == "absolute":
        out.paragraph(t("The index is absolute: its components are bounded (state 1 - S/E, trend from the "
                        "Mann-Kendall Z of the annual CSR), so a region's index depends on its own data only and "
                        "can be compared across regions, periods and provinces."))
    elif method.normalisation == "relative":
        out.paragraph(t("This is a RELATIVE index: every component is min-max normalised over the regions and "
                        "periods of this layer, so a region's index depends on the other regions in the layer. "
                        "Its values and levels are not comparable across provinces or with other runs."), "note")
    else:
        out.paragraph(t("The normalisation of the index is not known: give the risk summary table or the METHOD "
                        "text of the risk tool."), "note")


def _risk_summary_section(out: _Html, report: Report) -> None:
    t = out.t
    with out.section("risk-summary", t("Risk summary per period")):
        _method_paragraphs(out, report.method)
        if not report.risk_summary:
            out.paragraph(t("No risk summary."), "note")
            return
        header = [t("Period"), t("Regions")]
        for k, name in LEVEL_NAMES.items():
            header.append(f"{k} {t(name)}")
        header += [t("High-risk regions (RI >= {threshold})").format(threshold=HIGH_RISK), t("High-risk share"),
                   t("No data")]
        rows = []
        for row in report.risk_summary:
            cells = [row.period, row.regions]
            cells += [f"{row.counts.get(k, 0)} ({share_text(row.shares.get(k))})" for k in LEVEL_NAMES]
            cells += [row.high_count, share_text(row.high_share), row.nodata]
            rows.append(cells)
        out.table(header, rows, [False] + [True] * (len(header) - 1))
        out.paragraph(t("Count of regions per risk level (share of the regions with an index). Levels: 1 low [0, 0.2), "
                        "2 relatively low [0.2, 0.4), 3 medium [0.4, 0.6), 4 relatively high [0.6, 0.8), 5 high "
                        "[0.8, 1] (default breaks)."))


def _weights_section(out: _Html, report: Report) -> None:
    t = out.t
    with out.section("weights", t("Weights of the risk index")):
        if report.weights:
            out.table([t("Component"), t("Weight")],
                      [[t(COMPONENT_NAMES.get(name, name)) if name in COMPONENT_NAMES else name, _fmt(w, 4)]
                       for name, w in report.weights.items()], [False, True])
            if report.method.normalisation == "absolute":
                out.paragraph(t("Index RI = sum of weight x component (state: 1 - S/E clipped to [0, 1]; trend: normal "
                                "probability of the Mann-Kendall Z of the annual CSR in the period; pressure: "
                                "density / (density + reference density))."))
            else:
                out.paragraph(t("Index RI = sum of weight x normalised component (state: log of the capped CSR; "
                                "trend: change of CSR from the previous period; pressure: emission density)."))
        else:
            out.paragraph(t("The weights are not known: give the risk summary table or the WEIGHTS_USED text."), "note")


def _top_section(out: _Html, report: Report) -> None:
    t = out.t
    with out.section("top", t("Regions with the highest risk index")):
        if not report.top:
            out.paragraph(t("No region has a risk index."), "note")
            return
        out.paragraph(t("Top {n} regions by risk index in {period}.").format(n=len(report.top),
                                                                             period=report.top_period))
        has_csr = any(math.isfinite(r.csr) for r in report.top)
        has_state = any(r.state is not None for r in report.top)
        header = [t("Rank"), t("Region"), t("Risk index"), t("Risk level")]
        header += [t("CSR")] if has_csr else []
        header += [t("Balance state")] if has_state else []
        rows = []
        for k, region in enumerate(report.top, start=1):
            row = [k, region.name, _fmt(region.index, 3),
                   f"{region.level} {t(LEVEL_NAMES[region.level])}" if region.level in LEVEL_NAMES else "–"]
            if has_csr:
                row.append(_fmt(region.csr, 3))
            if has_state:
                row.append(f"{region.state} {t(STATE_NAMES[region.state])}" if region.state in STATE_NAMES else "–")
            rows.append(row)
        out.table(header, rows, [True, False, True, False, True, False][:len(header)])


def _transitions_section(out: _Html, report: Report) -> None:
    t = out.t
    with out.section("transitions", t("Balance state transitions")):
        if not report.transitions:
            out.paragraph(t("No balance states: give the transition table or a layer with ST_yyyy fields."), "note")
            return
        out.paragraph(t("Regions moving from the state in the first period (rows) to the state in the second period "
                        "(columns); the diagonal counts regions that kept their state."))
        for tr in report.transitions:
            out.heading(3, t("From {first} to {second}").format(first=tr.from_label, second=tr.to_label))
            names = [f"{c} {t(STATE_NAMES[c])}" if c in STATE_NAMES else str(c) for c in tr.codes]
            header = [f"{tr.from_label} \\ {tr.to_label}", *names, t("Total")]
            rows = [[names[r], *[int(v) for v in tr.matrix[r]], int(tr.matrix[r].sum())] for r in range(len(tr.codes))]
            rows.append([t("Total"), *[int(v) for v in tr.matrix.sum(axis=0)], int(tr.matrix.sum())])
            n = len(tr.codes)

            def diagonal(r: int, c: int, n: int = n) -> str:
                return "diag" if r < n and c == r + 1 else ""

            out.table(header, rows, [False] + [True] * (n + 1), css="matrix", cell_class=diagonal)


def _histogram(out: _Html, period: PeriodSection, prefer_matplotlib: bool) -> None:
    """Regions per 0.1 bin of the period's risk index, bars coloured by risk level."""
    t = out.t
    if not np.isfinite(np.asarray(period.index, dtype=np.float64)).any():
        return
    edges = [k / HISTOGRAM_BINS for k in range(HISTOGRAM_BINS + 1)]
    chart = BarChart(t("Risk index distribution {period}").format(period=period.label), edges,
                     histogram_counts(period.index).tolist(), [LEVEL_COLOURS[k] for k in bin_levels()],
                     t("Regions"), t("Risk index"))
    out.add('<div class="charts histogram">', chart_html(chart, prefer_matplotlib), "</div>")
    out.paragraph(t("Regions per risk index bin of 0.1; bars coloured by risk level (default breaks)."))


def _uncertainty_section(out: _Html, report: Report) -> None:
    t = out.t
    with out.section("uncertainty", t("Uncertainty of the risk index (Monte Carlo)")):
        u = report.uncertainty
        if u is None or not u.periods:
            out.paragraph(t("No uncertainty layer (RIM_yyyy, RIL_yyyy, RIH_yyyy, PH_yyyy, PL_yyyy fields) was "
                            "given."), "note")
            return
        counts = "; ".join(t("{period}: {n} of {regions}").format(period=label, n=n, regions=regions)
                           for label, n, regions in zip(u.periods, u.uncertain, u.regions))
        out.paragraph(t("Regions with an uncertain risk level (the most likely level has a probability below "
                        "{p}): {counts}.").format(p=share_text(u.threshold), counts=counts), "uncertain-count")
        if u.figures:
            out.add('<div class="maps">')
            for figure in u.figures:
                out.figure(figure)
            out.add("</div>")
        if u.widest:
            out.paragraph(t("Regions with the widest 5-95 % interval of the risk index in {period}.").format(
                period=u.period))
            out.table([t("Rank"), t("Region"), t("Median index"), "5 %", "95 %", t("Interval width"),
                       t("P(RI >= 0.6)"), t("Most likely level"), t("Probability of that level")],
                      [[k, r.name, _fmt(r.median, 3), _fmt(r.low, 3), _fmt(r.high, 3), _fmt(r.width, 3),
                        share_text(r.p_high),
                        f"{r.likely_level} {t(LEVEL_NAMES[r.likely_level])}" if r.likely_level in LEVEL_NAMES else "–",
                        share_text(r.p_level)] for k, r in enumerate(u.widest, start=1)],
                      [True, False, True, True, True, True, True, False, True], css="widest")


def _inputs_section(out: _Html, report: Report) -> None:
    t = out.t
    with out.section("inputs", t("Inputs and parameters")):
        if report.inputs:
            out.table([t("Parameter"), t("Description"), t("Value")], report.inputs)
        if report.analysis_parameters:
            out.heading(3, t("Analysis parameters"))
            out.table([t("Parameter"), t("Value")], report.analysis_parameters)
        out.table([t("Item"), t("Value")], [[t("Plugin version"), report.version or "?"], [t("Units"), report.units],
                                            [t("Generated"), report.generated or "–"]])


def write_html(path: Path | str, text: str) -> str:
    """Write the report as UTF-8 (creating the folder) and return the path.

    Written to a temporary file in the folder and renamed at the end: a failed write (no
    permission, disk full, name too long) leaves nothing behind and an existing report untouched.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise files.write_error(path, err, "report") from None
    return files.write_text_atomic(path, text, "report")
