"""Carbon imbalance risk index and compensation values (METHODS section 6). Plain numpy.

Components are arrays shaped (n_periods, n_regions); each is min-max normalised over all regions
and periods pooled, weighted (entropy, equal or user weights) and summed into an index in [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, CarbonInputError

WEIGHT_MODES = ("entropy", "equal", "user")
LEVEL_LABELS = {1: "low", 2: "relatively low", 3: "medium", 4: "relatively high", 5: "high"}
WEIGHT_SUM_TOLERANCE = 1e-9


@dataclass(frozen=True, eq=False)
class RiskComponents:
    """Normalised components: ``values[k]`` is component ``names[k]``, shape (n_periods, n_regions)."""

    names: tuple[str, ...]
    values: np.ndarray

    def matrix(self) -> np.ndarray:
        """(observations, components) rows without NaN, for ``entropy_weights``."""
        rows = self.values.reshape(len(self.names), -1).T
        return rows[~np.isnan(rows).any(axis=1)]


def entropy_weights(matrix) -> np.ndarray:
    """Entropy weights of the columns of a non-negative (n observations, m indicators) matrix.

    p_ij = x_ij / sum_i x_ij; e_j = -sum_i p_ij ln p_ij / ln n (0 ln 0 = 0);
    w_j = (1 - e_j) / sum_k (1 - e_k). An all-zero column carries no information (e_j = 1,
    w_j = 0); if no column carries any, the weights are equal.
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
    totals = x.sum(axis=0)
    p = np.divide(x, totals, out=np.zeros_like(x), where=totals > 0)
    plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = np.where(totals > 0, -plogp.sum(axis=0) / math.log(x.shape[0]), 1.0)
    d = np.clip(1.0 - e, 0.0, None)
    if d.sum() == 0:
        return np.full(x.shape[1], 1.0 / x.shape[1])
    return d / d.sum()


def minmax(x) -> np.ndarray:
    """(x - min) / (max - min) over all values pooled, NaN ignored; a constant array gives zeros."""
    x = np.asarray(x, dtype=np.float64)
    if np.isnan(x).all():
        return x.copy()
    lo, hi = np.nanmin(x), np.nanmax(x)
    if hi == lo:
        return np.where(np.isnan(x), np.nan, 0.0)
    return (x - lo) / (hi - lo)


def capped_csr(csr, sink, cap: float = 100.0) -> np.ndarray:
    """CSR clipped to [1/cap, cap]; S <= 0 takes the cap (never NaN); NaN CSR with S > 0 stays NaN."""
    if not cap > 1:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The CSR cap must be greater than 1; got {cap}."), cap=cap)
    csr = np.where(np.asarray(sink, dtype=np.float64) <= 0, cap, np.asarray(csr, dtype=np.float64))
    return np.clip(csr, 1.0 / cap, cap)


def risk_components(
    csr_by_period,
    sink_by_period,
    first_slope,
    period_length: int,
    density=None,
    cap: float = 100.0,
) -> RiskComponents:
    """Build the normalised risk components from period values shaped (n_periods, n_regions).

    state = ln(capped CSR) (see ``capped_csr``); trend = capped CSR minus the previous period's,
    positive = worsening; for the first period, ``first_slope`` (Sen slope of annual capped CSR
    within the first period, per year) x ``period_length`` (years), i.e. a change per period;
    pressure = emission density (t km-2), only when ``density`` is given. A component is NaN
    where its input is (trend also where the previous period's CSR is unknown).
    """
    csr = capped_csr(np.atleast_2d(csr_by_period), np.atleast_2d(sink_by_period), cap)
    first = np.asarray(first_slope, dtype=np.float64) * period_length
    if first.shape != csr.shape[1:]:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "first_slope needs one value per region ({n_regions}); got {got}."),
            n_regions=csr.shape[1], got=first.shape)
    trend = np.concatenate([first[None], np.diff(csr, axis=0)])
    raw = {"state": np.log(csr), "trend": trend}
    if density is not None:
        raw["pressure"] = np.atleast_2d(np.asarray(density, dtype=np.float64))
        if raw["pressure"].shape != csr.shape:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Emission density must be shaped {csr_shape}; got {pressure_shape}."),
                csr_shape=csr.shape, pressure_shape=raw["pressure"].shape)
    return RiskComponents(tuple(raw), np.stack([minmax(v) for v in raw.values()]))


def resolve_weights(mode: str, n: int, user=None, matrix=None) -> tuple[np.ndarray, str | None]:
    """Weights for ``n`` components and an optional message for the log.

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
        f"User weights {w.tolist()} sum to {w.sum():g}, not 1; "
        f"normalised to {[round(v, 6) for v in normalised.tolist()]}."
    )


def risk_index(components: RiskComponents, weights) -> np.ndarray:
    """Index = sum_k w_k x component_k, shape (n_periods, n_regions), in [0, 1] (NaN stays NaN)."""
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != (len(components.names),) or (w < 0).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Need {n_components} non-negative weights; got {weights}."),
            n_components=len(components.names), weights=w.tolist())
    if abs(w.sum() - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Weights must sum to 1; got {total:g}."), total=w.sum())
    return np.clip(np.tensordot(w, components.values, axes=1), 0.0, 1.0)


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
