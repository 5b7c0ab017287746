"""Exact cell coverage of region polygons: the fraction of every raster cell each region covers.

The fractions are the same as exactextract's (exact planar geometry in the raster's CRS), computed
with numpy once per set of regions and grid, and reused for every band and year.

Public API
----------
``exact_coverage(geometries, crs_wkt, grid, names=None, progress=None) -> Coverage``
    Exact coverage fractions of each region on ``grid``.
``cell_centre_coverage(geometries, crs_wkt, grid, names=None, progress=None) -> Coverage``
    Each cell belongs wholly (fraction 1) to the region whose polygon contains the cell centre
    (GDAL rasterisation, ALL_TOUCHED=FALSE); where overlapping regions share a centre the later
    region wins.
``prepare_regions(geometries, crs_wkt, grid, names=None, progress=None) -> list[ogr.Geometry]``
    The regions as valid 2D (multi)polygons in the grid's CRS (parsed, repaired, transformed).

``geometries``: one item per region, each WKB (bytes, bytearray, memoryview), WKT (str) or an
``ogr.Geometry``, in the CRS ``crs_wkt`` (WKT; empty or None = the grid's CRS). Regions in another
CRS are densified (segments of about a quarter pixel in their own CRS, so straight edges follow
the projection) and transformed to the grid's CRS with OGR/OSR, in x/y (lon/lat) axis order.
Invalid polygons are repaired (GEOS MakeValid, STRUCTURE method, else Buffer(0)) with a warning
naming the region; null, empty and non-polygon geometries raise ``CarbonInputError`` naming the
region; a region that covers no cell of the grid is reported with a warning (all fractions 0).
``names`` label regions in messages (default "region 1", "region 2", ...).

``Coverage`` stores the result compactly:
  ``labels``     int32 (height, width): the region of every cell wholly inside exactly one region
                 (fraction 1), -1 elsewhere;
  ``cells``, ``regions``, ``fractions``: the other covered cells as sorted triplets (flat cell
                 index row * width + col, int64; region index, int32; fraction in (0, 1], float64).
  ``window(row0, nrows, col0=0, ncols=None) -> CoverageWindow`` gives a block of it, with
  ``CoverageWindow.sums(values) -> float64 (n_regions,)``: sum over cells of fraction x value
  (values finite, any dtype, accumulated in float64; O(cells) with np.add.reduceat over runs);
  ``CoverageWindow.sums_where(mask, values) -> float64 (n_regions,)``: the same over masked cells;
  ``CoverageWindow.spread(per_region) -> float64 (nrows, ncols)``: per cell, sum over regions of
  fraction x per_region value (to give region totals back to cells, e.g. emission gridding);
  ``covered_area_km2() -> float64 (n_regions,)``: sum of fraction x true cell area
  (``cellarea.row_cell_areas_m2``: geodesic per row in a geographic CRS);
  ``covered_columns(row0, nrows) -> (first, end) | None``: the columns a strip needs read.

Method (exact, O(boundary cells + bounding-box cells)): in cell units u = (x - x0) / pixel width,
v = (y0 - y) / pixel height, the area a ring encloses inside cell (row r, column c) is, by Green's
theorem, -integral of G du around the ring with G = 1[c <= u < c + 1] * clamp(v - r, 0, 1). Every
edge is cut at column lines; on each piece v is linear in u, so the integral over the rows the
piece crosses has a closed form, and rows wholly above it get the constant -du (a difference array
summed down each column). Each ring counts with the sign of its orientation (holes negative).
The windows (bounding boxes) of many small polygons are laid side by side on one canvas so a
single vectorised pass serves them all; a large window is done in bands of rows. Peak memory:
the labels (4 bytes per cell) plus about 40 bytes x CHUNK_CELLS.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, ogr, osr

from .cellarea import row_cell_areas_m2
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress
from .raster import Grid, srs_from_wkt
from .units import KM2_PER_M2

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

FULL = 1.0 - 1e-10  # a fraction at least this is a whole cell
TINY = 1e-10  # a fraction at most this is no cover (rounding noise)
CHUNK_CELLS = 2_000_000  # cells of one dense canvas of fractions (memory ~ 40 bytes per cell)
SEGMENTS_PER_PIXEL = 4  # densify reprojected edges to a quarter pixel


@dataclass
class CoverageWindow:
    """Coverage of a block of cells (rows x cols), ready for fast weighted sums.

    ``bins``: flat region index of every cell of the block wholly in one region, ``n_regions``
    where none (an overflow bin); ``starts``/``run_bins``: the same as runs of equal bins along
    the flat block (start index, bin); ``cells``/``regions``/``fractions``: the other covered
    cells, ``cells`` flat within the block.
    """

    shape: tuple[int, int]
    n_regions: int
    bins: np.ndarray
    cells: np.ndarray
    regions: np.ndarray
    fractions: np.ndarray
    starts: np.ndarray = field(init=False, repr=False)
    run_bins: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        b = self.bins
        self.starts = np.flatnonzero(np.concatenate([[True], b[1:] != b[:-1]])) if b.size else b[:0]
        self.run_bins = b[self.starts]

    def sums(self, values: np.ndarray) -> np.ndarray:
        """Sum over the block of fraction x value per region (float64, length n_regions).

        ``values``: the block's cell values (any shape with rows x cols elements, any numeric
        dtype; accumulated in float64); they must be finite (set nodata to 0 first).
        """
        flat = values.reshape(-1)
        n = self.n_regions
        if not self.starts.size:
            return np.zeros(n)
        run_sums = np.add.reduceat(flat, self.starts, dtype=np.float64)
        total = _bincount(self.run_bins, run_sums, n + 1)[:n]
        if self.cells.size:
            total += _bincount(self.regions, self.fractions * flat[self.cells], n)
        return total

    def sums_where(self, mask: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Like ``sums`` but only over cells where ``mask`` is true (fast when few are)."""
        flat_mask = mask.reshape(-1)
        flat = values.reshape(-1)
        n = self.n_regions
        where = np.flatnonzero(flat_mask)
        total = _bincount(self.bins[where], flat[where], n + 1)[:n]
        if self.cells.size:
            sel = flat_mask[self.cells]
            cells = self.cells[sel]
            total += _bincount(self.regions[sel], self.fractions[sel] * flat[cells], n)
        return total

    def spread(self, per_region: np.ndarray) -> np.ndarray:
        """Per cell, the sum over regions of fraction x ``per_region[region]`` (float64 block)."""
        lookup = np.zeros(self.n_regions + 1)
        lookup[: self.n_regions] = per_region
        out = lookup[self.bins]
        if self.cells.size:
            out += _bincount(self.cells, self.fractions * lookup[self.regions], out.size)
        return out.reshape(self.shape)


@dataclass
class Coverage:
    """Coverage fractions of ``len(names)`` regions on ``grid`` (see the module docstring)."""

    grid: Grid
    names: list[str]
    labels: np.ndarray
    cells: np.ndarray
    regions: np.ndarray
    fractions: np.ndarray

    @property
    def n_regions(self) -> int:
        return len(self.names)

    def window(self, row0: int, nrows: int, col0: int = 0, ncols: int | None = None) -> CoverageWindow:
        """The coverage of rows [row0, row0 + nrows) x columns [col0, col0 + ncols)."""
        width = self.grid.width
        ncols = width - col0 if ncols is None else ncols
        n = self.n_regions
        block = self.labels[row0 : row0 + nrows, col0 : col0 + ncols]
        bins = block.astype(np.intp).reshape(-1)
        bins[bins < 0] = n
        lo, hi = np.searchsorted(self.cells, [row0 * width, (row0 + nrows) * width])
        rows, cols = np.divmod(self.cells[lo:hi], width)
        keep = (cols >= col0) & (cols < col0 + ncols)
        local = (rows[keep] - row0) * ncols + (cols[keep] - col0)
        return CoverageWindow(
            (nrows, ncols), n, bins, local, self.regions[lo:hi][keep], self.fractions[lo:hi][keep]
        )

    def covered_columns(self, row0: int, nrows: int) -> tuple[int, int] | None:
        """[first, last + 1) of the columns with a covered cell in rows [row0, row0 + nrows), or None."""
        width = self.grid.width
        cols = np.flatnonzero((self.labels[row0 : row0 + nrows] >= 0).any(axis=0))
        lo, hi = np.searchsorted(self.cells, [row0 * width, (row0 + nrows) * width])
        partial = self.cells[lo:hi] % width
        if partial.size:
            cols = np.concatenate([cols[:1], cols[-1:], [partial.min(), partial.max()]])
        if not cols.size:
            return None
        return int(cols.min()), int(cols.max()) + 1

    def covered_area_km2(self) -> np.ndarray:
        """Sum of fraction x true cell area per region, km2 (float64, length n_regions)."""
        areas_km2 = row_cell_areas_m2(self.grid) * KM2_PER_M2
        total = np.zeros(self.n_regions)
        step = max(1, CHUNK_CELLS // max(self.grid.width, 1))
        for row0 in range(0, self.grid.height, step):
            nrows = min(step, self.grid.height - row0)
            cell_area = np.repeat(areas_km2[row0 : row0 + nrows], self.grid.width)
            total += self.window(row0, nrows).sums(cell_area)
        return total


# --------------------------------------------------------------------------------------------
# Regions: parse, check, repair, transform


def _region_names(count: int, names: Sequence[str] | None) -> list[str]:
    if names is None:
        return [f"region {i + 1}" for i in range(count)]
    if len(names) != count:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "{n_names} region names were given for {count} regions."),
            n_names=len(names), count=count)
    return [str(n) for n in names]


def _parse_geometry(item, name: str) -> ogr.Geometry:
    if item is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The region '{name}' has no geometry (null); fix or remove it."),
            name=name)
    try:
        if isinstance(item, ogr.Geometry):
            geom = item.Clone()
        elif isinstance(item, str):
            geom = ogr.CreateGeometryFromWkt(item)
        else:
            geom = ogr.CreateGeometryFromWkb(bytes(item))
    except (RuntimeError, TypeError) as err:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The geometry of the region '{name}' cannot be read: {err}"),
            name=name, err=err) from None
    if geom is None or geom.IsEmpty():
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The region '{name}' has an empty geometry; fix or remove it."),
            name=name)
    return geom


def _polygons_only(geom: ogr.Geometry) -> ogr.Geometry:
    """The polygon parts of ``geom`` as a 2D MultiPolygon (possibly empty)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    kind = ogr.GT_Flatten(geom.GetGeometryType())
    if kind == ogr.wkbPolygon:
        if not geom.IsEmpty():
            out.AddGeometry(geom)
    elif kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            part = _polygons_only(geom.GetGeometryRef(i))
            for j in range(part.GetGeometryCount()):
                out.AddGeometry(part.GetGeometryRef(j))
    return out


def _as_polygons(geom: ogr.Geometry, name: str) -> ogr.Geometry:
    if geom.HasCurveGeometry():
        geom = geom.GetLinearGeometry()
    geom.FlattenTo2D()
    polygons = _polygons_only(geom)
    if polygons.IsEmpty():
        kind = ogr.GeometryTypeToName(geom.GetGeometryType())
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The region '{name}' has a {kind} geometry; regions must be polygons or "
                                          "multipolygons."),
            name=name, kind=kind)
    return polygons


class _GdalMessages:
    """Collect GDAL/GEOS messages (e.g. why a geometry is invalid) instead of printing them."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, _cls, _code, message) -> None:
        self.messages.append(str(message))

    def __enter__(self) -> _GdalMessages:
        gdal.PushErrorHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        gdal.PopErrorHandler()


def _repair(geom: ogr.Geometry, name: str, progress: Progress) -> ogr.Geometry:
    with _GdalMessages() as log:
        valid = geom.IsValid()
    if valid:
        return geom
    reason = f" ({log.messages[-1].strip()})" if log.messages else ""
    fixed = None
    with _GdalMessages():
        for attempt in (lambda: geom.MakeValid(["METHOD=STRUCTURE"]), geom.MakeValid, lambda: geom.Buffer(0)):
            try:
                fixed = attempt()
            except RuntimeError:
                fixed = None
            if fixed is not None:
                break
    if fixed is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The geometry of the region '{name}' is invalid{reason} and cannot be "
                                          "repaired."),
            name=name, reason=reason)
    progress.warning(
        QT_TRANSLATE_NOOP("@default", "The geometry of the region '{name}' was invalid{reason}; it was repaired "
                                      "(MakeValid)."),
        name=name, reason=reason)
    return _polygons_only(fixed)


def _segment_length(geom: ogr.Geometry, to_grid: osr.CoordinateTransformation,
                    from_grid: osr.CoordinateTransformation, grid: Grid) -> float:
    """About a quarter of a pixel, in the region's CRS units, near the region's centre."""
    xmin, xmax, ymin, ymax = geom.GetEnvelope()
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    try:
        gx, gy, _ = to_grid.TransformPoint(cx, cy)
        px, py = grid.pixel_width, grid.pixel_height
        ax, ay, _ = from_grid.TransformPoint(gx + px, gy)
        bx, by, _ = from_grid.TransformPoint(gx, gy + py)
        size = min(math.hypot(ax - cx, ay - cy), math.hypot(bx - cx, by - cy))
    except RuntimeError:
        size = float("nan")
    if not math.isfinite(size) or size <= 0:
        size = max(xmax - xmin, ymax - ymin) / 100 or 1.0
    return size / SEGMENTS_PER_PIXEL


def prepare_regions(
    geometries: Sequence,
    crs_wkt: str | None,
    grid: Grid,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> list[ogr.Geometry]:
    """The regions as valid 2D MultiPolygons in the grid's CRS (see the module docstring)."""
    progress = progress or Progress()
    names = _region_names(len(geometries), names)
    target = grid.srs
    source = srs_from_wkt(crs_wkt) if crs_wkt else target
    transform = None
    if not source.IsSame(target):
        transform = osr.CoordinateTransformation(source, target)
        back = osr.CoordinateTransformation(target, source)
    prepared = []
    for item, name in zip(geometries, names):
        geom = _as_polygons(_parse_geometry(item, name), name)
        geom = _repair(geom, name, progress)
        if transform is not None and not geom.IsEmpty():
            geom.Segmentize(_segment_length(geom, transform, back, grid))
            try:
                geom.Transform(transform)
            except RuntimeError as err:
                raise CarbonInputError(
                    QT_TRANSLATE_NOOP("@default", "The region '{name}' cannot be transformed to the raster's CRS: "
                                                  "{err}"),
                    name=name, err=err) from None
            geom = _repair(geom, name, progress)
        prepared.append(geom)
    return prepared


# --------------------------------------------------------------------------------------------
# Exact fractions of one polygon


def _polygon_rings(polygon: ogr.Geometry) -> list[np.ndarray]:
    """The rings of a 2D polygon as (n, 2) float64 arrays (exterior first), from its WKB."""
    wkb = bytes(polygon.ExportToWkb(ogr.wkbNDR))
    count = int(np.frombuffer(wkb, "<u4", 1, 5)[0])
    offset, rings = 9, []
    for _ in range(count):
        npts = int(np.frombuffer(wkb, "<u4", 1, offset)[0])
        rings.append(np.frombuffer(wkb, "<f8", 2 * npts, offset + 4).reshape(npts, 2))
        offset += 4 + 16 * npts
    return rings


def _signed_area(u: np.ndarray, v: np.ndarray) -> float:
    return 0.5 * float(np.dot(u[:-1], v[1:]) - np.dot(u[1:], v[:-1]))


def _polygon_edges(polygon: ogr.Geometry, grid: Grid, row0: int, col0: int):
    """Edges (ua, va, ub, vb, weight) in cell units from (row0, col0); weight +1 adds area, -1 removes."""
    x0, px, _, y0, _, py = grid.geotransform
    ox, oy = x0 + col0 * px, y0 + row0 * py
    parts = []
    for i, ring in enumerate(_polygon_rings(polygon)):
        if len(ring) < 4:
            continue
        u = (ring[:, 0] - ox) / px
        v = (ring[:, 1] - oy) / py
        area = _signed_area(u, v)
        if area == 0:
            continue
        weight = math.copysign(1.0, area) * (1.0 if i == 0 else -1.0)
        parts.append((u[:-1], v[:-1], u[1:], v[1:], np.full(len(u) - 1, weight)))
    if not parts:
        return None
    return tuple(np.concatenate(arrays) for arrays in zip(*parts))


@dataclass
class _Part:
    """One polygon of a region: its window on the grid and its edges in cell units of the window."""

    region: int
    row0: int
    col0: int
    nrows: int
    ncols: int
    edges: tuple


def _part(region: int, polygon: ogr.Geometry, grid: Grid) -> _Part | None:
    """The polygon's bounding box clipped to the grid, with its edges; None if outside or empty."""
    x0, px, _, y0, _, py = grid.geotransform
    xmin, xmax, ymin, ymax = polygon.GetEnvelope()
    col0 = max(math.floor((xmin - x0) / px), 0)
    col1 = min(math.ceil((xmax - x0) / px), grid.width)
    row0 = max(math.floor((ymax - y0) / py), 0)
    row1 = min(math.ceil((ymin - y0) / py), grid.height)
    if col0 >= col1 or row0 >= row1:
        return None
    edges = _polygon_edges(polygon, grid, row0, col0)
    if edges is None:
        return None
    return _Part(region, row0, col0, row1 - row0, col1 - col0, edges)


def _canvases(parts: list[_Part]) -> Iterator[tuple[list[_Part], int, int]]:
    """(parts, first row of their windows, rows) of dense canvases of at most CHUNK_CELLS cells.

    Small windows share a canvas side by side (one vectorised pass for many regions); a big
    window gets canvases of a band of its rows each.
    """
    small = sorted((p for p in parts if (p.nrows + 1) * p.ncols <= CHUNK_CELLS), key=lambda p: -p.nrows)
    batch: list[_Part] = []
    width = 0
    for p in small:
        if batch and (batch[0].nrows + 1) * (width + p.ncols) > CHUNK_CELLS:
            yield batch, 0, batch[0].nrows
            batch, width = [], 0
        batch.append(p)
        width += p.ncols
    if batch:
        yield batch, 0, batch[0].nrows
    for p in parts:
        if (p.nrows + 1) * p.ncols > CHUNK_CELLS:
            step = max(1, CHUNK_CELLS // p.ncols - 1)
            for shift in range(0, p.nrows, step):
                yield [p], shift, min(step, p.nrows - shift)


def _column_pieces(ua, va, ub, vb, weight, ncols, offset):
    """Cut edges at column lines: (column, v at start, v at end, -du x weight) per piece.

    ``ncols`` and ``offset`` (per edge): the width of the edge's window, whose columns start at
    canvas column ``offset``; pieces outside the window are dropped. Edges are first turned to
    run left to right (u increasing), flipping their weight; vertical edges add nothing.
    """
    flip = ua > ub
    ua, ub = np.where(flip, ub, ua), np.where(flip, ua, ub)
    va, vb = np.where(flip, vb, va), np.where(flip, va, vb)
    weight = np.where(flip, weight, -weight)
    du = ub - ua
    slope = np.divide(vb - va, du, out=np.zeros_like(du), where=du > 0)
    first = np.maximum(np.floor(ua), 0).astype(np.int64)
    last = np.minimum(np.ceil(ub) - 1, ncols - 1).astype(np.int64)
    counts = np.where(du > 0, np.maximum(last - first + 1, 0), 0)
    edge = np.repeat(np.arange(counts.size), counts)
    col = np.arange(edge.size) + (first - np.cumsum(counts) + counts)[edge]
    u0 = ua[edge]
    p0 = np.maximum(u0, col)
    p1 = np.minimum(ub[edge], col + 1)
    v_start, k = va[edge], slope[edge]
    v0 = v_start + (p0 - u0) * k
    v1 = v_start + (p1 - u0) * k
    return col + offset[edge], v0, v1, weight[edge] * (p1 - p0)


def _canvas_fractions(parts: list[_Part], shift: int, nrows: int) -> tuple[np.ndarray, np.ndarray]:
    """Fractions on a canvas holding the windows of ``parts`` side by side, from row ``shift``.

    Returns the canvas (nrows, total width) and the first canvas column of each part.
    """
    widths = np.array([p.ncols for p in parts])
    offsets = np.concatenate([[0], np.cumsum(widths)[:-1]])
    counts = [p.edges[0].size for p in parts]
    ua, va, ub, vb, weight = (np.concatenate([p.edges[k] for p in parts]) for k in range(5))
    col, v0, v1, w = _column_pieces(
        ua, va - shift, ub, vb - shift, weight, np.repeat(widths, counts), np.repeat(offsets, counts)
    )
    return _block_fractions(col, v0, v1, w, nrows, int(widths.sum())), offsets


def _mean_clamp(ta: np.ndarray, tb: np.ndarray) -> np.ndarray:
    """Mean of clamp(t, 0, 1) over t between ta and tb, without cancellation for tiny spans."""
    lo, hi = np.minimum(ta, tb), np.maximum(ta, tb)
    length = hi - lo
    a, b = np.minimum(np.maximum(lo, 0.0), 1.0), np.minimum(np.maximum(hi, 0.0), 1.0)
    inside = (b - a) * (a + b) * 0.5 + np.maximum(hi - np.maximum(lo, 1.0), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = inside / length
    return np.where(length > 0, np.minimum(mean, 1.0), a)


def _bincount(index: np.ndarray, weights: np.ndarray, length: int) -> np.ndarray:
    """np.bincount as float64 even when ``index`` is empty."""
    return np.bincount(index, weights=weights, minlength=length).astype(np.float64, copy=False)


def _block_fractions(col, v0, v1, w, nrows: int, ncols: int) -> np.ndarray:
    """Fractions (nrows, ncols) of a block whose top row is v = 0, from the column pieces.

    Everything goes into one difference array along rows (one np.bincount and one cumsum).
    """
    vmin, vmax = np.minimum(v0, v1), np.maximum(v0, v1)
    # rows wholly above a piece (r + 1 <= vmin) get its constant w
    top = np.minimum(np.maximum(np.floor(vmin), 0), nrows).astype(np.int64)
    some = top > 0
    # rows the piece crosses (floor(vmin) <= r < vmax) get the exact integral
    first = np.maximum(np.floor(vmin), 0).astype(np.int64)
    last = np.minimum(np.ceil(vmax) - 1, nrows - 1).astype(np.int64)
    counts = np.maximum(last - first + 1, 0)
    piece = np.repeat(np.arange(counts.size), counts)
    row = first[piece] + np.arange(piece.size) - (np.cumsum(counts) - counts)[piece]
    part = w[piece] * _mean_clamp(v0[piece] - row, v1[piece] - row)
    cross = row * ncols + col[piece]
    index = np.concatenate([col[some], top[some] * ncols + col[some], cross, cross + ncols])
    weights = np.concatenate([w[some], -w[some], part, -part])
    diff = _bincount(index, weights, (nrows + 1) * ncols)
    return np.cumsum(diff.reshape(nrows + 1, ncols), axis=0)[:nrows]


# --------------------------------------------------------------------------------------------
# Building a Coverage


class _Builder:
    """Collects whole cells into ``labels`` and the rest into triplets."""

    def __init__(self, grid: Grid, names: list[str]) -> None:
        self.grid = grid
        self.names = names
        self.labels = np.full((grid.height, grid.width), -1, dtype=np.int32)
        self.triplets: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def add_canvas(self, parts: list[_Part], shift: int, frac: np.ndarray, offsets: np.ndarray) -> None:
        """Add the fractions of a canvas from ``_canvas_fractions``."""
        nrows, width = frac.shape
        part_of_col = np.repeat(np.arange(len(parts)), [p.ncols for p in parts])
        rows_of_part = np.array([min(p.nrows - shift, nrows) for p in parts])
        in_part = np.arange(nrows)[:, None] < rows_of_part[part_of_col]
        # whole cells: into labels, unless an overlapping region holds them already
        for p, offset, rows in zip(parts, offsets, rows_of_part):
            whole = frac[:rows, offset : offset + p.ncols] >= FULL
            block = self.labels[p.row0 + shift : p.row0 + shift + rows, p.col0 : p.col0 + p.ncols]
            block[whole & (block < 0)] = p.region
            held = np.flatnonzero(whole & (block != p.region))
            if held.size:
                r, c = np.divmod(held, p.ncols)
                cells = (r + p.row0 + shift) * self.grid.width + (c + p.col0)
                self.triplets.append((cells, np.full(held.size, p.region, np.int32), np.ones(held.size)))
        # partly covered cells: triplets
        index = np.flatnonzero((frac > TINY) & (frac < FULL) & in_part)
        rows, cols = np.divmod(index, width)
        part = part_of_col[cols]
        row0 = np.array([p.row0 + shift for p in parts])
        col0 = np.array([p.col0 for p in parts])
        cells = (row0[part] + rows) * self.grid.width + (col0[part] + cols - offsets[part])
        region = np.array([p.region for p in parts], np.int32)[part]
        self.triplets.append((cells, region, frac.reshape(-1)[index]))

    def build(self) -> Coverage:
        if self.triplets:
            cells, regions, fractions = (np.concatenate(a) for a in zip(*self.triplets))
        else:
            cells, regions, fractions = np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0)
        cells, regions, fractions = _merge_triplets(cells, regions, fractions, len(self.names))
        return Coverage(self.grid, self.names, self.labels, cells, regions, fractions)


def _merge_triplets(cells, regions, fractions, n_regions: int):
    """Sort by cell then region; sum duplicates (parts of one region sharing a cell); cap at 1."""
    key = cells * n_regions + regions
    order = np.argsort(key, kind="stable")
    key, fractions = key[order], fractions[order]
    unique, start = np.unique(key, return_index=True)
    summed = np.minimum(np.add.reduceat(fractions, start) if fractions.size else fractions, 1.0)
    cells, regions = np.divmod(unique, n_regions)
    return cells.astype(np.int64), regions.astype(np.int32), summed


def _warn_uncovered(coverage: Coverage, progress: Progress) -> None:
    counts = np.zeros(coverage.n_regions + 1, np.int64)
    step = max(1, CHUNK_CELLS // max(coverage.grid.width, 1))
    for row0 in range(0, coverage.grid.height, step):
        counts += np.bincount(coverage.labels[row0 : row0 + step].reshape(-1) + 1, minlength=counts.size)
    present = counts[1:] > 0
    present[coverage.regions] = True
    for index in np.flatnonzero(~present):
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "The region '{region}' does not cover any cell of the raster; its totals "
                                          "are 0."),
            region=coverage.names[index])


def exact_coverage(
    geometries: Sequence,
    crs_wkt: str | None,
    grid: Grid,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> Coverage:
    """Exact coverage fractions of each region on ``grid`` (see the module docstring)."""
    progress = progress or Progress()
    names = _region_names(len(geometries), names)
    regions = prepare_regions(geometries, crs_wkt, grid, names, progress)
    parts = [
        part
        for index, geom in enumerate(regions)
        for p in range(geom.GetGeometryCount())
        if (part := _part(index, geom.GetGeometryRef(p), grid)) is not None
    ]
    total = sum(p.nrows * p.ncols for p in parts) or 1
    builder = _Builder(grid, names)
    done = 0
    progress.report(0.0)
    for canvas_parts, shift, nrows in _canvases(parts):
        frac, offsets = _canvas_fractions(canvas_parts, shift, nrows)
        builder.add_canvas(canvas_parts, shift, frac, offsets)
        done += sum(min(p.nrows - shift, nrows) * p.ncols for p in canvas_parts)
        progress.report(done / total)
    coverage = builder.build()
    _warn_uncovered(coverage, progress)
    return coverage


def cell_centre_coverage(
    geometries: Sequence,
    crs_wkt: str | None,
    grid: Grid,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> Coverage:
    """Each cell wholly to the region containing its centre (see the module docstring)."""
    progress = progress or Progress()
    names = _region_names(len(geometries), names)
    regions = prepare_regions(geometries, crs_wkt, grid, names, progress)
    source = ogr.GetDriverByName("Memory").CreateDataSource("regions")
    layer = source.CreateLayer("regions", grid.srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("idx", ogr.OFTInteger))
    for index, geom in enumerate(regions):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("idx", index)
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    progress.report(0.5)
    target = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Int32)
    target.SetGeoTransform(grid.geotransform)
    target.SetProjection(grid.crs_wkt)
    band = target.GetRasterBand(1)
    band.Fill(-1)
    gdal.RasterizeLayer(target, [1], layer, options=["ATTRIBUTE=idx", "ALL_TOUCHED=FALSE"])
    labels = band.ReadAsArray().astype(np.int32, copy=False)
    empty = np.zeros(0)
    coverage = Coverage(grid, names, labels, empty.astype(np.int64), empty.astype(np.int32), empty)
    progress.report(1.0)
    _warn_uncovered(coverage, progress)
    return coverage
