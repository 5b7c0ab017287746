"""Block I/O: the one windowed reader, memory planner, strip warper and block loop of every stage.

- Reader: ``read_window`` (one band, float64, NaN nodata) and ``read_stored`` (bands as stored,
  with the invalid-cell mask) both use ``invalid_cells``, the one nodata rule: the band's
  declared nodata value, NaN, +-inf and float32's largest value (gridbudget's "no sink" ratio,
  an unbounded value like +inf) are no data.
- Planner: ``plan_blocks`` (windows of whole tiles, narrower when a pixel-interleaved file
  makes GDAL decode many bands per tile) and ``plan_strips`` (whole-width strips of whole tile
  rows); the memory setting is ``budget_bytes`` everywhere, default ``BUDGET_BYTES``.
- Warper: ``StripWarper``, the one resampling path (``TimeSeries`` reads of files on another
  grid, the NEP sink's climate): bands of a raster onto any window of a grid, straight into a
  float64 or float32 buffer, with the values of a warp of the whole grid at once whatever the
  windows (see the class).
- Loop: ``for_each_block`` calls a stage's per-block function on every window, reports
  progress and checks cancel between steps (``Progress.report`` raises ``Cancelled``).
- Writer: ``timeseries.TimeSeriesWriter`` (atomic: the file appears only when complete).

See docs/ARCHITECTURE.md ("Block I/O" and "Stage contract").
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple, TypeVar, cast

import numpy as np
from osgeo import gdal, gdal_array, osr

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress
from .raster import KERNEL_RADIUS, RESAMPLING, Grid, grid_of

T = TypeVar("T")

gdal.UseExceptions()

TILE = 256  # rows and columns of a tile of the plugin's GeoTIFFs (timeseries.CREATION_OPTIONS)
BUDGET_BYTES = 64 * 1024 * 1024  # default of every stage's ``budget_bytes``
MAX_BUDGET_FACTOR = 4  # plan_strips(whole_tile_row=True) may exceed the budget up to this factor
FLOAT32_MAX = float(np.finfo(np.float32).max)  # and above: no data (an unbounded ratio, see module doc)
READ_THREADS = "ALL_CPUS"  # GeoTIFF tile decoding threads for read_stored ("" = one thread)
# GDAL's block cache while an algorithm runs (``capped_cache``; MB; the environment variable
# CARBON_GDAL_CACHEMAX overrides it, 0 leaves GDAL's own setting). The stages hold their blocks
# themselves and release GDAL's cache after each read, so the cache only needs the tiles of a
# strip being read or written; GDAL's default (5 % of RAM) let it grow to ~0.9 GB at national
# scale (docs/BENCHMARKS.md, "GDAL cache").
CACHE_MB = 256

_cache_lock = threading.Lock()
_cache_users = 0
_cache_saved: int | None = None


def cache_cap_bytes() -> int | None:
    """The cap ``capped_cache`` applies, in bytes (None: leave GDAL's cache as it is)."""
    text = os.environ.get("CARBON_GDAL_CACHEMAX", "").strip()
    try:
        mb = float(text) if text else float(CACHE_MB)
    except ValueError:
        mb = float(CACHE_MB)
    return int(mb * 1024 * 1024) if mb > 0 else None


@contextmanager
def capped_cache() -> Iterator[None]:
    """GDAL's block cache capped at ``cache_cap_bytes()`` (never raised) while the block runs,
    restored afterwards. Nested and concurrent uses share one cap; the last one out restores."""
    global _cache_users, _cache_saved
    cap = cache_cap_bytes()
    with _cache_lock:
        _cache_users += 1
        if _cache_users == 1:
            _cache_saved = gdal.GetCacheMax()
            if cap is not None and cap < _cache_saved:
                gdal.SetCacheMax(cap)  # GDAL flushes what no longer fits
    try:
        yield
    finally:
        with _cache_lock:
            _cache_users -= 1
            if _cache_users == 0 and _cache_saved is not None:
                gdal.SetCacheMax(_cache_saved)
                _cache_saved = None


class Window(NamedTuple):
    """A block of cells: rows [row0, row0 + nrows), columns [col0, col0 + ncols)."""

    row0: int
    nrows: int
    col0: int
    ncols: int


# -- reader -------------------------------------------------------------------------------------


def budget(budget_bytes: int | None) -> int:
    """``budget_bytes``, or the default ``BUDGET_BYTES`` (read at call time) when None."""
    return int(budget_bytes) if budget_bytes else BUDGET_BYTES


def invalid_cells(values: np.ndarray, nodata: float | None) -> np.ndarray | None:
    """The one nodata rule: cells equal to ``nodata``, NaN, +-inf or >= float32's largest value (an
    unbounded ratio, see module doc); None when there is none. ``nodata`` is compared in the type
    of ``values``, as GDAL does: give it the values as stored (a Float32 band's -3.4e38, which
    float32 rounds, matches its cells; in float64 it would match none)."""
    invalid = None
    if values.dtype.kind == "f":
        if _all_valid(values, nodata):
            return None
        invalid = ~np.isfinite(values) | (values >= FLOAT32_MAX)
        if nodata is not None and math.isfinite(nodata):
            invalid |= values == _in_type_of(values, nodata)
    elif nodata is not None and math.isfinite(nodata) and float(nodata).is_integer():
        invalid = values == nodata
    return invalid if invalid is not None and invalid.any() else None


def band_nodata(band: gdal.Band) -> float | None:
    """The band's declared nodata as its cells hold it: rounded to float32 for a Float32 band, as
    GDAL compares (ERDAS .img or ENVI keep the double, e.g. R's -3.4e38, which no float32 cell
    equals), so the rule finds the same cells whatever float type the values are read in."""
    nodata = band.GetNoDataValue()
    if nodata is not None and band.DataType == gdal.GDT_Float32 and math.isfinite(nodata):
        with np.errstate(over="ignore"):
            return float(np.float32(nodata))
    return nodata


def _in_type_of(values: np.ndarray, nodata: float) -> np.floating:
    """``nodata`` as a scalar of the float type of ``values`` (+-inf beyond its range)."""
    with np.errstate(over="ignore"):
        return values.dtype.type(nodata)


def _all_valid(values: np.ndarray, nodata: float | None) -> bool:
    """True when ``invalid_cells`` would find nothing in float ``values``, from two fast reductions
    (the usual block: no NaN, no infinity, nodata outside its range) instead of four masks."""
    if values.size == 0:
        return True
    lo, hi = np.minimum.reduce(values, axis=None), np.maximum.reduce(values, axis=None)  # NaN if any NaN
    if not (-np.inf < lo and hi < FLOAT32_MAX):  # also False for NaN
        return False
    if nodata is None or not math.isfinite(nodata):
        return True
    return not lo <= _in_type_of(values, nodata) <= hi


def read_window(ds: gdal.Dataset, band: int, window: Window, scale: float = 1.0,
                dtype: type[np.floating] = np.float64) -> np.ndarray:
    """A window of one band as float64 (or ``dtype``) with NaN where ``invalid_cells`` says no
    data, x ``scale``. Ask for float32 only where it holds every value exactly (``exact_in_float32``)."""
    b = ds.GetRasterBand(band)
    stored = b.ReadAsArray(window.col0, window.row0, window.ncols, window.nrows)
    invalid = invalid_cells(stored, band_nodata(b))
    values = stored.astype(dtype, copy=False)
    if invalid is not None:
        values[invalid] = np.nan
    return values if scale == 1.0 else values * scale


# band types whose every value float32 holds exactly (Int8 exists from GDAL 3.7)
_FLOAT32_EXACT_TYPES = {gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_Float32,
                        getattr(gdal, "GDT_Int8", gdal.GDT_Byte)}


def exact_in_float32(ds: gdal.Dataset, band: int) -> bool:
    """True when float32 holds every value of band ``band`` exactly (its type is at most 16-bit
    integer or Float32), so reading it as float32 changes nothing but the memory it takes."""
    return ds.GetRasterBand(band).DataType in _FLOAT32_EXACT_TYPES


def strip(grid: Grid, row0: int, nrows: int) -> Window:
    """The whole-width window of rows [row0, row0 + nrows) of ``grid``."""
    return Window(row0, nrows, 0, grid.width)


def interleaved(ds: gdal.Dataset) -> bool:
    """True when reading one band decodes all of them: a pixel-interleaved file, or a VRT (a warped
    one computes all its bands per block)."""
    pixel = ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "PIXEL"
    return ds.RasterCount > 1 and (pixel or ds.GetDriver().ShortName == "VRT")


def decoding_handle(ds: gdal.Dataset) -> gdal.Dataset:
    """A read handle on the same GeoTIFF that decodes its tiles on all CPUs (GDAL >= 3.6).

    Other drivers, older GDAL or a failure: ``ds`` itself. Values are identical either way.
    """
    if not READ_THREADS or ds.GetDriver().ShortName != "GTiff" or int(gdal.VersionInfo()) < 3060000:
        return ds
    try:
        handle = gdal.OpenEx(ds.GetDescription(), gdal.OF_RASTER | gdal.OF_READONLY,
                             open_options=[f"NUM_THREADS={READ_THREADS}"])
    except RuntimeError:
        return ds
    return handle if handle is not None else ds


def read_stored(ds: gdal.Dataset, bands: list[int], window: Window) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """(values as stored, ``invalid_cells`` mask or None) of each of ``bands`` in ``window``.

    Interleaved bands are read in one call; the dataset's cached blocks are released after each
    read so GDAL's cache stays bounded. The values are not scaled and invalid cells keep their
    stored value: what to do with them is the caller's choice.
    """
    row0, nrows, col0, ncols = window
    if len(bands) > 1:
        stack = ds.ReadAsArray(col0, row0, ncols, nrows, band_list=bands).reshape(len(bands), nrows, ncols)
        ds.FlushCache()
    for k, number in enumerate(bands):
        band = ds.GetRasterBand(number)
        if len(bands) > 1:
            values = stack[k]
        else:
            values = band.ReadAsArray(col0, row0, ncols, nrows)
            band.FlushCache()
        yield values, invalid_cells(values, band_nodata(band))


# -- planner ------------------------------------------------------------------------------------


def cached_bytes_per_cell(datasets: Iterable[gdal.Dataset]) -> int:
    """Bytes per cell GDAL caches while one band of a block is read (all bands if interleaved)."""
    most = 1
    for ds in datasets:
        size = gdal.GetDataTypeSize(ds.GetRasterBand(1).DataType) // 8
        interleave = ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE")
        bands = ds.RasterCount if interleave == "PIXEL" or ds.GetDriver().ShortName == "VRT" else 1
        most = max(most, size * bands + size)
    return most


def plan_blocks(
    width: int,
    height: int,
    bytes_per_cell: int,
    budget_bytes: int | None = None,
    tile: tuple[int, int] = (TILE, TILE),
    at_least_a_tile: bool = True,
    max_tile_rows: int | None = None,
    reach: Callable[[int, int], tuple[int, int] | None] | None = None,
) -> list[Window]:
    """Windows of whole tiles whose ``bytes_per_cell`` x cells fit ``budget_bytes``.

    Whole-width strips of whole tile rows (at most ``max_tile_rows`` tile rows) when a tile row
    fits, else one tile row whole tiles wide; below one tile: one tile anyway
    (``at_least_a_tile``) or fewer columns, then fewer rows, to stay within the budget.
    ``reach(row0, nrows)`` -> (first column, end column) or None: only those columns of a strip
    are planned, and strips without any are skipped (e.g. the columns regions cover).
    """
    block_w, block_h = max(tile[0], 1), max(min(tile[1], height), 1)
    cells = budget(budget_bytes) // max(bytes_per_cell, 1)
    if cells >= width * block_h:
        nrows, ncols = cells // width // block_h * block_h, width
        if max_tile_rows:
            nrows = min(nrows, max_tile_rows * block_h)
    elif cells >= block_h * block_w:
        nrows, ncols = block_h, cells // block_h // block_w * block_w
    elif at_least_a_tile:
        nrows, ncols = block_h, block_w
    elif cells >= block_h:
        nrows, ncols = block_h, cells // block_h
    else:
        nrows, ncols = max(1, min(block_h, cells)), 1
    ncols = min(ncols, width)
    blocks: list[Window] = []
    for row0 in range(0, height, nrows):
        rows = min(nrows, height - row0)
        first, end = 0, width
        if reach is not None:
            columns = reach(row0, rows)
            if columns is None:
                continue
            first = columns[0] // block_w * block_w
            end = min(-(-columns[1] // block_w) * block_w, width)
        blocks.extend(Window(row0, rows, col0, min(ncols, end - col0)) for col0 in range(first, end, ncols))
    return blocks


def plan_strips(grid: Grid, bytes_per_row: int, budget_bytes: int | None = None,
                whole_tile_row: bool = False) -> list[Window]:
    """Whole-width strips of whole tile rows (``TILE``) whose ``bytes_per_row`` x rows fit the budget.

    ``whole_tile_row``: at least one tile row (every output tile written once, whole) as long as
    that needs at most ``MAX_BUDGET_FACTOR`` x the budget; narrower strips beyond.
    """
    limit = budget(budget_bytes)
    if whole_tile_row:
        limit = min(max(limit, TILE * bytes_per_row), MAX_BUDGET_FACTOR * limit)
    rows = max(1, limit // max(bytes_per_row, 1))
    if rows >= TILE:
        rows -= rows % TILE
    return [strip(grid, row0, min(rows, grid.height - row0)) for row0 in range(0, grid.height, rows)]


# -- block loop ---------------------------------------------------------------------------------


def for_each_block(
    blocks: Sequence[Window],
    per_block: Callable[..., Iterator[object] | None],
    progress: Progress | None = None,
    steps_per_block: int = 1,
    read: Callable[[Window], object] | None = None,
) -> None:
    """Call ``per_block(window)`` for every window, reporting progress and checking cancel.

    ``per_block`` returns None (one step) or is a generator that yields once after each of its
    ``steps_per_block`` steps (e.g. one per year); progress is reported after every step, and a
    cancel raises ``Cancelled`` there. Errors propagate (writers then remove their files).

    With ``read``, the call is ``per_block(window, read(window))`` and the next window is read on
    a background thread while this one is computed: GDAL releases the GIL while it reads and
    decodes, so reading overlaps the stage's numpy work. Two windows' inputs are then in memory
    (plan the blocks for both); only that thread reads the inputs while the loop runs.
    """
    progress = progress or Progress()
    total = max(len(blocks) * steps_per_block, 1)
    done = 0
    progress.report(0.0)
    calls: Generator[tuple] = read_ahead((window, read(window)) for window in blocks) if read else (
        (window,) for window in blocks)
    try:
        for args in calls:
            steps = per_block(*args)
            del args  # the stage's step may free its window's inputs
            if steps is None:
                done += steps_per_block
                progress.report(done / total)
                continue
            for _ in steps:
                done += 1
                progress.report(done / total)
    finally:
        calls.close()  # on error or cancel: wait for a read in flight, read nothing more
    progress.report(1.0)


_END = object()


def read_ahead(items: Iterator[T]) -> Generator[T]:
    """The items of ``items``, each next one produced on a background thread while the caller
    works on the current one (GDAL releases the GIL while it reads and decodes, so reading
    overlaps numpy work). ``items`` is only ever advanced by that one thread, one step at a time;
    closing this generator waits for the step in flight and advances no further."""
    with ThreadPoolExecutor(1, thread_name_prefix="carbon-read") as pool:
        pending = pool.submit(next, items, _END)
        while (ready := [pending.result()])[0] is not _END:
            pending = pool.submit(next, items, _END)
            yield cast(T, ready.pop())  # keeping no reference while the caller works on it


# -- strip warper -------------------------------------------------------------------------------


def check_resampling(resampling: str, choices: Sequence[str] = RESAMPLING) -> None:
    """A clear error unless ``resampling`` is one of ``choices`` (default: 'none' and the warper's)."""
    if resampling not in choices:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Unknown resampling '{resampling}': use one of {choices}."),
            resampling=resampling, choices=tuple(choices))

# the most source one warp call holds (bytes); a window whose source is larger is warped in parts
WARP_SOURCE_BYTES = 32 * 1024 * 1024


def _source_window(src: Grid, grid: Grid, bounds: tuple[float, float, float, float],
                   pad: int) -> tuple[int, int, int, int]:
    """(col, row, cols, rows) of ``src`` covering ``bounds`` (in ``grid``'s CRS) plus ``pad`` cells."""
    whole = (0, 0, src.width, src.height)
    if src.srs.IsSame(grid.srs):
        xmin, ymin, xmax, ymax = bounds
    else:
        try:
            ct = osr.CoordinateTransformation(grid.srs, src.srs)
            xmin, ymin, xmax, ymax = ct.TransformBounds(*bounds, 21)
        except RuntimeError:
            return whole
    sx0, spx, _, sy0, _, spy = src.geotransform
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return whole
    c0 = max(0, math.floor((xmin - sx0) / spx) - pad)
    c1 = min(src.width, math.ceil((xmax - sx0) / spx) + pad)
    r0 = max(0, math.floor((ymax - sy0) / spy) - pad)
    r1 = min(src.height, math.ceil((ymin - sy0) / spy) + pad)
    if c1 <= c0 or r1 <= r0:
        return whole  # e.g. longitudes 0-360: let the warper sort it out
    return c0, r0, c1 - c0, r1 - r0


def _kernel_scale(cells: int, source_cells: int, coordinates: list[float]) -> float | None:
    """``cells`` of the grid per source cell over the extent ``coordinates`` span (in source pixels),
    clamped to the source as GDAL's ComputeSourceWindow clamps it; None without overlap."""
    def near_whole(v: float) -> float:  # GDAL rounds coordinates within 1e-6 of a whole pixel
        return round(v) if abs(round(v) - v) < 1e-6 else v

    low, high = near_whole(min(coordinates)), near_whole(max(coordinates))
    extent = max(0.0, min(source_cells - int(max(0.0, low)), high - low))
    return cells / extent if extent > 0 else None


@lru_cache(maxsize=64)
def kernel_scales(src: Grid, grid: Grid) -> tuple[float, float] | None:
    """Cells of ``grid`` per cell of ``src`` along x and y, as GDAL computes them for one warp of the
    whole grid (21 points along each edge, in source pixels); None when they cannot be computed.

    Every warp is given these (XSCALE, YSCALE): GDAL otherwise computes them per warped part, and
    a thin strip across a CRS change, skewed in the source, gets smaller ones than the whole grid,
    which widens the bilinear and cubic kernels as for downsampling (values then depend on the strip
    height).
    """
    ratios = list(accumulate(repeat(1 / 20, 20), initial=0.0))  # stepped as GDAL steps
    w, h = grid.width, grid.height
    pixels = ([(r * w, 0.0) for r in ratios] + [(r * w, float(h)) for r in ratios]
              + [(0.0, r * h) for r in ratios] + [(float(w), r * h) for r in ratios])
    points = [gdal.ApplyGeoTransform(grid.geotransform, x, y) for x, y in pixels]
    if not src.srs.IsSame(grid.srs):
        try:
            points = [p[:2] for p in osr.CoordinateTransformation(grid.srs, src.srs).TransformPoints(points)]
        except RuntimeError:
            return None
    inverse = gdal.InvGeoTransform(src.geotransform)
    source = [gdal.ApplyGeoTransform(inverse, x, y) for x, y in points]
    source = [p for p in source if math.isfinite(p[0]) and math.isfinite(p[1])]
    if not source:
        return None
    x = _kernel_scale(w, src.width, [p[0] for p in source])
    y = _kernel_scale(h, src.height, [p[1] for p in source])
    return (x, y) if x is not None and y is not None else None


def _halves(window: Window) -> list[Window]:
    """``window`` cut in two along its rows (its columns when it has one row); [] for one cell."""
    row0, nrows, col0, ncols = window
    if nrows > 1:
        return [Window(row0, nrows // 2, col0, ncols), Window(row0 + nrows // 2, nrows - nrows // 2, col0, ncols)]
    if ncols > 1:
        return [Window(row0, 1, col0, ncols // 2), Window(row0, 1, col0 + ncols // 2, ncols - ncols // 2)]
    return []


class StripWarper:
    """Resamples bands of a raster onto windows of ``grid``, straight into a numpy buffer: the one
    resampling path of every stage (``TimeSeries`` reads of files on another grid, the NEP sink's
    climate).

    The source window under a window (plus a margin for the kernel) is read into memory in the
    buffer's type (float64 or float32, GDAL's working type) and warped in one call for all the
    bands asked for (the coordinate transformation and ``sum``'s cell overlaps are computed once).
    Its values equal a warp of the whole grid at once (``gdal.Warp`` to a MEM dataset), whatever the
    windows: every call gets the whole grid's kernel scales (``kernel_scales``) and, when ``exact``,
    transforms every cell's coordinates exactly (errorThreshold 0; GDAL's default approximates the
    transformation linearly along each row of a warped part, within 0.125 source pixels, so its
    values depend on the part's width) and warps a margin of cells around the window (``_grown``).
    A window whose source exceeds ``WARP_SOURCE_BYTES`` is warped in parts.
    Reading the source directly, not through a band-subset VRT, keeps memory flat (each VRT
    left GDAL state behind per band touched); a warped VRT of a 240-band monthly stack re-warps
    all bands for each band read once its blocks no longer fit the GDAL cache.
    """

    def __init__(self, grid: Grid, resampling: str, exact: bool = True) -> None:
        check_resampling(resampling, RESAMPLING[1:])
        self.grid = grid
        self.resampling = resampling
        self.error_threshold = 0.0 if exact else None  # None: GDAL's default, 0.125 source pixels

    def read(self, ds: gdal.Dataset, bands: list[int], window: Window, out: np.ndarray | None = None) -> np.ndarray:
        """Bands of ``ds`` on ``window`` of the grid, NaN where no source cell contributes: written
        into ``out`` (float64 or float32, shape (bands, rows, cols), C-contiguous) or a new float64
        array."""
        shape = (len(bands), window.nrows, window.ncols)
        src = grid_of(ds)
        parts = self._parts(src, window, self._source(src, window), len(bands) * (8 if out is None else out.itemsize))
        if out is None and parts == [window]:
            return self._warp_within(ds, bands, src, window, np.dtype(np.float64))  # a view: no copy
        if out is None:
            out = np.empty(shape)
        if out.dtype not in (np.float32, np.float64) or out.shape != shape or not out.flags.c_contiguous:
            raise ValueError("out must be a C-contiguous float64 or float32 array of shape (bands, rows, cols)")
        for part in parts:
            if part == window and self._grown(src, window) == window:
                self._warp(ds, bands, src, window, out)  # straight into ``out``
                continue
            rows = slice(part.row0 - window.row0, part.row0 - window.row0 + part.nrows)
            cols = slice(part.col0 - window.col0, part.col0 - window.col0 + part.ncols)
            out[:, rows, cols] = self._warp_within(ds, bands, src, part, out.dtype)
        return out

    def _grown(self, src: Grid, window: Window) -> Window:
        """``window`` and, when ``exact``, the cells within a source cell (plus one) around it on the grid.

        GDAL skips a warp whose cells all lie outside the source, yet a warp of the whole grid
        gives the cells within a source cell of its edge the edge's values (``average`` and
        ``mode`` take at least one source cell): warped with cells that reach the source, a thin
        window next to the source's edge gets the same values.
        """
        if self.error_threshold is None:
            return window
        margin = math.ceil(max(1.0, *(kernel_scales(src, self.grid) or (1.0, 1.0)))) + 1
        row0, col0 = max(0, window.row0 - margin), max(0, window.col0 - margin)
        row1 = min(self.grid.height, window.row0 + window.nrows + margin)
        col1 = min(self.grid.width, window.col0 + window.ncols + margin)
        return Window(row0, row1 - row0, col0, col1 - col0)

    def _warp_within(self, ds: gdal.Dataset, bands: list[int], src: Grid, window: Window,
                     dtype: np.dtype) -> np.ndarray:
        """``window`` warped as part of ``_grown(window)``: a view of the grown window's values."""
        grown = self._grown(src, window)
        values = self._warp(ds, bands, src, grown, np.empty((len(bands), grown.nrows, grown.ncols), dtype))
        return values[:, window.row0 - grown.row0:window.row0 - grown.row0 + window.nrows,
                      window.col0 - grown.col0:window.col0 - grown.col0 + window.ncols]

    def _source(self, src: Grid, window: Window) -> tuple[int, int, int, int]:
        """The source window under ``window`` plus the kernel's reach (in source cells)."""
        x0, px, _, y0, _, py = self.grid.geotransform
        left, top = x0 + px * window.col0, y0 + py * window.row0
        right, bottom = left + px * window.ncols, top + py * window.nrows
        scales = kernel_scales(src, self.grid) or (1.0, 1.0)
        pad = math.ceil(KERNEL_RADIUS[self.resampling] / min(1.0, *scales)) + 2
        return _source_window(src, self.grid, (left, min(top, bottom), right, max(top, bottom)), pad)

    def _parts(self, src: Grid, window: Window, source: tuple[int, int, int, int],
               bytes_per_cell: int) -> list[Window]:
        """``window`` halved until the source of each part fits ``WARP_SOURCE_BYTES``."""
        halves = _halves(window)
        if source[2] * source[3] * bytes_per_cell <= WARP_SOURCE_BYTES or not halves:
            return [window]
        sources = [self._source(src, half) for half in halves]
        if source in sources:
            return [window]  # a half needs as much (the whole raster, see _source_window)
        return [part for half, s in zip(halves, sources) for part in self._parts(src, half, s, bytes_per_cell)]

    def _warp(self, ds: gdal.Dataset, bands: list[int], src: Grid, window: Window, out: np.ndarray) -> np.ndarray:
        """Warp the source under ``window`` onto it, into ``out``."""
        c0, r0, cols, rows = self._source(src, window)
        data_type = gdal.GDT_Float32 if out.dtype == np.float32 else gdal.GDT_Float64
        data = ds.ReadAsArray(c0, r0, cols, rows, band_list=list(bands), buf_type=data_type)
        # the one nodata rule, as for cells read on the grid: NaN for GDAL to leave out (the
        # declared nodata alone would let a +-inf or 'no sink' cell blend into its neighbours)
        nodata = band_nodata(ds.GetRasterBand(bands[0]))
        invalid = invalid_cells(data, nodata)
        if invalid is not None:
            data[invalid] = np.nan
        src_nodata = float("nan") if invalid is not None or nodata is not None else None
        source_ds = gdal_array.OpenNumPyArray(np.ascontiguousarray(data.reshape(len(bands), rows, cols)), True)
        sx0, spx, _, sy0, _, spy = src.geotransform
        source_ds.SetGeoTransform((sx0 + c0 * spx, spx, 0.0, sy0 + r0 * spy, 0.0, spy))
        source_ds.SetProjection(src.crs_wkt)
        out.fill(np.nan)  # GDAL skips a part it finds no source cells for, leaving the buffer as it was
        # the warp writes straight into ``out`` (a GDAL dataset over the numpy array)
        target = gdal_array.OpenNumPyArray(out, True)
        x0, px, _, y0, _, py = self.grid.geotransform
        target.SetGeoTransform((x0 + px * window.col0, px, 0.0, y0 + py * window.row0, 0.0, py))
        target.SetProjection(self.grid.crs_wkt)
        # NaN where no source pixel contributes; INIT_DEST instead of a destination nodata
        # value, which would add a destination validity mask and make the warp ~2.5x slower.
        # Single-threaded: for an in-memory target GDAL's extra threads cost more than they give.
        options = ["INIT_DEST=NaN"]
        scales = kernel_scales(src, self.grid)
        if scales is not None:
            options += [f"XSCALE={scales[0]!r}", f"YSCALE={scales[1]!r}"]
        gdal.Warp(target, source_ds, resampleAlg=self.resampling, errorThreshold=self.error_threshold,
                  srcNodata=src_nodata, warpOptions=options)
        target.FlushCache()
        target = source_ds = None
        return out
