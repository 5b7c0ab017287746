"""Zonal sums of time-series rasters over regions, with exact coverage fractions, in one pass.

Public API
----------
``zonal_sums(coverage, series, guards=None, *, progress=None, budget_bytes=None)``
    -> ``ZonalSums`` for one ``TimeSeries``, or ``list[ZonalSums]`` (same order) for a list.
    ``coverage``: a ``carbon_plugin.coverage.Coverage`` on the series' grid (every series must
    be on ``coverage.grid``: open them with ``open_time_series(..., grid=coverage.grid)`` or
    compute one coverage per grid). All bands of all series are summed in ONE streaming pass:
    the raster is read block by block (whole tile rows; narrower blocks when a pixel-interleaved
    file holds many bands), one band-block at a time (the next one is read and decoded on a
    background thread while this one is summed), so memory is bounded by ``budget_bytes``
    (default ``blockio.BUDGET_BYTES``) whatever the number of bands; tiles that no region covers
    are not read at all. Sums accumulate in float64. Cells without data (``blockio``'s one rule:
    nodata, NaN, +-inf) count as 0 (this stage's choice) and their area is left out of
    ``valid_area_km2``. Progress is reported after every band-block (``Progress.report`` raises
    ``Cancelled`` when the user cancels). GeoTIFF tiles are decoded on all CPUs (GDAL >= 3.6,
    ``blockio.READ_THREADS``).
``plan_blocks(grid, series, budget_bytes, coverage=None) -> list[(row0, nrows, col0, ncols)]``
    The blocks that pass reads (exposed for stages that stream the same way).

``ZonalSums`` (one per series):
    ``names``  region names (the coverage's), ``years`` the series' years;
    ``sums``   float64 (n_regions, n_years): sum over cells of coverage fraction x band value
               x the series' ``scale``, in the raster's units per cell (e.g. t CO2 / cell / yr
               -> t CO2 / yr);
    ``covered_area_km2`` float64 (n_regions,): sum of fraction x true cell area (km2);
    ``valid_area_km2``   float64 (n_regions, n_years): the same over cells with a valid value;
    ``nodata_area_km2``  (property) covered minus valid area;
    ``metadata`` the series' ``CARBON_*`` metadata (quantity, units).
Band values are used as stored, then multiplied by ``TimeSeries.scale`` (band scale/offset
metadata is not applied).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from typing import overload

import numpy as np
from osgeo import gdal

from . import blockio
from .blockio import Window
from .cellarea import row_cell_areas_m2
from .coverage import Coverage, CoverageWindow
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress
from .raster import Grid
from .timeseries import TimeSeries
from .units import KM2_PER_M2

WORK_BYTES_PER_CELL = 48  # block buffers besides the band values: bins, float64 copies, masks


@dataclass
class ZonalSums:
    """Per-region sums of one time series (see the module docstring)."""

    names: list[str]
    years: list[int]
    sums: np.ndarray
    covered_area_km2: np.ndarray
    valid_area_km2: np.ndarray
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def nodata_area_km2(self) -> np.ndarray:
        """Covered area of cells without a valid value, km2, (n_regions, n_years)."""
        return np.maximum(self.covered_area_km2[:, None] - self.valid_area_km2, 0.0)


def _check_grids(coverage: Coverage, series: Sequence[TimeSeries]) -> None:
    for s in series:
        if not s.grid.matches(coverage.grid):
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "A raster is not on the grid the region coverage was computed for; "
                                              "open it on that grid (open_time_series(..., grid=...)) or compute a "
                                              "coverage for its own grid.")
            )


def _block_size(series: Sequence[TimeSeries]) -> tuple[int, int]:
    layer = series[0].layers[0]
    return tuple(series[0].datasets[layer.path].GetRasterBand(layer.band).GetBlockSize())


def plan_blocks(
    grid: Grid, series: Sequence[TimeSeries], budget_bytes: int | None, coverage: Coverage | None = None
) -> list[Window]:
    """Blocks (row0, nrows, col0, ncols) of whole tiles that fit ``budget_bytes``.

    With ``coverage``, only the tiles a region covers are planned (a strip is cut to the columns
    its regions reach; strips without regions are skipped), so a small region on a large raster
    reads only its part.
    """
    datasets = [ds for s in series for ds in s.datasets.values()]
    warped = 8 * sum(s.warp_bands for s in series)  # the bands of files off the grid, warped per block
    # twice what one read holds: the next band-block is read while this one is summed
    per_cell = 2 * (blockio.cached_bytes_per_cell(datasets) + warped) + WORK_BYTES_PER_CELL
    reach = coverage.covered_columns if coverage is not None else None
    return blockio.plan_blocks(grid.width, grid.height, per_cell, budget_bytes, _block_size(series), reach=reach)


Reader = Callable[[Window], Iterator[tuple[np.ndarray, np.ndarray | None]]]


def _read_groups(series: TimeSeries) -> list[tuple[Reader, list[int]]]:
    """(read a block: values as stored and invalid cells per layer, layer indices) per group of layers.

    Consecutive layers of an interleaved file are read in one call, and so are all the layers of
    a file off the grid (one warp). Multi-threaded decoding is used where it cannot decode a tile
    twice: whole groups of an interleaved file, or files whose bands are stored apart.
    """
    groups: list[tuple[gdal.Dataset, list[int], list[int]]] = []
    for i, layer in enumerate(series.layers):
        if layer.path in series.off_grid:
            continue
        ds = series.datasets[layer.path]
        if groups and groups[-1][0] is ds and blockio.interleaved(ds):
            groups[-1][1].append(i)
            groups[-1][2].append(layer.band)
        else:
            groups.append((ds, [i], [layer.band]))
    handles: dict[int, gdal.Dataset] = {}
    out: list[tuple[Reader, list[int]]] = []
    for ds, indices, bands in groups:
        if len(bands) > 1 or not blockio.interleaved(ds):
            ds = handles.setdefault(id(ds), blockio.decoding_handle(ds))
        out.append((partial(blockio.read_stored, ds, bands), indices))
    for path in sorted(series.off_grid):
        indices = [i for i, layer in enumerate(series.layers) if layer.path == path]
        out.append((partial(_read_warped, series, path), indices))
    return out


def _read_warped(series: TimeSeries, path: str, window: Window) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """The layers of ``path`` (off the grid) warped onto ``window``, each with its invalid (NaN) cells."""
    for values in series.warp(path, window):
        yield values, blockio.invalid_cells(values, None)


def as_zero(values: np.ndarray, invalid: np.ndarray | None) -> np.ndarray:
    """This stage's choice on top of the reader: cells without data count as 0 (in place)."""
    if invalid is not None:
        np.copyto(values, 0, where=invalid)
    return values


class _BlockSums:
    """Adds band-blocks of one block of cells to per-region sums and invalid areas."""

    def __init__(self, window: CoverageWindow, cell_area_km2: np.ndarray) -> None:
        self.window = window
        self.cell_area_km2 = cell_area_km2
        self.last_invalid: np.ndarray | None = None
        self.last_invalid_km2 = np.zeros(window.n_regions)

    def add(self, values: np.ndarray, invalid: np.ndarray | None, sums: np.ndarray, invalid_km2: np.ndarray) -> None:
        """Add one band-block to ``sums`` and ``invalid_km2`` (length n_regions, in place)."""
        sums += self.window.sums(values)
        if invalid is None:
            return
        if self.last_invalid is None or not np.array_equal(invalid, self.last_invalid):
            # most bands share their nodata cells: compute their area once per block
            self.last_invalid = invalid
            self.last_invalid_km2 = self.window.sums_where(invalid, self.cell_area_km2)
        invalid_km2 += self.last_invalid_km2


def _band_blocks(groups: list[list[tuple[Reader, list[int]]]], block: Window,
                 ) -> Iterator[tuple[Window, int, int, np.ndarray, np.ndarray | None]]:
    """(``block``, series, layer, values as stored, invalid cells) of every band of every series."""
    for k, series_groups in enumerate(groups):
        for read, indices in series_groups:
            for i, (values, invalid) in zip(indices, read(block)):
                yield block, k, i, values, invalid


Guard = Callable[[int, np.ndarray], None]


@overload
def zonal_sums(
    coverage: Coverage,
    series: TimeSeries,
    guards: Sequence[Guard | None] | None = None,
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> ZonalSums: ...


@overload
def zonal_sums(
    coverage: Coverage,
    series: Sequence[TimeSeries],
    guards: Sequence[Guard | None] | None = None,
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> list[ZonalSums]: ...


def zonal_sums(
    coverage: Coverage,
    series: TimeSeries | Sequence[TimeSeries],
    guards: Sequence[Guard | None] | None = None,
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> ZonalSums | list[ZonalSums]:
    """Sum every band of ``series`` over every region in one pass (see the module docstring).

    ``guards``: one per series (or None), called with (band index, band-block as stored, nodata
    as 0) before the block is summed: the plausibility checks (``plausibility.CarbonGuard``).
    """
    progress = progress or Progress()
    single = isinstance(series, TimeSeries)
    all_series: list[TimeSeries] = [series] if isinstance(series, TimeSeries) else list(series)
    guard_list: list[Guard | None] = list(guards) if guards is not None else [None] * len(all_series)
    _check_grids(coverage, all_series)
    grid, n = coverage.grid, coverage.n_regions
    sums = [np.zeros((len(s.layers), n)) for s in all_series]
    invalid_km2 = [np.zeros((len(s.layers), n)) for s in all_series]
    covered_km2 = np.zeros(n)
    row_km2 = row_cell_areas_m2(grid) * KM2_PER_M2
    blocks = plan_blocks(grid, all_series, budget_bytes, coverage)
    groups = [_read_groups(s) for s in all_series]

    def per_block(block: Window) -> Iterator[None]:
        row0, nrows, col0, ncols = block
        window = coverage.window(row0, nrows, col0, ncols)
        cell_km2 = np.repeat(row_km2[row0 : row0 + nrows], ncols)
        covered_km2[:] += window.sums(cell_km2)
        block_sums = _BlockSums(window, cell_km2)
        for _ in range(n_bands):
            read_block, k, i, values, invalid = next(band_blocks)
            assert read_block == block, "the band-blocks stream is out of step with the blocks"
            values = as_zero(values, invalid)
            guard = guard_list[k]
            if guard is not None:
                guard(i, values)
            block_sums.add(values, invalid, sums[k][i], invalid_km2[k][i])
            del values, invalid  # the reader may hold the next band-block only
            yield

    n_bands = sum(len(s.layers) for s in all_series)
    # the next band-block (of this block or the next) is read and decoded on a background thread
    # while this one is summed
    band_blocks = blockio.read_ahead(item for block in blocks for item in _band_blocks(groups, block))
    with closing(band_blocks):
        blockio.for_each_block(blocks, per_block, progress, steps_per_block=n_bands)
    results = [
        ZonalSums(
            list(coverage.names), s.years, sums[k].T * getattr(s, "scale", 1.0), covered_km2.copy(),
            np.maximum(covered_km2[:, None] - invalid_km2[k].T, 0.0), dict(s.metadata),
        )
        for k, s in enumerate(all_series)
    ]
    return results[0] if single else results
