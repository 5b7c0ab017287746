"""The engine's raster core: time-series writer/reader, years, cell areas, units."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
from helpers.rasters import wkt_of, write_raster
from osgeo import gdal, osr

from carbon_budget.carbon_plugin import blockio, units
from carbon_budget.carbon_plugin.cellarea import row_cell_areas_m2
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.raster import Grid, grid_of, open_raster
from carbon_budget.carbon_plugin.timeseries import (
    TimeSeriesWriter,
    band_years,
    open_time_series,
    year_in_text,
)

GT = (500000.0, 1000.0, 0.0, 3800000.0, 0.0, -1000.0)


def utm_grid(width=7, height=5) -> Grid:
    return Grid(GT, width, height, wkt_of(32650))


def test_writer_round_trip_keeps_values_years_metadata_crs_nodata(tmp_path):
    grid = utm_grid()
    rng = np.random.default_rng(1)
    values = rng.random((3, 5, 7)).astype(np.float32)
    values[1, 2, 3] = np.nan
    path = tmp_path / "emission.tif"
    with TimeSeriesWriter(str(path), grid, [2003, 2004, 2005], "emission", "t CO2 / cell / yr") as out:
        for i in range(3):
            out.write(i, 0, values[i, :2])
            out.write(i, 2, values[i, 2:])
    ds = open_raster(str(path))
    assert band_years(ds) == [2003, 2004, 2005]
    assert ds.GetMetadataItem("CARBON_QUANTITY") == "emission"
    assert ds.GetMetadataItem("CARBON_UNITS") == "t CO2 / cell / yr"
    assert grid_of(ds).matches(grid)
    band = ds.GetRasterBand(2)
    assert math.isnan(band.GetNoDataValue())
    assert band.DataType == gdal.GDT_Float32
    structure = ds.GetMetadata("IMAGE_STRUCTURE")
    assert structure["COMPRESSION"] == "DEFLATE"
    assert structure["INTERLEAVE"] == "BAND"
    assert band.GetBlockSize() == [256, 256]
    assert path.stat().st_mode & 0o644 == 0o644  # readable by others like any file the user saves
    series = open_time_series([str(path)])
    assert series.years == [2003, 2004, 2005]
    got = np.stack([series.read(i, 0, 5) for i in range(3)])
    np.testing.assert_array_equal(np.isnan(got), np.isnan(values))
    np.testing.assert_array_equal(got[~np.isnan(got)], values[~np.isnan(values)])


def test_writer_leaves_nothing_on_error_and_keeps_existing_file(tmp_path):
    path = tmp_path / "out.tif"
    path.write_bytes(b"previous result")
    with pytest.raises(RuntimeError), TimeSeriesWriter(str(path), utm_grid(), [2001]) as out:
        out.write(0, 0, np.zeros((5, 7), np.float32))
        raise RuntimeError("simulated failure")
    assert path.read_bytes() == b"previous result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tif"]


def test_years_from_start_year_and_clear_error_without(tmp_path):
    path = write_raster(tmp_path / "x.tif", np.zeros((3, 2, 2)), descriptions=["a", "b", "c"])
    ds = open_raster(path)
    assert band_years(ds, start_year=2010) == [2010, 2011, 2012]
    with pytest.raises(CarbonInputError, match="START_YEAR"):
        band_years(ds)


def test_raster_without_crs_is_refused(tmp_path):
    path = write_raster(tmp_path / "nocrs_2001.tif", np.zeros((2, 2)), epsg=None)
    with pytest.raises(CarbonInputError, match="no coordinate reference system"):
        open_time_series([path])


@pytest.mark.parametrize(("scale", "offset", "warned"),
                         [(0.0001, None, True), (None, -273.15, True), (1.0, 0.0, False), (None, None, False)])
def test_a_band_declaring_scale_or_offset_is_named_in_a_warning(tmp_path, scale, offset, warned):
    """Values are read as stored: a MODIS-style band with a 0.0001 scale is said to be read unscaled."""
    path = write_raster(tmp_path / "npp_2001.tif", np.full((2, 2, 2), 5000.0), data_type=gdal.GDT_Int16)
    ds = gdal.Open(path, gdal.GA_Update)
    band = ds.GetRasterBand(2)
    if scale is not None:
        band.SetScale(scale)
    if offset is not None:
        band.SetOffset(offset)
    ds = None
    progress = Progress()
    series = open_time_series([path], start_year=2001, role="npp", progress=progress)
    assert blockio.read_window(series.datasets[path], 2, blockio.Window(0, 2, 0, 2))[0, 0] == 5000.0  # as stored
    scaled = [w for w in progress.warnings if "declares a scale" in w]
    assert len(scaled) == (1 if warned else 0)
    if warned:
        assert scaled[0].startswith("Band 2 of the npp raster") and f"{1.0 if scale is None else scale:g}" in scaled[0]


@pytest.mark.parametrize(
    ("name", "year"),
    [("MOD17A3HGF_NPP_2001.tif", 2001), ("ntl_2013_v4.tif", 2013), ("2020.tif", 2020),
     ("npp.tif", None), ("a2001001.tif", None), ("change_2001_2005.tif", None)],
)
def test_year_in_file_name(name, year):
    assert year_in_text(name) == year


def test_missing_years_are_reported(tmp_path):
    paths = [write_raster(tmp_path / f"v_{y}.tif", np.zeros((2, 2))) for y in (2001, 2002, 2005)]
    progress = Progress()
    series = open_time_series(paths, progress=progress)
    assert series.years == [2001, 2002, 2005]
    assert any("2003, 2004" in w for w in progress.warnings)


def _geodesic_area_laea(lat_top: float, lon_left: float, size_deg: float) -> float:
    """Independent check: the cell densified and projected to an ellipsoidal equal-area CRS."""
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    dst.ImportFromProj4(f"+proj=laea +lat_0={lat_top} +lon_0={lon_left} +ellps=WGS84 +units=m")
    transform = osr.CoordinateTransformation(src, dst)
    n = 200
    lon = np.concatenate([np.linspace(0, 1, n), np.ones(n), np.linspace(1, 0, n), np.zeros(n)])
    lat = np.concatenate([np.zeros(n), np.linspace(0, 1, n), np.ones(n), np.linspace(1, 0, n)])
    pts = transform.TransformPoints(list(zip(lon_left + lon * size_deg, lat_top - lat * size_deg)))
    x, y = np.array(pts)[:, 0], np.array(pts)[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))


@pytest.mark.parametrize("lat", [0.0, 35.0, 60.0])
def test_geodesic_cell_area_matches_an_equal_area_projection(lat):
    size = 0.01
    grid = Grid((112.0, size, 0.0, lat + size, 0.0, -size), 3, 3, wkt_of(4326))
    ours = row_cell_areas_m2(grid)[0]
    laea = _geodesic_area_laea(lat + size, 112.0, size)
    assert ours == pytest.approx(laea, rel=1e-6)


def test_projected_cell_area_is_pixel_size():
    assert row_cell_areas_m2(utm_grid()).tolist() == [1e6] * 5


def test_units_conversion():
    assert units.convert(12.0, units.T_C, units.T_CO2) == pytest.approx(44.0)
    assert units.convert(44.0, units.T_CO2, units.T_C) == pytest.approx(12.0)
    with pytest.raises(CarbonInputError):
        units.check_units("kg")


def test_engine_imports_without_qgis(tmp_path, plugins_dir):
    """The engine must work where qgis cannot be imported (e.g. a dask worker)."""
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\n"
        "class _Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'qgis' or name.startswith('qgis.') or name.startswith('PyQt'):\n"
        "            raise ImportError('qgis is blocked in this test')\n"
        "sys.meta_path.insert(0, _Block())\n"
    )
    code = (
        "import numpy as np\n"
        "import carbon_budget.carbon_plugin as engine\n"
        "from carbon_budget.carbon_plugin import timeseries, raster, cellarea, units, progress\n"
        "try:\n"
        "    import qgis.core\n"
        "    raise SystemExit('qgis was importable')\n"
        "except ImportError:\n"
        "    pass\n"
        f"g = raster.Grid((0.0, 1.0, 0.0, 1.0, 0.0, -1.0), 2, 1, {wkt_of(4326)!r})\n"
        "print(round(float(cellarea.row_cell_areas_m2(g)[0]) / 1e9, 1))\n"
    )
    env = {"PYTHONPATH": f"{blocker}:{plugins_dir}", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "12.3"  # a 1 x 1 degree cell at the equator is about 12 309 km2


def test_stack_options_are_checked_when_made():
    """Checked once, when made (the stage contract), even if no input is off the grid."""
    from carbon_budget.carbon_plugin.errors import CarbonInputError
    from carbon_budget.carbon_plugin.timeseries import StackOptions

    assert StackOptions(resampling="none", quantity="sink").quantity == "sink"
    with pytest.raises(CarbonInputError, match="Unknown resampling 'lanczos'"):
        StackOptions(resampling="lanczos")
    with pytest.raises(CarbonInputError, match="Unknown quantity 'carbon'"):
        StackOptions(quantity="carbon")


def _invalid_by_definition(values: np.ndarray, nodata: float | None) -> np.ndarray:
    """The nodata rule written out mask by mask (NaN, +-inf, >= float32's largest, == nodata)."""
    mask = ~np.isfinite(values) | (values >= blockio.FLOAT32_MAX)
    if nodata is not None and math.isfinite(nodata):
        mask |= values == nodata
    return mask


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_invalid_cells_equals_the_rule_mask_by_mask(dtype):
    """invalid_cells skips its masks when two reductions show a block is clean: never wrongly."""
    rng = np.random.default_rng(3)
    specials = [np.nan, np.inf, -np.inf, blockio.FLOAT32_MAX, -9999.0, 0.1, -blockio.FLOAT32_MAX]
    checked = 0
    for trial in range(400):
        values = (rng.random((7, 9)) * 200 - 100).astype(dtype)
        for _ in range(rng.integers(0, 3)):  # 0-2 special values, often none
            values.flat[rng.integers(values.size)] = rng.choice(specials)
        if trial % 5 == 0:
            values[:] = dtype(0.1)  # all cells hold the float's 0.1: equal to nodata 0.1 in its own type
        for nodata in (None, float("nan"), -9999.0, 0.1, float(values.flat[0])):
            expected = _invalid_by_definition(values, nodata)
            got = blockio.invalid_cells(values, nodata)
            if got is None:
                assert not expected.any(), (trial, nodata)
            else:
                np.testing.assert_array_equal(got, expected)
            checked += expected.any()
    assert checked > 500  # both outcomes were exercised
    assert blockio.invalid_cells(np.zeros((0, 4), dtype), -9999.0) is None


@pytest.mark.parametrize("driver, suffix", [("GTiff", "tif"), ("HFA", "img"), ("ENVI", "dat")])
@pytest.mark.parametrize("nodata", [-3.4e38, 1e-20, -9999.99, 0.1, -9999.0])
def test_nodata_of_a_float32_band_is_found_whatever_type_the_cells_are_read_in(tmp_path, driver, suffix, nodata):
    """A Float32 band's declared nodata is compared as its cells hold it (rounded to float32), as GDAL's
    mask does: ERDAS .img and ENVI keep -3.4e38 or 1e-20 as a double, which no float32 cell equals."""
    path = str(tmp_path / f"nd.{suffix}")
    ds = gdal.GetDriverByName(driver).Create(path, 4, 3, 1, gdal.GDT_Float32)
    ds.SetGeoTransform(GT)
    ds.SetProjection(wkt_of(32650))
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    cells = np.arange(12, dtype=np.float32).reshape(3, 4) + 1
    cells[0, 1] = cells[2, 3] = np.float32(nodata)
    band.WriteArray(cells)
    ds = None
    ds = gdal.Open(path)
    expected = ds.GetRasterBand(1).GetMaskBand().ReadAsArray() == 0  # GDAL's own answer
    assert expected.sum() == 2
    window = blockio.Window(0, 3, 0, 4)
    for dtype in (np.float64, np.float32):
        np.testing.assert_array_equal(np.isnan(blockio.read_window(ds, 1, window, dtype=dtype)), expected)
    [(_stored, invalid)] = list(blockio.read_stored(ds, [1], window))
    np.testing.assert_array_equal(invalid, expected)
