"""Engine tests for the one resampling path (blockio.StripWarper, through open_time_series and the NEP
sink's climate): a series opened on another grid equals GDAL's warp of the whole grid at once (gdal.Warp
to a MEM dataset, the oracle) whatever the strips, windows or parts it is read in; sum keeps the total."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.rasters import wkt_of, write_raster
from osgeo import gdal

from carbon_budget.carbon_plugin import blockio
from carbon_budget.carbon_plugin.blockio import StripWarper, Window
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.raster import Grid
from carbon_budget.carbon_plugin.timeseries import TimeSeries, open_time_series

gdal.UseExceptions()

UTM = wkt_of(32650)
NODATA = -9999.0
# a 1 km UTM source with a nodata patch, and a 0.01 degree geographic one around 117 E 34.2 N
UTM_SOURCE = (500_123.0, 1000.0, 0.0, 3_800_077.0, 0.0, -1000.0)
GEO_SOURCE = (116.6013, 0.01, 0.0, 34.4017, 0.0, -0.01)
# targets (UTM): coarser and offset, reaching past the source (rows and columns without data);
# finer across the CRS change; coarser across it (downsampling: the kernel scale matters)
COARSER = Grid((497_700.0, 2500.0, 0.0, 3_806_300.0, 0.0, -2500.0), 24, 23, UTM)
FINER_ACROSS = Grid((458_150.0, 700.0, 0.0, 3_809_350.0, 0.0, -700.0), 81, 70, UTM)
COARSER_ACROSS = Grid((457_150.0, 2300.0, 0.0, 3_809_350.0, 0.0, -2300.0), 23, 21, UTM)


def source(tmp_path, kind: str) -> str:
    rng = np.random.default_rng(7)
    data = rng.gamma(2.0, 10.0, (3, 40, 50)).astype(np.float32)
    if kind == "utm":
        data[:, 5:9, 11:20] = NODATA
        return write_raster(tmp_path / "utm.tif", data, UTM_SOURCE, nodata=NODATA)
    return write_raster(tmp_path / "geo.tif", data, GEO_SOURCE, 4326)


def whole_grid_warp(path: str, grid: Grid, resampling: str, data_type: int = gdal.GDT_Float64,
                    exact: bool = True) -> np.ndarray:
    """The oracle: gdal.Warp of the whole grid at once to a MEM dataset, NaN where no data."""
    ds = gdal.Open(path)
    warped = gdal.Warp("", ds, format="MEM", outputBounds=grid.bounds, width=grid.width, height=grid.height,
                       dstSRS=grid.crs_wkt, resampleAlg=resampling, outputType=data_type,
                       srcNodata=ds.GetRasterBand(1).GetNoDataValue(), dstNodata=float("nan"),
                       errorThreshold=0 if exact else None)
    return warped.ReadAsArray().reshape(ds.RasterCount, grid.height, grid.width)


def read_all(series: TimeSeries, windows: list[Window]) -> np.ndarray:
    out = np.full((len(series.layers), series.grid.height, series.grid.width), -1.0)
    for window in windows:
        rows = slice(window.row0, window.row0 + window.nrows)
        cols = slice(window.col0, window.col0 + window.ncols)
        for i in range(len(series.layers)):
            out[i, rows, cols] = series.read_window(i, window)
    return out


def plans(grid: Grid) -> dict[str, list[Window]]:
    """One strip; 1-row strips (a tiny budget); 7 x 9-cell windows (as zonal and trend plan them)."""
    return {
        "one strip": blockio.plan_strips(grid, 8, None),
        "1-row strips": blockio.plan_strips(grid, grid.width * 8, 1),
        "windows": [Window(r, min(7, grid.height - r), c, min(9, grid.width - c))
                    for r in range(0, grid.height, 7) for c in range(0, grid.width, 9)],
    }


CASES = {
    "sum, coarser": ("utm", COARSER, "sum"),
    "average, coarser": ("utm", COARSER, "average"),
    "cubic, coarser": ("utm", COARSER, "cubic"),
    "sum, CRS change": ("geo", FINER_ACROSS, "sum"),
    "average, CRS change": ("geo", FINER_ACROSS, "average"),
    "bilinear, CRS change": ("geo", FINER_ACROSS, "bilinear"),
    "nearest, CRS change": ("geo", FINER_ACROSS, "nearest"),
    "average, CRS change, coarser": ("geo", COARSER_ACROSS, "average"),
    "bilinear, CRS change, coarser": ("geo", COARSER_ACROSS, "bilinear"),
}


@pytest.mark.parametrize("case", CASES)
def test_series_on_another_grid_equals_a_warp_of_the_whole_grid(tmp_path, monkeypatch, case):
    kind, grid, resampling = CASES[case]
    path = source(tmp_path, kind)
    expected = whole_grid_warp(path, grid, resampling)
    assert np.isnan(expected).any() and np.isfinite(expected).any()
    series = open_time_series([path], start_year=2001, grid=grid, resampling=resampling)
    assert series.off_grid == {path} and series.warp_bands == 3
    # 1e-10: the transformation is computed per window, so the last digits of a float64 may differ
    tolerance = {"rtol": 1e-10, "atol": 1e-10 * np.nanmax(np.abs(expected))}
    for name, windows in plans(grid).items():
        np.testing.assert_allclose(read_all(series, windows), expected, **tolerance, err_msg=name)
    # a window whose source exceeds WARP_SOURCE_BYTES is warped in parts: the same values
    monkeypatch.setattr(blockio, "WARP_SOURCE_BYTES", 3 * 8 * 30)
    np.testing.assert_allclose(read_all(series, plans(grid)["one strip"]), expected, **tolerance, err_msg="parts")


@pytest.mark.parametrize("kind, grid", [("utm", COARSER), ("geo", FINER_ACROSS), ("geo", COARSER_ACROSS)],
                         ids=["same CRS", "CRS change, finer", "CRS change, coarser"])
def test_sum_resampling_keeps_the_total(tmp_path, kind, grid):
    # the grids reach past the source: every source cell falls in some cell of the grid
    path = source(tmp_path, kind)
    data = gdal.Open(path).ReadAsArray().astype(np.float64)
    totals = np.where(data == NODATA, 0.0, data).sum(axis=(1, 2))
    series = open_time_series([path], start_year=2001, grid=grid, resampling="sum")
    warped = read_all(series, blockio.plan_strips(grid, grid.width * 8, 1))
    np.testing.assert_allclose(np.nansum(warped, axis=(1, 2)), totals, rtol=1e-12)


def test_climate_warp_equals_gdal_default_warp_of_the_whole_grid(tmp_path):
    # the NEP sink's climate: float32, GDAL's approximate transformation (as gdal.Warp by default);
    # strips of the whole width give the whole grid's values
    path = source(tmp_path, "geo")
    expected = whole_grid_warp(path, FINER_ACROSS, "bilinear", gdal.GDT_Float32, exact=False)
    warper = StripWarper(FINER_ACROSS, "bilinear", exact=False)
    strips = []
    for window in plans(FINER_ACROSS)["1-row strips"] + plans(FINER_ACROSS)["one strip"]:
        out = np.empty((3, window.nrows, window.ncols), np.float32)
        strips.append(warper.read(gdal.Open(path), [1, 2, 3], window, out))
    got = np.concatenate(strips, axis=1)
    np.testing.assert_array_equal(got[:, :FINER_ACROSS.height], expected)
    np.testing.assert_array_equal(got[:, FINER_ACROSS.height:], expected)


def test_reads_are_fresh_arrays_and_unknown_resampling_is_refused(tmp_path):
    path = source(tmp_path, "utm")
    series = open_time_series([path], start_year=2001, grid=COARSER, resampling="average")
    window = Window(3, 4, 0, COARSER.width)
    first = series.read_window(1, window)
    first[:] = -1  # the warped bands of the window are kept for the next reads, not handed out
    expected = whole_grid_warp(path, COARSER, "average")[1, 3:7]
    np.testing.assert_allclose(series.read_window(1, window), expected, rtol=1e-10)
    with pytest.raises(CarbonInputError, match="Unknown resampling 'lanczos'"):
        open_time_series([path], start_year=2001, grid=COARSER, resampling="lanczos")


@pytest.mark.parametrize("resampling", ["bilinear", "average", "sum"])
@pytest.mark.parametrize("bad", [np.finfo(np.float32).max, np.inf], ids=["no sink", "inf"])
def test_cells_without_data_by_the_nodata_rule_stay_out_of_a_warp(tmp_path, resampling, bad):
    """A cell the one nodata rule calls no data (+-inf, float32's largest: gridbudget's 'no sink'
    ratio) without a declared nodata is left out of its neighbours' values, as NaN is: no
    resampled cell takes a value of order 1e37 (before: 4 of them did with bilinear)."""
    data = np.ones((1, 8, 8), np.float32)
    data[0, 3, 4] = bad
    path = write_raster(tmp_path / "ratio.tif", data, (500_000.0, 1000.0, 0.0, 3_808_000.0, 0.0, -1000.0))
    shifted = Grid((500_500.0, 1000.0, 0.0, 3_807_500.0, 0.0, -1000.0), 7, 7, UTM)
    values = open_time_series([path], start_year=2001, grid=shifted, resampling=resampling).read_window(
        0, Window(0, 7, 0, 7))
    finite = values[np.isfinite(values)]
    assert finite.size and finite.max() <= (4.0 if resampling == "sum" else 1.0)
    nan_oracle = data.copy()
    nan_oracle[0, 3, 4] = np.nan  # the same raster with NaN there: the values GDAL gives around a gap
    oracle_path = write_raster(tmp_path / "nan.tif", nan_oracle, (500_000.0, 1000.0, 0.0, 3_808_000.0, 0.0, -1000.0),
                               nodata=float("nan"))
    expected = open_time_series([oracle_path], start_year=2001, grid=shifted, resampling=resampling).read_window(
        0, Window(0, 7, 0, 7))
    np.testing.assert_array_equal(values, expected)
