"""Engine tests for carbon_plugin.spatial against esda/libpysal."""

from __future__ import annotations

import math
import warnings

import esda
import libpysal
import numpy as np
import pytest
from scipy.spatial import Delaunay

from carbon_budget.carbon_plugin import spatial
from carbon_budget.carbon_plugin.errors import CarbonInputError

TOL = 1e-9
pytestmark = [  # warnings raised inside the oracles (libpysal, esda) on islands
    pytest.mark.filterwarnings("ignore:The weights matrix is not fully connected"),
    pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning:esda"),
]


def lattice_neighbours(rows: int, cols: int) -> list[list[int]]:
    """Queen neighbours of a rows x cols lattice, built by hand."""
    out = []
    for r in range(rows):
        for c in range(cols):
            out.append(
                [
                    rr * cols + cc
                    for rr in range(max(r - 1, 0), min(r + 2, rows))
                    for cc in range(max(c - 1, 0), min(c + 2, cols))
                    if (rr, cc) != (r, c)
                ]
            )
    return out


def irregular_neighbours(n: int, seed: int) -> tuple[np.ndarray, list[list[int]]]:
    """Random points and their Delaunay neighbours (like contiguity of Voronoi polygons)."""
    xy = np.random.default_rng(seed).uniform(0, 100, (n, 2))
    sets = [set() for _ in range(n)]
    for simplex in Delaunay(xy).simplices:
        for a in simplex:
            sets[a].update(int(b) for b in simplex if b != a)
    return xy, [sorted(s) for s in sets]


def pysal_w(neighbours) -> libpysal.weights.W:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return libpysal.weights.W(dict(enumerate(neighbours)), silence_warnings=True)


STRUCTURES = {
    "lattice": lattice_neighbours(6, 7),
    "irregular": irregular_neighbours(80, 3)[1],
    "with_island": [*irregular_neighbours(40, 5)[1], []],
}


def test_lattice_helper_matches_libpysal():
    queen = libpysal.weights.lat2W(6, 7, rook=False)
    assert all(sorted(queen.neighbors[i]) == nb for i, nb in enumerate(STRUCTURES["lattice"]))


@pytest.mark.parametrize("name", STRUCTURES)
def test_global_moran_matches_esda(name):
    neighbours = STRUCTURES[name]
    y = np.random.default_rng(1).gamma(2.0, size=len(neighbours))
    ours = spatial.global_moran(y, spatial.contiguity_weights(neighbours), permutations=199, seed=42)
    np.random.seed(42)  # esda.Moran draws from numpy's global RandomState
    ref = esda.Moran(y, pysal_w(neighbours), permutations=199)
    assert ours.i == pytest.approx(ref.I, abs=TOL)
    assert ours.expected_i == pytest.approx(ref.EI, abs=TOL)
    assert ours.z == pytest.approx(ref.z_norm, abs=TOL)
    assert ours.p_norm == pytest.approx(ref.p_norm, abs=TOL)
    assert ours.p_sim == ref.p_sim


@pytest.mark.parametrize("name", STRUCTURES)
def test_local_moran_matches_esda(name):
    neighbours = STRUCTURES[name]
    y = np.random.default_rng(2).gamma(2.0, size=len(neighbours))
    ours = spatial.local_moran(y, spatial.contiguity_weights(neighbours), permutations=199, seed=9)
    ref = esda.Moran_Local(y, pysal_w(neighbours), permutations=199, seed=9)
    np.testing.assert_allclose(ours.ii, ref.Is, atol=TOL)
    np.testing.assert_array_equal(ours.quadrant, ref.q)
    has_neighbours = np.array([len(nb) > 0 for nb in neighbours])
    np.testing.assert_array_equal(ours.p_sim[has_neighbours], ref.p_sim[has_neighbours])
    labels = np.array(["", "HH", "LH", "LL", "HL"], dtype=object)[ref.q]
    expected = np.where((ref.p_sim < 0.05) & has_neighbours, labels, "ns")
    np.testing.assert_array_equal(ours.cluster, expected)


@pytest.mark.parametrize("name", STRUCTURES)
def test_gi_star_matches_esda(name):
    neighbours = STRUCTURES[name]
    y = np.random.default_rng(3).gamma(2.0, size=len(neighbours))
    ours = spatial.getis_ord_gi_star(y, spatial.contiguity_weights(neighbours))
    ref = esda.G_Local(y, pysal_w(neighbours), star=True, transform="B", permutations=0)
    has_neighbours = np.array([len(nb) > 0 for nb in neighbours])
    np.testing.assert_allclose(ours.z[has_neighbours], ref.Zs[has_neighbours], atol=TOL)
    np.testing.assert_allclose(ours.p[has_neighbours], 2 * ref.p_norm[has_neighbours], atol=TOL)
    assert np.isnan(ours.z[~has_neighbours]).all() and (ours.bin[~has_neighbours] == 0).all()


def test_gi_star_hand_formula_with_negative_values():
    # 1-D chain 0-1-2-3-4, y has a negative mean: the Ord-Getis z keeps its sign meaning
    neighbours = [[1], [0, 2], [1, 3], [2, 4], [3]]
    y = np.array([-5.0, -4.0, -1.0, 0.0, 2.0])
    z = spatial.getis_ord_gi_star(y, spatial.contiguity_weights(neighbours)).z
    n, mean, s = 5, y.mean(), y.std()
    # feature 0: self + 1 -> W = 2 binary weights, W2 = 2
    z0 = (y[0] + y[1] - 2 * mean) / (s * math.sqrt((n * 2 - 4) / (n - 1)))
    # feature 2: self + 1 + 3 -> W = W2 = 3
    z2 = (y[1] + y[2] + y[3] - 3 * mean) / (s * math.sqrt((n * 3 - 9) / (n - 1)))
    assert z[0] == pytest.approx(z0) and z[0] < 0
    assert z[2] == pytest.approx(z2)


def test_permutation_p_reproducible():
    xy, neighbours = irregular_neighbours(50, 7)
    weights = spatial.contiguity_weights(neighbours)
    y = xy[:, 0] + np.random.default_rng(0).normal(0, 20, 50)
    first = spatial.local_moran(y, weights, permutations=99, seed=123)
    again = spatial.local_moran(y, weights, permutations=99, seed=123)
    np.testing.assert_array_equal(first.p_sim, again.p_sim)
    a = spatial.global_moran(y, weights, permutations=99, seed=5)
    b = spatial.global_moran(y, weights, permutations=99, seed=5)
    assert a.p_sim == b.p_sim
    assert 1 / 100 <= a.p_sim <= 0.5  # folded pseudo p: (min(larger, perms - larger) + 1) / (perms + 1)


def test_distance_band_and_knn_match_libpysal():
    xy, _ = irregular_neighbours(70, 11)
    band = spatial.distance_band_weights(xy, 15.0)
    ref = libpysal.weights.DistanceBand(xy, threshold=15.0, binary=True, silence_warnings=True)
    assert all(band.neighbours[i].tolist() == sorted(ref.neighbors[i]) for i in range(70))
    knn = spatial.knn_weights(xy, 4)
    ref = libpysal.weights.KNN(xy, k=4)
    assert all(knn.neighbours[i].tolist() == sorted(ref.neighbors[i]) for i in range(70))


def test_distance_band_is_inclusive_and_reports_islands():
    xy = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [10.0, 0.0]])
    weights = spatial.distance_band_weights(xy, 1.0)
    assert [nb.tolist() for nb in weights.neighbours] == [[1], [0, 2], [1], []]
    assert weights.islands == [3]


def test_islands_do_not_crash():
    neighbours = [[1, 2], [0, 2], [0, 1, 3], [2], []]
    weights = spatial.contiguity_weights(neighbours)
    y = np.array([1.0, 2.0, 4.0, 8.0, 3.0])
    assert spatial.global_moran(y, weights, permutations=9, seed=1).islands == [4]
    local = spatial.local_moran(y, weights, permutations=9, seed=1)
    assert math.isnan(local.p_sim[4]) and local.cluster[4] == "ns" and local.islands == [4]
    assert math.isnan(spatial.getis_ord_gi_star(y, weights).z[4])


def test_subset_renumbers_and_creates_islands():
    weights = spatial.contiguity_weights([[1], [0, 2], [1]])
    sub = weights.subset([True, False, True])
    assert [nb.tolist() for nb in sub.neighbours] == [[], []] and sub.islands == [0, 1]


def test_confidence_bins():
    z = [0.0, 1.7, -1.7, -2.0, 2.6, -3.0, math.nan]
    assert spatial.confidence_bins(z).tolist() == [0, 1, -1, -2, 3, -3, 0]


def test_bad_input():
    weights = spatial.contiguity_weights([[1], [0, 2], [1, 3], [2]])
    with pytest.raises(CarbonInputError, match="NULL"):
        spatial.global_moran([1.0, math.nan, 2.0, 3.0], weights)
    with pytest.raises(CarbonInputError, match="outside"):
        spatial.contiguity_weights([[1], [5]])
    with pytest.raises(CarbonInputError, match="3 values for 4 features"):
        spatial.getis_ord_gi_star([1.0, 2.0, 3.0], spatial.contiguity_weights([[1], [0], [], []]))
    with pytest.raises(CarbonInputError, match="k must be"):
        spatial.knn_weights([[0, 0], [1, 1]], 2)
