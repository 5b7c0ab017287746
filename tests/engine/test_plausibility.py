"""Plausibility guards on physical inputs (issue 14, items 1, 3, 4 and 8; docs/DATA_CHECKS.md): the engine.

carbon_plugin/plausibility.py by hand values, and the NEP sink's guards called directly; the algorithms'
messages and the right numbers once the input is fixed: tests/qgis/test_plausibility_alg.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers.climate import CO2, months, rh_year, seasonal_climate, t_month_c
from helpers.rasters import write_raster

from carbon_budget.carbon_plugin import plausibility as pl
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.plausibility import LayerInfo, Unusual
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.sinks import NepOptions, SinkRasters, compute_nep_sink

# -------------------------------------------------------------- the module, by hand


def layer(dtype="float32", nodata=None, year=2001, band=1, path="e.tif"):
    return LayerInfo(year, path, band, dtype, nodata)


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


# -------------------------------------------------------------- item 1: the NEP sink's guards


def test_nepsink_undeclared_fill_in_the_temperature_and_wet_months(tmp_path):
    npp = write_raster(tmp_path / "npp_2001.tif", np.full((2, 3), 900.0, np.float32))
    t = np.stack([np.full((2, 3), t_month_c(m)) for m in range(1, 13)])
    t[:, 0, 0] = -9999.0
    _, p = seasonal_climate(tmp_path, 2001)
    t_path = write_raster(tmp_path / "t_fill.tif", t.astype(np.float32), descriptions=months([2001]))
    with pytest.raises(CarbonInputError, match=r"temperature raster '.*t_fill.tif' holds the value -9999 \(year 2001"):
        compute_nep_sink([npp], [t_path], [p], SinkRasters(str(tmp_path / "s.tif")))
    # 1200 mm in a month is unusual but possible: a warning, and the sink is computed
    t_ok, p_wet = seasonal_climate(tmp_path, 2001, p_mm=1200.0)
    progress = Progress()
    summary = compute_nep_sink([npp], [t_ok], [p_wet], SinkRasters(str(tmp_path / "s.tif")), NepOptions(units="t C"),
                               progress=progress)
    assert any("up to 1200 mm in a month" in w and "2001" in w for w in progress.warnings)
    assert summary.total[2001] == pytest.approx(6 * (900.0 - rh_year(1200.0)), rel=1e-6)
