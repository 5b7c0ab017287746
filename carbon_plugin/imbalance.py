"""Carbon imbalance risk per period for a budget table (METHODS section 6). Plain numpy.

Assembles the pieces of ``risk``: period means of E and S (``trend.period_means``), the
components state / trend / pressure (absolute: ``risk.absolute_components``; relative:
``risk.relative_components``), weights (equal, entropy or user), the index, levels,
compensation values and a summary per period. ``index_draws`` computes the index for a stack of
budgets at once (Monte Carlo draws, ``uncertainty``); ``assess_risk`` is one draw of it. Yearly
arrays are (..., regions, years), period arrays (..., regions, periods).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .balance import period_label, series_trend, yearly_budget
from .budget import source_sink_ratio
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .inputs import BudgetTable
from .progress import Progress
from .risk import (
    LEVEL_LABELS,
    NORMALISATIONS,
    Note,
    RiskComponents,
    absolute_components,
    batch_entropy_weights,
    capped_csr,
    check_cap,
    compensation_values,
    high_risk_share,
    relative_components,
    resolve_weights,
    risk_index,
    risk_levels,
)
from .trend import mann_kendall_cells, period_means

COMPONENTS = ("state", "trend", "pressure")
HIGH_RISK = 0.6  # METHODS: "high-risk share" = share of regions with index >= 0.6
DEFAULT_LEVEL_BREAKS = (0.2, 0.4, 0.6, 0.8)
DEFAULT_PRICE = 60.0  # yuan per t CO2
NO_LEVEL = 0


def check_level_breaks(breaks: Sequence[float]) -> tuple[float, ...]:
    """Four increasing breaks strictly inside (0, 1) (levels 1-5 of the contract)."""
    b = tuple(float(v) for v in breaks)
    if len(b) != 4 or any(not 0 < v < 1 for v in b) or any(y <= x for x, y in zip(b, b[1:])):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Risk level breaks must be 4 increasing numbers between 0 and 1; got {got}."),
            got=list(b))
    return b


@dataclass(frozen=True)
class RiskSettings:
    """How the index is built and the price of the compensation values; checked when made.

    ``components``: among ``COMPONENTS`` (kept in that order); ``weight_mode``: 'equal',
    'entropy' or 'user' (``user_weights``, one per component; normalised to sum 1 with a note);
    None: equal weights for the absolute index, entropy weights for the relative one (as the
    earlier formulation); ``cap`` on the CSR (relative index); ``reference_density`` in t km-2
    yr-1, None = the median density of the data (pressure); ``period_length`` in years;
    ``level_breaks``: 4 increasing numbers in (0, 1); ``price`` per t for the compensation
    values. Made from these: ``weights``, fixed (equal or user weights, in the order of
    ``components``) or None for entropy weights computed on the data, and ``note``, the log
    note of ``risk.resolve_weights`` (user weights normalised).
    """

    normalisation: str = "absolute"
    components: tuple[str, ...] = ("state", "trend")
    weight_mode: str | None = None
    user_weights: Sequence[float] | None = None
    cap: float = 100.0
    reference_density: float | None = None
    period_length: int = 5
    level_breaks: tuple[float, ...] = DEFAULT_LEVEL_BREAKS
    price: float = DEFAULT_PRICE
    weights: tuple[float, ...] | None = field(init=False)
    note: Note | None = field(init=False)

    def __post_init__(self) -> None:
        if self.normalisation not in NORMALISATIONS:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unknown normalisation '{got}': use one of {choices}."),
                got=self.normalisation, choices=", ".join(NORMALISATIONS))
        names = tuple(n for n in COMPONENTS if n in set(self.components))
        unknown = sorted(set(self.components) - set(COMPONENTS))
        if unknown or not names:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Components must be among {choices}; got {got}."),
                choices=", ".join(COMPONENTS), got=list(self.components))
        mode = self.weight_mode or ("equal" if self.normalisation == "absolute" else "entropy")
        weights, note = (None, None) if mode == "entropy" else resolve_weights(mode, len(names), self.user_weights)
        if self.reference_density is not None and not self.reference_density > 0:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The reference emission density must be positive (t per km2 per "
                                              "year); got {value}."),
                value=self.reference_density)
        made = {"components": names, "weight_mode": mode, "cap": check_cap(self.cap),
                "weights": None if weights is None else tuple(map(float, weights)), "note": note,
                "period_length": int(self.period_length), "level_breaks": check_level_breaks(self.level_breaks)}
        if not self.price >= 0:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The carbon price must be >= 0; got {price}."),
                price=self.price)
        for name, value in made.items():
            object.__setattr__(self, name, value)  # frozen: the checked values replace the given ones


@dataclass(frozen=True, eq=False)
class IndexDraws:
    """The index of a stack of budgets: components (n_components, draws, regions, periods),
    weights (draws, n_components), index (draws, regions, periods; NaN = no data), period means
    of E and S, the emission density (t km-2 yr-1) and its reference per draw (pressure only),
    and how many region-periods with data had too few annual ratios for a trend (absolute: their
    T is 0.5; relative: regions without a first-period slope), counted when trend is chosen."""

    components: RiskComponents
    weights: np.ndarray
    index: np.ndarray
    mean_emission: np.ndarray
    mean_sink: np.ndarray
    density: np.ndarray | None
    reference: np.ndarray | None
    no_trend: int


def period_mk_z(emission, sink, years: Sequence[int], blocks) -> np.ndarray:
    """Mann-Kendall Z of the annual CSR within each period, (..., regions, years) ->
    (..., regions, periods); NaN with fewer than 3 annual ratios (years with S <= 0 have none)."""
    annual = source_sink_ratio(emission, sink)
    index = {y: k for k, y in enumerate(years)}
    z = np.full((*annual.shape[:-1], len(blocks)), np.nan)
    for b, (_, ys) in enumerate(blocks):
        part = np.moveaxis(annual[..., [index[y] for y in ys]], -1, 0)  # (period years, ..., regions)
        z[..., b] = mann_kendall_cells(part.reshape(len(ys), -1, part.shape[-1])).z.reshape(part.shape[1:])
    return z


def first_period_slope(values, years: Sequence[int]) -> np.ndarray:
    """Sen slope per year of each row of (regions, years); with only 2 valid values, their slope.

    (``trend.sen_slope`` needs 3 values, which a period of 2 years, or of 5 with gaps, may lack;
    the median of a single pairwise slope is that slope.) NaN with fewer than 2 values.
    """
    values = np.asarray(values, dtype=np.float64)
    slope = series_trend(values, years)[0]
    x = np.asarray(years, dtype=np.float64)
    for k in np.flatnonzero(np.sum(~np.isnan(values), axis=1) == 2):
        i, j = np.flatnonzero(~np.isnan(values[k]))
        slope[k] = (values[k, j] - values[k, i]) / (x[j] - x[i])
    return slope


def index_draws(emission, sink, years: Sequence[int], blocks, settings: RiskSettings, area_km2=None,
                mk_z=None) -> IndexDraws:
    """The risk index of budgets shaped (draws, regions, years), E and S NaN together.

    ``area_km2`` (regions,) is needed for the pressure component; ``mk_z`` (regions, periods),
    the Mann-Kendall Z of a balance layer, is used instead of computing it (absolute index).
    Period means are over the years where both E and S are known. Entropy weights are computed
    per draw.
    """
    e = np.asarray(emission, dtype=np.float64)
    s = np.asarray(sink, dtype=np.float64)
    mean_e, mean_s = period_means(e, years, blocks), period_means(s, years, blocks)
    density = reference = None
    if "pressure" in settings.components:
        area = np.asarray(area_km2, dtype=np.float64)[:, None]  # (regions, 1): against the periods
        with np.errstate(divide="ignore", invalid="ignore"):
            density = np.where(area > 0, mean_e / area, np.nan)
    no_trend = 0
    if settings.normalisation == "absolute":
        if "trend" not in settings.components:
            z = np.full(mean_e.shape, np.nan)  # no Mann-Kendall for a component that is not used
        else:
            z = period_mk_z(e, s, years, blocks) if mk_z is None else np.broadcast_to(mk_z, mean_e.shape)
            no_trend = int(np.sum(np.isnan(z) & ~np.isnan(mean_e)))
        if density is not None:
            reference = (np.full(e.shape[0], settings.reference_density) if settings.reference_density
                         else np.nanmedian(density.reshape(e.shape[0], -1), axis=1))
        every = absolute_components(mean_e, mean_s, z, density,
                                    None if reference is None else reference[:, None, None])
    else:
        index_of = {y: k for k, y in enumerate(years)}
        first = [index_of[y] for y in blocks[0][1]]
        annual = capped_csr(source_sink_ratio(e[..., first], s[..., first]), s[..., first], settings.cap)
        slope = first_period_slope(annual.reshape(-1, len(first)), blocks[0][1]).reshape(e.shape[:-1])
        no_trend = int(np.isnan(slope).sum()) if "trend" in settings.components else 0
        every = relative_components(source_sink_ratio(mean_e, mean_s), mean_s, slope, settings.period_length,
                                    density, settings.cap)
    chosen = RiskComponents(settings.components,
                            every.values[[every.names.index(n) for n in settings.components]])
    weights = entropy_draws(chosen) if settings.weights is None else np.tile(settings.weights, (e.shape[0], 1))
    return IndexDraws(chosen, weights, risk_index(chosen, weights), mean_e, mean_s, density, reference, no_trend)


def entropy_draws(components: RiskComponents) -> np.ndarray:
    """Entropy weights per draw on the region-periods where every component is known.

    The observations are taken period by period (the regions of the first period, then of the
    second, ...): the order their sums run in, which sets the last bits of the weights.
    """
    values = components.values  # (K, draws, regions, periods)
    by_period = np.swapaxes(values, -1, -2).reshape(values.shape[0], values.shape[1], -1)  # a copy
    x = np.moveaxis(by_period, 0, -1)  # (draws, obs, K)
    known = ~np.isnan(x).any(axis=-1)
    n = known.sum(axis=-1)
    if np.any(n < 2):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Entropy weights need at least 2 regions x periods with every component "
                                          "known.")
        )
    # C order: observations on an outer axis, so their sums run in order (as ``entropy_weights``)
    return batch_entropy_weights(np.ascontiguousarray(np.where(known[..., None], x, 0.0)), n)


@dataclass(frozen=True, eq=False)
class PeriodSummary:
    """One period (``period_summary``): ``regions`` with an index, ``counts[level]`` for levels 0 (no
    index: "no data") and 1-5, shares of levels 1-5 among the regions with an index, the number (and
    share, of the regions with an index) of regions with index >= 0.6."""

    first_year: int
    label: str
    regions: int
    counts: dict[int, int]
    shares: dict[int, float]
    high_count: int
    high_share: float


@dataclass(frozen=True, eq=False)
class RiskAssessment:
    """Arrays shaped (n_regions, n_periods): index (0-1, NaN = no data), level (uint8 1-5, 0 =
    no data), compensation (price units per year, NaN = no data), csr (capped), density (t km-2
    yr-1 or None); the settings, the weights per component name, the reference density used
    (pressure only); summaries per period."""

    years: list[int]
    blocks: list[tuple[int, list[int]]]
    settings: RiskSettings
    components: RiskComponents
    weights: dict[str, float]
    index: np.ndarray
    level: np.ndarray
    compensation: np.ndarray
    csr: np.ndarray
    density: np.ndarray | None
    reference_density: float | None
    summaries: list[PeriodSummary]

    @property
    def first_years(self) -> list[int]:
        return [first for first, _ in self.blocks]


def assess_risk(
    budget: BudgetTable,
    settings: RiskSettings = RiskSettings(),
    *,
    mk_z: np.ndarray | None = None,
    progress: Progress | None = None,
) -> RiskAssessment:
    """Risk index, level and compensation value per region and period.

    ``budget``: E and S (regions, years) in t (CO2 by default) per year and, for the pressure
    component, the region areas (emission density = period-mean E / area). Period values are
    means over the years where both E and S are known. ``mk_z`` (regions, periods): the
    Mann-Kendall Z of a balance layer, used instead of computing it (absolute index; ignored
    when its shape does not match). Compensation V = (S - E x S_R / E_R) x ``settings.price``
    on the period means (sums to 0 over the regions with data). Notes (e.g. user weights
    normalised) go to ``progress``.
    """
    progress = progress or Progress()
    years = [int(y) for y in budget.years]
    e, s, blocks = yearly_budget(budget.emission, budget.sink, years, settings.period_length)
    area = None
    if "pressure" in settings.components:
        area = region_areas(budget.area_km2, e.shape[0], progress)
    if mk_z is not None and np.shape(mk_z) != (e.shape[0], len(blocks)):
        mk_z = None
    draws = index_draws(e[None], s[None], years, blocks, settings, area, mk_z)
    if draws.no_trend and settings.normalisation == "absolute":
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "{n} region-period(s) have fewer than 3 years with a source/sink ratio: "
                                          "no trend there (trend score 0.5)."),
            n=draws.no_trend)
    elif draws.no_trend:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "{n_regions} region(s) have fewer than 2 years with data in the first "
                                          "period: no trend, so no risk index, in that period."),
            n_regions=draws.no_trend)
    if draws.reference is not None and settings.reference_density is None:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "No reference emission density given: the pressure component uses the "
                                          "median density of these regions and periods, {value:.1f} t per km2 per "
                                          "year, so it is relative to this set of regions."),
            value=float(draws.reference[0]))
    progress.report(0.4)
    warn_degenerate(draws, settings, blocks, progress)

    index, mean_e, mean_s = draws.index[0], draws.mean_emission[0], draws.mean_sink[0]
    level = risk_levels(index, settings.level_breaks)
    if settings.note:
        progress.warning(settings.note[0], **settings.note[1])
    compensation = np.full(index.shape, np.nan)
    for b in range(len(blocks)):
        if np.nansum(mean_e[:, b]) > 0:
            compensation[:, b] = compensation_values(mean_e[:, b], mean_s[:, b], settings.price)
        else:
            progress.warning(QT_TRANSLATE_NOOP("@default", "Period {period}: total emission is not positive; no "
                                                           "compensation values."), period=period_label(blocks[b][1]))
    progress.report(0.8)
    summaries = [period_summary(first, period_label(ys), index[:, b], level[:, b], settings.level_breaks)
                 for b, (first, ys) in enumerate(blocks)]
    progress.report(1.0)
    return RiskAssessment(
        years, blocks, settings, RiskComponents(draws.components.names, draws.components.values[:, 0]),
        dict(zip(settings.components, map(float, draws.weights[0]))), index, level, compensation,
        capped_csr(source_sink_ratio(mean_e, mean_s), mean_s, settings.cap),
        None if draws.density is None else draws.density[0],
        None if draws.reference is None else float(draws.reference[0]), summaries,
    )


def warn_degenerate(draws: IndexDraws, settings: RiskSettings, blocks, progress: Progress) -> None:
    """Say so when the index cannot tell regions apart: entropy weights without any varying
    component (they fall back to equal weights), or one index value for every region of a period."""
    values = draws.components.values[:, 0]
    if settings.weights is None and all(np.nanmin(v) == np.nanmax(v) for v in values if not np.isnan(v).all()):
        progress.warning(QT_TRANSLATE_NOOP("@default", "No component varies between the regions and periods: the "
                                                       "entropy weights carry no information and are equal."))
    for b, (_, years) in enumerate(blocks):
        known = draws.index[0, :, b][~np.isnan(draws.index[0, :, b])]
        if len(known) > 1 and np.all(known == known[0]):
            progress.warning(
                QT_TRANSLATE_NOOP("@default", "{period}: all {n} regions have the same risk index {value:.3f}; "
                                              "check that the emission and sink inputs differ between regions."),
                period=period_label(years), n=len(known), value=float(known[0]))


def region_areas(area_km2, n_regions: int, progress: Progress) -> np.ndarray:
    """The region areas (km2) the pressure component needs, one per region."""
    if area_km2 is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The pressure component (emission density) needs the region areas "
                                          "(AREA_KM2).")
        )
    area = np.asarray(area_km2, dtype=np.float64).ravel()
    if area.shape != (n_regions,):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Need one area per region ({n_regions}); got {n_areas}."),
            n_regions=n_regions, n_areas=area.shape[0])
    if np.any(~(area > 0)):
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "{n_regions} region(s) have no positive area; their pressure is NULL."),
            n_regions=int(np.sum(~(area > 0))))
    return area


def summary_levels(index, level=None, breaks: Sequence[float] = DEFAULT_LEVEL_BREAKS) -> np.ndarray:
    """The level (uint8) each region counts at in a summary; the index decides whether a region has one.

    0 (no data) where the index is NaN, whatever ``level`` says; where the index is known: its
    ``level`` when that is 1-5 (a run's own breaks), else the level of the index on ``breaks``
    (``level`` None, NULL/NaN, 0 or outside 1-5). So the levels 1-5 count exactly the regions
    with an index, as the high-risk share does.
    """
    index = np.asarray(index, dtype=np.float64)
    derived = risk_levels(index, breaks)
    if level is None:
        return derived
    level = np.asarray(level, dtype=np.float64)
    given = np.isin(level, list(LEVEL_LABELS))
    return np.where(np.isnan(index), NO_LEVEL, np.where(given, level, derived)).astype(np.uint8)


def period_summary(first: int, label: str, index, level=None,
                   breaks: Sequence[float] = DEFAULT_LEVEL_BREAKS) -> PeriodSummary:
    """Counts and shares per level and the high-risk share (index >= 0.6) of one period.

    The one rule of every risk summary (imbalancerisk's table and log, the report): a region has
    an index when its index is a number; ``regions`` counts those and is the denominator of every
    share; ``counts[0]`` counts the regions without an index ("no data"), which are in no share.
    Levels as ``summary_levels`` (``level`` may be None, or a layer's RL_yyyy with NaN for NULL).
    """
    index = np.asarray(index, dtype=np.float64)
    levels = summary_levels(index, level, breaks)
    n_valid = int(np.sum(~np.isnan(index)))
    counts = {k: int(np.sum(levels == k)) for k in (NO_LEVEL, *LEVEL_LABELS)}
    shares = {k: (counts[k] / n_valid if n_valid else float("nan")) for k in LEVEL_LABELS}
    return PeriodSummary(first, label, n_valid, counts, shares, int(np.sum(index >= HIGH_RISK)),
                         float(high_risk_share(index, HIGH_RISK)) if n_valid else float("nan"))
