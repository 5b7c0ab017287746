"""carbonbudget:gridemissions: mass-conserving emission gridding (the engine: tests/engine/test_gridding.py)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.params import gridding_params
from helpers.qgisprocess import enable_plugin, run_algorithm
from helpers.qgisrun import Recorder, features, run
from helpers.rasters import X0, Y0, read_all, write_raster
from helpers.sample import sample_dir  # noqa: F401
from helpers.tables import write_csv
from helpers.vectors import rect, write_polygons
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsWkbTypes

from carbon_budget.carbon_plugin.raster import grid_of, open_raster
from carbon_budget.carbon_plugin.timeseries import band_years

STATS = ("code", "year", "CO2_T")  # the statistics table's header


# -- the hand-computed cases -------------------------------------------------------------------

def hand_case(tmp_path):
    """3 regions on a 4 x 4 grid: 甲 = columns 0-1, 乙 = columns 2-3 rows 0-1, 丙 = columns 2-3 rows 2-3."""
    p = np.array([[1, 2, 0, 4],
                  [3, 4, 4, 0],
                  [0, np.nan, 0, 0],
                  [-1, -9999, 0, 0]], np.float32)  # NaN, nodata (-9999) and negatives count as 0
    p2 = np.where(p == -9999, p, 2 * p)
    proxy = write_raster(tmp_path / "ntl.tif", np.stack([p, p2]), descriptions=["2001", "2002"], nodata=-9999)
    regions = write_polygons(tmp_path / "regions.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 2), rect(2, 2, 4, 4)],
                             {"code": ["甲", "乙", "丙"]})
    stats = write_csv(tmp_path / "stats.csv", STATS, [["甲", 2001, 100], ["乙", 2001, 80], ["丙", 2001, 40],
                                                      ["甲", 2002, 50], ["乙", 2002, 0], ["丙", 2002, 8]])
    return proxy, regions, stats


def test_hand_case_cell_by_cell_with_point_source_and_area_fallback(provider, tmp_path):
    proxy, regions, stats = hand_case(tmp_path)
    # a 16 t point source in 乙's cell (row 0, column 2), 2001; its proxy is 0
    points = tmp_path / "points.gpkg"
    write_polygons(points, [f"POINT({X0 + 2500} {Y0 - 500})"], {"year": [2001], "CO2_T": [16.0]},
                   geometry_type=ogr.wkbPoint)
    out = tmp_path / "grid.tif"
    log = Recorder()
    result = run("gridemissions", gridding_params(regions, stats, proxy, out, POINTS=str(points),
                                                  OUTPUT_INTENSITY=str(tmp_path / "int.tif")), log)
    got = read_all(out)
    # 2001. 甲: weights 1, 2, 3, 4 (the rest 0), sum 10, E = 100 -> 10 t per unit of light.
    #       乙: point 16 t first, remainder 80 - 16 = 64 over weights 4 (row 0 col 3) + 4 (row 1 col 2) -> 32 each.
    #       丙: proxy sum 0 -> by area: 40 t / 4 equal cells = 10 each.
    expected_2001 = [[10, 20, 16, 32],
                     [30, 40, 32, 0],
                     [0, 0, 10, 10],
                     [0, 0, 10, 10]]
    # 2002 (light doubled, so the same shares). 甲: 50 -> 5 per unit; 乙: 0; 丙: 8 / 4 = 2 each.
    expected_2002 = [[5, 10, 0, 0],
                     [15, 20, 0, 0],
                     [0, 0, 2, 2],
                     [0, 0, 2, 2]]
    np.testing.assert_allclose(got[0], expected_2001, rtol=1e-6)
    np.testing.assert_allclose(got[1], expected_2002, rtol=1e-6)
    # 1 km cells: t per km2 equals t per cell
    np.testing.assert_allclose(read_all(tmp_path / "int.tif"), got, rtol=1e-6)
    assert result["YEARS_OUT"] == "2001,2002"
    assert result["MAX_TOTAL_ERROR"] < 1e-7
    assert result["MAX_ROUND_TRIP_ERROR"] < 1e-7  # no split cells
    assert any("丙 (2001, 2002)" in w and "by area" in w for w in log.warnings), log.warnings
    ds = open_raster(str(out))
    assert band_years(ds) == [2001, 2002]
    assert ds.GetMetadataItem("CARBON_QUANTITY") == "emission"
    assert ds.GetMetadataItem("CARBON_UNITS") == "t CO2 / cell / yr"


def test_round_trip_table_as_a_shapefile_is_its_dbf_with_chinese_region_names(provider, tmp_path):
    """The check table is written in UTF-8 with a .cpg, so 甲, 乙, 丙 read back. A table without geometry:
    the shapefile writer makes check.dbf (and .cpg) only, and the output is that file (vectors.OutputSink),
    a table QGIS loads; it was check.shp, a file that does not exist (QGIS could not load the output)."""
    proxy, regions, stats = hand_case(tmp_path)
    result = run("gridemissions", gridding_params(regions, stats, proxy, tmp_path / "grid.tif",
                                                  OUTPUT_CHECK=str(tmp_path / "check.shp")))
    assert result["OUTPUT_CHECK"] == str(tmp_path / "check.dbf")
    assert (tmp_path / "check.cpg").read_text().strip().upper().replace("-", "") == "UTF8"
    layer = QgsVectorLayer(result["OUTPUT_CHECK"], "check", "ogr")
    assert layer.isValid()
    assert layer.wkbType() == QgsWkbTypes.NoGeometry
    assert [(f["region"], f["year"], f["STAT_T"]) for f in layer.getFeatures()] == [
        ("甲", 2001, 100), ("乙", 2001, 80), ("丙", 2001, 40), ("甲", 2002, 50), ("乙", 2002, 0), ("丙", 2002, 8)]


def boundary_case(tmp_path, boundary: float):
    """Proxy 1, 2, 3, 4 across rows 0-1 and 1 in rows 2-3 (2010); A = columns 0 to ``boundary``, B and C the
    rest of rows 0-1 and 2-3."""
    p = np.array([[1, 2, 3, 4], [1, 2, 3, 4], [1, 1, 1, 1], [1, 1, 1, 1]], np.float32)
    proxy = write_raster(tmp_path / "ntl.tif", p, descriptions=["2010"])
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, boundary, 4), rect(boundary, 0, 4, 2),
                                                   rect(boundary, 2, 4, 4)], {"code": ["A", "B", "C"]})
    return proxy, regions


def test_split_cells_exact_coverage_and_round_trip_table(provider, tmp_path):
    # boundary at 1.5 cells: column 1 is half in A, half in B (rows 0-1) or C (rows 2-3)
    proxy, regions = boundary_case(tmp_path, 1.5)
    stats = write_csv(tmp_path / "s.csv", STATS, [["A", 2010, 140], ["B", 2010, 160], ["C", 2010, 25]])
    out, check = tmp_path / "g.tif", tmp_path / "check.csv"
    result = run("gridemissions", gridding_params(regions, stats, proxy, out, OUTPUT_CHECK=str(check)))
    # W_A = column 0 (1+1+1+1) + half of column 1 (2+2+1+1)/2 = 7 -> 140 / 7 = 20 t per unit weight
    # W_B = half of (2+2) + (3+4+3+4) = 16 -> 160 / 16 = 10; W_C = half of (1+1) + 4 = 5 -> 25 / 5 = 5
    # split cell (row 0, col 1), w = 2: 0.5 x 20 x 2 + 0.5 x 10 x 2 = 30; (row 2, col 1), w = 1: 10 + 2.5
    expected = [[20, 30, 30, 40],
                [20, 30, 30, 40],
                [20, 12.5, 5, 5],
                [20, 12.5, 5, 5]]
    np.testing.assert_allclose(read_all(out)[0], expected, rtol=1e-6)
    # the zonal sums with the same fractions mix the split cells:
    # A = 80 + (30 + 30 + 12.5 + 12.5) / 2 = 122.5; B = (30 + 30) / 2 + 140 = 170; C = 12.5 + 20 = 32.5
    rows = {r["region"]: r for r in features(check)}
    for key, stat, grid in (("A", 140, 122.5), ("B", 160, 170), ("C", 25, 32.5)):
        assert float(rows[key]["STAT_T"]) == pytest.approx(stat)
        assert float(rows[key]["GRID_T"]) == pytest.approx(grid)
        assert float(rows[key]["ERR_REL"]) == pytest.approx((grid - stat) / stat)
        assert rows[key]["SOURCE"] == "statistic"
    assert result["MAX_ROUND_TRIP_ERROR"] == pytest.approx(0.3)  # C: 7.5 / 25
    assert result["MAX_TOTAL_ERROR"] < 1e-7  # 122.5 + 170 + 32.5 = 325 = 140 + 160 + 25


def test_cell_centre_assignment_gives_each_cell_to_one_region(provider, tmp_path):
    # boundary at 1.4 cells: the centre of column 1 (1.5) lies in B / C
    proxy, regions = boundary_case(tmp_path, 1.4)
    stats = write_csv(tmp_path / "s.csv", STATS, [["A", 2010, 40], ["B", 2010, 180], ["C", 2010, 60]])
    out = tmp_path / "g.tif"
    result = run("gridemissions", gridding_params(regions, stats, proxy, out, CELL_ASSIGNMENT=1))
    # A = column 0: weights 1 x 4 -> 10 each; B = columns 1-3 rows 0-1: weights 2+3+4 twice = 18 -> 10 per unit;
    # C = columns 1-3 rows 2-3: 6 cells of weight 1 -> 10 each
    expected = [[10, 20, 30, 40], [10, 20, 30, 40], [10, 10, 10, 10], [10, 10, 10, 10]]
    np.testing.assert_allclose(read_all(out)[0], expected, rtol=1e-6)
    assert result["MAX_ROUND_TRIP_ERROR"] < 1e-7


def test_per_year_fields_on_the_regions_and_a_single_band_proxy(provider, tmp_path):
    proxy = write_raster(tmp_path / "pop.tif", np.arange(1, 17, dtype=np.float32).reshape(4, 4))
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 4)],
                             {"code": [1, 2], "EMI_2001": [10.0, 20.0], "EMI_2002": [30.0, 40.0]})
    log = Recorder()
    out = tmp_path / "g.tif"
    result = run("gridemissions", gridding_params(regions, None, proxy, out, FIELD_PREFIX="EMI_"), log)
    assert result["YEARS_OUT"] == "2001,2002"
    got = read_all(out)
    assert got[0][:, :2].sum() == pytest.approx(10) and got[1][:, 2:].sum() == pytest.approx(40)
    np.testing.assert_allclose(got[1][:, :2] / got[0][:, :2], 3.0, rtol=1e-6)  # same pattern, scaled
    assert any("one band" in w and "every year" in w for w in log.warnings)


def test_start_year_for_a_proxy_without_year_descriptions(provider, tmp_path):
    proxy = write_raster(tmp_path / "light.tif", np.ones((3, 4, 4), np.float32))  # no band descriptions
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 4, 4)], {"code": ["R"]})
    stats = write_csv(tmp_path / "s.csv", STATS, [["R", 2011, 16], ["R", 2012, 32]])
    params = gridding_params(regions, stats, proxy, tmp_path / "g.tif")
    with pytest.raises(QgsProcessingException, match="Set START_YEAR"):
        run("gridemissions", params)
    result = run("gridemissions", {**params, "START_YEAR": 2010})  # bands 2010, 2011, 2012
    assert result["YEARS_OUT"] == "2011,2012"
    np.testing.assert_allclose(read_all(tmp_path / "g.tif"), [np.ones((4, 4)), np.full((4, 4), 2.0)])


def test_alpha_weights_two_proxies(provider, tmp_path):
    ntl = write_raster(tmp_path / "ntl.tif", np.array([[1, 0], [0, 0]], np.float32), descriptions=["2005"],
                       geotransform=(X0, 1000.0, 0.0, Y0, 0.0, -1000.0))
    pop = write_raster(tmp_path / "pop.tif", np.array([[0, 0], [0, 100]], np.float32),
                       geotransform=(X0, 1000.0, 0.0, Y0, 0.0, -1000.0))
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 2, 2)], {"code": ["R"]})
    stats = write_csv(tmp_path / "s.csv", STATS, [["R", 2005, 30]])
    out = tmp_path / "g.tif"
    # w = 1 x ntl + 0.02 x pop: weights 1 and 2 -> 10 and 20 t
    run("gridemissions", gridding_params(regions, stats, ntl, out, PROXY2=pop, ALPHA="1, 0.02"))
    np.testing.assert_allclose(read_all(out)[0], [[10, 0], [0, 20]], rtol=1e-6)


def test_regression_fills_missing_region_years_and_rescales_to_the_total(provider, tmp_path):
    rng = np.random.default_rng(5)
    light = rng.uniform(1, 10, (3, 4, 4)).astype(np.float32)
    proxy = write_raster(tmp_path / "ntl.tif", light, descriptions=["2001", "2002", "2003"])
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 2), rect(2, 2, 4, 4)],
                             {"code": ["A", "B", "C"]})
    sums = {("A", j): float(light[j][:, :2].astype(np.float64).sum()) for j in range(3)}
    sums.update({("B", j): float(light[j][:2, 2:].astype(np.float64).sum()) for j in range(3)})
    sums.update({("C", j): float(light[j][2:, 2:].astype(np.float64).sum()) for j in range(3)})
    law = {k: 3.0 * v ** 1.2 for k, v in sums.items()}
    rows = [[k, 2001 + j, law[(k, j)]] for (k, j) in law if (k, j) not in (("C", 2), ("B", 2))]
    rows.append(["P", 2003, law[("A", 2)] + 100.0])  # the known total of 2003
    stats = write_csv(tmp_path / "s.csv", STATS, rows)
    out, check = tmp_path / "g.tif", tmp_path / "c.csv"
    log = Recorder()
    run("gridemissions", gridding_params(regions, stats, proxy, out, METHOD=1, TOTAL_KEY="P",
                                         OUTPUT_CHECK=str(check)), log)
    assert any("E = 3 x L^1.2000" in m and "R2 = 1.0000" in m for m in log.infos), log.infos
    got = read_all(out).astype(np.float64)
    # 2003: A keeps its statistic; B and C share the remaining 100 t in proportion to a L^b
    assert got[2][:, :2].sum() == pytest.approx(law[("A", 2)], rel=1e-6)
    share_b = law[("B", 2)] / (law[("B", 2)] + law[("C", 2)])
    assert got[2][:2, 2:].sum() == pytest.approx(100.0 * share_b, rel=1e-5)
    assert got[2].sum() == pytest.approx(law[("A", 2)] + 100.0, rel=1e-6)
    sources = {(r["region"], int(r["year"])): r["SOURCE"] for r in features(check)}
    assert sources[("C", 2003)] == "regression" and sources[("A", 2003)] == "statistic"


# -- bad input -------------------------------------------------------------------------------

def test_missing_years_in_the_proxy(provider, tmp_path):
    proxy, regions, _ = hand_case(tmp_path)
    stats = write_csv(tmp_path / "s.csv", STATS, [["甲", 2001, 1], ["乙", 2001, 1], ["丙", 2001, 1],
                                                  ["甲", 2003, 1], ["乙", 2003, 1], ["丙", 2003, 1]])
    with pytest.raises(QgsProcessingException, match=r"proxy has no band for the years 2003 \(it has 2001-2002\)"):
        run("gridemissions", gridding_params(regions, stats, proxy, tmp_path / "o.tif"))


def test_proxy_that_does_not_overlap_the_regions(provider, tmp_path):
    _, regions, stats = hand_case(tmp_path)
    far = write_raster(tmp_path / "far.tif", np.ones((2, 4, 4), np.float32), descriptions=["2001", "2002"],
                       geotransform=(X0 + 1e5, 1000.0, 0.0, Y0, 0.0, -1000.0))
    with pytest.raises(QgsProcessingException, match="does not overlap the regions"):
        run("gridemissions", gridding_params(regions, stats, far, tmp_path / "o.tif"))


def test_region_field_with_nulls(provider, tmp_path):
    proxy, _, stats = hand_case(tmp_path)
    regions = write_polygons(tmp_path / "n.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 4)], {"code": ["甲", None]})
    with pytest.raises(QgsProcessingException, match=r"region field is empty \(NULL\) for 1 features \(feature 2\)"):
        run("gridemissions", gridding_params(regions, stats, proxy, tmp_path / "o.tif"))


def test_unmatched_keys_are_listed_and_allowed_on_request(provider, tmp_path):
    proxy, regions, _ = hand_case(tmp_path)
    stats = write_csv(tmp_path / "s.csv", STATS, [["甲", 2001, 100], ["乙", 2001, 80], ["丁", 2001, 5]])
    params = gridding_params(regions, stats, proxy, tmp_path / "o.tif")
    with pytest.raises(QgsProcessingException, match="match no polygon: 丁; polygons without statistics: 丙"):
        run("gridemissions", params)
    result = run("gridemissions", {**params, "ALLOW_UNMATCHED": True})
    got = read_all(tmp_path / "o.tif")[0]
    assert np.isnan(got[2:, 2:]).all()  # 丙 has no statistic: NoData
    assert np.nansum(got.astype(np.float64)) == pytest.approx(180)
    assert result["MAX_TOTAL_ERROR"] < 1e-7


@pytest.mark.parametrize("value, message", [("-5", "value -5 of region '乙', year 2001 is negative"),
                                            ("abc", "value 'abc' of region '乙', year 2001 is not a number")])
def test_bad_statistics_values(provider, tmp_path, value, message):
    proxy, regions, _ = hand_case(tmp_path)
    stats = write_csv(tmp_path / "s.csv", STATS, [["甲", 2001, 1], ["乙", 2001, value], ["丙", 2001, 1]])
    with pytest.raises(QgsProcessingException, match=message):
        run("gridemissions", gridding_params(regions, stats, proxy, tmp_path / "o.tif"))


# -- the sample province ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_chain(provider, sample_dir, tmp_path_factory):  # noqa: F811
    """energyemissions then gridemissions on the sample (city statistics onto counties by city_code)."""
    out = tmp_path_factory.mktemp("chain")
    run("energyemissions", {"INPUT": str(sample_dir / "energy_city.csv"), "REGION_FIELD": "city_code",
                            "OUTPUT": str(out / "co2.csv")})
    params = {"REGIONS": str(sample_dir / "counties.gpkg"), "REGION_FIELD": "city_code",
              "STATS": str(out / "co2.csv"), "PROXY": str(sample_dir / "ntl.tif")}
    results = {}
    for name, assignment in (("exact", 0), ("centre", 1)):
        results[name] = run("gridemissions", {**params, "CELL_ASSIGNMENT": assignment,
                                              "OUTPUT": str(out / f"{name}.tif")})
    return out, params, results


def energy_totals(path) -> dict[int, float]:
    totals: dict[int, float] = {}
    for row in features(path):
        totals[int(row["year"])] = totals.get(int(row["year"]), 0.0) + float(row["CO2_T"])
    return totals


def test_sample_provincial_total_per_year_equals_the_energy_table(sample_chain):
    out, _, _ = sample_chain
    totals = energy_totals(out / "co2.csv")
    for name in ("exact", "centre"):
        grid = read_all(out / f"{name}.tif").astype(np.float64)
        assert band_years(open_raster(str(out / f"{name}.tif"))) == sorted(totals)
        for j, year in enumerate(sorted(totals)):
            assert np.nansum(grid[j]) == pytest.approx(totals[year], rel=1e-6), (name, year)


def test_sample_cell_centre_zonal_sums_equal_each_city(sample_chain, sample_dir):  # noqa: F811
    out, _, _ = sample_chain
    path = out / "centre.tif"
    ds = open_raster(str(path))
    # independent zonal sums: rasterize the counties by cell centre with their city code
    target = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Int32)
    target.SetGeoTransform(ds.GetGeoTransform())
    target.SetProjection(ds.GetProjection())
    target.GetRasterBand(1).Fill(0)
    counties = ogr.Open(str(sample_dir / "counties.gpkg"))
    gdal.RasterizeLayer(target, [1], counties.GetLayer(0), options=["ATTRIBUTE=city_code"])
    city = target.GetRasterBand(1).ReadAsArray()
    grid = read_all(path).astype(np.float64)
    stats = {(str(r["city_code"]), int(r["year"])): float(r["CO2_T"]) for r in features(out / "co2.csv")}
    years = band_years(ds)
    for (code, year), value in stats.items():
        band = grid[years.index(year)]
        assert band[city == int(code)].sum() == pytest.approx(value, rel=1e-6), (code, year)


def test_sample_round_trip_with_exact_coverage_is_small(sample_chain):
    _, _, results = sample_chain
    assert results["exact"]["MAX_TOTAL_ERROR"] < 1e-6
    assert 0 < results["exact"]["MAX_ROUND_TRIP_ERROR"] < 0.01  # split cells mix neighbouring cities
    assert results["centre"]["MAX_ROUND_TRIP_ERROR"] < 1e-6


def test_sample_emissions_fall_from_urban_cores_outward(sample_chain, sample_dir):  # noqa: F811
    out, _, _ = sample_chain
    ds = open_raster(str(out / "exact.tif"))
    grid = read_all(out / "exact.tif").astype(np.float64)
    # urban districts (names ending in 区) against rural counties (县), by cell centre
    target = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    target.SetGeoTransform(ds.GetGeoTransform())
    target.SetProjection(ds.GetProjection())
    counties = ogr.Open(str(sample_dir / "counties.gpkg"))  # keep the dataset alive while using its layer
    layer = counties.GetLayer(0)
    layer.SetAttributeFilter("name_zh LIKE '%区'")
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    layer.SetAttributeFilter("name_zh LIKE '%县'")
    gdal.RasterizeLayer(target, [1], layer, burn_values=[2])
    kind = target.GetRasterBand(1).ReadAsArray()
    for j in (0, 19):
        core, periphery = np.nanmean(grid[j][kind == 1]), np.nanmean(grid[j][kind == 2])
        assert core > 3 * periphery, (j, core, periphery)


def test_sample_regions_in_another_crs_conserve_mass(sample_chain, sample_dir, tmp_path):  # noqa: F811
    out, params, _ = sample_chain
    result = run("gridemissions", {**params, "REGIONS": str(sample_dir / "counties_4326.gpkg"),
                                   "OUTPUT": str(tmp_path / "g.tif")})
    assert result["MAX_TOTAL_ERROR"] < 1e-6
    grid = read_all(tmp_path / "g.tif").astype(np.float64)
    totals = energy_totals(out / "co2.csv")
    assert np.nansum(grid[0]) == pytest.approx(totals[2001], rel=1e-6)


@pytest.mark.e2e
def test_qgis_process_chain_equals_processing_run(sample_chain, sample_dir, plugins_dir, tmp_path):  # noqa: F811
    out, params, _ = sample_chain
    profile = tmp_path / "profile"
    profile.mkdir()
    enable_plugin(plugins_dir, profile)
    run_algorithm("carbonbudget:energyemissions", {
        "INPUT": str(sample_dir / "energy_city.csv"), "REGION_FIELD": "city_code",
        "OUTPUT": str(tmp_path / "co2.csv")}, plugins_dir, profile)
    cli = run_algorithm("carbonbudget:gridemissions", {
        **params, "STATS": str(tmp_path / "co2.csv"), "CELL_ASSIGNMENT": 0,
        "OUTPUT": str(tmp_path / "cli.tif")}, plugins_dir, profile)
    assert cli["YEARS_OUT"] == ",".join(str(y) for y in range(2001, 2021))
    assert grid_of(open_raster(str(tmp_path / "cli.tif"))).matches(grid_of(open_raster(str(out / "exact.tif"))))
    np.testing.assert_array_equal(read_all(tmp_path / "cli.tif"), read_all(out / "exact.tif"))


def test_negative_statistics_name_the_fix(provider, tmp_path):
    proxy, regions, _ = hand_case(tmp_path)
    stats = write_csv(tmp_path / "s.csv", STATS, [["甲", 2001, 1], ["乙", 2001, -9999], ["丙", 2001, 1]])
    with pytest.raises(QgsProcessingException, match=r"value -9999 of region '乙', year 2001 is negative. Emissions "
                                                     r"are 0 or more t per year: correct it, or leave the value empty"):
        run("gridemissions", gridding_params(regions, stats, proxy, tmp_path / "o.tif"))
    assert not (tmp_path / "o.tif").exists()
