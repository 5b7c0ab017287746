"""Monotonic trends and balance states (METHODS section 5): Sen slope, Mann-Kendall, periods.

Plain numpy. The per-series functions are the reference definitions (they match
``pymannkendall.original_test``); the ``*_cells`` functions compute the same numbers for every
cell of a block ``(n_years, rows, cols)`` at once, looping over years, never over cells.
Series with fewer than ``MIN_VALUES`` valid (non-NaN) values get NaN statistics.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, CarbonInputError

MIN_VALUES = 3
PAIR_BUDGET = 1 << 22  # pairwise slopes held at once by sen_slope_cells (x 8 bytes)
FAST_PAIR_BUDGET = 1 << 18  # pairwise differences per chunk of trend_cells (x 4 bytes; in cache)
TREND_THREADS = min(2, os.cpu_count() or 1)  # threads of trend_cells (numpy releases the GIL)
P_TABLE_YEARS = 60  # trend_cells looks p up by (n, S) up to this many years (table: n^3 / 2 entries)

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
STATE_BREAKS = (1.0, 2.0, 4.0, 8.0)  # the default upper CSR bounds of states 1-4
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
    """Change between two periods, per region: arrays shaped like the CSR ``change_class`` compares.

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


def trend_cells(stack: np.ndarray, x=None, threads: int | None = None) -> tuple[np.ndarray, MannKendallCells]:
    """Sen slope and Mann-Kendall of every cell of a block ``(n_years, rows, cols)`` (the raster path).

    The fast kernel of ``rastertrend``: when every value is exactly a float32 (a float32 block, or
    a float64 one holding Float32 raster values or integers up to 2^24) the pairwise differences
    are taken once in float32 and serve both statistics. Mann-Kendall: S counts their signs (a
    float32 difference of two distinct values is never 0 and has the sign of the exact one), the
    ties come from the same values, and var S, Z and p are computed by the same float64 expressions
    as ``mann_kendall_cells``: S, var S, Z, p, tau and n are identical to it. Sen slope: the float32
    slopes (two roundings) are mapped to order-preserving int32 keys and the median is found by
    one ``np.partition`` at a fixed position (as in ``sen_slope_cells``; NaN slopes of cells with
    gaps become the lowest and highest keys); each slope is within 2^-23 relative of the float64
    one, and the median within 2^-23 of the magnitude of the middle slopes (2.4e-7 relative, below
    the 1e-6 tolerance, unless the two middle slopes of an even count have opposite signs: then
    within float32's resolution of those slopes). Values not exactly float32, or so large that a
    float32 slope could overflow (``_float32_safe``), fall back to ``sen_slope_cells`` and
    ``mann_kendall_cells``.
    Cells are split among ``threads`` (default ``TREND_THREADS``) threads: numpy releases the
    GIL in its large operations, and each cell is computed by one thread, so results do not
    depend on the number of threads.
    """
    stack = _as_stack(stack, keep_float32=True)
    n_years = stack.shape[0]
    x = _positions(x, n_years)
    if stack.dtype == np.float32:
        single = stack
    else:
        with np.errstate(over="ignore"):
            single = stack.astype(np.float32)
        if not _float32_exact(single, stack):
            return sen_slope_cells(stack, x), mann_kendall_cells(stack)
    if not np.array_equal(x.astype(np.float32), x) or not _float32_safe(single, x):
        return sen_slope_cells(stack, x), mann_kendall_cells(stack)
    years_cells = single.reshape(n_years, -1)  # (years, cells), float32
    count = years_cells.shape[1]
    slope = np.full(count, np.nan)
    s = np.zeros(count)
    tie = np.zeros(count)
    valid_n = n_years - np.count_nonzero(np.isnan(years_cells), axis=0)
    enough = np.flatnonzero(valid_n >= MIN_VALUES)
    threads = max(1, TREND_THREADS if threads is None else int(threads))
    parts = [p for p in np.array_split(enough, threads) if len(p)]
    if len(parts) > 1:
        with ThreadPoolExecutor(len(parts)) as pool:
            list(pool.map(lambda rows: _trend_rows(years_cells, rows, x, slope, s, tie), parts))
    elif parts:
        _trend_rows(years_cells, parts[0], x, slope, s, tie)
    n = valid_n.astype(np.float64)
    var_s = (n * (n - 1) * (2 * n + 5) - tie) / 18
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(s == 0, 0.0, (s - np.sign(s)) / np.sqrt(var_s))
        tau = s / (0.5 * n * (n - 1))
    few = n < MIN_VALUES
    s, var_s, z, tau = (np.where(few, np.nan, a) for a in (s, var_s, z, tau))
    p = _p_of_cells(z, s, valid_n, tie, n_years)
    shape = stack.shape[1:]
    mk = MannKendallCells(s.reshape(shape), var_s.reshape(shape), z.reshape(shape), p.reshape(shape),
                          tau.reshape(shape), n.astype(np.int64).reshape(shape))
    return slope.reshape(shape), mk


def _float32_safe(single: np.ndarray, x: np.ndarray) -> bool:
    """True when no float32 pairwise slope of ``single`` (years along axis 0, at ``x``) can
    overflow: twice the largest |value| over the smallest year gap stays within float32's range."""
    if single.size == 0:
        return True
    lo, hi = np.fmin.reduce(single, axis=None), np.fmax.reduce(single, axis=None)  # NaN only if all NaN
    gaps = np.diff(np.sort(x))
    gap = float(np.min(gaps[gaps > 0], initial=1.0))
    return bool(np.isnan(lo) or 2 * max(-float(lo), float(hi)) / min(gap, 1.0) <= float(np.finfo(np.float32).max))


def _float32_exact(single: np.ndarray, values: np.ndarray) -> bool:
    """True when ``values`` (float64) equal their float32 copy ``single`` everywhere (NaN as NaN)."""
    with np.errstate(invalid="ignore"):
        differ = single != values  # NaN != NaN, and inf - inf is no help: compare, then forgive NaN
    return not np.any(differ & ~np.isnan(values))


def _p_of_cells(z: np.ndarray, s: np.ndarray, valid_n: np.ndarray, tie: np.ndarray, n_years: int) -> np.ndarray:
    """``two_sided_p(z)`` of every cell, with erfc computed once per distinct Z.

    Without ties Z is a function of (n, S) alone: looked up in ``_p_table`` (up to
    ``P_TABLE_YEARS`` years); other cells (ties, no value, longer series) take ``np.unique`` of Z.
    """
    p = np.empty(z.shape)
    plain = np.zeros(z.shape, dtype=bool)
    if n_years <= P_TABLE_YEARS:
        plain = (tie == 0) & ~np.isnan(s)
        most = n_years * (n_years - 1) // 2
        p[plain] = _p_table(n_years)[valid_n[plain], s[plain].astype(np.int64) + most]
    rest = np.flatnonzero(~plain)
    if len(rest):
        distinct, inverse = np.unique(z[rest], return_inverse=True)
        p[rest] = two_sided_p(distinct)[inverse.ravel()]
    return p


@functools.lru_cache(maxsize=8)
def _p_table(n_years: int) -> np.ndarray:
    """p of every (n, S) without ties, n <= ``n_years``: Z by the expression of ``trend_cells``
    (so the same bits), then ``two_sided_p``; read-only, built once per number of years."""
    n_table = np.arange(n_years + 1, dtype=np.float64)[:, None]
    most = n_years * (n_years - 1) // 2
    s_table = np.arange(-most, most + 1, dtype=np.float64)[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        var_table = (n_table * (n_table - 1) * (2 * n_table + 5) - 0.0) / 18
        z_table = np.where(s_table == 0, 0.0, (s_table - np.sign(s_table)) / np.sqrt(var_table))
    table = two_sided_p(z_table)
    table.flags.writeable = False
    return table


_KEY_MASK = np.int32(0x7FFFFFFF)
_KEY_LOW, _KEY_HIGH = np.iinfo(np.int32).min, np.iinfo(np.int32).max


def _trend_rows(years_cells: np.ndarray, rows: np.ndarray, x: np.ndarray, slope: np.ndarray, s: np.ndarray,
                tie: np.ndarray) -> None:
    """``trend_cells`` for the cells ``rows`` of ``years_cells`` (years, cells) float32, into the outputs.

    Works on chunks of cells small enough to stay in the CPU cache (``FAST_PAIR_BUDGET``), with the
    pairs along the first axis so every difference, count and key is one long contiguous operation;
    only the partition, which needs each cell's keys together, works on the transposed keys.
    """
    n_years = years_cells.shape[0]
    i, j = np.triu_indices(n_years, 1)
    pairs = len(i)
    dx = (x[j] - x[i]).astype(np.float32)[:, None]  # exact: x is checked to be float32 values
    upper = pairs // 2
    count_type = next(t for t in (np.uint8, np.uint16, np.int64) if pairs <= np.iinfo(t).max)  # sign counts
    chunk = max(1, FAST_PAIR_BUDGET // max(1, pairs))
    diff_buffer = np.empty((pairs, chunk), dtype=np.float32)
    sign_buffer = np.empty((pairs, chunk), dtype=np.int32)
    key_buffer = np.empty((chunk, pairs), dtype=np.int32)
    for start in range(0, len(rows), chunk):
        index = rows[start : start + chunk]
        m = len(index)
        contiguous = index[-1] - index[0] == m - 1
        part = years_cells[:, index[0] : index[-1] + 1] if contiguous else years_cells[:, index]
        d = diff_buffer[:, :m]
        col = 0
        for k in range(n_years - 1):  # pairs (k, k+1 ...), in np.triu_indices order
            np.subtract(part[k + 1 :], part[k], out=d[col : col + n_years - 1 - k])
            col += n_years - 1 - k
        above = np.add.reduce((d > 0).view(np.uint8), axis=0, dtype=count_type).astype(np.int64)
        below = np.add.reduce((d < 0).view(np.uint8), axis=0, dtype=count_type).astype(np.int64)
        s[index] = above - below
        # ties only where some valid pair has a zero difference (NaN pairs count neither way)
        nan = np.isnan(part)
        nv = n_years - np.count_nonzero(nan, axis=0)
        tied = np.flatnonzero(above + below < nv * (nv - 1) // 2)
        if len(tied):
            tie[index[tied]] = _tie_term(part[:, tied])
        d /= dx
        gaps = np.flatnonzero(nan.any(axis=0))
        missing = np.isnan(d[:, gaps]).T  # (gap cells, pairs), before the keys overwrite the slopes
        d_keys = d.view(np.int32)
        signs = sign_buffer[:, :m]
        np.right_shift(d_keys, 31, out=signs)
        np.bitwise_and(signs, _KEY_MASK, out=signs)
        keys = key_buffer[:m]
        np.bitwise_xor(d_keys, signs, out=keys.T)  # float order as int32 order, cells along rows
        valid = np.full(m, pairs)
        if len(gaps):
            valid[gaps] -= missing.sum(axis=1)
            rank = np.cumsum(missing, axis=1)  # 1, 2, ... along each cell's NaN slopes
            low = rank <= (upper - valid[gaps] // 2)[:, None]
            sub_keys = keys[gaps]
            sub_keys[missing] = np.where(low, _KEY_LOW, _KEY_HIGH)[missing]
            keys[gaps] = sub_keys
        keys.partition(upper, axis=1)
        hi = keys[:, upper].copy()
        lo = keys[:, :upper].max(axis=1) if upper > 0 else hi.copy()
        for half in (hi, lo):
            half ^= (half >> 31) & _KEY_MASK
        hi64 = hi.view(np.float32).astype(np.float64)
        lo64 = lo.view(np.float32).astype(np.float64)
        slope[index] = np.where(valid % 2 == 0, (lo64 + hi64) / 2, hi64)


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
    """Means of annual values over each block, NaN ignored: (..., n_years) -> (..., n_blocks).

    A block's years are taken as a C-contiguous (block years, ...) copy and summed along its
    first axis, year by year in order (numpy sums a contiguous last axis pairwise, which can
    change the last bit of a mean over 8 years or more).
    """
    by_year = np.moveaxis(np.asarray(values, dtype=np.float64), -1, 0)  # a view: (n_years, ...)
    index = {int(y): k for k, y in enumerate(years)}
    means = np.full((*by_year.shape[1:], len(blocks)), np.nan)
    for b, (_, ys) in enumerate(blocks):
        part = by_year[[index[y] for y in ys]]  # fancy indexing copies, C-contiguous
        valid = np.sum(~np.isnan(part), axis=0)
        means[..., b] = np.where(valid > 0, np.nansum(part, axis=0) / np.maximum(valid, 1), np.nan)
    return means


def effective_csr(csr, sink) -> np.ndarray:
    """CSR with +inf where the sink S <= 0 (a source with no absorption is the worst case)."""
    csr = np.asarray(csr, dtype=np.float64)
    return np.where(np.asarray(sink, dtype=np.float64) <= 0, np.inf, csr)


def check_state_breaks(breaks: Sequence[float]) -> tuple[float, ...]:
    """The upper CSR bounds of states 1-4: 4 increasing numbers."""
    if len(breaks) != len(STATES) - 1 or np.any(np.diff(breaks) <= 0):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "State breaks must be 4 increasing CSR values; got {breaks}."),
            breaks=breaks)
    return tuple(float(b) for b in breaks)


def balance_state(csr, sink, breaks=STATE_BREAKS, neutral_band: float | None = None) -> np.ndarray:
    """Balance state per region or cell (float64 array) from CSR = E / S and the sink S.

    1 sink (CSR <= 1), 2 mild (1, 2], 3 moderate (2, 4], 4 severe (4, 8], 5 extreme (> 8 or
    S <= 0, whatever CSR); breaks are the upper bounds of states 1-4. With ``neutral_band`` b,
    CSR within [1 - b, 1 + b] (and S > 0) is state 0 "neutral". NaN where CSR is NaN and S is
    not <= 0 (missing data).
    """
    check_state_breaks(breaks)
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
        [None, IMBALANCING, NEUTRALIZING],  # type: ignore[list-item]  # numpy's stubs: object choices (None) work
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


def _as_stack(stack, keep_float32: bool = False) -> np.ndarray:
    """``stack`` as a float64 block (n_years, rows, cols); a float32 one stays float32 if ``keep_float32``."""
    stack = np.asarray(stack)
    if not (keep_float32 and stack.dtype == np.float32):
        stack = stack.astype(np.float64, copy=False)
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
