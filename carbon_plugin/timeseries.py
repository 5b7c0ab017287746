"""Time-series rasters: one band per year, years in band descriptions, metadata per the contract.

``open_time_series`` is the one way every stage reads yearly data: a single multi-band raster
(years from band descriptions or a start year) or a list of yearly rasters (years from band
descriptions, file names or an explicit list), aligned onto one grid and read strip by strip.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal

from . import blockio, files
from .blockio import Window
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress
from .raster import Grid, grid_of, open_raster
from .schema import parse_year, year_candidates

QUANTITIES = ("emission", "sink", "net", "ratio", "state")
# band-interleaved: stages write and read one year at a time
CREATION_OPTIONS = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER",
                    "INTERLEAVE=BAND"]
# Compression of the rasters the writer writes (read when a writer opens; the environment variables
# CARBON_COMPRESS, CARBON_ZLEVEL and CARBON_WRITE_THREADS override them):
# - COMPRESSION: "DEFLATE" (the contract: every GeoTIFF reader reads it) or "ZSTD" (GDAL >= 2.3 built
#   with libzstd; smaller and faster, but older readers - GDAL < 2.3, ArcGIS before 10.8/Pro 2.x,
#   many non-GDAL libraries - cannot read it). Both with the predictor (3 for floats, 2 for integers).
# - ZLEVEL: DEFLATE level (ZSTD_LEVEL for ZSTD); 1 chosen by measurement (docs/BENCHMARKS.md,
#   "Threaded writes": 2-3x faster than GDAL's default 6 for a few % more bytes).
# - WRITE_THREADS: GDAL compresses tiles on this many threads (NUM_THREADS, GDAL >= 2.1); "" = one.
COMPRESSION = "DEFLATE"
ZLEVEL = 1
WRITE_THREADS = "ALL_CPUS"


def compression_options(data_type: int = gdal.GDT_Float32) -> list[str]:
    """Creation options of the writer's compression: method, predictor, level and threads."""
    method = os.environ.get("CARBON_COMPRESS", COMPRESSION).strip().upper() or "DEFLATE"
    if method not in ("DEFLATE", "ZSTD") or (
            method == "ZSTD" and "ZSTD" not in (gdal.GetDriverByName("GTiff").GetMetadataItem(
                "DMD_CREATIONOPTIONLIST") or "")):
        method = "DEFLATE"  # unknown, or a GDAL built without ZSTD: the contract's DEFLATE
    level = os.environ.get("CARBON_ZLEVEL", str(ZLEVEL)).strip()
    threads = os.environ.get("CARBON_WRITE_THREADS", WRITE_THREADS).strip()
    floating = data_type in (gdal.GDT_Float32, gdal.GDT_Float64)
    options = [f"COMPRESS={method}", "PREDICTOR=3" if floating else "PREDICTOR=2"]
    if level:
        options.append(f"{'ZLEVEL' if method == 'DEFLATE' else 'ZSTD_LEVEL'}={level}")
    if threads:
        options.append(f"NUM_THREADS={threads}")
    return options


def year_in_text(text: str) -> int | None:
    """The single 4-digit year (1800-2099) in a name or description, else None."""
    return parse_year(os.path.basename(str(text)))


def band_years(ds: gdal.Dataset, start_year: int | None = None, role: str = "raster") -> list[int]:
    """Years of a raster's bands: from band descriptions, else START_YEAR + band index."""
    descriptions = [ds.GetRasterBand(i + 1).GetDescription().strip() for i in range(ds.RasterCount)]
    years = [parse_year(d, whole=True) for d in descriptions]
    known = [y for y in years if y is not None]
    if len(known) == len(years):
        return known
    if start_year is not None:
        return [int(start_year) + i for i in range(ds.RasterCount)]
    shown = ", ".join(repr(d) for d in descriptions[:3]) + (", ..." if len(descriptions) > 3 else "")
    raise CarbonInputError(
        QT_TRANSLATE_NOOP("@default", "The band descriptions of the {role} raster '{path}' are not years ({shown}). "
                                      "Set START_YEAR (the year of band 1), or build the raster with 'Stack yearly "
                                      "rasters'."),
        role=role, path=ds.GetDescription(), shown=shown)


@dataclass
class YearLayer:
    """One year of a time series: which file and band holds it."""

    year: int
    path: str
    band: int


@dataclass
class TimeSeries:
    """Yearly layers on one grid; ``read`` gives a float64 strip with NaN as nodata.

    Files on another grid or CRS (``off_grid``) are resampled onto ``grid`` by ``warper``: all the
    bands the series reads from such a file in one warp per window, kept for the reads of that
    window (a stage reads the years of a window one after the other).
    """

    layers: list[YearLayer]
    grid: Grid
    datasets: dict[str, gdal.Dataset] = field(repr=False)  # the files, by path
    metadata: dict[str, str] = field(default_factory=dict)
    scale: float = 1.0  # applied on read, e.g. a unit conversion (t C -> t CO2)
    warper: blockio.StripWarper | None = field(default=None, repr=False)
    off_grid: frozenset[str] = frozenset()  # paths of the files read through ``warper``
    _warped: tuple[str, Window, np.ndarray] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def years(self) -> list[int]:
        return [layer.year for layer in self.layers]

    @property
    def warp_bands(self) -> int:
        """Float64 values per cell that a read holds besides the one it returns: the warped bands of
        the file off the grid with the most layers (0 when every file is on the grid). Stages count
        them in their memory plan."""
        return max((len(self.bands_of(path)) for path in self.off_grid), default=0)

    def bands_of(self, path: str) -> list[int]:
        """The bands the series reads from ``path``, in layer order."""
        return [layer.band for layer in self.layers if layer.path == path]

    def read(self, index: int, row0: int, nrows: int) -> np.ndarray:
        """Rows [row0, row0 + nrows) of layer ``index`` (whole width): ``read_window`` of a strip."""
        return self.read_window(index, blockio.strip(self.grid, row0, nrows))

    def read_window(self, index: int, window: Window, dtype: type[np.floating] = np.float64) -> np.ndarray:
        """A window of layer ``index``: float64, NaN nodata (``blockio.read_window``), x ``scale``.
        ``dtype=np.float32`` only when ``exact_in_float32`` (the same values in half the memory)."""
        layer = self.layers[index]
        if layer.path not in self.off_grid:
            return blockio.read_window(self.datasets[layer.path], layer.band, window, self.scale, dtype)
        if self._warped is None or self._warped[:2] != (layer.path, window):
            self._warped = None  # free the last window's bands first
            self._warped = (layer.path, window, self.warp(layer.path, window))
        return self._warped[2][self.bands_of(layer.path).index(layer.band)] * self.scale

    def exact_in_float32(self) -> bool:
        """True when float32 holds every value the series reads exactly: every file on the grid,
        every band at most 16-bit integer or Float32, no scale (``blockio.exact_in_float32``)."""
        return self.scale == 1.0 and not self.off_grid and all(
            blockio.exact_in_float32(self.datasets[layer.path], layer.band) for layer in self.layers)

    def warp(self, path: str, window: Window) -> np.ndarray:
        """``bands_of(path)`` (a file off the grid) resampled onto ``window``: (bands, rows, cols),
        float64, NaN where ``blockio.invalid_cells`` says no data, not scaled."""
        if self.warper is None:
            raise ValueError(f"'{path}' is on the grid of the series: read it, do not warp it")
        values = self.warper.read(self.datasets[path], self.bands_of(path), window)
        invalid = blockio.invalid_cells(values, None)
        if invalid is not None:
            values[invalid] = np.nan
        return values

    def read_year(self, year: int, row0: int, nrows: int) -> np.ndarray:
        return self.read(self.years.index(year), row0, nrows)

    def subset(self, years: Sequence[int]) -> TimeSeries:
        """The same series restricted to ``years`` (in that order)."""
        by_year = {layer.year: layer for layer in self.layers}
        return TimeSeries([by_year[y] for y in years], self.grid, self.datasets, self.metadata, self.scale,
                          self.warper, self.off_grid)


def _layers_from_one(path: str, ds: gdal.Dataset, start_year: int | None, role: str) -> list[YearLayer]:
    if ds.RasterCount == 1 and start_year is None:
        desc = ds.GetRasterBand(1).GetDescription().strip()
        year = parse_year(desc, whole=True) or year_in_text(path)
        if year is not None:
            return [YearLayer(year, path, 1)]
    years = band_years(ds, start_year, role)
    return [YearLayer(y, path, i + 1) for i, y in enumerate(years)]


def _year_of_single(path: str, ds: gdal.Dataset, role: str) -> int:
    if ds.RasterCount != 1:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {role} raster '{path}' has {n_bands} bands; give one file per year, "
                                          "or a single multi-band time-series raster."),
            role=role, path=path, n_bands=ds.RasterCount)
    desc = ds.GetRasterBand(1).GetDescription().strip()
    year = parse_year(desc, whole=True)
    if year is not None:
        return year
    year = year_in_text(path)
    candidates = year_candidates(os.path.basename(str(path)))
    if year is None and len(candidates) > 1:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The name of the {role} raster '{path}' holds {n} year candidates "
                                          "({candidates}), so its year is ambiguous. Give the years explicitly with "
                                          "'Stack yearly rasters' (parameter YEARS, one year per input in input order),"
                                          " or rename the files so that each name holds a single 4-digit year (e.g. "
                                          "npp_2003.tif)."),
            role=role, path=path, n=len(candidates), candidates=", ".join(candidates))
    if year is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "No year found in the name or band description of the {role} raster "
                                          "'{path}'. Rename it with a 4-digit year (e.g. npp_2005.tif) or give the "
                                          "years explicitly."),
            role=role, path=path)
    return year


def _check_years(layers: list[YearLayer], role: str, progress: Progress) -> list[YearLayer]:
    layers = sorted(layers, key=lambda layer: layer.year)
    seen: dict[int, str] = {}
    for layer in layers:
        if layer.year in seen:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Year {year} appears twice in the {role} rasters ('{first_path}' and "
                                              "'{second_path}'); remove one or give the years explicitly."),
                year=layer.year, role=role, first_path=seen[layer.year], second_path=layer.path)
        seen[layer.year] = layer.path
    years = [layer.year for layer in layers]
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    if missing:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "The {role} series has no data for the years {years}."),
            role=role, years=", ".join(map(str, missing)))
    return layers


def _warn_scaled_bands(layers: list[YearLayer], datasets: dict[str, gdal.Dataset], role: str,
                       progress: Progress) -> None:
    """Values are read as stored: say so where a band declares a scale or offset (GDAL metadata, as
    in MODIS products; QGIS shows such values scaled), once per file."""
    warned: set[str] = set()
    for layer in layers:
        if layer.path in warned:
            continue
        band = datasets[layer.path].GetRasterBand(layer.band)
        scale, offset = band.GetScale(), band.GetOffset()
        if (scale not in (None, 1.0)) or (offset not in (None, 0.0)):
            progress.warning(QT_TRANSLATE_NOOP(
                "@default", "Band {band} of the {role} raster '{path}' declares a scale of {scale:g} and an "
                "offset of {offset:g} (GDAL metadata, as in MODIS products; QGIS shows the values scaled). The "
                "plugin reads the values as stored, without them: give the tool's scale parameter where it has "
                "one (e.g. NPP_SCALE), or write the values out scaled first (Raster > Conversion > Translate "
                "with the extra option '-unscale -ot Float32')."),
                band=layer.band, role=role, path=layer.path, scale=1.0 if scale is None else scale,
                offset=0.0 if offset is None else offset)
            warned.add(layer.path)


def open_time_series(
    paths: Sequence[str],
    start_year: int | None = None,
    years: Sequence[int] | None = None,
    grid: Grid | None = None,
    resampling: str = "bilinear",
    role: str = "raster",
    progress: Progress | None = None,
    opened: dict[str, gdal.Dataset] | None = None,
) -> TimeSeries:
    """Open yearly data from one multi-band raster or a list of yearly rasters, on one grid.

    ``grid`` defaults to the grid of the first raster; rasters on another grid or CRS are resampled
    onto it with ``resampling`` as they are read (``blockio.StripWarper``; a log line says so).
    ``opened``: datasets the caller has already opened, by path (each file is opened once).
    """
    progress = progress or Progress()
    paths = [str(p) for p in paths]
    if not paths:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "No {role} raster was given."), role=role)
    opened = opened or {}
    datasets = {p: opened[p] if p in opened else open_raster(p, role) for p in paths}
    if years is not None:
        layers = _explicit_years(paths, datasets, list(years), role)
    elif len(paths) == 1:
        layers = _layers_from_one(paths[0], datasets[paths[0]], start_year, role)
    else:
        layers = [YearLayer(_year_of_single(p, datasets[p], role), p, 1) for p in paths]
    layers = _check_years(layers, role, progress)
    _warn_scaled_bands(layers, datasets, role, progress)
    target = grid or grid_of(datasets[layers[0].path], role)
    off_grid = set()
    for p, ds in datasets.items():
        if not grid_of(ds, role).matches(target):
            if resampling == "none":
                raise CarbonInputError(
                    QT_TRANSLATE_NOOP("@default", "The {role} raster '{p}' does not align with the reference grid "
                                                  "(size, cell size, origin or CRS differ); choose a resampling "
                                                  "method to align it."),
                    role=role, p=p)
            progress.log(
                QT_TRANSLATE_NOOP("@default", "Aligning the {role} raster '{p}' to the reference grid ({resampling} "
                                              "resampling)."),
                role=role, p=p, resampling=resampling)
            off_grid.add(p)
    warper = blockio.StripWarper(target, resampling) if off_grid else None
    first = datasets[layers[0].path]
    metadata = {k: v for k, v in (first.GetMetadata() or {}).items() if k.startswith("CARBON_")}
    return TimeSeries(layers, target, datasets, metadata, warper=warper, off_grid=frozenset(off_grid))


def _explicit_years(paths: list[str], datasets: dict, years: list[int], role: str) -> list[YearLayer]:
    slots = [(p, b + 1) for p in paths for b in range(datasets[p].RasterCount)]
    if len(years) != len(slots):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "{n_years} years were given for {n_slots} {role} bands; give one year per "
                                          "band."),
            n_years=len(years), n_slots=len(slots), role=role)
    return [YearLayer(int(y), p, b) for y, (p, b) in zip(years, slots)]


RASTER_EXTENSIONS = (".tif", ".tiff")


def check_raster_output(path: str, what: str = "output") -> None:
    """A raster output must be a GeoTIFF (.tif or .tiff): the writer writes no other format."""
    extension = os.path.splitext(str(path))[1]
    if extension.lower() not in RASTER_EXTENSIONS:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {what} '{path}' ends in '{extension}', but raster outputs are written "
                                          "as GeoTIFF: name it .tif or .tiff."),
            what=what, path=str(path), extension=extension or "-")


class _GdalErrors:
    """Collects GDAL's error messages while a write call runs (the exception carries only the
    first); a failure becomes a ``CarbonInputError`` naming the output and the cause."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.messages: list[str] = []

    def _handler(self, kind, number, message) -> None:
        del number
        if kind >= gdal.CE_Failure:
            self.messages.append(str(message))

    def call(self, fn, *args):
        self.messages = []
        gdal.PushErrorHandler(self._handler)
        try:
            result = fn(*args)
        except RuntimeError as err:
            raise self.error(err) from None
        finally:
            gdal.PopErrorHandler()
        if self.messages:
            raise self.error(self.messages[0])
        return result

    def error(self, err) -> CarbonInputError:
        # the strerror text (e.g. 'File too large') is often in a later message than the first
        text = "; ".join(dict.fromkeys([*self.messages, str(err)]))
        cause = next((m for m in [*self.messages, str(err)] if files.cause_of(m)), text)
        return files.write_error(self.path, cause if files.cause_of(cause) else text)


class TimeSeriesWriter:
    """Writes a time-series GeoTIFF per the contract; the file appears only when complete.

    Use as a context manager. It writes a hidden temporary file in the target folder and renames
    it at the end; on any exception (an error, cancel, a full disk) the temporary file is deleted
    and an existing file at ``path`` is left untouched. Write failures (missing folder, no
    permission, name too long, disk full) become a ``CarbonInputError`` naming the output.
    """

    def __init__(
        self,
        path: str,
        grid: Grid,
        years: Sequence[int | str],  # the band descriptions: years, or labels such as a period
        quantity: str | None = None,
        units: str | None = None,
        data_type: int = gdal.GDT_Float32,
        nodata: float = float("nan"),
    ) -> None:
        self.path = str(path)
        self.grid = grid
        self.years = list(years)
        self.quantity = quantity
        self.units = units
        self.data_type = data_type
        self.nodata = nodata
        self._tmp: str | None = None
        self.ds: gdal.Dataset | None = None
        self._gdal = _GdalErrors(self.path)

    def __enter__(self) -> TimeSeriesWriter:
        check_raster_output(self.path)
        self._tmp = files.temp_path(self.path)
        try:
            self._create()
        except BaseException:
            self._discard()
            raise
        return self

    def _create(self) -> None:
        options = [o for o in CREATION_OPTIONS if not o.startswith("COMPRESS=")]
        self.ds = self._gdal.call(
            gdal.GetDriverByName("GTiff").Create,
            self._tmp, self.grid.width, self.grid.height, len(self.years), self.data_type,
            [*options, *compression_options(self.data_type)],
        )
        self.ds.SetGeoTransform(self.grid.geotransform)
        self.ds.SetProjection(self.grid.crs_wkt)
        if self.quantity:
            self.ds.SetMetadataItem("CARBON_QUANTITY", self.quantity)
        if self.units:
            self.ds.SetMetadataItem("CARBON_UNITS", self.units)
        for i, year in enumerate(self.years):
            band = self.ds.GetRasterBand(i + 1)
            band.SetDescription(str(year))
            band.SetNoDataValue(self.nodata)

    def write(self, index: int, row0: int, values: np.ndarray, col0: int = 0) -> None:
        """Write a block of band ``index`` (0-based) whose first cell is (``row0``, ``col0``)."""
        if self.ds is None:
            raise RuntimeError("TimeSeriesWriter.write outside its 'with' block")
        self._gdal.call(self.ds.GetRasterBand(index + 1).WriteArray, values, col0, row0)

    def _close(self) -> None:
        ds, self.ds = self.ds, None
        if ds is None:
            return
        last = [ds]
        del ds
        errors = []
        # flush, then drop the last reference (GDAL closes the file); both report write errors
        for step in (lambda: last[0].FlushCache(), last.clear):
            try:
                self._gdal.call(step)
            except CarbonInputError as err:
                errors.append(err)
        if errors:
            raise errors[0]

    def _discard(self) -> None:
        """Close without raising and remove the temporary file (and its side files)."""
        try:
            self._close()
        except (CarbonInputError, RuntimeError):
            pass
        if self._tmp:
            files.remove_quietly(self._tmp, self._tmp + ".aux.xml", self._tmp + ".ovr")

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self._discard()
            return
        try:
            self._close()
            # side files of an older raster (statistics, overviews): set aside with the run's
            # rollback, so a run that fails later puts them back with the raster
            for side in (self.path + ".aux.xml", self.path + ".ovr"):
                files.retire(side)
        except BaseException:
            self._discard()
            raise
        if self._tmp is None:
            raise RuntimeError("TimeSeriesWriter closed without being entered")
        files.commit(self._tmp, self.path)


@dataclass(frozen=True)
class StackOptions:
    """How ``stack_years`` stacks: ``years`` of the inputs (None: from their band descriptions or
    file names), ``resampling`` of inputs off the reference grid (``raster.RESAMPLING``; 'none':
    they must align), the ``quantity`` and ``units`` written as CARBON_QUANTITY and CARBON_UNITS."""

    years: Sequence[int] | None = None
    resampling: str = "bilinear"
    quantity: str | None = None
    units: str | None = None

    def __post_init__(self) -> None:
        blockio.check_resampling(self.resampling)  # also when every input is on the grid
        if self.quantity is not None and self.quantity not in QUANTITIES:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unknown quantity '{quantity}': use one of {choices}."),
                quantity=self.quantity, choices=QUANTITIES)


@dataclass(frozen=True)
class StackResult:
    """What ``stack_years`` wrote: the years, one band each, sorted."""

    years: list[int]


def stack_years(
    paths: Sequence[str],
    output: str,
    reference: str | None = None,
    options: StackOptions = StackOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> StackResult:
    """Build a time-series raster ``output`` (band per year, sorted) from yearly rasters, on the
    grid of ``reference`` (default: the raster of the first year)."""
    progress = progress or Progress()
    grid = grid_of(open_raster(reference, "reference"), "reference") if reference else None
    series = open_time_series(paths, years=options.years, grid=grid, resampling=options.resampling, role="input",
                              progress=progress)
    # inputs' own nodata values become NaN, the contract's nodata for float rasters
    with TimeSeriesWriter(output, series.grid, series.years, options.quantity, options.units) as out:

        def copy_block(window: Window):
            for i in range(len(series.layers)):
                out.write(i, window.row0, series.read_window(i, window).astype(np.float32))
                yield

        strips = blockio.plan_strips(series.grid, series.grid.width * 8 * (1 + series.warp_bands), budget_bytes)
        blockio.for_each_block(strips, copy_block, progress, steps_per_block=len(series.layers))
    return StackResult(series.years)
