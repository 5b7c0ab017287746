"""Carbon imbalance risk index: components, weights, levels, compensation (METHODS section 6).

Plain numpy, no GDAL. Components are arrays shaped (..., n_regions, n_periods); leading axes are
Monte Carlo draws (``uncertainty``), absent for one deterministic run. Two normalisations:

- absolute (default): bounded components that need no normalisation over the sample, so a
  region's index depends on its own data alone (with equal or user weights): state
  D = 1 - S / E clipped to [0, 1], trend T = Phi(Mann-Kendall Z of the annual CSR within the
  period), pressure P = rho / (rho + rho_ref);
- relative (min-max): the earlier formulation, state = ln(capped CSR), trend = change of the
  capped CSR from the previous period, each min-max normalised over all regions and periods.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, CarbonInputError

NORMALISATIONS = ("absolute", "relative")
WEIGHT_MODES = ("entropy", "equal", "user")
LEVEL_LABELS = {1: "low", 2: "relatively low", 3: "medium", 4: "relatively high", 5: "high"}
WEIGHT_SUM_TOLERANCE = 1e-9
Note = tuple[str, dict]  # a message template (QT_TRANSLATE_NOOP) and its values
NO_TREND = 0.5  # Phi(0): the trend score of a period without a Mann-Kendall Z
ENTROPY_TOLERANCE = 1e-12  # 1 - e_j below this: the column carries no information

_erf = np.frompyfunc(math.erf, 1, 1)


@dataclass(frozen=True, eq=False)
class RiskComponents:
    """Components in [0, 1]: ``values[k]`` is component ``names[k]``, shaped (..., n_regions, n_periods)."""

    names: tuple[str, ...]
    values: np.ndarray


def entropy_weights(matrix) -> np.ndarray:
    """Entropy weights of the columns of a non-negative (n observations, m indicators) matrix.

    p_ij = x_ij / sum_i x_ij; e_j = -sum_i p_ij ln p_ij / ln n (0 ln 0 = 0);
    w_j = (1 - e_j) / sum_k (1 - e_k). An all-zero or constant column carries no information
    (e_j = 1 up to rounding: 1 - e_j <= 1e-12 counts as 0, w_j = 0); if no column carries any,
    the weights are equal.
    """
    x = np.asarray(matrix, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Entropy weights need at least 2 observations; got shape {x_shape}."),
            x_shape=x.shape)
    if np.isnan(x).any() or (x < 0).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Entropy weights need non-negative values without NULL/NaN.")
        )
    return batch_entropy_weights(x[None], np.full(1, x.shape[0]))[0]


def batch_entropy_weights(x: np.ndarray, n: np.ndarray) -> np.ndarray:
    """``entropy_weights`` per draw: x (draws, observations, m) with the rows a draw lacks set to
    0, n (draws,) its number of observations; returns (draws, m). Sums run along the
    observations axis in order, so one draw gives the same floats as ``entropy_weights``."""
    totals = x.sum(axis=-2)
    p = np.divide(x, totals[..., None, :], out=np.zeros_like(x), where=totals[..., None, :] > 0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = np.where(totals > 0, -plogp.sum(axis=-2) / np.log(n)[:, None], 1.0)
    d = 1.0 - e
    # a constant column has e = 1 up to rounding: its 1e-16 must not become a weight of 1
    d = np.where(d > ENTROPY_TOLERANCE, d, 0.0)
    total = d.sum(axis=-1, keepdims=True)
    equal = np.full_like(d, 1.0 / d.shape[-1])
    return np.where(total == 0, equal, d / np.where(total == 0, 1.0, total))


def minmax(x, axis=None) -> np.ndarray:
    """(x - min) / (max - min) over ``axis`` (default: all values) pooled, NaN ignored; a
    constant slice gives zeros and NaN stays NaN."""
    x = np.asarray(x, dtype=np.float64)
    missing = np.isnan(x)
    lo = np.min(np.where(missing, np.inf, x), axis=axis, keepdims=True)
    hi = np.max(np.where(missing, -np.inf, x), axis=axis, keepdims=True)
    with np.errstate(invalid="ignore"):
        span = hi - lo
        return np.where(missing, np.nan, np.where(span == 0, 0.0, (x - lo) / np.where(span == 0, 1.0, span)))


def capped_csr(csr, sink, cap: float = 100.0) -> np.ndarray:
    """CSR clipped to [1/cap, cap]; S <= 0 takes the cap (never NaN); NaN CSR with S > 0 stays NaN."""
    check_cap(cap)
    csr = np.where(np.asarray(sink, dtype=np.float64) <= 0, cap, np.asarray(csr, dtype=np.float64))
    return np.clip(csr, 1.0 / cap, cap)


def check_cap(cap: float) -> float:
    if not cap > 1:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The CSR cap must be greater than 1; got {cap}."), cap=cap)
    return cap


def imbalance_degree(emission, sink) -> np.ndarray:
    """State D = 1 - S / E clipped to [0, 1]: the share of the emission the region's own sink
    does not absorb (= 1 - 1 / CSR). S >= E gives 0, S <= 0 with E > 0 gives 1, E <= 0 gives 0;
    NaN where E or S is NaN."""
    e = np.asarray(emission, dtype=np.float64)
    s = np.asarray(sink, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.clip(1.0 - s / np.where(e > 0, e, 1.0), 0.0, 1.0)
    d = np.where(e > 0, d, 0.0)
    return np.where(np.isnan(e) | np.isnan(s), np.nan, d)


def trend_score(z) -> np.ndarray:
    """Trend T = Phi(Z), the standard normal CDF of a Mann-Kendall Z: 0.5 for no trend, near 1
    for a significant rise; NaN Z (fewer than 3 values) gives 0.5."""
    z = np.asarray(z, dtype=np.float64)
    phi = 0.5 * (1.0 + np.asarray(_erf(np.where(np.isnan(z), 0.0, z) / math.sqrt(2.0)), dtype=np.float64))
    return np.where(np.isnan(z), NO_TREND, phi)


def pressure_score(density, reference) -> np.ndarray:
    """Pressure P = rho / (rho + rho_ref) in [0, 1) for emission densities rho >= 0 (t km-2 yr-1);
    ``reference`` is rho_ref, a number or an array broadcast against ``density``."""
    rho = np.clip(np.asarray(density, dtype=np.float64), 0.0, None)
    return rho / (rho + reference)


def relative_components(csr, sink, first_slope, period_length: int, density=None, cap: float = 100.0) -> RiskComponents:
    """The relative (min-max) components from period values shaped (..., n_regions, n_periods).

    state = ln(capped CSR) (see ``capped_csr``); trend = capped CSR minus the previous period's,
    positive = worsening; for the first period, ``first_slope`` (..., n_regions) (Sen slope of
    annual capped CSR within the first period, per year) x ``period_length`` (years), i.e. a
    change per period; pressure = emission density (t km-2), only when ``density`` is given.
    Each is min-max normalised over the periods and regions of its draw pooled. A component is
    NaN where its input is (trend also where the previous period's CSR is unknown).
    """
    csr = capped_csr(np.atleast_2d(csr), np.atleast_2d(sink), cap)
    first = np.asarray(first_slope, dtype=np.float64) * period_length
    if first.shape != csr.shape[:-1]:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "first_slope needs one value per region ({n_regions}); got {got}."),
            n_regions=csr.shape[-2], got=first.shape)
    trend = np.concatenate([first[..., None], np.diff(csr, axis=-1)], axis=-1)
    raw = {"state": np.log(csr), "trend": trend}
    if density is not None:
        raw["pressure"] = _period_shaped(density, csr.shape)
    return RiskComponents(tuple(raw), np.stack([minmax(v, axis=(-2, -1)) for v in raw.values()]))


def absolute_components(mean_emission, mean_sink, z, density=None, reference_density=None) -> RiskComponents:
    """The absolute components from period values shaped (..., n_regions, n_periods).

    state = ``imbalance_degree`` of the period means; trend = ``trend_score`` of the
    Mann-Kendall Z of the annual CSR within each period (``z``); pressure = ``pressure_score``
    of the emission density (t km-2 yr-1) with ``reference_density`` (a number, or an array
    broadcast against the regions x periods, e.g. a median per draw), only when ``density`` is
    given.
    """
    state = imbalance_degree(mean_emission, mean_sink)
    # a region-period without data has no trend score either (not the 0.5 of "no trend")
    raw = {"state": state, "trend": np.where(np.isnan(state), np.nan, trend_score(_period_shaped(z, state.shape)))}
    if density is not None:
        raw["pressure"] = pressure_score(_period_shaped(density, state.shape), reference_density)
    return RiskComponents(tuple(raw), np.stack(list(raw.values())))


def _period_shaped(values, shape: tuple[int, ...]) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    if values.shape != shape:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Emission density must be shaped {csr_shape}; got {pressure_shape}."),
            csr_shape=shape, pressure_shape=values.shape)
    return values


def resolve_weights(mode: str, n: int, user=None, matrix=None) -> tuple[np.ndarray, Note | None]:
    """Weights for ``n`` components and an optional note for the log (a translatable template
    and its values, for ``Progress.warning``).

    'entropy': ``entropy_weights(matrix)``; 'equal': 1/n each; 'user': the given weights, which
    must be n non-negative numbers, not all zero; if they do not sum to 1 they are divided by
    their sum and the message says so.
    """
    if mode == "entropy":
        return entropy_weights(matrix), None
    if mode == "equal":
        return np.full(n, 1.0 / n), None
    if mode != "user":
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Unknown weight mode '{mode}': use one of {choices}."),
            mode=mode, choices=", ".join(WEIGHT_MODES))
    w = np.asarray(user if user is not None else [], dtype=np.float64).ravel()
    if w.shape != (n,) or np.isnan(w).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Give {n} user weights (one per component); got {weights}."),
            n=n, weights=w.tolist())
    if (w < 0).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "User weights must not be negative; got {weights}."),
            weights=w.tolist())
    if w.sum() == 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "User weights are all zero; give at least one positive weight.")
        )
    if abs(w.sum() - 1.0) <= WEIGHT_SUM_TOLERANCE:
        return w, None
    normalised = w / w.sum()
    return normalised, (
        QT_TRANSLATE_NOOP("@default", "User weights {weights} sum to {total:g}, not 1; normalised to {normalised}."),
        {"weights": w.tolist(), "total": float(w.sum()), "normalised": [round(v, 6) for v in normalised.tolist()]},
    )


def risk_index(components: RiskComponents, weights) -> np.ndarray:
    """Index = sum_k w_k x component_k, shaped like one component, in [0, 1] (NaN stays NaN).

    ``weights``: (n_components,) for every draw, or (draws, n_components), one row per draw of
    components shaped (n_components, draws, ...). The sum runs component by component, the
    same floats for one draw or many.
    """
    w = np.asarray(weights, dtype=np.float64)
    if w.shape[-1:] != (len(components.names),) or (w < 0).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Need {n_components} non-negative weights; got {weights}."),
            n_components=len(components.names), weights=w.tolist())
    if np.any(np.abs(w.sum(axis=-1) - 1.0) > WEIGHT_SUM_TOLERANCE):
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Weights must sum to 1; got {total:g}."),
                               total=float(np.max(w.sum(axis=-1))))
    per_draw = w if w.ndim == 2 else w[None]
    values = components.values.reshape(len(components.names), per_draw.shape[0], -1)
    index = per_draw[:, 0, None] * values[0]
    for k in range(1, len(components.names)):
        index += per_draw[:, k, None] * values[k]
    return np.clip(index.reshape(components.values.shape[1:]), 0.0, 1.0)


def risk_levels(index, breaks=(0.2, 0.4, 0.6, 0.8)) -> np.ndarray:
    """Risk levels (uint8): 1 for index < breaks[0], ..., len(breaks) + 1 for index >= breaks[-1].

    Defaults: [0, .2) low, [.2, .4) relatively low, [.4, .6) medium, [.6, .8) relatively high,
    [.8, 1] high. 0 where the index is NaN.
    """
    b = np.asarray(breaks, dtype=np.float64)
    if np.any(np.diff(b) <= 0):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Risk level breaks must increase; got {got}."),
            got=list(breaks))
    index = np.asarray(index, dtype=np.float64)
    levels = np.searchsorted(b, index, side="right") + 1
    return np.where(np.isnan(index), 0, levels).astype(np.uint8)


def high_risk_share(index, threshold: float = 0.6, axis=None) -> np.ndarray:
    """Share (0-1) of non-NaN index values >= threshold, over all values or along ``axis``."""
    index = np.asarray(index, dtype=np.float64)
    valid = np.sum(~np.isnan(index), axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sum(index >= threshold, axis=axis) / valid


def compensation_values(emission, sink, price: float = 60.0) -> np.ndarray:
    """Budget-neutral compensation V_i = (S_i - E_i x S_R / E_R) x P (sum V_i = 0).

    E_R, S_R are the totals over regions with both values known (others get NaN); V > 0
    receives, V < 0 pays. Units: price units (default yuan per t CO2) x the units of E and S.
    """
    e = np.asarray(emission, dtype=np.float64)
    s = np.asarray(sink, dtype=np.float64)
    known = ~(np.isnan(e) | np.isnan(s))
    e_total, s_total = e[known].sum(), s[known].sum()
    if not e_total > 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Total emission must be positive for compensation; got {e_total:g}."),
            e_total=e_total)
    return np.where(known, (s - e * (s_total / e_total)) * price, np.nan)
