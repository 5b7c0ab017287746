"""Monotonic trends and balance states (METHODS section 5): Sen slope, Mann-Kendall, periods.

Plain numpy. The per-series functions are the reference definitions (they match
``pymannkendall.original_test``); the ``*_cells`` functions compute the same numbers for every
cell of a block ``(n_years, rows, cols)`` at once, looping over years, never over cells.
Series with fewer than ``MIN_VALUES`` valid (non-NaN) values get NaN statistics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, CarbonInputError

MIN_VALUES = 3
PAIR_BUDGET = 1 << 22  # pairwise slopes held at once by sen_slope_cells (x 8 bytes)

NODATA_CLASS = 0
TREND_CLASSES = {
    0: "nodata",
    1: "significant decrease",
    2: "non-significant decrease",
    3: "no change",
    4: "non-significant increase",
    5: "significant increase",
}

STATES = (1, 2, 3, 4, 5)
NEUTRAL_STATE = 0
STATE_LABELS = {0: "neutral", 1: "sink", 2: "mild", 3: "moderate", 4: "severe", 5: "extreme"}

IMBALANCING = "imbalancing"
NEUTRALIZING = "neutralizing"
STABLE = "stable"

_erfc = np.frompyfunc(math.erfc, 1, 1)


@dataclass(frozen=True)
class MannKendall:
    """Mann-Kendall test of one series (floats are NaN when it has < 3 valid values).

    s: score; var_s: variance of S with tie correction; z: standardised S with continuity
    correction; p: two-sided normal p-value; tau: Kendall's tau = S / (n (n - 1) / 2);
    h: p < alpha; trend: 'increasing', 'decreasing' or 'no trend'; n: valid values used.
    """

    s: float
    var_s: float
    z: float
    p: float
    tau: float
    h: bool
    trend: str
    n: int


@dataclass(frozen=True, eq=False)
class MannKendallCells:
    """Per-cell Mann-Kendall arrays, shape (rows, cols), fields as in ``MannKendall``."""

    s: np.ndarray
    var_s: np.ndarray
    z: np.ndarray
    p: np.ndarray
    tau: np.ndarray
    n: np.ndarray


@dataclass(frozen=True, eq=False)
class Change:
    """Change between two periods, per region.

    label: 'imbalancing' (CSR rose by more than the tolerance), 'neutralizing' (fell by more),
    'stable', or None where either CSR is unknown (NaN); relative: (CSR - previous) / previous;
    crossing: +1 where CSR crossed above 1 (became a net source), -1 where it fell to <= 1,
    0 otherwise.
    """

    label: np.ndarray
    relative: np.ndarray
    crossing: np.ndarray


def two_sided_p(z) -> np.ndarray:
    """Two-sided standard normal p-value, P(|Z| >= |z|) = erfc(|z| / sqrt 2); NaN stays NaN."""
    z = np.asarray(z, dtype=np.float64)
    return np.asarray(_erfc(np.abs(z) / math.sqrt(2.0)), dtype=np.float64)


def sen_slope(y, x=None) -> float:
    """Theil-Sen slope: median of (y_j - y_i) / (x_j - x_i) over pairs i < j of valid values.

    ``x`` defaults to 0, 1, 2, ... (so the slope is per step, e.g. per year), and NaN values keep
    their position. Units: units of y per unit of x. NaN when fewer than 3 values are valid.
    """
    y = np.asarray(y, dtype=np.float64)
    x = _positions(x, len(y))
    keep = ~np.isnan(y)
    y, x = y[keep], x[keep]
    if len(y) < MIN_VALUES:
        return math.nan
    i, j = np.triu_indices(len(y), 1)
    return float(np.median((y[j] - y[i]) / (x[j] - x[i])))


def mann_kendall(y, alpha: float = 0.05) -> MannKendall:
    """Mann-Kendall test on the valid (non-NaN) values of ``y``, in order.

    S = sum_{i<j} sign(y_j - y_i); Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18 over tie
    groups of size t; Z = (S - sign S) / sqrt Var(S) (0 when S = 0); p two-sided.
    """
    y = np.asarray(y, dtype=np.float64)
    y = y[~np.isnan(y)]
    n = len(y)
    if n < MIN_VALUES:
        return MannKendall(math.nan, math.nan, math.nan, math.nan, math.nan, False, "no trend", n)
    i, j = np.triu_indices(n, 1)
    s = float(np.sum(np.sign(y[j] - y[i])))
    _, ties = np.unique(y, return_counts=True)
    var_s = (n * (n - 1) * (2 * n + 5) - float(np.sum(ties * (ties - 1) * (2 * ties + 5)))) / 18
    z = (s - math.copysign(1.0, s)) / math.sqrt(var_s) if s != 0 else 0.0
    p = math.erfc(abs(z) / math.sqrt(2.0))
    h = p < alpha
    trend = ("increasing" if z > 0 else "decreasing") if h else "no trend"
    return MannKendall(s, var_s, z, p, s / (0.5 * n * (n - 1)), h, trend, n)


def sen_slope_cells(stack: np.ndarray, x=None) -> np.ndarray:
    """``sen_slope`` for every cell of a block ``(n_years, rows, cols)``; returns (rows, cols).

    Pairwise slopes are built for chunks of cells (one row of P pair slopes per cell) so memory
    stays near PAIR_BUDGET x 8 bytes, and the median is found by one partial selection
    (``np.partition``, O(P)) at the fixed position P // 2 for every cell: in a cell with m valid
    slopes, P // 2 - m // 2 of its NaN slopes become -inf and the rest +inf, which puts the
    upper middle valid slope at P // 2 and the lower one (m even) just below it. Same values as
    ``sen_slope`` (the median of the same float64 slopes).
    """
    stack = _as_stack(stack)
    n = stack.shape[0]
    x = _positions(x, n)
    cells = stack.reshape(n, -1).T  # (cells, years) view
    out = np.full(cells.shape[0], np.nan)
    enough = np.flatnonzero(np.sum(~np.isnan(cells), axis=1) >= MIN_VALUES)
    i, j = np.triu_indices(n, 1)
    dx = x[j] - x[i]
    upper = len(i) // 2
    chunk = max(1, PAIR_BUDGET // max(1, len(i)))
    for start in range(0, len(enough), chunk):
        rows = enough[start : start + chunk]
        part = cells[rows]
        slopes = part[:, j]
        slopes -= part[:, i]
        slopes /= dx
        valid = np.full(len(rows), len(i))
        gaps = np.flatnonzero(np.isnan(part).any(axis=1))
        if len(gaps):
            sub = slopes[gaps]
            missing = np.isnan(sub)
            valid[gaps] -= missing.sum(axis=1)
            rank = np.cumsum(missing, axis=1)  # 1, 2, ... along each row's NaN slopes
            sub[missing] = np.where(rank <= (upper - valid[gaps] // 2)[:, None], -np.inf, np.inf)[missing]
            slopes[gaps] = sub
        slopes.partition(upper, axis=1)
        hi = slopes[:, upper]
        lo = slopes[:, :upper].max(axis=1) if upper > 0 else hi
        out[rows] = np.where(valid % 2 == 0, (lo + hi) / 2, hi)
    return out.reshape(stack.shape[1:])


def mann_kendall_cells(stack: np.ndarray) -> MannKendallCells:
    """``mann_kendall`` for every cell of a block ``(n_years, rows, cols)``, NaN values skipped."""
    stack = _as_stack(stack)
    n = np.sum(~np.isnan(stack), axis=0).astype(np.float64)
    s = np.zeros(stack.shape[1:])
    for k in range(stack.shape[0] - 1):
        d = stack[k + 1 :] - stack[k]
        s += np.sum(d > 0, axis=0) - np.sum(d < 0, axis=0)
    var_s = (n * (n - 1) * (2 * n + 5) - _tie_term(stack)) / 18
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(s == 0, 0.0, (s - np.sign(s)) / np.sqrt(var_s))
        tau = s / (0.5 * n * (n - 1))
    few = n < MIN_VALUES
    s, var_s, z, tau = (np.where(few, np.nan, a) for a in (s, var_s, z, tau))
    return MannKendallCells(s, var_s, z, two_sided_p(z), tau, n.astype(np.int64))


def classify_trend(slope, p, alpha: float = 0.05) -> np.ndarray:
    """Trend class codes (uint8) from a Sen slope and a Mann-Kendall p-value.

    0 nodata (slope or p NaN), 1 significant decrease (slope < 0, p < alpha),
    2 non-significant decrease, 3 no change (slope == 0, whatever p),
    4 non-significant increase, 5 significant increase (slope > 0, p < alpha).
    """
    slope = np.asarray(slope, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    significant = p < alpha
    codes = np.select(
        [np.isnan(slope) | np.isnan(p), slope == 0, slope < 0, slope > 0],
        [NODATA_CLASS, 3, np.where(significant, 1, 2), np.where(significant, 5, 4)],
    )
    return codes.astype(np.uint8)


def periods(years, length: int) -> list[tuple[int, list[int]]]:
    """Split years into calendar blocks of ``length`` years starting at the first year.

    Returns ``[(first_year_of_block, [years present in it]), ...]``; e.g. 2001-2020 with length
    5 gives 2001-05, 2006-10, 2011-15, 2016-20. A block with fewer than min(2, length) years
    present (e.g. a trailing single year) is left out: callers can compare the returned years
    with the input to warn. Raises CarbonInputError for fewer than 3 years, duplicate years, or
    a length below 1 or above the number of years.
    """
    years = sorted(int(y) for y in years)
    if len(years) < MIN_VALUES:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "A trend needs at least {MIN_VALUES} years; got {n_years} ({years}). Add "
                                          "years."),
            MIN_VALUES=MIN_VALUES, n_years=len(years), years=years)
    if len(set(years)) != len(years):
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Years must be unique; got {years}."), years=years)
    if not 1 <= length <= len(years):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Period length {length} must be between 1 and the number of years "
                                          "({n_years})."),
            length=length, n_years=len(years))
    blocks: dict[int, list[int]] = {}
    for year in years:
        blocks.setdefault(years[0] + (year - years[0]) // length * length, []).append(year)
    return [(first, ys) for first, ys in blocks.items() if len(ys) >= min(2, length)]


def period_means(values: np.ndarray, years, blocks: list[tuple[int, list[int]]]) -> np.ndarray:
    """Means of annual values over each block, NaN ignored: (n_years, ...) -> (n_blocks, ...)."""
    values = np.asarray(values, dtype=np.float64)
    index = {int(y): k for k, y in enumerate(years)}
    means = np.full((len(blocks), *values.shape[1:]), np.nan)
    for b, (_, ys) in enumerate(blocks):
        part = values[[index[y] for y in ys]]
        valid = np.sum(~np.isnan(part), axis=0)
        means[b] = np.where(valid > 0, np.nansum(part, axis=0) / np.maximum(valid, 1), np.nan)
    return means


def effective_csr(csr, sink) -> np.ndarray:
    """CSR with +inf where the sink S <= 0 (a source with no absorption is the worst case)."""
    csr = np.asarray(csr, dtype=np.float64)
    return np.where(np.asarray(sink, dtype=np.float64) <= 0, np.inf, csr)


def balance_state(csr, sink, breaks=(1.0, 2.0, 4.0, 8.0), neutral_band: float | None = None) -> np.ndarray:
    """Balance state per region or cell (float64 array) from CSR = E / S and the sink S.

    1 sink (CSR <= 1), 2 mild (1, 2], 3 moderate (2, 4], 4 severe (4, 8], 5 extreme (> 8 or
    S <= 0, whatever CSR); breaks are the upper bounds of states 1-4. With ``neutral_band`` b,
    CSR within [1 - b, 1 + b] (and S > 0) is state 0 "neutral". NaN where CSR is NaN and S is
    not <= 0 (missing data).
    """
    if len(breaks) != len(STATES) - 1 or np.any(np.diff(breaks) <= 0):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "State breaks must be 4 increasing CSR values; got {breaks}."),
            breaks=breaks)
    csr = effective_csr(csr, sink)
    state = np.searchsorted(np.asarray(breaks, dtype=np.float64), csr, side="left") + 1.0
    if neutral_band is not None:
        state = np.where(np.abs(csr - 1.0) <= neutral_band, float(NEUTRAL_STATE), state)
    return np.where(np.isnan(csr), np.nan, state)


def change_class(prev_csr, csr, tolerance: float = 0.05) -> Change:
    """Classify the change of CSR between consecutive periods (METHODS section 5).

    Pass CSR through ``effective_csr`` first so S <= 0 counts as +inf: finite -> inf is
    imbalancing, inf -> finite neutralizing, inf -> inf stable. From CSR 0 any rise imbalances.
    """
    prev = np.asarray(prev_csr, dtype=np.float64)
    cur = np.asarray(csr, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        relative = np.where(prev == cur, 0.0, (cur - prev) / prev)
    relative = np.where(np.isinf(prev) & np.isfinite(cur), -1.0, relative)
    label = np.select(
        [np.isnan(relative), relative > tolerance, relative < -tolerance],
        [None, IMBALANCING, NEUTRALIZING],
        default=STABLE,
    ).astype(object)
    known = ~(np.isnan(prev) | np.isnan(cur))
    crossing = np.where(known, (cur > 1).astype(np.int8) - (prev > 1).astype(np.int8), 0)
    return Change(label, relative, crossing.astype(np.int8))


def transition_matrix(states_a, states_b, codes=STATES) -> np.ndarray:
    """Counts of regions moving from state ``codes[r]`` (period a) to ``codes[c]`` (period b).

    Regions whose state is NaN or not in ``codes`` in either period are not counted; pass
    ``codes=(0, 1, 2, 3, 4, 5)`` when a neutral band was used.
    """
    a = np.asarray(states_a, dtype=np.float64).ravel()
    b = np.asarray(states_b, dtype=np.float64).ravel()
    matrix = np.zeros((len(codes), len(codes)), dtype=np.int64)
    for r, ca in enumerate(codes):
        for c, cb in enumerate(codes):
            matrix[r, c] = np.sum((a == ca) & (b == cb))
    return matrix


def _positions(x, n: int) -> np.ndarray:
    """x positions of a series of n values: 0..n-1 by default, else strictly increasing x."""
    if x is None:
        return np.arange(n, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if x.shape != (n,) or np.any(np.diff(x) <= 0):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "x (years) must be {n} strictly increasing values; got {got}."),
            n=n, got=x.tolist())
    return x


def _as_stack(stack) -> np.ndarray:
    stack = np.asarray(stack, dtype=np.float64)
    if stack.ndim != 3:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Expected a block (n_years, rows, cols); got shape {stack_shape}."),
            stack_shape=stack.shape)
    return stack


def _tie_term(stack: np.ndarray) -> np.ndarray:
    """sum over tie groups of t (t - 1) (2t + 5) per cell, from values sorted along axis 0."""
    ordered = np.sort(stack, axis=0)  # NaN last; NaN never equals anything, so runs of 1
    run = np.ones(stack.shape[1:])
    total = np.zeros(stack.shape[1:])
    for k in range(1, stack.shape[0]):
        same = ordered[k] == ordered[k - 1]
        total += np.where(same, 0.0, run * (run - 1) * (2 * run + 5))
        run = np.where(same, run + 1, 1.0)
    return total + run * (run - 1) * (2 * run + 5)
