"""Engine tests for carbon_plugin.gridding: the proxy weight, the power-law fit, mass conservation over
strips and cancel (the algorithm: tests/qgis/test_gridding_alg.py)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.rasters import X0, Y0, read_all, write_raster

from carbon_budget.carbon_plugin.errors import Cancelled, CarbonInputError
from carbon_budget.carbon_plugin.gridding import (
    GriddingOutputs,
    PointSource,
    PointSources,
    fit_power_law,
    grid_emissions,
    proxy_weight,
)
from carbon_budget.carbon_plugin.inputs import Regions
from carbon_budget.carbon_plugin.progress import Progress


def test_proxy_weight_cleans_and_combines():
    ntl = np.array([[4.0, np.nan], [-3.0, 9.0]])
    pop = np.array([[1.0, 2.0], [np.nan, -1.0]])
    w = proxy_weight([ntl, pop], [1.0, 0.5], beta=0.5)
    # sqrt(4) + 0.5 sqrt(1) = 2.5; NaN light -> 0 + 0.5 sqrt 2; negatives and NaN -> 0; sqrt 9 = 3
    np.testing.assert_allclose(w, [[2.5, 0.5 * np.sqrt(2)], [0.0, 3.0]])
    with pytest.raises(CarbonInputError, match="BETA"):
        proxy_weight([ntl], [1.0], beta=0)


def test_power_law_fit_recovers_a_and_b():
    light = np.array([[10.0, 200.0, 3000.0], [20.0, 100.0, np.nan]])
    emission = 7.5 * light ** 0.8
    emission[1, 2] = np.nan
    fit = fit_power_law(emission, light)
    assert fit.a == pytest.approx(7.5) and fit.b == pytest.approx(0.8)
    assert fit.n == 5 and fit.r2 == pytest.approx(1.0) and fit.rmse_log == pytest.approx(0.0, abs=1e-12)
    assert fit.predict(50.0) == pytest.approx(7.5 * 50 ** 0.8)
    with pytest.raises(CarbonInputError, match="at least 3 region-years"):
        fit_power_law(np.array([1.0, 2.0]), np.array([1.0, 3.0]))


def diagonal_regions() -> Regions:
    """Three regions (A, B, C) with slanted borders on a 40 x 600 cell grid: most border cells are split."""
    x1, y1 = X0 + 40_000, Y0 - 600_000
    return Regions([
        f"POLYGON(({X0} {Y0},{X0 + 25_300} {Y0},{X0 + 14_700} {Y0 - 330_250},{X0} {Y0 - 270_500},{X0} {Y0}))",
        f"POLYGON(({X0 + 25_300} {Y0},{x1} {Y0},{x1} {y1},{X0 + 30_100} {y1},{X0 + 14_700} {Y0 - 330_250},"
        f"{X0 + 25_300} {Y0}))",
        f"POLYGON(({X0} {Y0 - 270_500},{X0 + 14_700} {Y0 - 330_250},{X0 + 30_100} {y1},{X0} {y1},"
        f"{X0} {Y0 - 270_500}))",
    ], list("ABC"))


def test_mass_is_conserved_per_year_and_strips_do_not_matter(tmp_path):
    rng = np.random.default_rng(11)
    light = rng.gamma(0.6, 20.0, (3, 600, 40)).astype(np.float32)
    light[:, 100:140, 5:30] = np.nan  # a nodata patch
    light[1, 300:, :] = -1  # negative: counts as 0
    proxy = write_raster(tmp_path / "ntl.tif", light, descriptions=["2001", "2002", "2003"])
    stats = {(k, y): float(rng.uniform(1e3, 1e7)) for k in "ABC" for y in (2001, 2002, 2003)}
    one = grid_emissions(diagonal_regions(), stats, [proxy], GriddingOutputs(str(tmp_path / "one.tif")))
    many = grid_emissions(diagonal_regions(), stats, [proxy], GriddingOutputs(str(tmp_path / "many.tif")),
                          budget_bytes=1)  # 1-row strips
    a, b = read_all(tmp_path / "one.tif"), read_all(tmp_path / "many.tif")
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(many.zonal, one.zonal, rtol=1e-9)
    for j, year in enumerate((2001, 2002, 2003)):
        expected = sum(v for (k, y), v in stats.items() if y == year)
        assert np.nansum(a[j].astype(np.float64)) == pytest.approx(expected, rel=1e-6)
    assert np.abs(one.total_error()).max() < 1e-7  # Float32 storage: <= 6e-8
    assert 0 < one.max_round_trip_error() < 0.05


def test_cancel_leaves_no_output(tmp_path):
    proxy = write_raster(tmp_path / "ntl.tif", np.ones((600, 40), np.float32), descriptions=["2001"])
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        grid_emissions(diagonal_regions(), {(k, 2001): 1.0 for k in "ABC"}, [proxy],
                       GriddingOutputs(str(tmp_path / "o.tif")), progress=Progress(is_cancelled=cancelled),
                       budget_bytes=1)
    assert [p.name for p in tmp_path.iterdir()] == ["ntl.tif"]


def test_point_sources_without_a_location_are_an_error_naming_them(tmp_path):
    """NaN coordinates (the adapter's NULL or empty geometry) are an error listing every such source, before
    any work and without an output (they were a ValueError of math.floor deep in the allocation)."""
    proxy = write_raster(tmp_path / "ntl.tif", np.ones((600, 40), np.float32), descriptions=["2001"])
    points = PointSources([PointSource(X0 + 500, Y0 - 500, 2001, 1.0, label="#1"),
                           PointSource(np.nan, np.nan, 2001, 2.0, label="#2"),
                           PointSource(np.nan, np.nan, 2001, 3.0)])
    with pytest.raises(CarbonInputError, match=r"^Point sources without a location \(a NULL or empty geometry\): "
                                               r"#2, \[2\]\. Give them a point or remove them\.$"):
        grid_emissions(diagonal_regions(), {(k, 2001): 10.0 for k in "ABC"}, [proxy],
                       GriddingOutputs(str(tmp_path / "o.tif")), points)
    assert [p.name for p in tmp_path.iterdir()] == ["ntl.tif"]
