"""Zonal sums in one streaming pass: exactextract as the oracle, nodata, several series, CRS, cancel."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from helpers.rasters import wkt_of
from osgeo import gdal, ogr, osr
from test_coverage import assert_close, jittered_tiles, oracle, polygon

from carbon_budget.carbon_plugin import blockio, zonal
from carbon_budget.carbon_plugin.cellarea import row_cell_areas_m2
from carbon_budget.carbon_plugin.coverage import exact_coverage
from carbon_budget.carbon_plugin.errors import Cancelled, CarbonInputError
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.raster import Grid
from carbon_budget.carbon_plugin.timeseries import open_time_series
from carbon_budget.carbon_plugin.zonal import ZonalSums, plan_blocks, zonal_sums

gdal.UseExceptions()

UTM = wkt_of(32650)
X0, Y0, PX, PY = 500_000.3, 3_800_000.7, 30.0, 20.0
WIDTH, HEIGHT = 24, 18
GT = (X0, PX, 0.0, Y0, 0.0, -PY)
YEARS = [2001, 2002, 2003]


def series_file(tmp_path, name: str, seed: int = 0, nodata=None, data_type=gdal.GDT_Float32, years=YEARS):
    """A small tiled (16 x 16), pixel-interleaved, DEFLATE time-series GeoTIFF with gaps."""
    rng = np.random.default_rng(seed)
    data = (0.5 + rng.random((len(years), HEIGHT, WIDTH))).astype(np.float32)
    if data_type != gdal.GDT_Float32:
        data = np.round(data * 100)
    gap = np.nan if nodata is None else nodata
    gaps = rng.random((HEIGHT, WIDTH)) < 0.1
    gaps[8, 6] = False
    data[:, gaps] = gap
    data[-1, 8, 6] = gap  # the last year has one more gap, in the last region
    path = str(tmp_path / f"{name}.tif")
    options = ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE"]
    ds = gdal.GetDriverByName("GTiff").Create(path, WIDTH, HEIGHT, len(years), data_type, options)
    ds.SetGeoTransform(GT)
    ds.SetProjection(UTM)
    for i, year in enumerate(years):
        band = ds.GetRasterBand(i + 1)
        band.SetDescription(str(year))
        band.SetNoDataValue(float("nan") if nodata is None else nodata)
        band.WriteArray(data[i])
    ds = None
    return path


def regions() -> list[ogr.Geometry]:
    return [
        polygon([(2, 1), (5, 1), (2, 2.5)]),
        polygon([(-3.5, -2.25), (4.5, -2.25), (4.5, 2.5), (-3.5, 2.5)]),
        polygon([(14, 8), (22, 8), (22, 16), (14, 16)], [(15.3, 9.4), (20.6, 9.4), (18, 14.6)]),
        polygon([(10.2, 4.3), (10.7, 4.35), (10.4, 4.9)]),
        polygon([(3.3, 5.5), (12.1, 6.2), (11.5, 17.4), (1.2, 15.1)]),
    ]


def test_sums_and_valid_area_match_exactextract(tmp_path):
    path = series_file(tmp_path, "emission")
    series = open_time_series([path])
    geoms = regions()
    coverage = exact_coverage([g.ExportToWkb() for g in geoms], UTM, series.grid)
    result = zonal_sums(coverage, series, budget_bytes=1000)  # blocks of one tile
    assert len(plan_blocks(series.grid, [series], 1000)) == 4
    want_sums, want_counts = oracle(gdal.Open(path), geoms)
    assert result.years == YEARS
    assert_close(result.sums, want_sums)
    cell_km2 = PX * PY * 1e-6
    assert_close(result.valid_area_km2, want_counts * cell_km2)
    areas = np.array([g.GetArea() for g in geoms]) * 1e-6
    areas[1] = 4.5 * 2.5 * cell_km2  # the part inside the raster
    np.testing.assert_allclose(result.covered_area_km2, areas, rtol=1e-9)
    assert (result.nodata_area_km2 >= 0).all()
    extra = result.nodata_area_km2[4, 2] - result.nodata_area_km2[4, 0]  # the extra gap in 2003
    assert extra == pytest.approx(cell_km2, rel=1e-9)


def test_integer_nodata_and_scale(tmp_path):
    path = series_file(tmp_path, "landuse", nodata=-9999, data_type=gdal.GDT_Int16)
    series = open_time_series([path])
    geoms = regions()
    coverage = exact_coverage([g.ExportToWkb() for g in geoms], UTM, series.grid)
    want_sums, want_counts = oracle(gdal.Open(path), geoms)
    result = zonal_sums(coverage, series)
    assert_close(result.sums, want_sums)
    assert_close(result.valid_area_km2, want_counts * PX * PY * 1e-6)
    series.scale = 44 / 12
    assert_close(zonal_sums(coverage, series).sums, want_sums * 44 / 12)


def test_several_series_in_one_pass(tmp_path):
    emissions = open_time_series([series_file(tmp_path, "emission", seed=1)])
    sinks = open_time_series([series_file(tmp_path, f"sink_{y}", seed=y, years=[y]) for y in YEARS])
    coverage = exact_coverage([g.ExportToWkb() for g in regions()], UTM, emissions.grid)
    both = zonal_sums(coverage, [emissions, sinks], budget_bytes=1000)
    assert isinstance(both, list) and all(isinstance(r, ZonalSums) for r in both)
    for together, alone in zip(both, (zonal_sums(coverage, emissions), zonal_sums(coverage, sinks))):
        np.testing.assert_allclose(together.sums, alone.sums, rtol=1e-12)
        np.testing.assert_allclose(together.valid_area_km2, alone.valid_area_km2, rtol=1e-12)
    assert both[1].years == YEARS


def test_tiles_sum_to_the_raster_total(tmp_path):
    path = series_file(tmp_path, "emission", seed=3)
    series = open_time_series([path])
    tiles = jittered_tiles(4, 3, 9)
    coverage = exact_coverage([t.ExportToWkb() for t in tiles], UTM, series.grid)
    result = zonal_sums(coverage, series, budget_bytes=1000)
    data = gdal.Open(path).ReadAsArray().astype(float)
    totals = [math.fsum(band[np.isfinite(band)]) for band in data]
    np.testing.assert_allclose(result.sums.sum(axis=0), totals, rtol=1e-9)
    valid_cells = np.isfinite(data).sum(axis=(1, 2))
    np.testing.assert_allclose(result.valid_area_km2.sum(axis=0), valid_cells * PX * PY * 1e-6, rtol=1e-9)


def test_other_grid_is_refused(tmp_path):
    series = open_time_series([series_file(tmp_path, "emission")])
    other = Grid((X0 + 5, PX, 0.0, Y0, 0.0, -PY), WIDTH, HEIGHT, UTM)
    coverage = exact_coverage([regions()[0].ExportToWkb()], UTM, other)
    with pytest.raises(CarbonInputError, match="grid"):
        zonal_sums(coverage, series)


def test_cancel_mid_run_stops(tmp_path, monkeypatch):
    series = open_time_series([series_file(tmp_path, "emission")])
    coverage = exact_coverage([g.ExportToWkb() for g in regions()], UTM, series.grid)
    read = []
    stored = blockio.read_stored

    def counted(*args):
        for item in stored(*args):
            read.append(1)
            yield item

    monkeypatch.setattr(blockio, "read_stored", counted)
    fractions: list[float] = []
    progress = Progress(on_fraction=fractions.append, is_cancelled=lambda: len(fractions) >= 4)
    with pytest.raises(Cancelled):
        zonal_sums(coverage, series, progress=progress, budget_bytes=1000)
    assert len(fractions) == 4 and fractions[-1] < 1
    # 4 band-blocks summed (the cancel is seen at the report after the 4th); the background
    # reader got at most one ahead, and stopped
    assert 4 <= len(read) <= 5
    time.sleep(0.2)
    assert len(read) <= 5


def test_read_errors_reach_the_caller(tmp_path, monkeypatch):
    series = open_time_series([series_file(tmp_path, "emission")])
    coverage = exact_coverage([g.ExportToWkb() for g in regions()], UTM, series.grid)

    def broken(*_args):
        raise RuntimeError("disk on fire")
        yield

    monkeypatch.setattr(blockio, "read_stored", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        zonal_sums(coverage, series)


def stack_file(path, grid: Grid, bands: int, interleave: str) -> str:
    """An empty tiled (256) Float32 GeoTIFF with ``bands`` bands (GDAL writes no tiles)."""
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", f"INTERLEAVE={interleave}"]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), grid.width, grid.height, bands, gdal.GDT_Float32, options)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(grid.crs_wkt)
    for b in range(bands):
        ds.GetRasterBand(b + 1).SetDescription(str(1900 + b))
    ds = None
    return str(path)


@pytest.mark.parametrize("interleave", ["BAND", "PIXEL"])
def test_blocks_bound_memory_whatever_the_number_of_bands(tmp_path, interleave):
    grid = Grid((0.0, 1.0, 0.0, 2000.0, 0.0, -1.0), 2000, 2000, UTM)
    budget = 8 * 1024 * 1024
    plans = {}
    for bands in (1, 20, 120):
        series = open_time_series([stack_file(tmp_path / f"{bands}.tif", grid, bands, interleave)])
        blocks = plan_blocks(grid, [series], budget)
        assert sum(rows * cols for _, rows, _, cols in blocks) == grid.width * grid.height
        cells = max(rows * cols for _, rows, _, cols in blocks)
        decoded = 4 * bands if interleave == "PIXEL" else 4  # GDAL decodes all bands of a pixel tile
        # two band-blocks at a time: the next one is read while this one is summed
        assert cells * (2 * (decoded + 4) + zonal.WORK_BYTES_PER_CELL) <= budget or cells == 256 * 256
        plans[bands] = blocks
    if interleave == "BAND":
        assert plans[1] == plans[20] == plans[120]


def test_only_tiles_under_regions_are_read(tmp_path):
    grid = Grid((0.0, 1.0, 0.0, 2000.0, 0.0, -1.0), 2000, 2000, UTM)
    series = open_time_series([stack_file(tmp_path / "big.tif", grid, 2, "BAND")])
    corner = ogr.CreateGeometryFromWkt("POLYGON ((1500.5 1700.5, 1510 1700.5, 1510 1690, 1500.5 1700.5))")
    coverage = exact_coverage([corner.ExportToWkb()], UTM, grid)
    assert plan_blocks(grid, [series], 8 * 1024 * 1024, coverage) == [(256, 256, 1280, 256)]
    nowhere = exact_coverage([corner.ExportToWkb()], UTM, Grid((5000.0, 1.0, 0.0, 2000.0, 0.0, -1.0),
                                                                2000, 2000, UTM))
    assert plan_blocks(grid, [series], 8 * 1024 * 1024, nowhere) == []


# ---------------------------------------------------------------------------------------------
# mixed CRS


def lonlat_polygon(points: list[tuple[float, float]]) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in points:
        ring.AddPoint_2D(x, y)
    ring.CloseRings()
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def smooth_raster(tmp_path, name: str, gt, width: int, height: int, crs_wkt: str, values) -> str:
    path = str(tmp_path / f"{name}.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, width, height, 1, gdal.GDT_Float64)
    ds.SetGeoTransform(gt)
    ds.SetProjection(crs_wkt)
    ds.GetRasterBand(1).WriteArray(values)
    ds.GetRasterBand(1).SetDescription("2001")
    ds = None
    return path


def test_regions_in_lonlat_over_a_projected_raster(tmp_path):
    gt = (400000.0, 1000.0, 0.0, 3900000.0, 0.0, -1000.0)
    rows, cols = np.mgrid[0:60, 0:80]
    path = smooth_raster(tmp_path, "utm", gt, 80, 60, UTM, 1 + np.sin(cols / 7.0) * np.cos(rows / 5.0) ** 2)
    geo = lonlat_polygon([(116.02, 34.78), (116.55, 34.70), (116.71, 35.16), (116.21, 35.09)])
    hole = lonlat_polygon([(116.3, 34.9), (116.4, 34.9), (116.35, 35.0)])
    geo.AddGeometry(hole.GetGeometryRef(0))
    small = lonlat_polygon([(116.40, 35.10), (116.41, 35.10), (116.40, 35.108)])
    wgs84 = wkt_of(4326)
    series = open_time_series([path])
    from_lonlat = zonal_sums(exact_coverage([geo.ExportToWkb(), small.ExportToWkb()], wgs84, series.grid), series)

    source = osr.SpatialReference()
    source.ImportFromEPSG(4326)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(source, series.grid.srs)
    projected = []
    for g in (geo, small):
        clone = g.Clone()
        clone.Segmentize(1e-4)
        clone.Transform(to_utm)
        projected.append(clone)
    in_utm = zonal_sums(exact_coverage([g.ExportToWkb() for g in projected], UTM, series.grid), series)
    np.testing.assert_allclose(from_lonlat.sums, in_utm.sums, rtol=1e-4)
    np.testing.assert_allclose(from_lonlat.covered_area_km2, in_utm.covered_area_km2, rtol=1e-4)
    assert_close(from_lonlat.sums, oracle(gdal.Open(path), projected)[0], rel=1e-4)


def test_lonlat_raster_uses_geodesic_cell_areas(tmp_path):
    laea = osr.SpatialReference()
    laea.SetFromUserInput("+proj=laea +lat_0=34.95 +lon_0=116.35 +datum=WGS84 +units=m +no_defs")
    laea_wkt = laea.ExportToWkt()
    # regions in an equal-area projection: their planar area is their true area
    shapes = [
        [(-21000, -17000), (19000, -20000), (23000, 16000), (-4000, 21000), (-22000, 5000)],
        [(1000, 1000), (9000, 1500), (4000, 8000)],
        [(-28000, -25000), (-24000, -25000), (-24000, -21000), (-28000, -21000)],
    ]
    geoms = [lonlat_polygon(s) for s in shapes]
    true_km2 = np.array([g.GetArea() for g in geoms]) * 1e-6
    density = 3.5  # t per km2

    geo_grid = Grid((116.0, 0.01, 0.0, 35.2, 0.0, -0.01), 70, 50, wkt_of(4326))
    cell_km2 = row_cell_areas_m2(geo_grid) * 1e-6
    geo_values = np.repeat(density * cell_km2[:, None], geo_grid.width, axis=1)
    geo_path = smooth_raster(tmp_path, "geo", geo_grid.geotransform, 70, 50, geo_grid.crs_wkt, geo_values)
    geo_series = open_time_series([geo_path])
    on_geo = zonal_sums(exact_coverage([g.ExportToWkb() for g in geoms], laea_wkt, geo_series.grid), geo_series)
    np.testing.assert_allclose(on_geo.covered_area_km2, true_km2, rtol=1e-4)
    np.testing.assert_allclose(on_geo.sums[:, 0], density * true_km2, rtol=1e-4)

    proj_gt = (-35000.0, 500.0, 0.0, 30000.0, 0.0, -500.0)
    proj_path = smooth_raster(tmp_path, "laea", proj_gt, 140, 120, laea_wkt, np.full((120, 140), density * 0.25))
    proj_series = open_time_series([proj_path])
    on_proj = zonal_sums(exact_coverage([g.ExportToWkb() for g in geoms], laea_wkt, proj_series.grid), proj_series)
    np.testing.assert_allclose(on_geo.sums, on_proj.sums, rtol=1e-4)
    np.testing.assert_allclose(on_proj.covered_area_km2, true_km2, rtol=1e-12)


def test_guards_see_every_block_as_stored_and_stop_on_a_fill_code(tmp_path):
    """The plausibility guard runs on the band-blocks being summed: an Int16 raster holding 32767
    (the type's maximum) with -9999 declared as nodata stops the pass, naming the year and band."""
    from carbon_budget.carbon_plugin.plausibility import CarbonGuard
    from carbon_budget.carbon_plugin.raster import layer_infos

    path = series_file(tmp_path, "emission", nodata=-9999, data_type=gdal.GDT_Int16)
    series = open_time_series([path])
    coverage = exact_coverage([g.ExportToWkb() for g in regions()], UTM, series.grid)
    seen = []
    result = zonal_sums(coverage, series, budget_bytes=1000,
                        guards=[lambda i, values: seen.append((i, values.dtype.name, int(values.min())))])
    assert sorted({i for i, _, _ in seen}) == [0, 1, 2] and {d for _, d, _ in seen} == {"int16"}
    assert min(lo for _, _, lo in seen) >= 0  # declared nodata reaches the guard as 0
    guard = CarbonGuard("emission", layer_infos(series.layers), nonnegative=True)
    np.testing.assert_allclose(zonal_sums(coverage, series, guards=[guard]).sums, result.sums, rtol=1e-12)
    ds = gdal.Open(path, gdal.GA_Update)
    band = ds.GetRasterBand(2)
    data = band.ReadAsArray()
    data[8, 6] = 32767
    band.WriteArray(data)
    ds = None
    series = open_time_series([path])
    guard = CarbonGuard("emission", layer_infos(series.layers), nonnegative=True)
    with pytest.raises(CarbonInputError, match=r"holds the value 32767 \(year 2002, band 2, int16\) but declares "
                                               r"-9999 as its nodata value"):
        zonal_sums(coverage, series, guards=[guard])
