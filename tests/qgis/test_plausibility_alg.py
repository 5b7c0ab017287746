"""Plausibility guards on physical inputs (issue 14, items 1, 3, 4 and 8; docs/DATA_CHECKS.md): the algorithms.

Each silently-wrong case of the issue with the same kind of inputs: the error text (or the warning) and
the right number once the input is fixed (or when a result is still produced). The guards themselves by
hand values: tests/engine/test_plausibility.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers.climate import rh_year, seasonal_climate
from helpers.params import gridding_params, nep_params, zonal_params
from helpers.qgisrun import Recorder, features, run
from helpers.rasters import read_all, write_raster
from helpers.tables import write_csv
from helpers.vectors import rect, write_polygons
from osgeo import gdal
from qgis.core import QgsProcessingException

gdal.UseExceptions()


# -------------------------------------------------------------- item 1: nepsink


def test_nepsink_temperature_in_kelvin_is_an_error_saying_subtract_273(provider, tmp_path):
    npp = write_raster(tmp_path / "npp_2005.tif", np.full((2, 3), 600.0, np.float32))
    t_k, p = seasonal_climate(tmp_path, 2005, kelvin=True)
    with pytest.raises(QgsProcessingException, match=r"temperature raster '.*t_kelvin.tif' has values from 275.15 to "
                                                     r"299.15 in 2005.*look like Kelvin: subtract 273.15"):
        run("nepsink", nep_params(npp, t_k, p, tmp_path / "s.tif", UNITS=1))
    assert not (tmp_path / "s.tif").exists()
    # the fix: deg C gives NEP = 600 - sum of the 12 monthly Rh (~ 285 g C m-2) per 1 km2 cell
    t_c, _ = seasonal_climate(tmp_path, 2005)
    run("nepsink", nep_params(npp, t_c, p, tmp_path / "s.tif", UNITS=1))
    expected = 600.0 - rh_year()
    assert 300 < expected < 330
    np.testing.assert_allclose(read_all(tmp_path / "s.tif")[0], expected, rtol=1e-6)


def test_nepsink_modis_digital_numbers_without_the_scale_are_an_error(provider, tmp_path):
    dn = np.array([[5000, 6500, 4000], [32767, 5500, 3000]], np.int16)  # fill 32767 declared, as MOD17A3HGF
    npp = write_raster(tmp_path / "MOD17A3HGF_NPP_2010.tif", dn, data_type=gdal.GDT_Int16, nodata=32767)
    t, p = seasonal_climate(tmp_path, 2010)
    with pytest.raises(QgsProcessingException, match=r"gives 6500 g C m-2 yr-1 in 2010 \(stored value 6500 x NPP "
                                                     r"scale factor 1.*NPP_SCALE to 0.1 and NPP_VALID_MAX to 32700"):
        run("nepsink", nep_params(npp, t, p, tmp_path / "s.tif", UNITS=1))
    run("nepsink", nep_params(npp, t, p, tmp_path / "s.tif", NPP_SCALE=0.1, UNITS=1))
    sink = read_all(tmp_path / "s.tif")[0].astype(np.float64)
    land = dn != 32767
    # DN x 0.1 - Rh per cell: (500 + 650 + 400 + 550 + 300) - 5 Rh
    assert np.nansum(sink) == pytest.approx(2400.0 - 5 * rh_year(), rel=1e-6)
    assert np.isnan(sink[~land]).all()


def test_nepsink_uint16_npp_with_an_undeclared_65535_fill_is_an_error(provider, tmp_path):
    dn = np.array([[5000, 65535, 6000], [65535, 4000, 65535]], np.uint16)
    npp = write_raster(tmp_path / "npp_2012.tif", dn, data_type=gdal.GDT_UInt16)
    t, p = seasonal_climate(tmp_path, 2012)
    params = nep_params(npp, t, p, tmp_path / "s.tif", NPP_SCALE=0.1, UNITS=1)
    with pytest.raises(QgsProcessingException, match=r"NPP raster '.*npp_2012.tif' holds the value 65535 \(year 2012, "
                                                     r"band 1, uint16\) and declares no nodata value"):
        run("nepsink", params)
    assert not (tmp_path / "s.tif").exists()
    # with the valid maximum the fill is nodata: only the 3 land cells count
    run("nepsink", {**params, "NPP_VALID_MAX": 32700})
    sink = read_all(tmp_path / "s.tif")[0].astype(np.float64)
    assert np.nansum(sink) == pytest.approx(1500.0 - 3 * rh_year(), rel=1e-6)
    assert np.isnan(sink[dn == 65535]).all()


# -------------------------------------------------------------- item 3: fill in carbon rasters


@pytest.fixture
def county_case(tmp_path):
    """Two counties on a 4 x 4 grid of 1 km cells: A = columns 0-1, B = columns 2-3; emission 10 t
    per cell with 4 undeclared -9999 cells in A (2001); sink 2 t per cell."""
    emission = np.full((2, 4, 4), 10.0, np.float32)
    emission[0, 1:3, 0:2] = -9999.0
    regions = write_polygons(tmp_path / "counties.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 4)], {"code": ["A", "B"]})
    sink = write_raster(tmp_path / "sink.tif", np.full((2, 4, 4), 2.0, np.float32), descriptions=["2001", "2002"],
                        nodata=float("nan"))
    return emission, regions, sink


def test_undeclared_minus_9999_in_an_emission_raster_is_an_error(provider, tmp_path, county_case):
    emission, regions, sink = county_case
    bad = write_raster(tmp_path / "emission.tif", emission, descriptions=["2001", "2002"])
    params = zonal_params(regions, bad, sink, tmp_path / "budget.gpkg", UNITS=0)
    with pytest.raises(QgsProcessingException, match=r"emission raster '.*emission.tif' holds the value -9999 "
                                                     r"\(year 2001, band 1, float32\) and declares no nodata value"):
        run("zonalbudget", params)
    with pytest.raises(QgsProcessingException, match=r"holds the value -9999 \(year 2001, band 1"):
        run("gridbudget", {"EMISSIONS": bad, "SINKS": sink, "NET": str(tmp_path / "net.tif"),
                           "RATIO": str(tmp_path / "ratio.tif"), "STATE": str(tmp_path / "state.tif")})
    assert not (tmp_path / "net.tif").exists()
    # declared: the 4 cells are nodata; A = 4 valid cells x 10 t in 2001 (not 4 x 10 - 4 x 9999 = -39956)
    good = write_raster(tmp_path / "emission_nodata.tif", emission, descriptions=["2001", "2002"], nodata=-9999)
    feedback = Recorder()
    run("zonalbudget", {**params, "EMISSIONS": good}, feedback)
    rows = {row["code"]: row for row in features(tmp_path / "budget.gpkg")}
    assert rows["A"]["EMI_2001"] == pytest.approx(40.0, rel=1e-9)
    assert rows["A"]["EMI_2002"] == pytest.approx(80.0, rel=1e-9)
    assert rows["B"]["EMI_2001"] == pytest.approx(80.0, rel=1e-9)
    assert rows["A"]["SNK_2001"] == pytest.approx(16.0, rel=1e-9)
    assert any("region 'A' has no emission data" in w for w in feedback.warnings)


def test_negative_emission_cells_are_an_error_naming_the_band(provider, tmp_path, county_case):
    emission, regions, sink = county_case
    emission[0] = 10.0
    emission[1, 3, 3] = -5.0
    bad = write_raster(tmp_path / "emission.tif", emission, descriptions=["2001", "2002"], nodata=float("nan"))
    with pytest.raises(QgsProcessingException, match=r"negative value -5 \(year 2002, band 2\): emissions are 0 or "
                                                     r"more"):
        run("zonalbudget", zonal_params(regions, bad, sink, tmp_path / "budget.gpkg"))


# -------------------------------------------------------------- item 4: land-use codes as floats


def test_landuse_codes_that_are_not_whole_numbers_are_an_error(provider, tmp_path):
    codes = np.array([[2.0, 2.6, 3.0], [4.0, 12.37, 2.0]], np.float32)  # 2 forest, 3 grassland, 4 water
    lu = write_raster(tmp_path / "landuse_2015.tif", codes)
    with pytest.raises(QgsProcessingException, match=r"land-use raster '.*landuse_2015.tif' has values that are not "
                                                     r"whole class codes in 2015 \(2 cells, e.g. 2.6, 12.37\)"):
        run("landusesink", {"LANDUSE": lu, "UNITS": 1, "OUTPUT": str(tmp_path / "s.tif")})
    assert not (tmp_path / "s.tif").exists()
    # whole codes stored as floats are fine: 1 km2 = 100 ha x (forest 0.644, grass 0.021, water 0.253)
    codes[0, 1], codes[1, 1] = 2.0, 3.0
    lu = write_raster(tmp_path / "landuse_2016.tif", codes)
    run("landusesink", {"LANDUSE": lu, "UNITS": 1, "OUTPUT": str(tmp_path / "s.tif")})
    total = float(read_all(tmp_path / "s.tif").astype(np.float64).sum())
    assert total == pytest.approx(3 * 64.4 + 2 * 2.1 + 25.3, rel=1e-7)


# -------------------------------------------------------------- item 8: a year missing from the statistics


def test_a_whole_year_missing_from_the_statistics_is_a_warning_naming_it(provider, tmp_path):
    proxy = write_raster(tmp_path / "ntl.tif", np.arange(1, 49, dtype=np.float32).reshape(3, 4, 4),
                         descriptions=["2001", "2002", "2003"])
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 4)], {"code": ["A", "B"]})
    stats = write_csv(tmp_path / "stats.csv", ("code", "year", "CO2_T"),
                      [("A", 2001, 100), ("B", 2001, 50), ("A", 2003, 130), ("B", 2003, 70)])
    feedback = Recorder()
    run("gridemissions", gridding_params(regions, stats, proxy, tmp_path / "e.tif"), feedback)
    warning = next(w for w in feedback.warnings if "no value at all for the years" in w)
    assert "years 2002 (between 2001 and 2003)" in warning and "2 bands" in warning
    ds = gdal.Open(str(tmp_path / "e.tif"))
    assert [ds.GetRasterBand(b + 1).GetDescription() for b in range(ds.RasterCount)] == ["2001", "2003"]
    ds = None
    totals = read_all(tmp_path / "e.tif").astype(np.float64).sum(axis=(1, 2))
    np.testing.assert_allclose(totals, [150.0, 200.0], rtol=1e-6)  # each year's statistics, mass conserved
