"""Carbon imbalance risk per period for a budget table (METHODS section 6). Plain numpy.

Assembles the pieces of ``risk``: period means of E and S (``balance.period_budget``), the
components state / trend / pressure (``risk.risk_components``), weights (entropy, equal or user),
the index, levels, compensation values and a summary per period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .balance import period_budget, period_label, series_trend, yearly_budget
from .budget import source_sink_ratio
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress
from .risk import (
    LEVEL_LABELS,
    RiskComponents,
    capped_csr,
    compensation_values,
    high_risk_share,
    resolve_weights,
    risk_components,
    risk_index,
    risk_levels,
)

COMPONENTS = ("state", "trend", "pressure")
HIGH_RISK = 0.6  # METHODS: "high-risk share" = share of regions with index >= 0.6
DEFAULT_LEVEL_BREAKS = (0.2, 0.4, 0.6, 0.8)
NO_LEVEL = 0


@dataclass(frozen=True, eq=False)
class PeriodSummary:
    """One period: ``counts[level]`` for levels 0 (no index) and 1-5, shares of levels 1-5 among
    regions with an index, the number (and share) of regions with index >= 0.6."""

    first_year: int
    label: str
    regions: int
    counts: dict[int, int]
    shares: dict[int, float]
    high_count: int
    high_share: float


@dataclass(frozen=True, eq=False)
class RiskAssessment:
    """Arrays shaped (n_periods, n_regions): index (0-1, NaN = no data), level (uint8 1-5, 0 =
    no data), compensation (price units per year, NaN = no data), csr (capped), density (t km-2
    or None); weights per component name; summaries per period; messages for the log."""

    years: list[int]
    blocks: list[tuple[int, list[int]]]
    components: RiskComponents
    weights: dict[str, float]
    index: np.ndarray
    level: np.ndarray
    compensation: np.ndarray
    csr: np.ndarray
    density: np.ndarray | None
    summaries: list[PeriodSummary]
    messages: list[str]

    @property
    def first_years(self) -> list[int]:
        return [first for first, _ in self.blocks]


def check_level_breaks(breaks: Sequence[float]) -> tuple[float, ...]:
    """Four increasing breaks strictly inside (0, 1) (levels 1-5 of the contract)."""
    b = tuple(float(v) for v in breaks)
    if len(b) != 4 or any(not 0 < v < 1 for v in b) or any(y <= x for x, y in zip(b, b[1:])):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Risk level breaks must be 4 increasing numbers between 0 and 1; got {got}."),
            got=list(b))
    return b


def select_components(components: RiskComponents, names: Sequence[str]) -> RiskComponents:
    """The named components, in the order of ``COMPONENTS``."""
    names = [n for n in COMPONENTS if n in set(names)]
    unknown = sorted(set(names) - set(components.names))
    if unknown or not names:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Choose at least one of the components {choices}; got {got}."),
            choices=", ".join(components.names), got=list(names))
    return RiskComponents(tuple(names), components.values[[components.names.index(n) for n in names]])


def first_period_slope(values, years: Sequence[int]) -> np.ndarray:
    """Sen slope per year of each row of (regions, years); with only 2 valid values, their slope.

    (``trend.sen_slope`` needs 3 values, which a period of 2 years, or of 5 with gaps, may lack;
    the median of a single pairwise slope is that slope.) NaN with fewer than 2 values.
    """
    values = np.asarray(values, dtype=np.float64)
    slope, _ = series_trend(values, years)
    x = np.asarray(years, dtype=np.float64)
    for k in np.flatnonzero(np.sum(~np.isnan(values), axis=1) == 2):
        i, j = np.flatnonzero(~np.isnan(values[k]))
        slope[k] = (values[k, j] - values[k, i]) / (x[j] - x[i])
    return slope


def assess_risk(
    emission,
    sink,
    years: Sequence[int],
    area_km2=None,
    period_length: int = 5,
    components: Sequence[str] = ("state", "trend"),
    weight_mode: str = "entropy",
    user_weights=None,
    cap: float = 100.0,
    level_breaks: Sequence[float] = DEFAULT_LEVEL_BREAKS,
    price: float = 60.0,
    progress: Progress | None = None,
) -> RiskAssessment:
    """Risk index, level and compensation value per region and period.

    ``emission``, ``sink``: (n_regions, n_years) in t (CO2 by default) per year; ``area_km2``:
    per region, needed for the pressure component (emission density = period-mean E / area).
    Period values are means over the years where both E and S are known. The trend component
    of the first period is the Sen slope of the annual capped CSR within it (per year) times the
    period length (``first_period_slope``). Compensation V = (S - E x S_R / E_R) x price on the
    period means (sums to 0 over the regions with data). Messages (e.g. user weights normalised)
    are returned for the log.
    """
    progress = progress or Progress()
    years = [int(y) for y in years]
    names = [n for n in COMPONENTS if n in set(components)]
    unknown = sorted(set(components) - set(COMPONENTS))
    if unknown or not names:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Components must be among {choices}; got {got}."),
            choices=", ".join(COMPONENTS), got=list(components))
    breaks = check_level_breaks(level_breaks)
    if not price >= 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The carbon price must be >= 0; got {price}."),
            price=price)
    e, s, blocks = yearly_budget(emission, sink, years, period_length)
    mean_e, mean_s = period_budget(e, s, years, blocks)

    density = None
    if "pressure" in names:
        if area_km2 is None:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The pressure component (emission density) needs the region areas "
                                              "(AREA_KM2).")
            )
        area = np.asarray(area_km2, dtype=np.float64).ravel()
        if area.shape != (e.shape[0],):
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Need one area per region ({n_regions}); got {n_areas}."),
                n_regions=e.shape[0], n_areas=area.shape[0])
        with np.errstate(divide="ignore", invalid="ignore"):
            density = np.where(area > 0, mean_e / area, np.nan)
        if np.any(~(area > 0)):
            progress.warning(
                QT_TRANSLATE_NOOP("@default", "{n_regions} region(s) have no positive area; their pressure is NULL."),
                n_regions=int(np.sum(~(area > 0))))

    index_of = {y: k for k, y in enumerate(years)}
    first_years = [index_of[y] for y in blocks[0][1]]
    # E and S are NaN together (joint mask), so missing years stay NaN in the capped CSR
    annual_capped = capped_csr(source_sink_ratio(e[:, first_years], s[:, first_years]), s[:, first_years], cap)
    first_slope = first_period_slope(annual_capped, blocks[0][1])
    if np.isnan(first_slope).any():
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "{n_regions} region(s) have fewer than 2 years with data in the first "
                                          "period: no trend, so no risk index, in that period."),
            n_regions=int(np.isnan(first_slope).sum()))
    csr = source_sink_ratio(mean_e, mean_s)
    every = risk_components(csr, mean_s, first_slope, int(period_length), density, cap)
    chosen = select_components(every, names)
    progress.report(0.4)

    messages = []
    matrix = chosen.matrix()
    if weight_mode == "entropy" and len(matrix) < 2:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Entropy weights need at least 2 regions x periods with every component "
                                          "known.")
        )
    weights, message = resolve_weights(weight_mode, len(chosen.names), user_weights, matrix)
    if message:
        messages.append(message)
    index = risk_index(chosen, weights)
    level = risk_levels(index, breaks)
    compensation = np.full(index.shape, np.nan)
    for b in range(len(blocks)):
        if np.nansum(mean_e[b]) > 0:
            compensation[b] = compensation_values(mean_e[b], mean_s[b], price)
        else:
            messages.append(f"Period {period_label(blocks[b][1])}: total emission is not positive; "
                            "no compensation values.")
    progress.report(0.8)

    summaries = []
    for b, (first, ys) in enumerate(blocks):
        valid = ~np.isnan(index[b])
        n_valid = int(valid.sum())
        counts = {k: int(np.sum(level[b] == k)) for k in (NO_LEVEL, *LEVEL_LABELS)}
        shares = {k: (counts[k] / n_valid if n_valid else float("nan")) for k in LEVEL_LABELS}
        summaries.append(PeriodSummary(
            first, period_label(ys), n_valid, counts, shares, int(np.sum(index[b] >= HIGH_RISK)),
            float(high_risk_share(index[b], HIGH_RISK)) if n_valid else float("nan"),
        ))
    progress.report(1.0)
    return RiskAssessment(
        years, blocks, chosen, dict(zip(chosen.names, map(float, weights))), index, level, compensation,
        capped_csr(csr, mean_s, cap), density, summaries, messages,
    )
