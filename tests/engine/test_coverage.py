"""Exact coverage fractions: hand-computed cells, exactextract as the oracle, tiling, bad input."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest
from exactextract import exact_extract
from exactextract.feature import GDALFeatureSource
from exactextract.raster import GDALRasterSource
from helpers.rasters import wkt_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osgeo import gdal, ogr

from carbon_budget.carbon_plugin.coverage import (
    Coverage,
    cell_centre_coverage,
    exact_coverage,
    prepare_regions,
)
from carbon_budget.carbon_plugin.errors import Cancelled, CarbonInputError
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.raster import Grid

gdal.UseExceptions()
ogr.UseExceptions()

UTM = wkt_of(32650)
# awkward origin and non-square cells so nothing lines up by accident
X0, Y0, PX, PY = 500_000.3, 3_800_000.7, 30.0, 20.0
WIDTH, HEIGHT = 24, 18
GRID = Grid((X0, PX, 0.0, Y0, 0.0, -PY), WIDTH, HEIGHT, UTM)


def xy(col: float, row: float) -> tuple[float, float]:
    """Map coordinates of a point given in cell units (column, row) of GRID."""
    return X0 + col * PX, Y0 - row * PY


def polygon(*rings: list[tuple[float, float]]) -> ogr.Geometry:
    """A polygon from rings given in cell units (column, row); the first ring is the exterior."""
    poly = ogr.Geometry(ogr.wkbPolygon)
    for points in rings:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for c, r in points:
            ring.AddPoint_2D(*xy(c, r))
        ring.CloseRings()
        poly.AddGeometry(ring)
    return poly


def multipolygon(*polygons: ogr.Geometry) -> ogr.Geometry:
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in polygons:
        multi.AddGeometry(p)
    return multi


def values_dataset(grid: Grid, bands: int = 2, seed: int = 0) -> gdal.Dataset:
    """An in-memory Float64 raster with positive values and a few NaN cells."""
    rng = np.random.default_rng(seed)
    ds = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, bands, gdal.GDT_Float64)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(grid.crs_wkt)
    for b in range(bands):
        data = 0.5 + rng.random((grid.height, grid.width))
        data[rng.random(data.shape) < 0.05] = np.nan
        band = ds.GetRasterBand(b + 1)
        band.SetNoDataValue(float("nan"))
        band.WriteArray(data)
    return ds


def oracle(ds: gdal.Dataset, geometries: list[ogr.Geometry]) -> tuple[np.ndarray, np.ndarray]:
    """exactextract's 'sum' and 'count' (covered valid cells) per region and band."""
    layer_ds = ogr.GetDriverByName("Memory").CreateDataSource("regions")
    layer = layer_ds.CreateLayer("regions", ds.GetSpatialRef(), ogr.wkbMultiPolygon)
    for geom in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    bands = ds.RasterCount
    sources = [GDALRasterSource(ds, b + 1, name=f"b{b}") for b in range(bands)]
    out = exact_extract(sources, GDALFeatureSource(layer), ["sum", "count"])
    def column(props: dict, b: int, op: str) -> float:
        return props[f"b{b}_{op}"] if bands > 1 else props[op]  # one raster: no prefix

    sums = np.array([[column(f["properties"], b, "sum") for b in range(bands)] for f in out])
    counts = np.array([[column(f["properties"], b, "count") for b in range(bands)] for f in out])
    return sums, counts


def ours(ds: gdal.Dataset, coverage: Coverage) -> tuple[np.ndarray, np.ndarray]:
    """Our sums and valid covered cells per region and band, from the coverage of the whole grid."""
    window = coverage.window(0, coverage.grid.height)
    sums, counts = [], []
    for b in range(ds.RasterCount):
        data = ds.GetRasterBand(b + 1).ReadAsArray()
        valid = np.isfinite(data)
        sums.append(window.sums(np.where(valid, data, 0.0)))
        counts.append(window.sums(valid.astype(float)))
    return np.array(sums).T, np.array(counts).T


def assert_close(actual: np.ndarray, expected: np.ndarray, rel: float = 1e-6, floor: float = 1e-9) -> None:
    scale = np.maximum(np.abs(expected), floor)
    worst = np.max(np.abs(actual - expected) / scale) if expected.size else 0.0
    assert worst <= rel, f"relative difference {worst:.3g}\nours {actual}\nexactextract {expected}"


def check_against_exactextract(geometries: list[ogr.Geometry], grid: Grid = GRID, seed: int = 0) -> Coverage:
    ds = values_dataset(grid, seed=seed)
    coverage = exact_coverage([g.ExportToWkb() for g in geometries], grid.crs_wkt, grid)
    got_sums, got_counts = ours(ds, coverage)
    want_sums, want_counts = oracle(ds, geometries)
    assert_close(got_sums, want_sums)
    assert_close(got_counts, want_counts)
    return coverage


def dense(coverage: Coverage, region: int) -> np.ndarray:
    """The fractions of one region as a (height, width) array."""
    frac = (coverage.labels == region).astype(float).reshape(-1)
    mine = coverage.regions == region
    np.add.at(frac, coverage.cells[mine], coverage.fractions[mine])
    return frac.reshape(coverage.grid.height, coverage.grid.width)


# ---------------------------------------------------------------------------------------------
# (a) hand polygons


SQUARE = polygon([(2, 3), (7, 3), (7, 8), (2, 8)])
TRIANGLE = polygon([(2, 1), (5, 1), (2, 2.5)])  # legs 3 and 1.5 cells
SUBCELL = polygon([(10.2, 4.3), (10.7, 4.35), (10.4, 4.9)])
STRADDLING = polygon([(12.8, 2.7), (13.3, 2.7), (13.3, 3.1), (12.8, 3.1)])
OUTSIDE_PARTLY = polygon([(-3.5, -2.25), (4.5, -2.25), (4.5, 2.5), (-3.5, 2.5)])
DONUT = polygon([(14, 8), (22, 8), (22, 16), (14, 16)], [(15.3, 9.4), (20.6, 9.4), (18, 14.6)])
MULTI = multipolygon(
    polygon([(1, 12), (4, 12.5), (2, 16.2)]), polygon([(6.3, 13.1), (9.9, 13.1), (9.9, 17.6), (6.3, 17.6)])
)
HAND = [SQUARE, TRIANGLE, SUBCELL, STRADDLING, OUTSIDE_PARTLY, DONUT, MULTI]


def test_square_on_cell_edges_is_whole_cells():
    coverage = exact_coverage([SQUARE.ExportToWkb()], UTM, GRID)
    expected = np.zeros((HEIGHT, WIDTH))
    expected[3:8, 2:7] = 1
    assert np.array_equal(coverage.labels == 0, expected == 1)
    assert coverage.cells.size == 0
    np.testing.assert_allclose(coverage.covered_area_km2(), [25 * PX * PY * 1e-6], rtol=1e-12)


def test_triangle_fractions_cell_by_cell():
    # hypotenuse from (col 5, row 1) to (col 2, row 2.5): row = 2.5 - (col - 2) / 2
    coverage = exact_coverage([TRIANGLE.ExportToWkb()], UTM, GRID)
    frac = dense(coverage, 0)
    expected = np.zeros((HEIGHT, WIDTH))
    expected[1, 2:5] = [1.0, 0.75, 0.25]
    expected[2, 2] = 0.25
    np.testing.assert_allclose(frac, expected, atol=1e-12)
    assert coverage.labels[1, 2] == 0 and (coverage.labels == 0).sum() == 1


def test_subcell_polygons_are_their_area():
    coverage = exact_coverage([SUBCELL.ExportToWkb(), STRADDLING.ExportToWkb()], UTM, GRID)
    one, two = dense(coverage, 0), dense(coverage, 1)
    np.testing.assert_allclose(one.sum(), SUBCELL.GetArea() / (PX * PY), rtol=1e-9)
    assert one[4, 10] == pytest.approx(SUBCELL.GetArea() / (PX * PY), rel=1e-9)
    expected = np.zeros((HEIGHT, WIDTH))
    expected[2:4, 12:14] = [[0.2 * 0.3, 0.3 * 0.3], [0.2 * 0.1, 0.3 * 0.1]]
    np.testing.assert_allclose(two, expected, atol=1e-12)
    assert not (coverage.labels >= 0).any()


def test_partly_outside_covers_only_the_inside():
    coverage = exact_coverage([OUTSIDE_PARTLY.ExportToWkb()], UTM, GRID)
    frac = dense(coverage, 0)
    expected = np.zeros((HEIGHT, WIDTH))
    expected[0:2, 0:4] = 1
    expected[2, 0:4] = 0.5
    expected[0:2, 4] = 0.5
    expected[2, 4] = 0.25
    np.testing.assert_allclose(frac, expected, atol=1e-12)


def test_donut_hole_is_not_covered():
    coverage = exact_coverage([DONUT.ExportToWkb()], UTM, GRID)
    frac = dense(coverage, 0)
    assert frac.sum() == pytest.approx(DONUT.GetArea() / (PX * PY), rel=1e-12)
    assert frac[10, 17] == 0  # inside the hole
    assert frac[8, 14] == 1


def test_hand_polygons_match_exactextract():
    coverage = check_against_exactextract(HAND)
    areas = coverage.covered_area_km2()
    assert areas[0] == pytest.approx(SQUARE.GetArea() * 1e-6, rel=1e-12)
    assert areas[6] == pytest.approx(MULTI.GetArea() * 1e-6, rel=1e-12)


def test_orientation_does_not_matter():
    reversed_rings = []
    for geom in (TRIANGLE, DONUT):
        clone = geom.Clone()
        for i in range(clone.GetGeometryCount()):
            ring = clone.GetGeometryRef(i)
            points = ring.GetPoints()[::-1]
            for k, p in enumerate(points):
                ring.SetPoint_2D(k, *p[:2])
        reversed_rings.append(clone)
    a = exact_coverage([TRIANGLE.ExportToWkb(), DONUT.ExportToWkb()], UTM, GRID)
    b = exact_coverage([g.ExportToWkb() for g in reversed_rings], UTM, GRID)
    for region in range(2):
        np.testing.assert_allclose(dense(a, region), dense(b, region), atol=1e-12)


# ---------------------------------------------------------------------------------------------
# (b) generated awkward polygons


def star(cx: float, cy: float, radii: list[float], phase: float, squash: float, turn: float) -> ogr.Geometry:
    """A star-shaped polygon around (cx, cy) in cell units, squashed (slivers) and turned."""
    n = len(radii)
    points = []
    for k, r in enumerate(radii):
        a = phase + 2 * math.pi * k / n
        dx, dy = r * math.cos(a), r * math.sin(a) * squash
        points.append((cx + dx * math.cos(turn) - dy * math.sin(turn), cy + dx * math.sin(turn) + dy * math.cos(turn)))
    return polygon(points)


@st.composite
def awkward_regions(draw) -> ogr.Geometry:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        cx = draw(st.floats(-3, WIDTH + 3))
        cy = draw(st.floats(-3, HEIGHT + 3))
        size = 10 ** draw(st.floats(-1.3, 0.9))
        radii = draw(st.lists(st.floats(0.2, 1.0), min_size=3, max_size=12))
        squash = draw(st.sampled_from([1.0, 1.0, 0.3, 0.01, 0.001]))
        shape = star(cx, cy, [r * size for r in radii], draw(st.floats(0, 6.3)), squash, draw(st.floats(0, 3.2)))
        if draw(st.booleans()):  # a hole: the star scaled about its centre stays inside it
            hole = shape.Clone()
            scale = draw(st.floats(0.2, 0.8))
            ring = hole.GetGeometryRef(0)
            cxm, cym = xy(cx, cy)
            for k in range(ring.GetPointCount()):
                x, y = ring.GetPoint_2D(k)
                ring.SetPoint_2D(k, cxm + (x - cxm) * scale, cym + (y - cym) * scale)
            shape.AddGeometry(ring.Clone())
        parts.append(shape.MakeValid(["METHOD=STRUCTURE"]))
    geom = parts[0]
    for p in parts[1:]:
        geom = geom.Union(p)
    return geom


@settings(
    max_examples=int(os.environ.get("COVERAGE_EXAMPLES", "40")),  # e.g. 3000 for a long search
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(awkward_regions(), min_size=1, max_size=3), st.integers(0, 1000))
def test_awkward_polygons_match_exactextract(geometries, seed):
    geometries = [g for g in geometries if not g.IsEmpty() and g.GetArea() > 0]
    if geometries:
        check_against_exactextract(geometries, seed=seed)


# ---------------------------------------------------------------------------------------------
# (c) regions that tile the raster


def jittered_tiles(nx: int, ny: int, seed: int) -> list[ogr.Geometry]:
    """Quadrilaterals from a jittered lattice reaching beyond every side of GRID."""
    rng = np.random.default_rng(seed)
    cols = np.linspace(-1.3, WIDTH + 0.7, nx + 1)
    rows = np.linspace(-0.6, HEIGHT + 1.1, ny + 1)
    c, r = np.meshgrid(cols, rows)
    c[1:-1, 1:-1] += rng.uniform(-0.3, 0.3, (ny - 1, nx - 1)) * (cols[1] - cols[0])
    r[1:-1, 1:-1] += rng.uniform(-0.3, 0.3, (ny - 1, nx - 1)) * (rows[1] - rows[0])
    return [
        polygon([(c[j, i], r[j, i]), (c[j, i + 1], r[j, i + 1]), (c[j + 1, i + 1], r[j + 1, i + 1]),
                 (c[j + 1, i], r[j + 1, i])])
        for j in range(ny) for i in range(nx)
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_tiling_regions_add_up_to_the_raster_total(seed):
    tiles = jittered_tiles(5, 4, seed)
    ds = values_dataset(GRID, bands=3, seed=seed)
    coverage = exact_coverage([t.ExportToWkb() for t in tiles], UTM, GRID)
    sums, _ = ours(ds, coverage)
    for b in range(3):
        data = ds.GetRasterBand(b + 1).ReadAsArray()
        total = math.fsum(data[np.isfinite(data)])
        assert sums[:, b].sum() == pytest.approx(total, rel=1e-9)
    cell_km2 = PX * PY * 1e-6
    assert coverage.covered_area_km2().sum() == pytest.approx(WIDTH * HEIGHT * cell_km2, rel=1e-9)
    assert_close(sums, oracle(ds, tiles)[0])


def test_spread_gives_region_values_back_to_cells():
    tiles = jittered_tiles(3, 3, 5)
    coverage = exact_coverage([t.ExportToWkb() for t in tiles], UTM, GRID)
    per_region = np.arange(1.0, 10.0)
    cells = coverage.window(0, HEIGHT).spread(per_region)
    assert cells.shape == (HEIGHT, WIDTH)
    # every cell is fully covered by the tiles: its value is a fraction-weighted mean of regions
    frac_sum = coverage.window(0, HEIGHT).spread(np.ones(9))
    np.testing.assert_allclose(frac_sum, 1.0, atol=1e-9)
    assert cells.sum() == pytest.approx(sum(per_region[i] * dense(coverage, i).sum() for i in range(9)))


def test_windows_and_blocks_agree_with_the_whole():
    coverage = exact_coverage([g.ExportToWkb() for g in HAND], UTM, GRID)
    ds = values_dataset(GRID, bands=1)
    data = ds.GetRasterBand(1).ReadAsArray()
    data = np.where(np.isfinite(data), data, 0.0)
    whole = coverage.window(0, HEIGHT).sums(data)
    parts = np.zeros(len(HAND))
    for row0 in range(0, HEIGHT, 5):
        for col0 in range(0, WIDTH, 7):
            nrows, ncols = min(5, HEIGHT - row0), min(7, WIDTH - col0)
            block = data[row0 : row0 + nrows, col0 : col0 + ncols]
            parts += coverage.window(row0, nrows, col0, ncols).sums(block)
    np.testing.assert_allclose(parts, whole, rtol=1e-12)


def test_overlapping_regions_each_get_their_cells():
    a = polygon([(1, 1), (9, 1), (9, 9), (1, 9)])
    b = polygon([(4, 4), (12, 4), (12, 12), (4, 12)])
    coverage = exact_coverage([a.ExportToWkb(), b.ExportToWkb()], UTM, GRID)
    assert dense(coverage, 0).sum() == pytest.approx(64)
    assert dense(coverage, 1).sum() == pytest.approx(64)
    check_against_exactextract([a, b])


# ---------------------------------------------------------------------------------------------
# cell-centre assignment


def test_cell_centre_coverage_takes_cells_whose_centre_is_inside():
    regions = [SQUARE, TRIANGLE, DONUT, MULTI]
    coverage = cell_centre_coverage([g.ExportToWkb() for g in regions], UTM, GRID, names=list("abcd"))
    assert coverage.cells.size == 0
    for index, geom in enumerate(regions):
        for row in range(HEIGHT):
            for col in range(WIDTH):
                centre = ogr.Geometry(ogr.wkbPoint)
                centre.AddPoint_2D(*xy(col + 0.5, row + 0.5))
                assert (coverage.labels[row, col] == index) == geom.Contains(centre), (index, row, col)


# ---------------------------------------------------------------------------------------------
# bad input, repairs, cancel


def test_bowtie_is_repaired_and_reported():
    bowtie = polygon([(2, 2), (8, 8), (8, 2), (2, 8)])
    progress = Progress()
    coverage = exact_coverage([bowtie.ExportToWkb()], UTM, GRID, names=["Bowtie county"], progress=progress)
    assert any("Bowtie county" in w and "repaired" in w for w in progress.warnings)
    assert dense(coverage, 0).sum() == pytest.approx(18.0)  # two triangles of 9 cells
    fixed = prepare_regions([bowtie.ExportToWkb()], UTM, GRID)[0]
    check_against_exactextract([fixed])


@pytest.mark.parametrize(
    ("geometry", "words"),
    [
        (None, "null"),
        (ogr.CreateGeometryFromWkt("POLYGON EMPTY").ExportToWkb(), "empty"),
        (ogr.CreateGeometryFromWkt("POINT (500010 3799990)").ExportToWkb(), "Point"),
        (ogr.CreateGeometryFromWkt("LINESTRING (500010 3799990, 500100 3799900)").ExportToWkb(), "Line"),
        (b"not a geometry", "cannot be read"),
    ],
)
def test_bad_geometries_name_the_region(geometry, words):
    with pytest.raises(CarbonInputError, match=f"(?s)'郑州 Zhengzhou'.*{words}|{words}.*'郑州 Zhengzhou'"):
        exact_coverage([SQUARE.ExportToWkb(), geometry], UTM, GRID, names=["ok", "郑州 Zhengzhou"])


def test_region_outside_the_raster_is_zero_and_reported():
    far = polygon([(100, 100), (110, 100), (110, 110)])
    progress = Progress()
    coverage = exact_coverage([SQUARE.ExportToWkb(), far.ExportToWkb()], UTM, GRID, names=["in", "far"],
                              progress=progress)
    assert coverage.covered_area_km2()[1] == 0
    assert [w for w in progress.warnings if "'far'" in w]
    assert not [w for w in progress.warnings if "'in'" in w]


def test_wkt_curves_and_3d_are_accepted():
    wkt = "CURVEPOLYGON Z (CIRCULARSTRING Z (500100 3799900 5, 500200 3799900 5, 500100 3799900 5))"
    coverage = exact_coverage([wkt], UTM, GRID)
    radius = 50.0
    area = coverage.covered_area_km2()[0] * 1e6
    assert area == pytest.approx(math.pi * radius**2, rel=1e-2)


def test_cancel_stops_the_coverage():
    calls = []
    progress = Progress(is_cancelled=lambda: len(calls) > 0, on_fraction=calls.append)
    with pytest.raises(Cancelled):
        exact_coverage([g.ExportToWkb() for g in HAND], UTM, GRID, progress=progress)
    assert len(calls) == 1
