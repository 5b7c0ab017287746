"""carbonbudget:rastertrend: per-cell Sen slope / Mann-Kendall equal pymannkendall per series (the trend
windows: tests/engine/test_balance.py)."""

from __future__ import annotations

import math

import numpy as np
import pymannkendall
import pytest
from helpers.qgisrun import run
from helpers.rasters import read_all, write_raster
from osgeo import gdal
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin import blockio
from carbon_budget.carbon_plugin.raster import open_raster

YEARS = list(range(2001, 2013))


def series_stack(rows: int = 9, cols: int = 7, seed: int = 11) -> np.ndarray:
    """(years, rows, cols): trends up, down, flat with ties, gaps (nodata) and too-short cells."""
    rng = np.random.default_rng(seed)
    t = np.arange(len(YEARS))[:, None, None]
    slope = rng.normal(0, 1, (1, rows, cols))
    stack = 10 + slope * t + rng.normal(0, 2, (len(YEARS), rows, cols))
    stack[:, 0, 0] = np.round(stack[:, 0, 0])  # rounding -> ties
    stack[:, 0, 1] = 3.0  # constant: slope 0, class 3
    stack[[2, 5, 6], 1, 1] = np.nan  # gaps
    stack[2:, 2, 2] = np.nan  # only 2 valid years -> nodata
    return stack.astype(np.float32)


def outputs(tmp_path):
    return {k: str(tmp_path / f"{k.lower()}.tif") for k in ("SLOPE", "Z", "P", "CLASS")}


def test_cells_equal_pymannkendall(provider, tmp_path):
    stack = series_stack()
    path = write_raster(tmp_path / "ts.tif", stack, descriptions=[str(y) for y in YEARS], nodata=float("nan"))
    result = run("rastertrend", {"INPUT": [path], "ALPHA": 0.05, **outputs(tmp_path)})
    assert result["YEARS_OUT"] == ",".join(map(str, YEARS))
    slope, z, p, cls = (read_all(result[k])[0] for k in ("SLOPE", "Z", "P", "CLASS"))
    for r, c in [(0, 0), (0, 1), (1, 1), (3, 4), (8, 6), (5, 2)]:
        series = stack[:, r, c].astype(np.float64)
        ref = pymannkendall.original_test(series[~np.isnan(series)])
        years = np.array(YEARS, dtype=float)[~np.isnan(series)]
        valid = series[~np.isnan(series)]
        pairs = [(valid[j] - valid[i]) / (years[j] - years[i]) for i in range(len(valid))
                 for j in range(i + 1, len(valid))]
        assert slope[r, c] == pytest.approx(np.median(pairs), rel=1e-6, abs=1e-6)
        assert z[r, c] == pytest.approx(ref.z, rel=1e-6, abs=1e-6)
        assert p[r, c] == pytest.approx(ref.p, rel=1e-6, abs=1e-7)
        expected = 3 if np.median(pairs) == 0 else (1 if ref.p < 0.05 else 2) if np.median(pairs) < 0 else (
            5 if ref.p < 0.05 else 4)
        assert cls[r, c] == expected
    assert cls[0, 1] == 3 and slope[0, 1] == 0.0
    assert math.isnan(slope[2, 2]) and math.isnan(p[2, 2]) and cls[2, 2] == 0
    ds = open_raster(result["CLASS"])
    assert ds.GetRasterBand(1).DataType == gdal.GDT_Byte and ds.GetRasterBand(1).GetNoDataValue() == 0
    assert result["SIGNIFICANT_CELLS"] == int(np.sum((cls == 1) | (cls == 5)))


def test_strips_give_the_same_result_and_yearly_files_work(provider, tmp_path, monkeypatch):
    stack = series_stack(rows=23, cols=5, seed=2)
    whole = tmp_path / "whole"
    whole.mkdir()
    path = write_raster(tmp_path / "ts.tif", stack, descriptions=[str(y) for y in YEARS], nodata=float("nan"))
    run("rastertrend", {"INPUT": [path], **outputs(whole)})
    # yearly files (years from names), and windows of 5 rows x 1 column
    yearly = [write_raster(tmp_path / f"npp_{y}.tif", stack[i], nodata=float("nan")) for i, y in enumerate(YEARS)]
    monkeypatch.setattr(blockio, "BUDGET_BYTES", 5 * 8 * len(YEARS))
    strips_dir = tmp_path / "strips"
    strips_dir.mkdir()
    run("rastertrend", {"INPUT": yearly[::-1], **outputs(strips_dir)})
    for name in ("slope", "z", "p", "class"):
        np.testing.assert_array_equal(read_all(strips_dir / f"{name}.tif"), read_all(whole / f"{name}.tif"))


def test_start_year_changes_slope_units(provider, tmp_path):
    stack = series_stack(rows=3, cols=3)
    path = write_raster(tmp_path / "ts.tif", stack, nodata=float("nan"))  # no band descriptions
    with pytest.raises(QgsProcessingException, match="START_YEAR"):
        run("rastertrend", {"INPUT": [path], **outputs(tmp_path)})
    result = run("rastertrend", {"INPUT": [path], "START_YEAR": 1990, "SLOPE": str(tmp_path / "s.tif"), "Z": None,
                                 "P": None, "CLASS": None})
    assert result["YEARS_OUT"].startswith("1990,1991")
    assert not (tmp_path / "z.tif").exists()


def test_fewer_than_three_years_is_an_error(provider, tmp_path):
    path = write_raster(tmp_path / "ts.tif", np.ones((2, 3, 3), np.float32), descriptions=["2001", "2002"])
    with pytest.raises(QgsProcessingException, match="at least 3 years"):
        run("rastertrend", {"INPUT": [path], **outputs(tmp_path)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ts.tif"]


def test_cancel_leaves_no_partial_output(provider, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    path = write_raster(tmp_path / "ts.tif", series_stack(), descriptions=[str(y) for y in YEARS])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("rastertrend", {"INPUT": [path], **outputs(tmp_path)}, feedback=feedback, context=QgsProcessingContext())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ts.tif"]


@pytest.mark.parametrize("data_type, nodata, exact", [
    (gdal.GDT_Float32, float("nan"), True), (gdal.GDT_Int16, -9999.0, True), (gdal.GDT_UInt16, 65535.0, True),
    (gdal.GDT_Float64, float("nan"), False), (gdal.GDT_Int32, -9999.0, False)])
def test_read_as_float32_only_when_that_changes_no_value(provider, tmp_path, monkeypatch, data_type, nodata, exact):
    """Bands float32 holds exactly are read as float32 (half the memory traffic); the outputs are
    those of the float64 read of the same values, byte for byte."""
    from carbon_budget.carbon_plugin import balance

    stack = np.round(series_stack(seed=5) * 10) + 200  # integers, so every band type holds them
    stack[np.isnan(stack)] = nodata
    dtypes = []
    kernel = balance.trend_cells
    monkeypatch.setattr(balance, "trend_cells", lambda block, x: dtypes.append(block.dtype) or kernel(block, x))
    path = write_raster(tmp_path / "ts.tif", stack, descriptions=[str(y) for y in YEARS], nodata=nodata,
                        data_type=data_type)
    run("rastertrend", {"INPUT": [path], **outputs(tmp_path)})
    assert set(dtypes) == {np.dtype(np.float32 if exact else np.float64)}
    double = tmp_path / "double"
    double.mkdir()
    float64 = write_raster(tmp_path / "ts64.tif", stack, descriptions=[str(y) for y in YEARS], nodata=nodata,
                           data_type=gdal.GDT_Float64)
    run("rastertrend", {"INPUT": [float64], **outputs(double)})
    for name in ("slope", "z", "p", "class"):
        np.testing.assert_array_equal(read_all(tmp_path / f"{name}.tif"), read_all(double / f"{name}.tif"))
