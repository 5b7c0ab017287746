"""carbonbudget:nepsink through processing.run: pixel- and band-interleaved climate on the NPP
grid give bit-identical sinks (issue 15; the engine cases are in tests/engine/test_climate_interleave.py)."""

from __future__ import annotations

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()

GT = (500000.0, 1000.0, 0.0, 3800000.0, 0.0, -1000.0)


def _write(path, data, descriptions, options):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[2], data.shape[1], data.shape[0],
                                              gdal.GDT_Float32, options)
    ds.SetGeoTransform(GT)
    ds.SetProjection(srs.ExportToWkt())
    for b in range(data.shape[0]):
        ds.GetRasterBand(b + 1).SetDescription(descriptions[b])
        ds.GetRasterBand(b + 1).SetNoDataValue(float("nan"))
        ds.GetRasterBand(b + 1).WriteArray(data[b])
    ds = None
    return str(path)


def test_nepsink_pixel_and_band_interleaved_climate_identical(provider, tmp_path):
    import processing

    rng = np.random.default_rng(15)
    rows, cols, years = 30, 40, (2001, 2002)
    months = [f"{y}-{m:02d}" for y in years for m in range(1, 13)]
    npp = _write(tmp_path / "npp.tif", (300 + 300 * rng.random((2, rows, cols))).astype(np.float32),
                 [str(y) for y in years], ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
    t = (10 + 10 * rng.standard_normal((24, rows, cols))).astype(np.float32)
    p = (80 * rng.random((24, rows, cols))).astype(np.float32)
    t[:, :2, :2] = np.nan
    sinks = {}
    for layout in ("PIXEL", "BAND"):
        options = [f"INTERLEAVE={layout}", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE"]
        out = tmp_path / f"sink_{layout}.tif"
        result = processing.run("carbonbudget:nepsink", {
            "NPP": [npp],
            "TEMPERATURE": _write(tmp_path / f"t_{layout}.tif", t, months, options),
            "PRECIPITATION": _write(tmp_path / f"p_{layout}.tif", p, months, options),
            "OUTPUT": str(out),
        })
        assert result["YEARS_OUT"] == "2001,2002"
        sinks[layout] = gdal.Open(str(out)).ReadAsArray()
    assert np.isfinite(sinks["BAND"]).sum() > 0.9 * sinks["BAND"].size
    assert sinks["PIXEL"].tobytes() == sinks["BAND"].tobytes()
