"""Plausibility guards on physical inputs (issue 14, items 1, 3, 4 and 8; docs/DATA_CHECKS.md).

Unit tests of carbon_plugin/plausibility.py with hand values, then each silently-wrong case of the
issue with the same kind of inputs: the error text (or the warning) and the right number once the
input is fixed (or when a result is still produced).
"""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from helpers.qgisrun import run
from helpers.rasters import read_all, write_raster
from helpers.vectors import write_polygons
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from carbon_budget.carbon_plugin import plausibility as pl
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.plausibility import LayerInfo, Unusual
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.sinks import compute_nep_sink

gdal.UseExceptions()
CO2 = 44.0 / 12.0
X0, Y0 = 500000.0, 3800000.0  # top-left of the test rasters (1 km cells, EPSG:32650): t C per cell = g C m-2


def rh_hand(t, p):
    """Pei et al. 2009 written out (g C m-2 month-1), independent of the engine."""
    return 0.22 * (math.exp(0.0913 * t) + math.log(0.3145 * p + 1)) * 30 * 0.465


def months(year):
    return [f"{year}-{m:02d}" for m in range(1, 13)]


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning):
        self.warnings.append(warning)
        super().pushWarning(warning)


def rect(c0, r0, c1, r1) -> str:
    """A rectangle in cell units of the test grid (columns c0-c1, rows r0-r1 from the top-left)."""
    xa, xb, ya, yb = X0 + c0 * 1000, X0 + c1 * 1000, Y0 - r0 * 1000, Y0 - r1 * 1000
    return f"POLYGON(({xa} {ya},{xb} {ya},{xb} {yb},{xa} {yb},{xa} {ya}))"


def layer(dtype="float32", nodata=None, year=2001, band=1, path="e.tif"):
    return LayerInfo(year, path, band, dtype, nodata)


# -------------------------------------------------------------- the module, by hand


def test_value_range_ignores_nan_and_infinities():
    assert pl.value_range(np.array([1.0, np.nan, -3.0])) == (-3.0, 1.0)
    assert pl.value_range(np.array([2.0, np.inf, -1.0])) == (-1.0, 2.0)
    assert all(math.isnan(v) for v in pl.value_range(np.full(3, np.nan)))
    assert pl.value_range(np.array([[7, 65535]], np.uint16)) == (7.0, 65535.0)


def test_fill_codes_by_type():
    assert pl.fill_codes("float32") == (-9999.0, pl.FLOAT32_LOWEST)
    assert pl.FLOAT32_LOWEST == pytest.approx(-3.4028235e38, rel=1e-7)
    assert pl.fill_codes("uint16") == (65535.0,)
    assert pl.fill_codes("int16") == (-9999.0, 32767.0)
    assert pl.fill_codes("uint8") == (255.0,)
    assert pl.fill_codes("int32") == (-9999.0,)  # no type-max code for Int32


def test_find_fill_respects_nodata_valid_max_and_scale():
    dn = np.array([100, 65535], np.uint16)
    assert pl.find_fill(dn, "uint16", None, 100, 65535) == 65535
    assert pl.find_fill(dn, "uint16", 65535.0, 100, 65535) is None  # declared: read as nodata
    assert pl.find_fill(dn, "uint16", None, 100, 65535, valid_max=32700) is None  # removed by the valid max
    # t C stored, read in t CO2 (x 44/12): -9999 t C is -36663 t CO2
    e = np.array([10.0, -9999.0]) * CO2
    assert pl.find_fill(e, "float32", None, e.min(), e.max(), scale=CO2) == -9999.0
    assert pl.find_fill(np.array([5.0, -9998.0]), "float32", None, -9998.0, 5.0) is None
    big = np.array([1.0, pl.FLOAT32_LOWEST])
    assert pl.find_fill(big, "float32", math.nan, *pl.value_range(big)) == pl.FLOAT32_LOWEST
    # 255 counts only where it is the type's maximum
    assert pl.find_fill(np.array([255.0]), "float32", None, 255.0, 255.0) is None
    assert pl.find_fill(np.array([255], np.uint8), "uint8", None, 255.0, 255.0) == 255.0


def test_check_fill_messages_name_layer_value_band_and_fix():
    e = np.array([[3.0, -9999.0]])
    with pytest.raises(CarbonInputError, match=r"The emission raster 'e.tif' holds the value -9999 \(year 2003, "
                                               r"band 3, float32\) and declares no nodata value.*gdal_edit.py "
                                               r"-a_nodata -9999 'e.tif'"):
        pl.check_fill(e, layer(year=2003, band=3), "emission", -9999.0, 3.0)
    with pytest.raises(CarbonInputError, match=r"declares nan as its nodata value: -9999 is a common fill code"):
        pl.check_fill(e, layer(nodata=math.nan), "emission", -9999.0, 3.0)
    pl.check_fill(e, layer(nodata=-9999.0), "emission", -9999.0, 3.0)  # declared: fine


def test_temperature_range_kelvin_and_unusual_values():
    with pytest.raises(CarbonInputError, match=r"values from 275.15 to 299.15 in 2005.*look like Kelvin: "
                                               r"subtract 273.15"):
        pl.check_temperature(275.15, 299.15, "t.tif", 2005)
    with pytest.raises(CarbonInputError, match=r"has the value -75 in 2005.*between -60 and 60 deg C"):
        pl.check_temperature(-75.0, 10.0, "t.tif", 2005)
    with pytest.raises(CarbonInputError, match=r"has the value 150 in 2005.*0.1 deg C need x 0.1"):
        pl.check_temperature(20.0, 150.0, "t.tif", 2005)  # tenths of a degree, not Kelvin
    pl.check_temperature(-60.0, 60.0, "t.tif", 2005)  # the limits themselves are allowed
    unusual, progress = Unusual(), Progress()
    pl.check_temperature(-5.0, 42.0, "t.tif", 2005, unusual)
    pl.check_temperature(-55.0, 44.5, "t.tif", 2006, unusual)
    pl.check_temperature(-5.0, 30.0, "t.tif", 2007, unusual)
    unusual.report(progress)
    assert len(progress.warnings) == 2
    assert "up to 44.5 deg C" in progress.warnings[0] and "in 2005, 2006" in progress.warnings[0]
    assert "down to -55 deg C" in progress.warnings[1] and "in 2006;" in progress.warnings[1]


def test_precipitation_and_npp_ranges():
    with pytest.raises(CarbonInputError, match=r"has 2500 mm in a month of 2001: above 2000 mm"):
        pl.check_precipitation(0.0, 2500.0, True, "p.tif", 2001)
    with pytest.raises(CarbonInputError, match=r"has 13000 mm in 2001: above 12000 mm"):
        pl.check_precipitation(0.0, 13000.0, False, "p.tif", 2001)
    pl.check_precipitation(0.0, 11000.0, False, "p.tif", 2001)  # annual total: fine
    with pytest.raises(CarbonInputError, match=r"the value -1 mm in 2001: precipitation is 0 mm or more"):
        pl.check_precipitation(-1.0, 10.0, True, "p.tif", 2001)
    with pytest.raises(CarbonInputError, match="Negative precipitation in the precipitation rasters for 2001: "
                                               "2 cells, lowest -9999 mm"):
        pl.negative_precipitation(np.array([1.0, -9999.0, -1.0]), 2001)
    unusual, progress = Unusual(), Progress()
    pl.check_precipitation(0.0, 1500.0, True, "p.tif", 2001, unusual)
    pl.check_npp(2400.0, 24000.0, 0.1, 32700.0, "npp.tif", 2001, unusual)
    unusual.report(progress)
    assert any("up to 1500 mm in a month" in w for w in progress.warnings)
    assert any("up to 2400 g C m-2 yr-1" in w for w in progress.warnings)
    with pytest.raises(CarbonInputError, match=r"gives 6500 g C m-2 yr-1 in 2010 \(stored value 6500 x NPP scale "
                                               r"factor 1, NPP valid maximum -\).*NPP_SCALE to 0.1 and "
                                               r"NPP_VALID_MAX to 32700"):
        pl.check_npp(6500.0, 6500.0, 1.0, None, "npp.tif", 2010)
    pl.check_npp(3000.0, 30000.0, 0.1, None, "npp.tif", 2010)  # the limit itself


def test_emission_statistics_class_codes_and_missing_years():
    with pytest.raises(CarbonInputError, match=r"negative value -5 \(year 2002, band 2\): emissions are 0 or more"):
        pl.check_emission(-5.0, layer(year=2002, band=2))
    pl.check_emission(0.0, layer())
    with pytest.raises(CarbonInputError, match=r"value -5 of region '乙', year 2001 is negative. Emissions are 0 or "
                                               r"more t per year"):
        pl.check_statistic(-5.0, "statistics", "乙", 2001)
    codes = np.array([[1.0, 2.6, np.nan], [12.37, 2.6, 21.0]], np.float32)
    with pytest.raises(CarbonInputError, match=r"not whole class codes in 2015 \(3 cells, e.g. 2.6, 12.37\)"):
        pl.check_class_codes(codes.astype(np.float64), "lu.tif", 2015)
    pl.check_class_codes(np.array([1.0, 21.0, np.nan]), "lu.tif", 2015)
    assert pl.missing_years([2001, 2003, 2005]) == [2002, 2004]
    assert pl.missing_years([2003, 2001, 2002]) == []


def test_carbon_guard_checks_stored_and_scaled_values():
    guard = pl.CarbonGuard("emission", [layer(year=2001, band=1), layer(year=2002, band=2)], nonnegative=True)
    guard(0, np.array([0.0, 5.0, np.nan]))
    with pytest.raises(CarbonInputError, match=r"holds the value -9999 \(year 2002, band 2"):
        guard(1, np.array([1.0, -9999.0]) * CO2, CO2)
    with pytest.raises(CarbonInputError, match=r"negative value -0.5 \(year 2001, band 1\)"):
        guard(0, np.array([1.0, -0.5]) * CO2, CO2)
    sink = pl.CarbonGuard("sink", [layer(path="s.tif")], nonnegative=False)
    sink(0, np.array([-120.0, 30.0]))  # a negative sink is an ecosystem source
    with pytest.raises(CarbonInputError, match=r"sink raster 's.tif' holds the value -3.40282e\+38"):
        sink(0, np.array([pl.FLOAT32_LOWEST, 30.0]))


# -------------------------------------------------------------- item 1: nepsink


def t_month_c(m):
    """Monthly mean temperature, deg C: 14 C mean, 2 C in January to 26 C in July."""
    return 14.0 + 12.0 * math.cos(2 * math.pi * (m - 7) / 12)


def climate(tmp_path, year, kelvin=False, p_mm=60.0, shape=(2, 3)):
    t = np.stack([np.full(shape, t_month_c(m) + (273.15 if kelvin else 0.0)) for m in range(1, 13)])
    p = np.full((12, *shape), p_mm)
    name = "t_kelvin" if kelvin else "t"
    return (write_raster(tmp_path / f"{name}.tif", t.astype(np.float32), descriptions=months(year)),
            write_raster(tmp_path / "p.tif", p.astype(np.float32), descriptions=months(year)))


def rh_year(p_mm=60.0):
    return sum(rh_hand(float(np.float32(t_month_c(m))), p_mm) for m in range(1, 13))


def test_nepsink_temperature_in_kelvin_is_an_error_saying_subtract_273(provider, tmp_path):
    npp = write_raster(tmp_path / "npp_2005.tif", np.full((2, 3), 600.0, np.float32))
    t_k, p = climate(tmp_path, 2005, kelvin=True)
    with pytest.raises(QgsProcessingException, match=r"temperature raster '.*t_kelvin.tif' has values from 275.15 to "
                                                     r"299.15 in 2005.*look like Kelvin: subtract 273.15"):
        run("nepsink", {"NPP": npp, "TEMPERATURE": t_k, "PRECIPITATION": p, "UNITS": 1,
                        "OUTPUT": str(tmp_path / "s.tif")})
    assert not (tmp_path / "s.tif").exists()
    # the fix: deg C gives NEP = 600 - sum of the 12 monthly Rh (~ 285 g C m-2) per 1 km2 cell
    t_c, _ = climate(tmp_path, 2005)
    run("nepsink", {"NPP": npp, "TEMPERATURE": t_c, "PRECIPITATION": p, "UNITS": 1, "OUTPUT": str(tmp_path / "s.tif")})
    expected = 600.0 - rh_year()
    assert 300 < expected < 330
    np.testing.assert_allclose(read_all(tmp_path / "s.tif")[0], expected, rtol=1e-6)


def test_nepsink_modis_digital_numbers_without_the_scale_are_an_error(provider, tmp_path):
    dn = np.array([[5000, 6500, 4000], [32767, 5500, 3000]], np.int16)  # fill 32767 declared, as MOD17A3HGF
    npp = write_raster(tmp_path / "MOD17A3HGF_NPP_2010.tif", dn, data_type=gdal.GDT_Int16, nodata=32767)
    t, p = climate(tmp_path, 2010)
    with pytest.raises(QgsProcessingException, match=r"gives 6500 g C m-2 yr-1 in 2010 \(stored value 6500 x NPP "
                                                     r"scale factor 1.*NPP_SCALE to 0.1 and NPP_VALID_MAX to 32700"):
        run("nepsink", {"NPP": npp, "TEMPERATURE": t, "PRECIPITATION": p, "UNITS": 1,
                        "OUTPUT": str(tmp_path / "s.tif")})
    run("nepsink", {"NPP": npp, "NPP_SCALE": 0.1, "TEMPERATURE": t, "PRECIPITATION": p, "UNITS": 1,
                    "OUTPUT": str(tmp_path / "s.tif")})
    sink = read_all(tmp_path / "s.tif")[0].astype(np.float64)
    land = dn != 32767
    # DN x 0.1 - Rh per cell: (500 + 650 + 400 + 550 + 300) - 5 Rh
    assert np.nansum(sink) == pytest.approx(2400.0 - 5 * rh_year(), rel=1e-6)
    assert np.isnan(sink[~land]).all()


def test_nepsink_uint16_npp_with_an_undeclared_65535_fill_is_an_error(provider, tmp_path):
    dn = np.array([[5000, 65535, 6000], [65535, 4000, 65535]], np.uint16)
    npp = write_raster(tmp_path / "npp_2012.tif", dn, data_type=gdal.GDT_UInt16)
    t, p = climate(tmp_path, 2012)
    params = {"NPP": npp, "NPP_SCALE": 0.1, "TEMPERATURE": t, "PRECIPITATION": p, "UNITS": 1,
              "OUTPUT": str(tmp_path / "s.tif")}
    with pytest.raises(QgsProcessingException, match=r"NPP raster '.*npp_2012.tif' holds the value 65535 \(year 2012, "
                                                     r"band 1, uint16\) and declares no nodata value"):
        run("nepsink", params)
    assert not (tmp_path / "s.tif").exists()
    # with the valid maximum the fill is nodata: only the 3 land cells count
    run("nepsink", {**params, "NPP_VALID_MAX": 32700})
    sink = read_all(tmp_path / "s.tif")[0].astype(np.float64)
    assert np.nansum(sink) == pytest.approx(1500.0 - 3 * rh_year(), rel=1e-6)
    assert np.isnan(sink[dn == 65535]).all()


def test_nepsink_undeclared_fill_in_the_temperature_and_wet_months(tmp_path):
    npp = write_raster(tmp_path / "npp_2001.tif", np.full((2, 3), 900.0, np.float32))
    t = np.stack([np.full((2, 3), t_month_c(m)) for m in range(1, 13)])
    t[:, 0, 0] = -9999.0
    _, p = climate(tmp_path, 2001)
    t_path = write_raster(tmp_path / "t_fill.tif", t.astype(np.float32), descriptions=months(2001))
    with pytest.raises(CarbonInputError, match=r"temperature raster '.*t_fill.tif' holds the value -9999 \(year 2001"):
        compute_nep_sink([npp], [t_path], [p], str(tmp_path / "s.tif"))
    # 1200 mm in a month is unusual but possible: a warning, and the sink is computed
    t_ok, p_wet = climate(tmp_path, 2001, p_mm=1200.0)
    progress = Progress()
    summary = compute_nep_sink([npp], [t_ok], [p_wet], str(tmp_path / "s.tif"), units="t C", progress=progress)
    assert any("up to 1200 mm in a month" in w and "2001" in w for w in progress.warnings)
    assert summary.total[2001] == pytest.approx(6 * (900.0 - rh_year(1200.0)), rel=1e-6)


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


def budget_rows(path) -> dict[str, dict]:
    layer_ = QgsVectorLayer(str(path), "b", "ogr")
    assert layer_.isValid()
    return {f["code"]: {n: f[n] for n in layer_.fields().names()} for f in layer_.getFeatures()}


def test_undeclared_minus_9999_in_an_emission_raster_is_an_error(provider, tmp_path, county_case):
    emission, regions, sink = county_case
    bad = write_raster(tmp_path / "emission.tif", emission, descriptions=["2001", "2002"])
    params = {"REGIONS": regions, "REGION_FIELD": "code", "EMISSIONS": bad, "SINKS": sink, "UNITS": 0}
    with pytest.raises(QgsProcessingException, match=r"emission raster '.*emission.tif' holds the value -9999 "
                                                     r"\(year 2001, band 1, float32\) and declares no nodata value"):
        run("zonalbudget", {**params, "OUTPUT": str(tmp_path / "budget.gpkg")})
    with pytest.raises(QgsProcessingException, match=r"holds the value -9999 \(year 2001, band 1"):
        run("gridbudget", {"EMISSIONS": bad, "SINKS": sink, "NET": str(tmp_path / "net.tif"),
                           "RATIO": str(tmp_path / "ratio.tif"), "STATE": str(tmp_path / "state.tif")})
    assert not (tmp_path / "net.tif").exists()
    # declared: the 4 cells are nodata; A = 4 valid cells x 10 t in 2001 (not 4 x 10 - 4 x 9999 = -39956)
    good = write_raster(tmp_path / "emission_nodata.tif", emission, descriptions=["2001", "2002"], nodata=-9999)
    feedback = Log()
    run("zonalbudget", {**params, "EMISSIONS": good, "OUTPUT": str(tmp_path / "budget.gpkg")}, feedback)
    rows = budget_rows(tmp_path / "budget.gpkg")
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
        run("zonalbudget", {"REGIONS": regions, "REGION_FIELD": "code", "EMISSIONS": bad, "SINKS": sink,
                            "OUTPUT": str(tmp_path / "budget.gpkg")})


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
    stats = tmp_path / "stats.csv"
    with open(stats, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("code", "year", "CO2_T"), ("A", 2001, 100), ("B", 2001, 50),
                                 ("A", 2003, 130), ("B", 2003, 70)])
    feedback = Log()
    run("gridemissions", {"REGIONS": regions, "REGION_FIELD": "code", "STATS": str(stats), "PROXY": proxy,
                          "OUTPUT": str(tmp_path / "e.tif")}, feedback)
    warning = next(w for w in feedback.warnings if "no value at all for the years" in w)
    assert "years 2002 (between 2001 and 2003)" in warning and "2 bands" in warning
    ds = gdal.Open(str(tmp_path / "e.tif"))
    assert [ds.GetRasterBand(b + 1).GetDescription() for b in range(ds.RasterCount)] == ["2001", "2003"]
    ds = None
    totals = read_all(tmp_path / "e.tif").astype(np.float64).sum(axis=(1, 2))
    np.testing.assert_allclose(totals, [150.0, 200.0], rtol=1e-6)  # each year's statistics, mass conserved
