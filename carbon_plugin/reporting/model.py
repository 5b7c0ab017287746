"""What the report shows: its parts as dataclasses, built from the stages' layer columns and tables.

The adapter (``algorithms/report.py``) reads the layers and tables with the schema readers
(``carbon_plugin/schema.py``) and builds a :class:`Report` with the functions here (plain numpy, no
QGIS); ``document.build_html`` renders it. The level and state names come from ``legend.py``.
"""

from __future__ import annotations

import configparser
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import legend, schema
from ..balance import period_label, province_totals
from ..errors import QT_TRANSLATE_NOOP
from ..imbalance import NO_LEVEL, PeriodSummary, period_summary
from ..risk import risk_levels
from ..schema import number as _number
from ..trend import transition_matrix
from ..uncertainty import UNCERTAIN_LEVEL

# names shown in the report (translated at use)
LEVEL_NAMES = legend.labels(legend.RISK_LEVEL)
STATE_NAMES = legend.labels(legend.BALANCE_STATE)
COMPONENT_NAMES = {"state": QT_TRANSLATE_NOOP("@default", "State"), "trend": QT_TRANSLATE_NOOP("@default", "Trend"),
                   "pressure": QT_TRANSLATE_NOOP("@default", "Pressure")}
NORMALISATION_NAMES = {"absolute": QT_TRANSLATE_NOOP("@default", "Absolute index"),
                       "relative": QT_TRANSLATE_NOOP("@default", "Relative index (min-max)")}
WEIGHTING_NAMES = {"equal": QT_TRANSLATE_NOOP("@default", "Equal weights"),
                   "entropy": QT_TRANSLATE_NOOP("@default", "Entropy weights"),
                   "user": QT_TRANSLATE_NOOP("@default", "User weights")}
HISTOGRAM_BINS = 10  # bins of 0.1 over [0, 1]
TOP_COUNT = 10
WIDEST_COUNT = 5  # regions listed with the widest uncertainty interval


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
    """One period of the risk summary (``risk_row`` of an engine ``PeriodSummary``, or a row of the
    imbalancerisk summary table): ``regions`` with an index, ``nodata`` without one, counts and shares
    (of ``regions``) per level 1-5, high-risk count and share (of ``regions``)."""

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

    ``states`` is (regions, periods) with NaN for no state; state 0 (neutral) is included when present.
    """
    states = np.asarray(states, dtype=np.float64)
    codes = [0, 1, 2, 3, 4, 5] if np.any(states == 0) else [1, 2, 3, 4, 5]
    n_periods = states.shape[1]
    pairs = [(b - 1, b) for b in range(1, n_periods)]
    if n_periods > 2:
        pairs.append((0, n_periods - 1))
    return [Transition(labels[a], labels[b], codes, transition_matrix(states[:, a], states[:, b], codes))
            for a, b in pairs]


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


def risk_row(summary: PeriodSummary) -> RiskRow:
    """The report's row of an engine summary (``imbalance.period_summary``), as it is: no recount."""
    return RiskRow(summary.label, int(summary.first_year), summary.regions, summary.counts[NO_LEVEL],
                   {k: summary.counts[k] for k in LEVEL_NAMES}, {k: summary.shares[k] for k in LEVEL_NAMES},
                   summary.high_count, summary.high_share)


def risk_summary_from_layer(index: np.ndarray, level: np.ndarray | None, labels: Sequence[str],
                            first_years: Sequence[int]) -> list[RiskRow]:
    """The summary per period from the RI_yyyy / RL_yyyy columns ((regions, periods); NaN = NULL), counted
    by ``imbalance.period_summary`` as imbalancerisk counts it: a region without an index (RI NULL) is
    "no data", whatever its level; a level is taken from the index where RL is missing (default breaks)."""
    index = np.asarray(index, dtype=np.float64)
    return [risk_row(period_summary(int(first_years[b]), label, index[:, b],
                                    None if level is None else np.asarray(level, dtype=np.float64)[:, b]))
            for b, label in enumerate(labels)]


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
    """From the riskuncertainty columns, (regions, periods) with NaN for no result: regions with a
    result and with an uncertain level (PL below ``threshold``) per period, and the ``count`` regions
    with the widest RIH - RIL of the last period (ties in input order)."""
    p_level = np.asarray(p_level, dtype=np.float64)
    known = np.isfinite(p_level)
    uncertain = [int(np.sum(known[:, b] & (p_level[:, b] < threshold))) for b in range(len(labels))]
    width = np.asarray(high, dtype=np.float64)[:, -1] - np.asarray(low, dtype=np.float64)[:, -1]
    order = [int(i) for i in np.argsort(-np.where(np.isfinite(width), width, -np.inf), kind="stable")
             if math.isfinite(width[i])][:count]
    widest = [WideRegion(str(names[i]), float(median[i][-1]), float(low[i][-1]), float(high[i][-1]),
                         float(p_high[i][-1]), int(_number(likely_level[i][-1], 0.0)), float(p_level[i, -1]))
              for i in order]
    return UncertaintySummary(list(labels), [int(v) for v in known.sum(axis=0)], uncertain,
                              labels[-1] if len(labels) else "", widest, [], threshold)


def _finite(value) -> bool:
    return math.isfinite(_number(value))


