"""carbonbudget:gridbudget: net, ratio and state per cell against hand values."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.qgisrun import run
from helpers.rasters import read_all, write_raster
from osgeo import gdal
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin.raster import grid_of, open_raster
from carbon_budget.carbon_plugin.timeseries import band_years


def outputs(tmp_path) -> dict[str, str]:
    return {k: str(tmp_path / f"{k}.tif") for k in ("NET", "RATIO", "STATE")}


def set_units(path: str, units: str) -> None:
    """Declare a raster's CARBON_UNITS metadata, as the plugin's carbon outputs do."""
    ds = gdal.Open(path, gdal.GA_Update)
    ds.SetMetadataItem("CARBON_UNITS", units)
    ds = None


def test_hand_case_net_ratio_state(provider, tmp_path):
    # one year, 2 x 3 cells; E and S in t CO2 per cell
    e = np.array([[10.0, 10.0, 10.0], [10.0, 0.0, np.nan]])
    s = np.array([[20.0, 5.0, 2.0], [0.0, 0.0, 1.0]])
    # ratio E/S:     0.5    2.0   5.0 | S<=0 -> no sink (float32 max), no flux -> NaN, E missing -> NaN
    # state:         1      2     4   | 5 (S<=0, E>0), 0 (no flux), 0 (missing)
    emission = write_raster(tmp_path / "e.tif", e[None], descriptions=["2005"])
    sink = write_raster(tmp_path / "s.tif", s[None], descriptions=["2005"])
    out = outputs(tmp_path)
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], **out})
    np.testing.assert_allclose(read_all(out["NET"])[0], [[-10, 5, 8], [10, 0, np.nan]])
    np.testing.assert_allclose(read_all(out["RATIO"])[0], [[0.5, 2, 5], [np.finfo(np.float32).max, np.nan, np.nan]])
    assert read_all(out["STATE"])[0].tolist() == [[1, 2, 4], [5, 0, 0]]
    state = open_raster(out["STATE"])
    assert state.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert state.GetMetadataItem("CARBON_QUANTITY") == "state"
    assert band_years(state) == [2005]


def test_sink_on_another_grid_is_summed_and_units_converted(provider, tmp_path):
    # emission on 1 km in t CO2; sink on 2 km in t C (metadata), 2 years with one year only in the sink
    e = np.ones((2, 4, 4))
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2001", "2002"])
    set_units(emission, "t CO2 / cell / yr")
    s = np.full((3, 2, 2), 12.0)  # 12 t C per 2 km cell = 44 t CO2 = 11 t CO2 per 1 km cell
    sink = write_raster(tmp_path / "s.tif", s, descriptions=["2001", "2002", "2003"],
                        geotransform=(500000.0, 2000.0, 0.0, 3800000.0, 0.0, -2000.0))
    set_units(sink, "t C / cell / yr")
    net = str(tmp_path / "net.tif")
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "NET": net, "RATIO": None, "STATE": None})
    assert band_years(open_raster(net)) == [2001, 2002]
    assert grid_of(open_raster(net)).matches(grid_of(open_raster(emission)))
    np.testing.assert_allclose(read_all(net), 1.0 - 11.0, rtol=1e-6)
    assert not (tmp_path / "ratio.tif").exists()


def test_years_that_do_not_overlap_are_an_error_and_leave_nothing(provider, tmp_path):
    emission = write_raster(tmp_path / "e.tif", np.ones((1, 2, 2)), descriptions=["2001"])
    sink = write_raster(tmp_path / "s.tif", np.ones((1, 2, 2)), descriptions=["2010"])
    out = outputs(tmp_path)
    with pytest.raises(QgsProcessingException, match="do not overlap"):
        run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], **out})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.tif", "s.tif"]


def test_cancel_leaves_no_partial_output(provider, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    emission = write_raster(tmp_path / "e.tif", np.ones((3, 8, 8)), descriptions=["2001", "2002", "2003"])
    sink = write_raster(tmp_path / "s.tif", np.ones((3, 8, 8)), descriptions=["2001", "2002", "2003"])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = outputs(tmp_path)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], **out}, feedback=feedback,
            context=QgsProcessingContext())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.tif", "s.tif"]


def test_undeclared_fill_in_t_c_read_as_t_co2_is_still_named(provider, tmp_path):
    # emission in t C (metadata) converted to t CO2 on read: the -9999 fill is found before scaling
    e = np.ones((1, 2, 3), np.float32)
    e[0, 1, 2] = -9999.0
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2005"])
    set_units(emission, "t C / cell / yr")
    sink = write_raster(tmp_path / "s.tif", np.full((1, 2, 3), 2.0, np.float32), descriptions=["2005"])
    out = outputs(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"emission raster '.*e.tif' holds the value -9999 \(year 2005, "
                                                     r"band 1, float32\) and declares no nodata value"):
        run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], **out})
    assert not any((tmp_path / f"{k}.tif").exists() for k in out)
    # declared: that cell is nodata; elsewhere net = 1 t C x 44/12 - 2 t CO2
    ds = gdal.Open(emission, gdal.GA_Update)
    ds.GetRasterBand(1).SetNoDataValue(-9999.0)
    ds = None
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], **out})
    net = read_all(out["NET"])[0]
    assert np.isnan(net[1, 2])
    np.testing.assert_allclose(net[np.isfinite(net)], 44 / 12 - 2.0, rtol=1e-6)
