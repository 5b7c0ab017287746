"""Monte Carlo uncertainty of the carbon imbalance risk index (METHODS section 6). Plain numpy.

Each draw multiplies every region's emission E and sink S by log-normal errors with mean 1 and
the given relative standard deviation (RSD): ln f = sigma_shared x a_region + sigma_year x b_year
- sigma^2 / 2, sigma^2 = ln(1 + RSD^2) split into a part shared by all years of the region
(``shared``, the correlation of the errors of two years) and independent per-year noise. The index
is recomputed with the same settings as ``imbalance.assess_risk`` for all draws of a chunk at
once (``imbalance.index_draws``), never in a Python loop per draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .balance import yearly_budget
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .imbalance import HIGH_RISK, RiskSettings, index_draws, region_areas
from .inputs import BudgetTable
from .progress import Progress
from .risk import LEVEL_LABELS, risk_levels

CHUNK_BYTES = 64 * 1024 * 1024  # float64 working arrays of one chunk of draws
WORK_ARRAYS = 16  # (draws, regions, years) float64 arrays alive at once while a chunk is computed
UNCERTAIN_LEVEL = 0.6  # a level whose probability is below this is reported as uncertain


@dataclass(frozen=True)
class UncertaintyOptions:
    """The Monte Carlo of ``risk_uncertainty``; checked when made.

    ``settings``: the index, as ``imbalance.assess_risk`` builds it; ``emission_rsd`` and
    ``sink_rsd``: relative standard deviations of the errors of E and S (0.3 = 30 %, 0-5);
    ``shared`` in [0, 1]: the share of the error variance common to all years of a region;
    ``draws`` (at least 2); ``seed`` of the random generator (None: a new one each run).
    """

    settings: RiskSettings = field(default_factory=RiskSettings)
    emission_rsd: float = 0.10
    sink_rsd: float = 0.30
    shared: float = 0.5
    draws: int = 1000
    seed: int | None = None

    def __post_init__(self) -> None:
        for name, value in (("emission", self.emission_rsd), ("sink", self.sink_rsd)):
            if not 0 <= value <= 5:
                raise CarbonInputError(
                    QT_TRANSLATE_NOOP("@default", "The relative standard deviation of the {role} must be between 0 "
                                                  "and 5 (0.3 = 30 %); got {value}."),
                    role=name, value=value)
        if not 0 <= self.shared <= 1:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The shared share of the error must be between 0 and 1; got {value}."),
                value=self.shared)
        if not self.draws >= 2:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Give at least 2 draws; got {value}."), value=self.draws)


@dataclass(frozen=True, eq=False)
class RiskUncertainty:
    """Per region and period (n_regions, n_periods): median, 5 % and 95 % of the index over the
    draws, probability of index >= 0.6, the most likely level and its probability (NaN / 0 where
    the region has no data); the options used."""

    years: list[int]
    blocks: list[tuple[int, list[int]]]
    median: np.ndarray
    low: np.ndarray
    high: np.ndarray
    p_high: np.ndarray
    likely_level: np.ndarray
    p_level: np.ndarray
    options: UncertaintyOptions

    @property
    def first_years(self) -> list[int]:
        return [first for first, _ in self.blocks]

    def uncertain_count(self, period: int, threshold: float = UNCERTAIN_LEVEL) -> int:
        """Regions whose most likely level has a probability below ``threshold`` in a period."""
        return int(np.sum(self.p_level[:, period] < threshold))


def log_sigmas(rsd: float, shared: float) -> tuple[float, float, float]:
    """(sigma shared, sigma per year, sigma^2) of a log-normal factor with mean 1 and this RSD."""
    variance = math.log1p(rsd * rsd)
    return math.sqrt(shared * variance), math.sqrt((1.0 - shared) * variance), variance


def error_factors(rng: np.random.Generator, shape: tuple[int, int, int], rsd: float, shared: float) -> np.ndarray:
    """Multiplicative errors (draws, regions, years): a factor per region shared by the years of a
    draw times per-year noise, log-normal with mean 1 and relative standard deviation ``rsd``."""
    sigma_shared, sigma_year, variance = log_sigmas(rsd, shared)
    log_f = sigma_shared * rng.standard_normal(shape[:2])[..., None]
    log_f = log_f + sigma_year * rng.standard_normal(shape) - variance / 2.0
    return np.exp(log_f)


def chunk_size(n_regions: int, n_years: int, draws: int, budget: int = CHUNK_BYTES) -> int:
    """Draws per chunk so the chunk's working arrays stay within ``budget`` bytes."""
    return int(max(1, min(draws, budget // (WORK_ARRAYS * 8 * max(1, n_regions * n_years)))))


def risk_uncertainty(
    budget: BudgetTable,
    options: UncertaintyOptions = UncertaintyOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> RiskUncertainty:
    """Monte Carlo of the risk index over errors of E and S (``budget``: (regions, years) in t per
    year, the areas for the pressure component); see ``UncertaintyOptions``. The same seed and
    inputs give the same results (the chunk size depends only on the input's shape and
    ``budget_bytes``, default ``CHUNK_BYTES``).
    """
    progress = progress or Progress()
    settings = options.settings
    years = [int(y) for y in budget.years]
    e, s, blocks = yearly_budget(budget.emission, budget.sink, years, settings.period_length)
    area = region_areas(budget.area_km2, e.shape[0], progress) if "pressure" in settings.components else None
    rng = np.random.default_rng(options.seed)
    draws = options.draws
    index = np.empty((draws, e.shape[0], len(blocks)))
    n_regions, n_years = e.shape
    step = chunk_size(n_regions, n_years, draws, budget_bytes or CHUNK_BYTES)  # None or 0: default
    for start in range(0, draws, step):
        n = min(step, draws - start)
        fe = error_factors(rng, (n, *e.shape), options.emission_rsd, options.shared)
        fs = error_factors(rng, (n, *e.shape), options.sink_rsd, options.shared)
        index[start:start + n] = index_draws(e * fe, s * fs, years, blocks, settings, area).index
        progress.report(0.9 * (start + n) / draws)
    return summarise_draws(index, years, blocks, options)


def summarise_draws(index: np.ndarray, years, blocks, options: UncertaintyOptions) -> RiskUncertainty:
    """Median, 5-95 % interval, P(index >= 0.6) and the most likely level of index draws
    (draws, regions, periods), per region and period."""
    known = ~np.isnan(index[0])
    low, median, high = np.percentile(index, [5.0, 50.0, 95.0], axis=0)
    with np.errstate(invalid="ignore"):
        p_high = np.where(known, np.mean(index >= HIGH_RISK, axis=0), np.nan)
    levels = risk_levels(index, options.settings.level_breaks)
    shares = np.stack([np.mean(levels == k, axis=0) for k in LEVEL_LABELS])
    likely = np.where(known, np.argmax(shares, axis=0) + 1, 0).astype(np.uint8)
    p_level = np.where(known, shares.max(axis=0), np.nan)
    return RiskUncertainty(years, blocks, median, low, high, p_high, likely, p_level, options)
