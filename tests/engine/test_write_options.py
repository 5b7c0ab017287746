"""The writer's compression settings (threads, level, ZSTD) and the algorithms' GDAL cache cap."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.rasters import wkt_of
from osgeo import gdal

from carbon_budget.carbon_plugin import blockio, timeseries
from carbon_budget.carbon_plugin.raster import Grid
from carbon_budget.carbon_plugin.timeseries import TimeSeriesWriter, compression_options

GRID = Grid((500000.0, 1000.0, 0.0, 3800000.0, 0.0, -1000.0), 300, 260, wkt_of(32650))


def _values(seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = (rng.random((3, GRID.height, GRID.width)) * 100).astype(np.float32)
    values[:, :10, :10] = np.nan
    return values


def _write(path, values, data_type=gdal.GDT_Float32) -> None:
    with TimeSeriesWriter(str(path), GRID, [2001, 2002, 2003], "emission", "t", data_type=data_type) as out:
        for i in range(values.shape[0]):
            for row0 in range(0, GRID.height, 100):  # strips: several tiles per write
                out.write(i, row0, values[i, row0:row0 + 100])


def _compression(path) -> str:
    return gdal.Open(str(path)).GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE")


def test_default_options_are_deflate_with_predictor_level_and_threads(monkeypatch):
    for name in ("CARBON_COMPRESS", "CARBON_ZLEVEL", "CARBON_WRITE_THREADS"):
        monkeypatch.delenv(name, raising=False)
    assert compression_options(gdal.GDT_Float32) == [
        "COMPRESS=DEFLATE", "PREDICTOR=3", f"ZLEVEL={timeseries.ZLEVEL}", f"NUM_THREADS={timeseries.WRITE_THREADS}"]
    assert compression_options(gdal.GDT_Byte)[:2] == ["COMPRESS=DEFLATE", "PREDICTOR=2"]
    monkeypatch.setenv("CARBON_ZLEVEL", "")
    monkeypatch.setenv("CARBON_WRITE_THREADS", "")
    assert compression_options() == ["COMPRESS=DEFLATE", "PREDICTOR=3"]  # GDAL's level, one thread
    monkeypatch.setenv("CARBON_COMPRESS", "LZMA-not-offered")
    assert compression_options()[0] == "COMPRESS=DEFLATE"


@pytest.mark.parametrize("setting", [
    {"CARBON_ZLEVEL": "", "CARBON_WRITE_THREADS": ""},  # the former writer: level 6, one thread
    {},  # the default: level 1, all CPUs
    {"CARBON_ZLEVEL": "9", "CARBON_WRITE_THREADS": "2"},
])
def test_threaded_deflate_writes_identical_values(tmp_path, monkeypatch, setting):
    for name, value in setting.items():
        monkeypatch.setenv(name, value)
    values = _values()
    path = tmp_path / "out.tif"
    _write(path, values)
    ds = gdal.Open(str(path))
    assert _compression(path) == "DEFLATE"
    assert ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "BAND"
    assert ds.GetRasterBand(1).GetBlockSize() == [256, 256]
    np.testing.assert_array_equal(ds.ReadAsArray(), values)  # NaN equal to NaN
    assert [ds.GetRasterBand(i + 1).GetDescription() for i in range(3)] == ["2001", "2002", "2003"]


def test_zstd_option(tmp_path, monkeypatch):
    if "ZSTD" not in (gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""):
        pytest.skip("GDAL built without ZSTD")
    monkeypatch.setattr(timeseries, "COMPRESSION", "ZSTD")
    values = _values(2)
    path = tmp_path / "zstd.tif"
    _write(path, values)
    assert _compression(path) == "ZSTD"
    np.testing.assert_array_equal(gdal.Open(str(path)).ReadAsArray(), values)
    classes = np.arange(GRID.height * GRID.width * 3, dtype=np.int64).reshape(3, GRID.height, GRID.width) % 5 + 1
    _write(tmp_path / "classes.tif", classes.astype(np.uint8), gdal.GDT_Byte)
    np.testing.assert_array_equal(gdal.Open(str(tmp_path / "classes.tif")).ReadAsArray(), classes)


def test_failed_threaded_write_leaves_nothing(tmp_path):
    path = tmp_path / "out.tif"
    with pytest.raises(RuntimeError), TimeSeriesWriter(str(path), GRID, [2001]) as out:
        out.write(0, 0, _values()[0, :100])
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_capped_cache_caps_and_restores(monkeypatch):
    before = gdal.GetCacheMax()
    monkeypatch.setattr(blockio, "CACHE_MB", 64)
    monkeypatch.delenv("CARBON_GDAL_CACHEMAX", raising=False)
    with blockio.capped_cache():
        assert gdal.GetCacheMax() == min(before, 64 * 1024 * 1024)
        with blockio.capped_cache():  # nested (a model's child algorithms): one cap
            assert gdal.GetCacheMax() == min(before, 64 * 1024 * 1024)
        assert gdal.GetCacheMax() == min(before, 64 * 1024 * 1024)
    assert gdal.GetCacheMax() == before
    with pytest.raises(ValueError), blockio.capped_cache():
        raise ValueError("restored on errors too")
    assert gdal.GetCacheMax() == before


def test_capped_cache_configurable(monkeypatch):
    before = gdal.GetCacheMax()
    monkeypatch.setenv("CARBON_GDAL_CACHEMAX", "0")  # off: GDAL's own setting
    with blockio.capped_cache():
        assert gdal.GetCacheMax() == before
    monkeypatch.setenv("CARBON_GDAL_CACHEMAX", "32")
    assert blockio.cache_cap_bytes() == 32 * 1024 * 1024
    with blockio.capped_cache():
        assert gdal.GetCacheMax() == min(before, 32 * 1024 * 1024)
    assert gdal.GetCacheMax() == before
