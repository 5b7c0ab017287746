"""nepsink on climate on the NPP grid: pixel- and band-interleaved files give bit-identical output.

The aligned climate path reads the 12 months of a year in one ``ReadAsArray`` call and, for a
pixel-interleaved file, works in windows of its tiles (issue 15): the values must be those of the
band-by-band read of whole-width strips, whatever the layout, block shape and nodata.
"""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, osr

from carbon_budget.carbon_plugin import blockio
from carbon_budget.carbon_plugin.raster import grid_of
from carbon_budget.carbon_plugin.sinks import SinkRasters, compute_nep_sink, open_climate

gdal.UseExceptions()

GT = (500000.0, 1000.0, 0.0, 3800000.0, 0.0, -1000.0)
YEARS = (2001, 2002, 2003)
ROWS, COLS = 37, 45
LAYOUTS = {
    "pixel": ["INTERLEAVE=PIXEL", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", "PREDICTOR=3"],
    "band": ["INTERLEAVE=BAND", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", "PREDICTOR=3"],
    "striped_pixel": ["INTERLEAVE=PIXEL"],
}


def _write(path, data, descriptions, options, nodata=None, dtype=gdal.GDT_Float32):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[2], data.shape[1], data.shape[0], dtype, options)
    ds.SetGeoTransform(GT)
    ds.SetProjection(srs.ExportToWkt())
    for b in range(data.shape[0]):
        band = ds.GetRasterBand(b + 1)
        if descriptions:
            band.SetDescription(descriptions[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(data[b])
    ds = None
    return str(path)


def _climate(seed, kind, nodata=None):
    rng = np.random.default_rng(seed)
    month = np.arange(12 * len(YEARS)) % 12 + 1
    season = -np.cos((month - 0.5) / 12 * 2 * np.pi)[:, None, None]
    if kind == "t":
        data = 14 + 13 * season + rng.normal(0, 2, (len(month), ROWS, COLS))
    else:
        data = np.maximum(0, 60 + 80 * season + rng.normal(0, 10, (len(month), ROWS, COLS)))
    data = data.astype(np.float32)
    data[:, :3, :4] = np.nan  # no climate in a corner
    if nodata is not None:
        data[2, 10:12, 10:20] = nodata
    return data


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("interleave")
    rng = np.random.default_rng(3)
    npp = (400 + 200 * rng.random((len(YEARS), ROWS, COLS))).astype(np.float32)
    npp[:, 20:25, 30:40] = np.nan
    npp_path = _write(folder / "npp.tif", npp, [str(y) for y in YEARS], ["TILED=YES", "BLOCKXSIZE=16",
                                                                           "BLOCKYSIZE=16"])
    months = [f"{y}-{m:02d}" for y in YEARS for m in range(1, 13)]
    t, p = _climate(1, "t", nodata=-999.0), _climate(2, "p")
    files = {}
    for layout, options in LAYOUTS.items():
        files[layout] = (_write(folder / f"t_{layout}.tif", t, months, options, nodata=-999.0),
                         _write(folder / f"p_{layout}.tif", p, months, options))
    return folder, npp_path, files


def _bands(path):
    ds = gdal.Open(path)
    return [ds.GetRasterBand(b + 1).ReadAsArray() for b in range(ds.RasterCount)]


def test_layouts_are_what_they_say(inputs):
    _, _, files = inputs
    for layout, (t, _) in files.items():
        ds = gdal.Open(t)
        assert ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == ("BAND" if layout == "band" else "PIXEL")


def test_aligned_read_equals_band_by_band_read(inputs):
    _, npp, files = inputs
    grid = grid_of(gdal.Open(npp))
    for layout, (t, _) in files.items():
        climate = open_climate([t], "monthly", grid, role="temperature")
        ds = gdal.Open(t)
        for year in YEARS:
            got = climate.read(year, 5, 20).copy()
            first = 12 * (year - YEARS[0]) + 1
            expected = np.stack([blockio.read_window(ds, b, blockio.Window(5, 20, 0, COLS))
                                 for b in range(first, first + 12)]).astype(np.float32)
            np.testing.assert_array_equal(got, expected, err_msg=layout)
            if year == YEARS[0]:
                assert np.isnan(got[2, 5:7, 10:20]).all()  # the -999 nodata of band 3 (rows 10-11)


@pytest.mark.parametrize("budget", [None, 40 * 1024])
def test_nep_sink_bit_identical_on_pixel_and_band_interleave(inputs, budget):
    folder, npp, files = inputs
    outputs = {}
    for layout, (t, p) in files.items():
        out = folder / f"sink_{layout}_{budget}.tif"
        rh = folder / f"rh_{layout}_{budget}.tif"
        summary = compute_nep_sink([npp], [t], [p], SinkRasters(str(out), str(rh)), budget_bytes=budget)
        assert summary.years == list(YEARS)
        outputs[layout] = (_bands(str(out)), _bands(str(rh)), summary.total)
    ref_sink, ref_rh, ref_total = outputs["band"]
    assert np.isfinite(ref_sink[0]).sum() > 0.8 * ROWS * COLS
    for layout, (sink, rh, total) in outputs.items():
        for a, b in zip(sink + rh, ref_sink + ref_rh):
            assert a.tobytes() == b.tobytes(), layout  # bit-identical, NaN included
        # the totals add the same cells in another order (tile windows for a pixel-interleaved file)
        assert total.keys() == ref_total.keys()
        for year in total:
            assert total[year] == pytest.approx(ref_total[year], rel=1e-12)


def test_int16_climate_with_nodata_reads_as_band_by_band(tmp_path):
    data = np.arange(12 * 6 * 7, dtype=np.int16).reshape(12, 6, 7) - 20
    data[4, 2, 3] = -32768
    path = _write(tmp_path / "t16.tif", data, [f"2001-{m:02d}" for m in range(1, 13)], ["INTERLEAVE=PIXEL"],
                  nodata=-32768, dtype=gdal.GDT_Int16)
    npp = _write(tmp_path / "n.tif", np.ones((1, 6, 7), np.float32), ["2001"], [])
    climate = open_climate([path], "monthly", grid_of(gdal.Open(npp)), role="temperature")
    got = climate.read(2001, 0, 6)
    expected = data.astype(np.float32)
    expected[4, 2, 3] = np.nan
    np.testing.assert_array_equal(got, expected)
