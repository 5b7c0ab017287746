"""Balance states and transformation trends of a budget table, and per-cell raster trends
(METHODS section 5). Plain numpy + GDAL; the numerics are those of ``trend``.

Budget table: arrays shaped (n_regions, n_years) of emission E and sink S (t per year, both
positive quantities), one column per year of ``years``. Periods are consecutive calendar blocks
of ``period_length`` years (``trend.periods``); period results are (n_regions, n_periods), one
column per period. Per period and region:

- CSR = mean E / mean S over the period's years where both E and S are known (the CSR of the
  period means, not the mean of annual CSR, so that a year with a tiny sink cannot dominate);
  NaN where the mean S <= 0 (the state is then 5, extreme);
- the balance state (``trend.balance_state``) on that CSR;
- the change class against the previous period (``trend.change_class`` on CSR with S <= 0 as
  +inf) and the crossing of CSR = 1;
- Sen slope (CSR per year) and Mann-Kendall Z and p of the annual CSR within the period (years with
  S <= 0 have no annual CSR and are skipped; fewer than 3 values give NaN);
and over the whole series the same Sen slope, Z and p. Transition matrices count regions moving
from state a to state b between consecutive periods (and between the first and the last).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from . import blockio, schema
from .budget import source_sink_ratio
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .inputs import BudgetTable
from .progress import Progress
from .timeseries import TimeSeries, TimeSeriesWriter
from .trend import (
    MIN_VALUES,
    NEUTRAL_STATE,
    NODATA_CLASS,
    STATE_BREAKS,
    STATES,
    Change,
    balance_state,
    change_class,
    check_state_breaks,
    classify_trend,
    effective_csr,
    mann_kendall_cells,
    period_means,
    periods,
    sen_slope_cells,
    transition_matrix,
    trend_cells,
)


@dataclass(frozen=True)
class BudgetFields:
    """The year fields found in a budget layer: ``emission[k]`` / ``sink[k]`` hold ``years[k]``."""

    years: list[int]
    emission: list[str]
    sink: list[str]


def budget_fields(names: Iterable[str], progress: Progress | None = None, role: str = "budget layer") -> BudgetFields:
    """Find the EMI_yyyy and SNK_yyyy fields (any case) of a budget layer.

    Years with only one of the two fields are left out with a warning; no common year, or fewer
    than 3, is an error that says which fields were expected.
    """
    progress = progress or Progress()
    found = schema.fields_by_prefix(names, (schema.EMISSION, schema.SINK))
    emission, sink = found[schema.EMISSION], found[schema.SINK]
    years = sorted(set(emission) & set(sink))
    if not years:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {role} has no pairs of year fields EMI_yyyy and SNK_yyyy (emission "
                                          "and sink per year, e.g. EMI_2001 and SNK_2001). Make it with 'Zonal "
                                          "carbon budget' or rename its fields."),
            role=role)
    only = sorted(set(emission) ^ set(sink))
    if only:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Years with only an emission or only a sink field are left out: {years}."),
            years=", ".join(map(str, only)))
    if len(years) < MIN_VALUES:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {role} has {n_years} year(s) with both EMI_yyyy and SNK_yyyy fields "
                                          "({years}); trends need at least {MIN_VALUES} years."),
            role=role, n_years=len(years), years=years, MIN_VALUES=MIN_VALUES)
    return BudgetFields(years, [emission[y] for y in years], [sink[y] for y in years])


def period_label(years: Sequence[int]) -> str:
    """'2001-2005' for a block of years (the years present)."""
    return f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])


def joint_mask(emission, sink) -> tuple[np.ndarray, np.ndarray]:
    """E and S as float64 (regions, years) with NaN wherever either is missing, and where both
    are 0 (no flux at all is no data: nothing to balance; a zero sink with a positive emission
    is real, the worst imbalance)."""
    e = np.asarray(emission, dtype=np.float64)
    s = np.asarray(sink, dtype=np.float64)
    if e.shape != s.shape or e.ndim != 2:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Emission and sink must both be (regions, years); got {e_shape} and "
                                          "{s_shape}."),
            e_shape=e.shape, s_shape=s.shape)
    missing = np.isnan(e) | np.isnan(s) | ((e == 0) & (s == 0))
    return np.where(missing, np.nan, e), np.where(missing, np.nan, s)


def yearly_budget(emission, sink, years: Sequence[int], period_length: int):
    """E and S (regions, years) masked jointly, checked against ``years``, and the periods."""
    e, s = joint_mask(emission, sink)
    if e.shape[1] != len(years):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Got {n_columns} yearly columns for {n_years} years."),
            n_columns=e.shape[1], n_years=len(years))
    return e, s, periods(years, int(period_length))


def series_trend(values, years: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sen slope (per year, x = the years), Mann-Kendall p and Z of each row of (regions, years)."""
    stack = np.asarray(values, dtype=np.float64).T[:, None, :]  # (years, 1, regions)
    slope = sen_slope_cells(stack, np.asarray(years, dtype=np.float64))[0]
    mk = mann_kendall_cells(stack)
    return slope, mk.p[0], mk.z[0]


@dataclass(frozen=True, eq=False)
class BalanceTrend:
    """Result of ``balance_trend``; period arrays are shaped (n_regions, n_periods).

    blocks: ``trend.periods`` output; csr: CSR of the period means (NaN where mean S <= 0);
    state: balance state (NaN = no data); change: one ``trend.Change`` of arrays (n_regions,
    n_periods - 1), column b - 1 the change from period b - 1 to period b; sen, mkz, mkp,
    trend_class: Sen slope (CSR per year), Mann-Kendall Z and p and ``trend.classify_trend`` code
    of the annual CSR within each period; sen_all, mkz_all, mkp_all, class_all: the same over all
    years (n_regions,); transitions: (index a, index b, matrix) with rows/columns in ``codes``;
    annual_csr: (n_regions, n_years).
    """

    years: list[int]
    blocks: list[tuple[int, list[int]]]
    emission: np.ndarray
    sink: np.ndarray
    csr: np.ndarray
    state: np.ndarray
    change: Change
    sen: np.ndarray
    mkz: np.ndarray
    mkp: np.ndarray
    trend_class: np.ndarray
    sen_all: np.ndarray
    mkz_all: np.ndarray
    mkp_all: np.ndarray
    class_all: np.ndarray
    transitions: list[tuple[int, int, np.ndarray]]
    codes: tuple[int, ...]
    annual_csr: np.ndarray

    @property
    def first_years(self) -> list[int]:
        return [first for first, _ in self.blocks]

    @property
    def labels(self) -> list[str]:
        return [period_label(ys) for _, ys in self.blocks]


def check_significance(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The significance level must be between 0 and 1; got {alpha}."),
            alpha=alpha)


@dataclass(frozen=True)
class BalanceOptions:
    """How ``balance_trend`` classifies; checked when made.

    ``period_length`` in years; ``breaks``: the upper CSR bounds of states 1-4; ``neutral_band``
    b: CSR within [1 - b, 1 + b] is state 0, neutral (None: no neutral state); ``tolerance``: the
    relative CSR change between periods within which a region is stable; ``alpha``: the
    significance level of the trend classes.
    """

    period_length: int = 5
    breaks: tuple[float, ...] = STATE_BREAKS
    neutral_band: float | None = None
    tolerance: float = 0.05
    alpha: float = 0.05

    def __post_init__(self) -> None:
        object.__setattr__(self, "breaks", check_state_breaks(self.breaks))  # frozen: the checked tuple
        if not self.tolerance >= 0:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The trend tolerance must be >= 0; got {tolerance}."),
                tolerance=self.tolerance)
        if self.neutral_band is not None and not 0 <= self.neutral_band < 1:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The neutral band must be in [0, 1); got {neutral_band}."),
                neutral_band=self.neutral_band)
        check_significance(self.alpha)


def balance_trend(
    budget: BudgetTable,
    options: BalanceOptions = BalanceOptions(),
    *,
    progress: Progress | None = None,
) -> BalanceTrend:
    """States per period, change classes, within-period and whole-series trends of CSR.

    ``budget``: E and S (regions, years) in the same units; see the module docstring for the
    definitions. Years left out of every period (a trailing single year) are reported as a
    warning.
    """
    progress = progress or Progress()
    years = [int(y) for y in budget.years]
    if list(years) != sorted(set(years)):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Years must be unique and increasing; got {years}."),
            years=years)
    e, s, blocks = yearly_budget(budget.emission, budget.sink, years, options.period_length)
    used = {y for _, ys in blocks for y in ys}
    left_out = [y for y in years if y not in used]
    if left_out:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Years not in a whole period are left out of the period values: {years}."),
            years=", ".join(map(str, left_out)))
    mean_e, mean_s = period_means(e, years, blocks), period_means(s, years, blocks)
    csr = source_sink_ratio(mean_e, mean_s)
    state = balance_state(csr, mean_s, options.breaks, options.neutral_band)
    eff = effective_csr(csr, mean_s)
    change = change_class(eff[:, :-1], eff[:, 1:], options.tolerance)

    annual = source_sink_ratio(e, s)
    index = {y: k for k, y in enumerate(years)}
    sen, mkp, mkz = (np.full(csr.shape, np.nan) for _ in range(3))
    for b, (_, ys) in enumerate(blocks):
        sen[:, b], mkp[:, b], mkz[:, b] = series_trend(annual[:, [index[y] for y in ys]], ys)
        progress.report(0.8 * (b + 1) / (len(blocks) + 1))
    sen_all, mkp_all, mkz_all = series_trend(annual, years)
    codes = ((NEUTRAL_STATE,) if options.neutral_band is not None else ()) + tuple(STATES)
    pairs = [(b - 1, b) for b in range(1, len(blocks))]
    if len(blocks) > 2:
        pairs.append((0, len(blocks) - 1))
    transitions = [(a, b, transition_matrix(state[:, a], state[:, b], codes)) for a, b in pairs]
    progress.report(1.0)
    return BalanceTrend(
        years, blocks, e, s, csr, state, change, sen, mkz, mkp, classify_trend(sen, mkp, options.alpha),
        sen_all, mkz_all, mkp_all, classify_trend(sen_all, mkp_all, options.alpha), transitions, codes, annual,
    )


@dataclass(frozen=True, eq=False)
class ProvinceTotals:
    """Totals over the regions per year: E and S summed over regions with both known."""

    years: list[int]
    emission: np.ndarray
    sink: np.ndarray
    net: np.ndarray
    csr: np.ndarray
    regions: np.ndarray


def province_totals(emission, sink, years: Sequence[int]) -> ProvinceTotals:
    """Per year: total E and S (regions with both values known), net E - S, CSR E / S."""
    e, s = joint_mask(emission, sink)
    known = ~np.isnan(e)
    total_e = np.where(known, e, 0.0).sum(axis=0)
    total_s = np.where(known, s, 0.0).sum(axis=0)
    count = known.sum(axis=0)
    total_e = np.where(count > 0, total_e, np.nan)
    total_s = np.where(count > 0, total_s, np.nan)
    return ProvinceTotals(list(years), total_e, total_s, total_e - total_s, source_sink_ratio(total_e, total_s), count)


# ---------------------------------------------------------------------------------------------
# Per-cell trend of a time-series raster (rastertrend)


@dataclass(frozen=True)
class RasterTrendSummary:
    """What ``raster_trend`` did: the years used, the cells per trend class (0-5), the windows read."""

    years: list[int]
    class_counts: dict[int, int]
    windows: int


def trend_windows(height: int, width: int, n_years: int, budget_bytes: int | None = None) -> list[blockio.Window]:
    """Windows whose float64 year stack fits in ``budget_bytes`` (``blockio.plan_blocks``).

    Windows are one tile row high (``blockio.TILE`` rows) and a whole number of tiles wide where
    the budget allows, so every tile of a tiled input is decompressed once and every output tile
    is written once, whole (GDAL then never re-reads and re-compresses a partly written tile).
    """
    return blockio.plan_blocks(width, height, 8 * n_years, budget_bytes, at_least_a_tile=False, max_tile_rows=1)


@dataclass(frozen=True)
class TrendRasters:
    """The single-band rasters ``raster_trend`` writes (None: not written; at least one):
    Sen slope in units per year, Mann-Kendall Z, p (two-sided) and the trend class."""

    slope: str | None = None
    z: str | None = None
    p: str | None = None
    trend_class: str | None = None

    def __post_init__(self) -> None:
        if not any((self.slope, self.z, self.p, self.trend_class)):
            raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Choose at least one output (slope, Z, p or class)."))


@dataclass(frozen=True)
class RasterTrendOptions:
    """``alpha``: the significance level of the trend classes; checked when made."""

    alpha: float = 0.05

    def __post_init__(self) -> None:
        check_significance(self.alpha)


def raster_trend(
    series: TimeSeries,
    outputs: TrendRasters,
    options: RasterTrendOptions = RasterTrendOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> RasterTrendSummary:
    """Per-cell Sen slope (units per year), Mann-Kendall Z, p and trend class of a time series.

    Streams windows of one tile row (``trend_windows``): each window's whole year stack is in
    memory as float64 (at most ``budget_bytes``, default ``blockio.BUDGET_BYTES``; float32 when
    ``series.exact_in_float32()``, the same values in half of it), so memory does not
    grow with the raster size or width. NaN (nodata) years are skipped per cell; cells with fewer
    than 3 valid years are NaN (class 0). Outputs are single-band GeoTIFFs (Float32, NaN nodata;
    the class as Byte, 0 nodata) that appear only when complete: on error or cancel every output
    is removed. Computed by ``trend.trend_cells``: Mann-Kendall S, Z and p identical to
    ``mann_kendall_cells`` (and pymannkendall), the Sen slope from float32 pairwise slopes (within
    2.4e-7 of the magnitude of its middle pairwise slopes; float64 when the values are not float32).
    """
    progress = progress or Progress()
    years = series.years
    if len(years) < MIN_VALUES:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "A trend needs at least {MIN_VALUES} years; the time series has {years}."),
            MIN_VALUES=MIN_VALUES, years=years)
    label = [period_label(years)]
    units = series.metadata.get("CARBON_UNITS")
    slope_units = f"({units}) / yr" if units else "units / yr"
    writers = [
        TimeSeriesWriter(outputs.slope, series.grid, label, None, slope_units) if outputs.slope else None,
        TimeSeriesWriter(outputs.z, series.grid, label) if outputs.z else None,
        TimeSeriesWriter(outputs.p, series.grid, label) if outputs.p else None,
        TimeSeriesWriter(outputs.trend_class, series.grid, label, data_type=gdal.GDT_Byte,
                         nodata=NODATA_CLASS) if outputs.trend_class else None,
    ]
    x = np.asarray(years, dtype=np.float64)
    # two windows' year stacks (one read ahead) and, for files off the grid, their warped bands
    windows = trend_windows(series.grid.height, series.grid.width, 2 * len(years) + series.warp_bands, budget_bytes)
    counts = np.zeros(6, dtype=np.int64)

    # float32 where that holds every value: half the memory traffic, and trend_cells needs no check
    dtype = np.float32 if series.exact_in_float32() else np.float64

    def read(window: blockio.Window) -> np.ndarray:
        block = np.empty((len(years), window.nrows, window.ncols), dtype=dtype)
        for i in range(len(years)):
            block[i] = series.read_window(i, window, dtype)
        return block

    def per_window(window: blockio.Window, block: np.ndarray):
        yield
        slope, mk = trend_cells(block, x)  # the fast kernel: MK identical, Sen to float32 precision
        del block
        yield
        classes = classify_trend(slope, mk.p, options.alpha)
        counts[:] += np.bincount(classes.ravel(), minlength=6)
        for writer, values in zip(writers, (slope, mk.z, mk.p, classes)):
            if writer is not None:
                writer.write(0, window.row0, values if values.dtype == np.uint8 else values.astype(np.float32),
                             window.col0)
        yield

    with ExitStack() as stack:
        for writer in filter(None, writers):
            stack.enter_context(writer)
        blockio.for_each_block(windows, per_window, progress, steps_per_block=3, read=read)
    return RasterTrendSummary(list(years), {k: int(v) for k, v in enumerate(counts)}, len(windows))


def latest_period_field(names: list[str], prefix: str) -> str:
    """The field <prefix><yyyy> with the latest year, e.g. RI_2016 among RI_2001 ... RI_2016."""
    found = schema.latest(names, prefix)
    if found is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "No {prefix}yyyy field found; choose the field to analyse."),
            prefix=prefix)
    return found
