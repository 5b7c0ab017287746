"""Spatial weights and autocorrelation (METHODS section 7). Plain numpy.

Weights are binary neighbour lists (queen contiguity computed by the QGIS adapter, or distance
band / k nearest neighbours from centroids), row-standardised when used: w_ij = 1 / k_i.
Definitions follow esda 2.7: ``Moran`` (normality z, folded pseudo p), ``Moran_Local``
(conditional permutation with the same random draws for a given seed); Gi* follows Ord & Getis
(1995), which equals ``G_Local(star=True, transform='B')`` and ignores row standardisation.
Islands (no neighbours) are listed in the weights and results; they never raise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .trend import two_sided_p

CLUSTER_LABELS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
NOT_SIGNIFICANT = "ns"
GI_BIN_LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))  # bin, two-sided p below which it applies
XY_CHUNK = 1024  # rows of the distance matrix held at once


@dataclass(frozen=True, eq=False)
class Weights:
    """Binary neighbour structure of n observations; ``neighbours[i]`` are sorted indices."""

    neighbours: tuple[np.ndarray, ...]

    @property
    def n(self) -> int:
        return len(self.neighbours)

    @property
    def cardinalities(self) -> np.ndarray:
        return np.array([len(nb) for nb in self.neighbours], dtype=np.int64)

    @property
    def islands(self) -> list[int]:
        """Observations without neighbours."""
        return [i for i, nb in enumerate(self.neighbours) if len(nb) == 0]

    @cached_property
    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cols, row-standardised weights 1/k_i) of every neighbour pair."""
        k = self.cardinalities
        rows = np.repeat(np.arange(self.n), k)
        cols = np.concatenate([*self.neighbours, np.empty(0, dtype=np.int64)]).astype(np.int64)
        return rows, cols, 1.0 / k[rows]

    def subset(self, keep) -> Weights:
        """Weights among the observations where ``keep`` is True, renumbered 0..m-1.

        Use it to drop observations with NULL values; some may become islands.
        """
        keep = np.asarray(keep, dtype=bool)
        new_id = np.cumsum(keep) - 1
        return Weights(tuple(new_id[nb[keep[nb]]] for nb, k in zip(self.neighbours, keep) if k))


@dataclass(frozen=True)
class GlobalMoran:
    """Global Moran's I: i; expected_i = -1/(n-1); z and p_norm (two-sided) under normality;
    p_sim: folded pseudo p = (min(larger, perms - larger) + 1) / (perms + 1); islands."""

    i: float
    expected_i: float
    z: float
    p_norm: float
    p_sim: float
    islands: list[int]


@dataclass(frozen=True, eq=False)
class LocalMoran:
    """LISA: ii (local I), quadrant (1 HH, 2 LH, 3 LL, 4 HL), cluster ('HH', 'LH', 'LL', 'HL' when
    p_sim < alpha, else 'ns'), p_sim (folded conditional-permutation pseudo p, NaN for islands)."""

    ii: np.ndarray
    quadrant: np.ndarray
    cluster: np.ndarray
    p_sim: np.ndarray
    islands: list[int]


@dataclass(frozen=True, eq=False)
class GiStar:
    """Getis-Ord Gi*: z, two-sided normal p, bin (+-3/2/1 at 99/95/90 %, 0 not significant).

    z and p are NaN (bin 0) for islands and where i neighbours every other feature."""

    z: np.ndarray
    p: np.ndarray
    bin: np.ndarray
    islands: list[int]


def contiguity_weights(neighbours) -> Weights:
    """Weights from one neighbour list per feature (e.g. queen contiguity, ids 0..n-1).

    Duplicates and self-references are dropped; ids outside 0..n-1 raise CarbonInputError.
    """
    n = len(neighbours)
    lists = []
    for i, nb in enumerate(neighbours):
        nb = np.unique(np.asarray(nb, dtype=np.int64))
        if len(nb) and (nb[0] < 0 or nb[-1] >= n):
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Feature {i} has neighbour ids outside 0..{last_id}: {ids}."),
                i=i, last_id=n - 1, ids=nb.tolist())
        lists.append(nb[nb != i])
    return Weights(tuple(lists))


def distance_band_weights(xy, threshold: float) -> Weights:
    """Neighbours within ``threshold`` (CRS units, inclusive) of each point, e.g. centroids."""
    if not threshold > 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The distance band must be positive; got {threshold}."),
            threshold=threshold)
    return Weights(tuple(np.flatnonzero(row <= threshold) for block in _distance_blocks(xy) for row in block))


def knn_weights(xy, k: int) -> Weights:
    """The ``k`` nearest other points of each point (ties broken by lower index)."""
    xy = _as_xy(xy)
    if not 1 <= k < len(xy):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "k must be between 1 and the number of features - 1; got {k}."),
            k=k)
    nearest = (np.sort(np.argsort(block, axis=1, kind="stable")[:, :k], axis=1) for block in _distance_blocks(xy))
    return Weights(tuple(row for block in nearest for row in block))


def spatial_lag(weights: Weights, values) -> np.ndarray:
    """Row-standardised lag sum_j w_ij y_j (0 for islands)."""
    rows, cols, w = weights.edges
    return np.bincount(rows, weights=w * np.asarray(values, dtype=np.float64)[cols], minlength=weights.n)


def global_moran(values, weights: Weights, permutations: int = 999, seed: int | None = None) -> GlobalMoran:
    """Global Moran's I with row-standardised weights, as ``esda.Moran``.

    I = n / S0 x sum_i z_i lag_i / sum z^2 with z = y - mean. Permutations shuffle all values with
    ``numpy.random.RandomState(seed)`` (the draws esda makes after ``numpy.random.seed(seed)``).
    """
    y = _as_values(values, weights)
    n = len(y)
    z = y - y.mean()
    rows, cols, w = weights.edges
    s0, s1, s2 = _moments(weights.n, rows, cols, w)
    if s0 == 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "No feature has a neighbour: choose other spatial weights.")
        )
    i_obs = _moran_i(weights, z, s0)
    expected = -1.0 / (n - 1)
    var_norm = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n - 1) * (n + 1) * s0 * s0) - expected**2
    z_norm = (i_obs - expected) / np.sqrt(var_norm)
    p_sim = np.nan
    if permutations:
        rng = np.random.RandomState(seed)
        sims = np.array([_moran_i(weights, rng.permutation(z), s0) for _ in range(permutations)])
        p_sim = _folded_p(np.sum(sims >= i_obs), permutations)
    return GlobalMoran(i_obs, expected, float(z_norm), float(two_sided_p(z_norm)), float(p_sim), weights.islands)


def local_moran(
    values, weights: Weights, permutations: int = 999, seed: int | None = None, alpha: float = 0.05
) -> LocalMoran:
    """Local Moran's I (LISA) with conditional permutation, as ``esda.Moran_Local``.

    I_i = (n - 1) z_i lag(z)_i / sum z^2 with z = (y - mean) / std. For each permutation the
    neighbours of i are replaced by values drawn without replacement from the other n - 1
    observations; the draws come from ``numpy.random.RandomState(seed)`` exactly as esda's.
    """
    y = _as_values(values, weights)
    n = len(y)
    if not permutations > 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Local Moran needs at least 1 permutation for its pseudo p-values.")
        )
    z = (y - y.mean()) / y.std()
    lag = spatial_lag(weights, z)
    den = np.sum(z * z)
    ii = (n - 1) * z * lag / den
    quadrant = np.where(z > 0, np.where(lag > 0, 1, 4), np.where(lag > 0, 2, 3))
    p_sim = _conditional_p(z, weights, ii, (n - 1) / den, permutations, seed)
    labels = np.array([CLUSTER_LABELS[q] for q in quadrant], dtype=object)
    cluster = np.where(p_sim < alpha, labels, NOT_SIGNIFICANT).astype(object)
    return LocalMoran(ii, quadrant, cluster, p_sim, weights.islands)


def getis_ord_gi_star(values, weights: Weights) -> GiStar:
    """Getis-Ord Gi* z-scores (Ord & Getis 1995, the form ArcGIS uses), negative values allowed.

    With w_ij the row-standardised weights of i's neighbours plus i itself (1 / (k_i + 1)),
    W_i = sum_j w_ij, W2_i = sum_j w_ij^2, mean and S the population mean and standard deviation:
    z_i = (sum_j w_ij y_j - mean W_i) / (S sqrt((n W2_i - W_i^2) / (n - 1))).
    z does not change when a row is rescaled, so it equals ``esda.G_Local(star=True,
    transform='B')`` ``Zs`` (for a positive mean). p is two-sided (esda's ``p_norm`` is p / 2).
    """
    y = _as_values(values, weights)
    n = len(y)
    k = weights.cardinalities
    w_i = 1.0 / (k + 1)  # every weight in row i, self included
    local = (y + _neighbour_sum(weights, y)) * w_i
    spread = y.std() * np.sqrt((n * w_i - 1.0) / (n - 1))  # n W2_i - W_i^2 = n w_i - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where((k > 0) & (spread > 0), (local - y.mean()) / spread, np.nan)
    return GiStar(z, two_sided_p(z), confidence_bins(z), weights.islands)


def confidence_bins(z) -> np.ndarray:
    """Hot/cold spot bins (int8) from z: +-3 (p < 0.01), +-2 (p < 0.05), +-1 (p < 0.10), else 0."""
    z = np.asarray(z, dtype=np.float64)
    p = two_sided_p(z)
    level = np.select([p < cut for _, cut in GI_BIN_LEVELS], [b for b, _ in GI_BIN_LEVELS], default=0)
    return (np.sign(np.nan_to_num(z)) * level).astype(np.int8)


def _as_values(values, weights: Weights) -> np.ndarray:
    y = np.asarray(values, dtype=np.float64).ravel()
    if len(y) != weights.n:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Got {n_values} values for {n_features} features."),
            n_values=len(y), n_features=weights.n)
    if np.isnan(y).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "{n_null} features have NULL values; drop them first (Weights.subset)."),
            n_null=int(np.isnan(y).sum()))
    if len(y) < 4 or y.std() == 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Spatial statistics need at least 4 features with differing values.")
        )
    return y


def _as_xy(xy) -> np.ndarray:
    xy = np.asarray(xy, dtype=np.float64)
    if xy.ndim != 2 or xy.shape[1] != 2 or np.isnan(xy).any():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Coordinates must be (n, 2) numbers without NULL; got shape {xy_shape}."),
            xy_shape=xy.shape)
    return xy


def _distance_blocks(xy):
    """Yield distances from XY_CHUNK points at a time to all points (each point to itself: +inf)."""
    xy = _as_xy(xy)
    for start in range(0, len(xy), XY_CHUNK):
        block = np.hypot(*(xy[start : start + XY_CHUNK, None, :] - xy[None, :, :]).transpose(2, 0, 1))
        block[np.arange(len(block)), np.arange(start, start + len(block))] = np.inf
        yield block


def _neighbour_sum(weights: Weights, values: np.ndarray) -> np.ndarray:
    rows, cols, _ = weights.edges
    return np.bincount(rows, weights=values[cols], minlength=weights.n)


def _moments(n: int, rows, cols, w) -> tuple[float, float, float]:
    """S0 = sum w_ij, S1 = 1/2 sum_ij (w_ij + w_ji)^2, S2 = sum_i (w_i. + w_.i)^2."""
    keys = rows * n + cols
    order = np.argsort(keys)
    reverse_keys = (cols * n + rows)[order]
    pos = np.minimum(np.searchsorted(keys[order], reverse_keys), len(keys) - 1)
    has_reverse = keys[order][pos] == reverse_keys
    w_sorted = w[order]
    w_reverse = np.where(has_reverse, w_sorted[pos], 0.0)
    # pairs with both directions are met twice; a one-way pair (i, j) also stands for (j, i)
    s1 = 0.5 * (np.sum((w_sorted + w_reverse) ** 2) + np.sum(np.where(has_reverse, 0.0, w_sorted**2)))
    out_sum = np.bincount(rows, weights=w, minlength=n)
    in_sum = np.bincount(cols, weights=w, minlength=n)
    return float(w.sum()), float(s1), float(np.sum((out_sum + in_sum) ** 2))


def _moran_i(weights: Weights, z: np.ndarray, s0: float) -> float:
    return len(z) / s0 * np.sum(z * spatial_lag(weights, z)) / np.sum(z * z)


def _folded_p(larger, permutations: int):
    """esda's pseudo p: (min(larger, permutations - larger) + 1) / (permutations + 1)."""
    larger = np.minimum(larger, permutations - larger)
    return (larger + 1.0) / (permutations + 1.0)


def _conditional_p(z, weights: Weights, observed, scaling: float, permutations: int, seed) -> np.ndarray:
    """Pseudo p of local I from conditional permutations (esda ``crand`` without numba)."""
    n = len(z)
    k = weights.cardinalities
    rng = np.random.RandomState(seed)
    draws = np.array([rng.choice(n - 1, size=k.max(), replace=False) for _ in range(permutations)])
    p = np.full(n, np.nan)
    for i in np.flatnonzero(k):
        others = np.delete(z, i)[draws[:, : k[i]]]
        sims = z[i] * (others @ np.full(k[i], 1.0 / k[i])) * scaling
        p[i] = _folded_p(np.sum(sims >= observed[i]), permutations)
    return p
