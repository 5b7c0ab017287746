"""carbonbudget:hotspots against PySAL (esda / libpysal) on a hand-made lattice with queen weights."""

from __future__ import annotations

import warnings

import esda
import libpysal
import numpy as np
import pytest
from helpers.budgets import NAMES, square_geometry, write_lattice
from helpers.qgisrun import Recorder, features, run
from qgis.core import QgsProcessingContext, QgsProcessingException

TOL = 1e-9
CELL = 10_000.0
pytestmark = pytest.mark.filterwarnings("ignore:The weights matrix is not fully connected")


def lattice_values(rows: int = 4, cols: int = 4, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    r, c = np.divmod(np.arange(rows * cols), cols)
    return 10 + 3 * r + 2 * c + rng.normal(0, 2, rows * cols)  # a gradient: clustered


def queen(rows: int = 4, cols: int = 4) -> libpysal.weights.W:
    return libpysal.weights.lat2W(rows, cols, rook=False)


def test_queen_lattice_equals_esda(provider, tmp_path):
    y = lattice_values()
    path = write_lattice(tmp_path / "lattice.gpkg", y)
    result = run("hotspots", {"INPUT": path, "FIELD": "VALUE", "PERMUTATIONS": 199, "SEED": 42,
                  "OUTPUT": str(tmp_path / "hot.gpkg")})
    rows = features(result["OUTPUT"])
    assert [r["NAME"] for r in rows] == [NAMES[k] + str(k) for k in range(16)]
    w = queen()
    gi = esda.G_Local(y, w, star=True, transform="B", permutations=0)
    np.testing.assert_allclose([r["GI_Z"] for r in rows], gi.Zs, atol=TOL)
    np.testing.assert_allclose([r["GI_P"] for r in rows], 2 * gi.p_norm, atol=TOL)
    np.random.seed(42)  # esda.Moran draws from numpy's global RandomState
    moran = esda.Moran(y, w, permutations=199)
    assert result["MORAN_I"] == pytest.approx(moran.I, abs=TOL)
    assert result["MORAN_Z"] == pytest.approx(moran.z_norm, abs=TOL)
    assert result["MORAN_P_NORM"] == pytest.approx(moran.p_norm, abs=TOL)
    assert result["MORAN_P"] == moran.p_sim
    assert result["ISLANDS"] == 0
    lisa = esda.Moran_Local(y, w, permutations=199, seed=42)
    np.testing.assert_allclose([r["LISA_I"] for r in rows], lisa.Is, atol=TOL)
    np.testing.assert_array_equal([r["LISA_P"] for r in rows], lisa.p_sim)
    labels = np.array(["", "HH", "LH", "LL", "HL"], dtype=object)[lisa.q]
    assert [r["LISA_CL"] for r in rows] == np.where(lisa.p_sim < 0.05, labels, "ns").tolist()
    bins = [r["GI_BIN"] for r in rows]
    assert set(bins) <= {-3, -2, -1, 0, 1, 2, 3} and bins[0] < 0 < bins[15]  # cold corner, hot corner


def test_seed_reproducible_and_default(provider, tmp_path):
    path = write_lattice(tmp_path / "lattice.gpkg", lattice_values(seed=8))
    runs = [run("hotspots", {"INPUT": path, "FIELD": "VALUE", "PERMUTATIONS": 99, "SEED": seed,
                 "OUTPUT": str(tmp_path / f"h{k}.gpkg")}) for k, seed in enumerate((7, 7, 8))]
    p = [[r["LISA_P"] for r in features(result["OUTPUT"])] for result in runs]
    assert p[0] == p[1] and runs[0]["MORAN_P"] == runs[1]["MORAN_P"]
    assert p[0] != p[2]
    default = [run("hotspots", {"INPUT": path, "FIELD": "VALUE",
                                "OUTPUT": str(tmp_path / f"d{k}.gpkg")}) for k in range(2)]
    assert default[0]["MORAN_P"] == default[1]["MORAN_P"]
    np.random.seed(12345)
    assert default[0]["MORAN_P"] == esda.Moran(lattice_values(seed=8), queen(), permutations=999).p_sim


def test_islands_and_null_values_are_reported(provider, tmp_path):
    y = lattice_values()
    extra = [(square_geometry(900_000.0, 3_000_000.0), "孤岛县", 50.0),
             (square_geometry(400_000.0, 3_810_000.0), "空值县", None)]
    path = write_lattice(tmp_path / "lattice.gpkg", y, extra=extra)
    feedback = Recorder()
    result = run("hotspots", {"INPUT": path, "FIELD": "VALUE", "PERMUTATIONS": 99, "OUTPUT": str(tmp_path / "h.gpkg")},
                 feedback, context=QgsProcessingContext())
    assert result["ISLANDS"] == 1
    assert any("islands" in line and "孤岛县" in line for line in feedback.lines)
    assert any("NULL VALUE are left out" in line for line in feedback.lines)
    rows = features(result["OUTPUT"])
    assert len(rows) == 18
    island, null = rows[16], rows[17]
    assert island["GI_Z"] is None and island["LISA_P"] is None and island["GI_BIN"] == 0
    assert all(null[k] is None for k in ("GI_Z", "GI_P", "GI_BIN", "LISA_I", "LISA_CL", "LISA_P"))
    # the lattice itself is unchanged by the NULL feature that touches its top row (left out)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = libpysal.weights.W({**queen().neighbors, 16: []}, silence_warnings=True)
    gi = esda.G_Local(np.append(y, 50.0), w, star=True, transform="B", permutations=0)
    np.testing.assert_allclose([r["GI_Z"] for r in rows[:16]], gi.Zs[:16], atol=TOL)


def test_distance_band_and_knn_on_centroids(provider, tmp_path):
    y = lattice_values(5, 6, seed=2)
    path = write_lattice(tmp_path / "lattice.gpkg", y, rows=5, cols=6, names=NAMES * 2)
    xy = np.array([(400_000.0 + (k % 6 + 0.5) * CELL, 3_800_000.0 - (k // 6 + 0.5) * CELL) for k in range(30)])
    band = run("hotspots", {"INPUT": path, "FIELD": "VALUE", "WEIGHTS": 1, "DISTANCE": 1.5 * CELL, "PERMUTATIONS": 9,
                "OUTPUT": str(tmp_path / "band.gpkg")})
    ref = esda.G_Local(y, libpysal.weights.DistanceBand(xy, threshold=1.5 * CELL, binary=True), star=True,
                       transform="B", permutations=0)
    np.testing.assert_allclose([r["GI_Z"] for r in features(band["OUTPUT"])], ref.Zs, atol=TOL)
    # points work with distance weights too
    points = write_lattice(tmp_path / "points.gpkg", y, rows=5, cols=6, names=NAMES * 2, points=True)
    on_points = run("hotspots", {"INPUT": points, "FIELD": "VALUE", "WEIGHTS": 1, "DISTANCE": 1.5 * CELL,
                                 "PERMUTATIONS": 9,
                     "OUTPUT": str(tmp_path / "pts.gpkg")})
    assert on_points["MORAN_I"] == pytest.approx(band["MORAN_I"], abs=TOL)
    # k nearest on jittered points (no distance ties, which libpysal breaks differently)
    jitter = np.random.default_rng(4).uniform(-2000.0, 2000.0, (30, 2))
    moved = write_lattice(tmp_path / "moved.gpkg", y, rows=5, cols=6, names=NAMES * 2, points=True, jitter=jitter)
    knn = run("hotspots", {"INPUT": moved, "FIELD": "VALUE", "WEIGHTS": 2, "K": 4, "PERMUTATIONS": 9, "SEED": 3,
               "OUTPUT": str(tmp_path / "knn.gpkg")})
    np.random.seed(3)
    ref = esda.Moran(y, libpysal.weights.KNN(xy + jitter, k=4), permutations=9)
    assert knn["MORAN_I"] == pytest.approx(ref.I, abs=TOL)
    assert knn["MORAN_Z"] == pytest.approx(ref.z_norm, abs=TOL)
    assert knn["MORAN_P"] == ref.p_sim


def test_shapefile_in_and_out(provider, tmp_path):
    y = lattice_values()
    path = write_lattice(tmp_path / "lattice.shp", y)
    result = run("hotspots", {"INPUT": path, "FIELD": "VALUE", "PERMUTATIONS": 9, "OUTPUT": str(tmp_path / "hot.shp")})
    rows = features(result["OUTPUT"])
    assert [r["NAME"] for r in rows] == [NAMES[k] + str(k) for k in range(16)]
    assert (tmp_path / "hot.cpg").read_text().strip().upper().replace("-", "") == "UTF8"
    assert {"GI_Z", "GI_P", "GI_BIN", "LISA_I", "LISA_CL", "LISA_P"} <= set(rows[0])


@pytest.mark.parametrize(
    ("params", "points", "message"),
    [
        ({}, True, "Queen contiguity needs polygons"),
        ({"WEIGHTS": 1}, False, "DISTANCE"),
        ({"WEIGHTS": 2, "K": 16}, False, "k must be"),
        ({"WEIGHTS": 1, "DISTANCE": 1.0}, False, "No feature has a neighbour"),
    ],
)
def test_bad_input(provider, tmp_path, params, points, message):
    path = write_lattice(tmp_path / "l.gpkg", lattice_values(), points=points)
    with pytest.raises(QgsProcessingException, match=message):
        run("hotspots", {"INPUT": path, "FIELD": "VALUE", "PERMUTATIONS": 9, "OUTPUT": str(tmp_path / "o.gpkg"),
                         **params})


def test_constant_field_is_an_error(provider, tmp_path):
    path = write_lattice(tmp_path / "l.gpkg", np.full(16, 3.0))
    with pytest.raises(QgsProcessingException, match="differing values"):
        run("hotspots", {"INPUT": path, "FIELD": "VALUE", "OUTPUT": str(tmp_path / "o.gpkg")})


@pytest.mark.e2e
def test_chain_through_qgis_process(plugins_dir, tmp_path):
    """balancetrend -> imbalancerisk -> hotspots, chained by file in qgis_process.bin."""
    from helpers.budgets import lattice_budget, write_budget_layer
    from helpers.qgisprocess import enable_plugin, run_algorithm

    profile = tmp_path / "profile"
    profile.mkdir()
    enable_plugin(plugins_dir, profile)
    emission, sink = lattice_budget()
    budget = write_budget_layer(tmp_path / "budget.gpkg", emission, sink)
    balance = run_algorithm("carbonbudget:balancetrend", {
        "INPUT": budget, "PERIOD_LENGTH": 5, "OUTPUT": str(tmp_path / "balance.gpkg"),
        "OUTPUT_TRANSITIONS": str(tmp_path / "transitions.csv"), "OUTPUT_PROVINCE": str(tmp_path / "province.csv"),
    }, plugins_dir, profile)
    assert balance["PERIODS"] == "2001-2005,2006-2010"
    risk = run_algorithm("carbonbudget:imbalancerisk", {
        "INPUT": balance["OUTPUT"], "COMPONENTS": "0,1,2", "PRICE": 60,
        "OUTPUT": str(tmp_path / "risk.shp"), "OUTPUT_SUMMARY": str(tmp_path / "summary.csv"),
    }, plugins_dir, profile)
    hot = run_algorithm("carbonbudget:hotspots", {
        "INPUT": risk["OUTPUT"], "PERMUTATIONS": 99, "SEED": 7,  # FIELD defaults to the last RI_yyyy
        "OUTPUT": str(tmp_path / "hotspots.gpkg"),
    }, plugins_dir, profile)

    rows = features(hot["OUTPUT"])
    assert [r["NAME"] for r in rows] == NAMES
    assert {"ST_2001", "CH_2006", "SEN_ALL", "RI_2006", "RL_2006", "CV_2006", "GI_Z", "LISA_CL"} <= set(rows[0])
    summary = features(risk["OUTPUT_SUMMARY"])
    for row, first in zip(summary, (2001, 2006)):
        levels = [r[f"RL_{first}"] for r in rows]
        counts = [int(row[f"n_l{k}"]) for k in range(1, 6)]
        assert counts == [levels.count(k) for k in range(1, 6)]
        assert sum(counts) + int(row["n_nodata"]) == len(rows) == int(row["regions"])
        assert int(row["n_high"]) == sum(r[f"RI_{first}"] >= 0.6 for r in rows)
    y = np.array([r["RI_2006"] for r in rows])
    np.random.seed(7)
    moran = esda.Moran(y, queen(), permutations=99)
    assert float(hot["MORAN_I"]) == pytest.approx(moran.I, abs=1e-9)
    assert float(hot["MORAN_P"]) == pytest.approx(moran.p_sim)
    # SEED left out on the command line: the documented default seed applies (same p as esda's)
    default = run_algorithm("carbonbudget:hotspots", {
        "INPUT": risk["OUTPUT"], "PERMUTATIONS": 99, "OUTPUT": str(tmp_path / "hotspots_default.gpkg"),
    }, plugins_dir, profile)
    np.random.seed(12345)
    assert float(default["MORAN_P"]) == pytest.approx(esda.Moran(y, queen(), permutations=99).p_sim)
