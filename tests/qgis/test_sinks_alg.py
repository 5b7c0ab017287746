"""Carbon sinks: carbonbudget:nepsink (NEP = NPP - Rh) and carbonbudget:landusesink (area x coefficient).

The engine (Rh, climate layouts, strips, coefficient tables): tests/engine/test_sinks.py and test_landuse.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers import sample as fixtures_sample
from helpers.climate import CO2, monthly_stack, months, nep_hand_case, rh_hand
from helpers.params import nep_params
from helpers.qgisrun import Recorder, run
from helpers.rasters import read_all, write_raster
from osgeo import gdal, osr
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin.cellarea import row_cell_areas_m2
from carbon_budget.carbon_plugin.raster import grid_of, open_raster
from carbon_budget.carbon_plugin.timeseries import band_years

sample_dir = fixtures_sample.sample_dir
gdal.UseExceptions()


# ---------------------------------------------------------------------------------------- nepsink


def test_nep_is_npp_minus_rh_cell_by_cell(provider, tmp_path):
    npp_path, t_path, p_path, npp, rh = nep_hand_case(tmp_path)
    out = {k: str(tmp_path / f"{k}.tif") for k in ("sink", "rh", "nep", "co2")}
    result = run("nepsink", nep_params(npp_path, t_path, p_path, out["sink"], UNITS=1, OUTPUT_RH=out["rh"],
                                       OUTPUT_NEP=out["nep"]))
    assert result["YEARS_OUT"] == "2001,2002" and result["BAND_COUNT"] == 2
    assert result["OUTPUT_RH"] == out["rh"] and result["OUTPUT_NEP"] == out["nep"]
    np.testing.assert_allclose(read_all(out["rh"]), rh, rtol=1e-6)
    assert read_all(out["rh"])[0, 2, 3] == pytest.approx(12 * 29.7346, abs=2e-3)  # 12 identical months
    nep = npp - rh
    np.testing.assert_allclose(read_all(out["nep"]), nep, rtol=1e-6, atol=1e-4)
    # 1 km cells: t C per cell = NEP g C m-2 x 1e6 m2 x 1e-6
    sink = read_all(out["sink"])
    np.testing.assert_allclose(sink, nep, rtol=1e-6, atol=1e-4)
    assert np.isnan(sink[0, 0, 0]) and np.isfinite(sink[1, 0, 0])  # NPP nodata -> no sink
    assert (sink < 0).any()  # cold dry corner: NPP < Rh, an ecosystem source, kept signed
    ds = open_raster(out["sink"])
    assert ds.GetMetadataItem("CARBON_QUANTITY") == "sink"
    assert ds.GetMetadataItem("CARBON_UNITS") == "t C / cell / yr"
    assert band_years(ds) == [2001, 2002]
    ds = None
    # default units: t CO2; positive-only mode sets sources to 0
    run("nepsink", nep_params(npp_path, t_path, p_path, out["co2"], SIGN_MODE=1))
    np.testing.assert_allclose(read_all(out["co2"]), np.where(nep < 0, 0, nep) * CO2, rtol=1e-6, atol=1e-4)
    assert open_raster(out["co2"]).GetMetadataItem("CARBON_UNITS") == "t CO2 / cell / yr"


def test_annual_climate_uses_the_stated_approximation(provider, tmp_path):
    npp = write_raster(tmp_path / "npp.tif", np.full((2, 3, 3), 600, np.float32), descriptions=["2001", "2002"])
    t = write_raster(tmp_path / "t.tif", np.stack([np.full((3, 3), 14.0), np.full((3, 3), 15.0)]),
                     descriptions=["2001", "2002"])
    p = write_raster(tmp_path / "p.tif", np.full((2, 3, 3), 840.0), descriptions=["2001", "2002"])
    feedback = Recorder()
    run("nepsink", nep_params(npp, t, p, tmp_path / "s.tif", CLIMATE_TIMESTEP=1, UNITS=1,
                              OUTPUT_RH=str(tmp_path / "rh.tif")), feedback)
    # Rh_yr = 12 x Rh_m(T, P / 12): 2001: 12 x Rh_m(14, 70)
    rh = read_all(tmp_path / "rh.tif")
    assert rh[0, 1, 1] == pytest.approx(12 * rh_hand(14, 70), rel=1e-6)
    assert rh[1, 1, 1] == pytest.approx(12 * rh_hand(15, 70), rel=1e-6)
    np.testing.assert_allclose(read_all(tmp_path / "s.tif")[0], 600 - 12 * rh_hand(14, 70), rtol=1e-6)
    assert any("approximation" in line for line in feedback.infos)


def test_mod17a3_fill_cells_have_no_sink(provider, tmp_path):
    # DN Int16, scale 0.1, fill 32767 on water, no nodata declared: NPP_VALID_MAX removes it
    dn = np.array([[5000, 32767, 6500], [32767, 4000, 0]], np.int16)
    npp = write_raster(tmp_path / "MOD17A3HGF_NPP_2010.tif", dn, data_type=gdal.GDT_Int16)
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full((2, 3), 10.0), [2010])
    p = monthly_stack(tmp_path / "p.tif", lambda y, m: np.full((2, 3), 50.0), [2010])
    run("nepsink", nep_params([npp], t, p, tmp_path / "s.tif", NPP_SCALE=0.1, NPP_VALID_MAX=32700))
    sink = read_all(tmp_path / "s.tif")[0]
    assert np.isnan(sink[dn == 32767]).all()
    # DN 5000 -> 500 g C m-2; Rh = 12 x Rh_m(10, 50) = 12 x 0.22 x (2.4918 + 2.8169) x 13.95 = 195.5
    rh = 12 * rh_hand(10, 50)
    assert rh == pytest.approx(195.5, abs=0.1)
    land = dn != 32767
    np.testing.assert_allclose(sink[land], (dn[land] * 0.1 - rh) * CO2, rtol=1e-6)
    assert 1000 < sink[0, 0] < 1200  # ~ 304 t C = 1114 t CO2 per km2 cell


def lonlat_to_utm():
    wgs, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    utm.ImportFromEPSG(32650)
    for s in (wgs, utm):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(wgs, utm), osr.CoordinateTransformation(utm, wgs)


def test_geographic_and_projected_npp_give_the_same_total(provider, tmp_path):
    """One NPP field sampled on a 1 km UTM grid and on a 0.01 deg grid: the same total sink."""
    cx, cy, radius = 680000.0, 3800000.0, 40000.0  # x = 680 km: UTM scale factor ~ 1
    t_c, p_mm = 5.0, 30.0
    rh = 12 * rh_hand(t_c, p_mm)

    def npp_at(x, y):  # Rh plus a smooth bump: NEP = the bump, 0 outside the disc
        r = np.hypot(x - cx, y - cy)
        return rh + np.where(r < radius, 800 * np.cos(np.pi * r / (2 * radius)) ** 2, 0.0)

    n = 120
    utm_gt = (cx - 60000, 1000.0, 0, cy + 60000, 0, -1000.0)
    xs = utm_gt[0] + 500 + 1000 * np.arange(n)
    ys = utm_gt[3] - 500 - 1000 * np.arange(n)
    utm_npp = write_raster(tmp_path / "npp_utm_2005.tif", npp_at(*np.meshgrid(xs, ys)).astype(np.float32), utm_gt)
    to_utm, to_wgs = lonlat_to_utm()
    lons, lats = zip(*[to_wgs.TransformPoint(x, y)[:2] for x in (xs[0], xs[-1]) for y in (ys[0], ys[-1])])
    step = 0.01
    west, north = math.floor(min(lons) * 100) / 100 - 0.05, math.ceil(max(lats) * 100) / 100 + 0.05
    cols, rows = int((max(lons) + 0.05 - west) / step) + 1, int((north - min(lats) + 0.05) / step) + 1
    lon_c = west + step * (np.arange(cols) + 0.5)
    lat_c = north - step * (np.arange(rows) + 0.5)
    glon, glat = np.meshgrid(lon_c, lat_c)
    pts = np.array(to_utm.TransformPoints(np.column_stack([glon.ravel(), glat.ravel()])))
    geo_values = npp_at(pts[:, 0], pts[:, 1]).reshape(rows, cols).astype(np.float32)
    geo_npp = write_raster(tmp_path / "npp_geo_2005.tif", geo_values, (west, step, 0, north, 0, -step), 4326)
    # constant climate on a coarse geographic grid covering both: resampled onto each NPP grid
    clim_gt = (west - 0.5, 0.1, 0, north + 0.5, 0, -0.1)
    shape = (int((north - min(lats)) / 0.1) + 12, int((max(lons) - west) / 0.1) + 12)
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full(shape, t_c), [2005], clim_gt, 4326)
    p = monthly_stack(tmp_path / "p.tif", lambda y, m: np.full(shape, p_mm), [2005], clim_gt, 4326)
    totals = {}
    for name, npp in (("utm", utm_npp), ("geo", geo_npp)):
        feedback = Recorder()
        run("nepsink", nep_params(npp, t, p, tmp_path / f"s_{name}.tif", UNITS=1), feedback)
        assert any("Aligning the temperature raster" in line and "bilinear" in line for line in feedback.infos)
        totals[name] = float(np.nansum(read_all(tmp_path / f"s_{name}.tif").astype(np.float64)))
    # the bump's volume: 800 g m-2 x pi R^2 (1 / 2 - 2 / pi^2) -> t C
    volume = 800 * math.pi * radius**2 * (0.5 - 2 / math.pi**2) * 1e-6
    assert totals["utm"] == pytest.approx(volume, rel=1e-3)
    assert totals["geo"] == pytest.approx(totals["utm"], rel=1e-3)
    # ...and not what degrees squared would give
    geo_grid = grid_of(open_raster(geo_npp))
    assert row_cell_areas_m2(geo_grid).std() > 0


def test_climate_nodata_and_partial_cover_give_no_sink(provider, tmp_path):
    """Warped climate: its nodata (-9999, sea) is not precipitation, and cells it does not cover are NaN."""
    npp = write_raster(tmp_path / "npp_2001.tif", np.full((10, 12), 500, np.float32))  # x 500-512 km
    # climate on a 2 km grid offset by 500 m, covering x 500.5-510.5 km only: the NPP's last 2
    # columns lie outside it; its left 2 columns (x < 504.5 km) are nodata
    clim_gt = (500500.0, 2000.0, 0.0, 3801000.0, 0.0, -2000.0)
    def field(value):
        a = np.full((7, 5), value)
        a[:, :2] = -9999.0
        return a
    data_t = np.stack([field(12.0)] * 12).astype(np.float32)
    data_p = np.stack([field(60.0)] * 12).astype(np.float32)
    t = write_raster(tmp_path / "t.tif", data_t, clim_gt, descriptions=months([2001]), nodata=-9999.0)
    p = write_raster(tmp_path / "p.tif", data_p, clim_gt, descriptions=months([2001]), nodata=-9999.0)
    feedback = Recorder()
    run("nepsink", nep_params(npp, t, p, tmp_path / "s.tif", UNITS=1), feedback)
    sink = read_all(tmp_path / "s.tif")[0]
    assert np.isnan(sink[:, :3]).all()  # centres x < 503.5 km: only nodata climate around them
    assert np.isnan(sink[:, 11]).all()  # beyond the climate's east edge
    inside = sink[1:-1, 6:10]
    np.testing.assert_allclose(inside, 500 - 12 * rh_hand(12, 60), rtol=1e-6)
    assert any("have NPP but no climate value" in w for w in feedback.warnings)


def test_yearly_npp_files_monthly_climate_by_start_year_and_missing_years(provider, tmp_path):
    npp = [write_raster(tmp_path / f"MOD17A3HGF_NPP_{y}.tif", np.full((2, 2), 500, np.float32))
           for y in (2000, 2001, 2002)]
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full((2, 2), 12.0), [2001, 2002], descriptions=False)
    p = monthly_stack(tmp_path / "p.tif", lambda y, m: np.full((2, 2), 60.0), [2001, 2002], descriptions=False)
    feedback = Recorder()
    result = run("nepsink", nep_params(npp, [t], [p], tmp_path / "s.tif", START_YEAR=2001), feedback)
    assert result["YEARS_OUT"] == "2001,2002" and result["SKIPPED_YEARS"] == "2000"
    assert any("No climate for the NPP years 2000" in w for w in feedback.warnings)
    np.testing.assert_allclose(read_all(tmp_path / "s.tif"), (500 - 12 * rh_hand(12, 60)) * CO2, rtol=1e-6)


def test_annual_climate_declared_monthly_is_a_clear_error(provider, tmp_path):
    npp = write_raster(tmp_path / "npp.tif", np.full((3, 2, 2), 500, np.float32), descriptions=["2001", "2002", "2003"])
    t = write_raster(tmp_path / "t.tif", np.full((3, 2, 2), 12.0), descriptions=["2001", "2002", "2003"])
    p = write_raster(tmp_path / "p.tif", np.full((3, 2, 2), 700.0), descriptions=["2001", "2002", "2003"])
    with pytest.raises(QgsProcessingException, match=r"looks like annual climate.*CLIMATE_TIMESTEP"):
        run("nepsink", nep_params(npp, t, p, tmp_path / "s.tif", CLIMATE_TIMESTEP=0))
    # undescribed bands: the band count is not 12 x years
    t20 = write_raster(tmp_path / "t20.tif", np.full((20, 2, 2), 12.0))
    with pytest.raises(QgsProcessingException, match="20 bands, not 12 x years"):
        run("nepsink", nep_params(npp, t20, t20, tmp_path / "s.tif", START_YEAR=2001))
    assert not (tmp_path / "s.tif").exists()


def test_npp_and_climate_years_not_overlapping_is_a_clear_error(provider, tmp_path):
    npp = write_raster(tmp_path / "npp.tif", np.full((2, 2, 2), 500, np.float32), descriptions=["2001", "2002"])
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full((2, 2), 12.0), [1990])
    with pytest.raises(QgsProcessingException, match=r"NPP years \(2001, 2002\).*\(1990\) do not overlap"):
        run("nepsink", nep_params(npp, t, t, tmp_path / "s.tif"))


def test_negative_precipitation_is_a_clear_error(provider, tmp_path):
    npp = write_raster(tmp_path / "npp_2001.tif", np.full((2, 2), 500, np.float32))
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full((2, 2), 12.0), [2001])
    p = monthly_stack(tmp_path / "p.tif", lambda y, m: np.full((2, 2), -9999.0 if m == 7 else 50.0), [2001])
    with pytest.raises(QgsProcessingException, match="Negative precipitation in the precipitation rasters "
                                                    "for 2001: 4 cells, lowest -9999"):
        run("nepsink", nep_params(npp, t, p, tmp_path / "s.tif"))
    assert not (tmp_path / "s.tif").exists()


def test_npp_without_crs_is_a_clear_error(provider, tmp_path):
    npp = write_raster(tmp_path / "npp_2001.tif", np.full((2, 2), 500, np.float32), epsg=None)
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full((2, 2), 12.0), [2001])
    with pytest.raises(QgsProcessingException, match=r"NPP raster .* no coordinate reference system"):
        run("nepsink", nep_params(npp, t, t, tmp_path / "s.tif"))


# ---------------------------------------------------------------------------------------- landusesink


def test_three_classes_give_area_times_coefficient(provider, tmp_path):
    classes = np.array([[2, 2, 3, 4], [2, 2, 3, 4], [2, 3, 3, 4]], np.uint8)  # 5 forest, 4 grass, 3 water
    lu = write_raster(tmp_path / "landuse_2015.tif", classes, data_type=gdal.GDT_Byte, nodata=0)
    result = run("landusesink", {"LANDUSE": lu, "UNITS": 1, "OUTPUT": str(tmp_path / "s.tif")})
    assert result["YEARS_OUT"] == "2015" and result["UNKNOWN_CLASSES"] == ""
    sink = read_all(tmp_path / "s.tif")[0].astype(np.float64)
    # 1 km2 = 100 ha per cell: forest 64.4, grassland 2.1, water 25.3 t C per cell
    expected = np.choose(classes - 2, [64.4, 2.1, 25.3])
    np.testing.assert_allclose(sink, expected, rtol=1e-7)
    assert sink.sum() == pytest.approx(5 * 64.4 + 4 * 2.1 + 3 * 25.3, rel=1e-7)  # 406.3 t C
    run("landusesink", {"LANDUSE": lu, "OUTPUT": str(tmp_path / "co2.tif")})
    assert read_all(tmp_path / "co2.tif").astype(np.float64).sum() == pytest.approx(406.3 * CO2, rel=1e-7)


def test_missing_class_is_reported_with_its_area(provider, tmp_path):
    classes = np.array([[2, 7, 7], [9, 3, 0]], np.uint8)
    lu = write_raster(tmp_path / "lu.tif", classes, data_type=gdal.GDT_Byte, nodata=0)
    feedback = Recorder()
    result = run("landusesink", {"LANDUSE": lu, "YEARS": "2010", "OUTPUT": str(tmp_path / "s.tif")}, feedback)
    assert result["UNKNOWN_CLASSES"] == "7:2,9:1"
    warning = next(w for w in feedback.warnings if "not in the coefficient table" in w)
    assert "code 7: 2 km2" in warning and "code 9: 1 km2" in warning
    sink = read_all(tmp_path / "s.tif")[0]
    assert np.isnan(sink[0, 1:]).all() and np.isnan(sink[1, 0]) and np.isnan(sink[1, 2])
    assert sink[0, 0] == pytest.approx(64.4 * CO2, rel=1e-7)


def test_one_layer_for_all_years_custom_csv_and_geodesic_areas(provider, tmp_path):
    classes = np.array([[1, 2], [2, 1], [1, 1]], np.uint8)
    lu = write_raster(tmp_path / "lu.tif", classes, (113.0, 0.5, 0, 35.0, 0, -0.5), 4326, data_type=gdal.GDT_Byte)
    table = tmp_path / "mine.csv"
    table.write_text("code,name,t_c_ha_yr\n1,耕地,0.1\n2,林地,1.0\n", encoding="utf-8")
    result = run("landusesink", {"LANDUSE": lu, "YEARS": "2001-2003", "COEFFICIENTS": 1,
                                 "COEFFICIENTS_FILE": str(table), "UNITS": 1, "OUTPUT": str(tmp_path / "s.tif")})
    assert result["YEARS_OUT"] == "2001,2002,2003"
    sink = read_all(tmp_path / "s.tif").astype(np.float64)
    ha = row_cell_areas_m2(grid_of(open_raster(lu)))[:, None] / 1e4
    expected = np.where(classes == 1, 0.1, 1.0) * ha
    for band in sink:
        np.testing.assert_allclose(band, expected, rtol=1e-7)
    assert ha[0, 0] < ha[2, 0]  # cells nearer the equator are larger


def test_bad_coefficient_csv_is_a_clear_error(provider, tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("class,coefficient\n1,0.5\n", encoding="utf-8")
    lu = write_raster(tmp_path / "lu_2001.tif", np.ones((2, 2), np.uint8), data_type=gdal.GDT_Byte)
    with pytest.raises(QgsProcessingException, match=r"lacks the column.*code, t_c_ha_yr"):
        run("landusesink", {"LANDUSE": lu, "COEFFICIENTS_FILE": str(table), "OUTPUT": str(tmp_path / "s.tif")})
    # a class code twice: tests/engine/test_landuse.py


# ---------------------------------------------------------------------------------------- sample province


def sample_params(folder, output):
    return nep_params([str(folder / "npp" / f"MOD17A3HGF_NPP_{y}.tif") for y in range(2001, 2021)],
                      str(folder / "temperature_monthly.tif"), str(folder / "precipitation_monthly.tif"), output,
                      NPP_SCALE=0.1, NPP_VALID_MAX=32700)


@pytest.fixture(scope="module")
def sample_sink(sample_dir, tmp_path_factory, provider):
    out = tmp_path_factory.mktemp("nepsink") / "sink.tif"
    feedback = Recorder()
    result = run("nepsink", sample_params(sample_dir, out), feedback)
    return out, result, feedback


def test_sample_provincial_sink_is_plausible_and_follows_npp(sample_sink, sample_dir):
    out, result, feedback = sample_sink
    assert result["YEARS_OUT"] == ",".join(str(y) for y in range(2001, 2021))
    assert any("Aligning the precipitation raster" in line for line in feedback.infos)
    sink = read_all(out).astype(np.float64)
    landuse = read_all(sample_dir / "landuse.tif")
    assert np.isnan(sink[landuse == 4]).all() and np.isnan(sink[landuse == 0]).all()  # water fill, outside
    # a ~65 000 km2 province: tens of Mt CO2 a year (Henan, 167 000 km2, is of the order of 10^7-10^8 t)
    mt = np.nansum(sink, axis=(1, 2)) / 1e6
    assert (mt > 10).all() and (mt < 200).all()
    # higher where NPP is higher: forest > cropland > built-up, and the upper NPP half > the lower
    npp = np.stack([read_all(sample_dir / "npp" / f"MOD17A3HGF_NPP_{y}.tif")[0] for y in (2001, 2020)])
    for k, j in ((0, 0), (1, 19)):
        valid = npp[k] <= 32700
        high = valid & (npp[k] > np.median(npp[k][valid]))
        assert np.nanmean(sink[j][high]) > np.nanmean(sink[j][valid & ~high]) + 100
        forest, crop, built = (np.nanmean(sink[j][landuse[j] == c]) for c in (2, 1, 5))
        assert forest > crop > built


@pytest.mark.e2e
def test_sample_qgis_process_matches_processing_run(sample_sink, sample_dir, plugins_dir, tmp_path):
    from helpers.qgisprocess import enable_plugin, run_algorithm

    out, result, _ = sample_sink
    profile = tmp_path / "profile"
    profile.mkdir()
    enable_plugin(plugins_dir, profile)
    cli = run_algorithm("carbonbudget:nepsink", sample_params(sample_dir, tmp_path / "cli.tif"), plugins_dir, profile)
    assert cli["YEARS_OUT"] == result["YEARS_OUT"]
    np.testing.assert_array_equal(read_all(tmp_path / "cli.tif"), read_all(out))


def test_sample_landuse_sink_equals_class_areas_times_coefficients(sample_dir, provider, tmp_path):
    feedback = Recorder()
    result = run("landusesink", {"LANDUSE": str(sample_dir / "landuse.tif"), "UNITS": 1,
                                 "OUTPUT": str(tmp_path / "lu.tif")}, feedback)
    assert result["BAND_COUNT"] == 20 and result["UNKNOWN_CLASSES"] == ""
    landuse = read_all(sample_dir / "landuse.tif")
    sink = read_all(tmp_path / "lu.tif").astype(np.float64)
    coefficient = {1: 0.0, 2: 0.644, 3: 0.021, 4: 0.253, 5: 0.0, 6: 0.005}
    for j in (0, 19):
        expected = sum(100.0 * c * np.count_nonzero(landuse[j] == k) for k, c in coefficient.items())
        assert np.nansum(sink[j]) == pytest.approx(expected, rel=1e-6)
    assert np.isnan(sink[landuse == 0]).all()


def test_mod17a3_fill_without_valid_max_is_an_error_naming_it(provider, tmp_path):
    # the MOD17A3HGF case above without NPP_VALID_MAX: 32767 (Int16's maximum) would be 3276.7 g C m-2
    dn = np.array([[5000, 32767, 6500], [32767, 4000, 0]], np.int16)
    npp = write_raster(tmp_path / "MOD17A3HGF_NPP_2010.tif", dn, data_type=gdal.GDT_Int16)
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: np.full((2, 3), 10.0), [2010])
    p = monthly_stack(tmp_path / "p.tif", lambda y, m: np.full((2, 3), 50.0), [2010])
    with pytest.raises(QgsProcessingException, match=r"NPP raster '.*MOD17A3HGF_NPP_2010.tif' holds the value 32767 "
                                                     r"\(year 2010, band 1, int16\) and declares no nodata value"):
        run("nepsink", nep_params([npp], t, p, tmp_path / "s.tif", NPP_SCALE=0.1))
    assert not (tmp_path / "s.tif").exists()


def test_float_landuse_codes_are_checked_whole_codes_pass(provider, tmp_path):
    classes = np.array([[2, 2, 3, 4], [2, 2, 3, 4], [2, 3, 3, 4]], np.float32)  # 5 forest, 4 grass, 3 water
    lu = write_raster(tmp_path / "landuse_2015.tif", classes, nodata=float("nan"))
    run("landusesink", {"LANDUSE": lu, "UNITS": 1, "OUTPUT": str(tmp_path / "s.tif")})
    assert read_all(tmp_path / "s.tif")[0].astype(np.float64).sum() == pytest.approx(406.3, rel=1e-7)
    classes[1, 1] = 2.6  # cropland/forest mixed by a bilinear resampling
    lu = write_raster(tmp_path / "landuse_2016.tif", classes, nodata=float("nan"))
    with pytest.raises(QgsProcessingException, match=r"not whole class codes in 2016 \(1 cells, e.g. 2.6\)"):
        run("landusesink", {"LANDUSE": lu, "UNITS": 1, "OUTPUT": str(tmp_path / "s2.tif")})
