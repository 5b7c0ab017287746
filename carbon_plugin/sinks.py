"""Carbon sinks from NPP and climate (METHODS.md section 3, ``nepsink``): NEP = NPP - Rh.

- Rh, soil heterotrophic respiration (Pei et al. 2009), per month in g C m-2:
  ``Rh_m = 0.22 x (exp(0.0913 T) + ln(0.3145 R + 1)) x 30 x 0.465`` (the whole sum is multiplied);
  annual Rh = sum of the 12 months, or from annual climate ``12 x Rh_m(T_mean, P_total / 12)``
  (an approximation: the formula is not linear in T and R).
- NEP = NPP - Rh in g C m-2 yr-1; sink per cell in t C = NEP x true cell area in m2 x 1e-6, then
  the requested unit (t CO2 by default). Positive = absorption; negative NEP is an ecosystem source.

Streaming: rows are processed strip by strip and, within a strip, year by year, so memory depends
on the raster width, never on the number of years. Climate rasters on another grid or CRS are
resampled to the NPP grid (bilinear) strip by strip, the 12 months of a year in one warp: a warped
VRT over a 240-band monthly stack re-warps every band for each band read once its blocks no longer
fit the GDAL cache, which made a 100 m run intractable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal

from . import blockio, plausibility
from .blockio import StripWarper, Window
from .cellarea import row_cell_areas_m2
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .plausibility import LayerInfo, Unusual, value_range
from .progress import Progress
from .raster import Grid, grid_of, layer_infos, open_raster
from .schema import YEAR_RE, parse_year
from .timeseries import TimeSeries, TimeSeriesWriter, open_time_series, year_in_text
from .units import T_C, T_CO2, factor_from_t_c

# Pei et al. 2009 [lit]
RH_COEFFICIENT = 0.22
RH_TEMPERATURE = 0.0913
RH_PRECIPITATION = 0.3145
DAYS_PER_MONTH = 30.0
CARBON_FRACTION = 0.465
G_PER_T = 1e6

MONTHLY = "monthly"
ANNUAL = "annual"
TIMESTEPS = (MONTHLY, ANNUAL)
SIGNED = "signed"
POSITIVE = "positive"
SIGN_MODES = (SIGNED, POSITIVE)
DENSITY_UNITS = "g C m-2 yr-1"
CLIMATE_RESAMPLING = "bilinear"

ANNUAL_APPROXIMATION = QT_TRANSLATE_NOOP(
    "@default",
    "Annual climate: Rh = 12 x Rh_month(mean temperature, total precipitation / 12), an "
    "approximation of the sum of 12 monthly values: with seasonal climate it gives a lower Rh "
    "(about 10 % lower for a 27 C annual temperature range), hence a higher NEP. Monthly "
    "climate gives the exact sum."
)

_MONTH_DESCRIPTION = re.compile(r"^\s*" + YEAR_RE + r"\s*[-_/.]?\s*(0?[1-9]|1[0-2])\s*$")
_MONTH_IN_NAME = re.compile(r"(?<!\d)" + YEAR_RE + r"[-_.]?(0[1-9]|1[0-2])(?!\d)")


# --------------------------------------------------------------------------------------------
# the science, on scalars or arrays


# negative precipitation is an error (the check lives with the other guards)
_check_precipitation = plausibility.negative_precipitation


def rh_monthly_gc_m2(t_c, p_mm, check: bool = True):
    """Soil heterotrophic respiration of one month in g C m-2 (Pei et al. 2009).

    ``t_c`` monthly mean air temperature in deg C, ``p_mm`` monthly precipitation in mm; scalars
    or arrays (NaN stays NaN). Negative precipitation is an error.
    """
    t = np.asarray(t_c, dtype=np.float64)
    p = np.asarray(p_mm, dtype=np.float64)
    if check:
        _check_precipitation(p)
    rh = RH_COEFFICIENT * (np.exp(RH_TEMPERATURE * t) + np.log1p(RH_PRECIPITATION * p))
    rh *= DAYS_PER_MONTH * CARBON_FRACTION
    return float(rh) if rh.ndim == 0 else rh


def rh_annual_from_months_gc_m2(t_months, p_months, check: bool = True):
    """Annual Rh in g C m-2 yr-1: the sum of 12 monthly values (first axis = month).

    Computed in float64 as 0.22 x 30 x 0.465 x (sum exp(0.0913 T_m) + ln prod (0.3145 R_m + 1)):
    one logarithm instead of twelve (the product stays far below the float64 range: 12 months
    of 10 000 mm give 1e42), the same value as the sum of ``rh_monthly_gc_m2`` to ~1e-15.
    """
    t = np.asarray(t_months)  # float32 strips stay float32; each month is computed in float64
    p = np.asarray(p_months)
    if t.shape[0] != 12 or p.shape[0] != 12:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "Monthly climate needs 12 months per year, got {t_months} and {p_months}."),
            t_months=t.shape[0], p_months=p.shape[0])
    if check:
        _check_precipitation(p)
    shape = t.shape[1:]
    exp_sum = np.zeros(shape, dtype=np.float64)
    product = np.ones(shape, dtype=np.float64)
    work = np.empty(shape, dtype=np.float64)
    for m in range(12):
        work[...] = t[m]
        work *= RH_TEMPERATURE
        np.exp(work, out=work)
        exp_sum += work
        work[...] = p[m]
        work *= RH_PRECIPITATION
        work += 1.0
        product *= work
    np.log(product, out=product)
    exp_sum += product
    exp_sum *= RH_COEFFICIENT * DAYS_PER_MONTH * CARBON_FRACTION
    return float(exp_sum) if exp_sum.ndim == 0 else exp_sum


def rh_annual_from_annual_gc_m2(t_mean, p_total, check: bool = True):
    """Annual Rh from annual climate: 12 x Rh_m(T_mean, P_total / 12) (an approximation)."""
    p = np.asarray(p_total, dtype=np.float64)
    if check:
        _check_precipitation(p)
    return 12.0 * rh_monthly_gc_m2(t_mean, p / 12.0, check=False)


def npp_gc_m2(values, scale: float = 1.0, valid_max: float | None = None) -> np.ndarray:
    """Stored NPP values into g C m-2 yr-1: raw values above ``valid_max`` (fill codes such as
    MOD17A3's 32767, with valid_max 32700) become NaN, then x ``scale`` (0.1 for MOD17A3 DN)."""
    npp = np.array(values, dtype=np.float64)
    if valid_max is not None:
        with np.errstate(invalid="ignore"):
            npp[npp > valid_max] = np.nan
    npp *= scale
    return npp


def sink_per_cell(nep_gc_m2: np.ndarray, cell_area_m2, units: str = T_CO2, sign_mode: str = SIGNED):
    """Sink per cell: NEP (g C m-2 yr-1) x cell area (m2) x 1e-6 -> t C, in ``units``.

    ``sign_mode`` 'signed' keeps negative NEP (an ecosystem source) as a negative sink;
    'positive' counts absorption only (negative NEP -> 0). NaN stays NaN.
    """
    if sign_mode not in SIGN_MODES:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Unknown sign mode '{mode}': use one of {modes}."),
                               mode=sign_mode, modes=", ".join(SIGN_MODES))
    sink = np.asarray(nep_gc_m2, dtype=np.float64) * cell_area_m2 * (factor_from_t_c(units) / G_PER_T)
    if sign_mode == POSITIVE:
        sink = np.where(sink < 0, 0.0, sink)
    return sink


def sink_units(units: str) -> str:
    """The CARBON_UNITS text of a sink raster, e.g. 't CO2 / cell / yr'."""
    factor_from_t_c(units)  # validates
    return f"{units} / cell / yr"


# --------------------------------------------------------------------------------------------
# climate inputs: which file and band holds which year (and month)


def _descriptions(ds: gdal.Dataset) -> list[str]:
    return [ds.GetRasterBand(i + 1).GetDescription().strip() for i in range(ds.RasterCount)]


def _is_year(text: str) -> bool:
    return parse_year(text, whole=True) is not None


def _month_of(text: str) -> tuple[int, int] | None:
    m = _MONTH_DESCRIPTION.match(text)
    return (int(m.group(1)), int(m.group(2))) if m else None




def monthly_slots(
    paths: Sequence[str], datasets: dict[str, gdal.Dataset], start_year: int | None, role: str
) -> list[tuple[int, int]]:
    """(year, month) of every band of ``paths`` in order (files in order, bands in order).

    Accepted: bands described 'YYYY-MM' (or 'YYYYMM'); a raster of 12 x years bands with
    START_YEAR (band 1 = January of START_YEAR); one 12-band file per year (year in the file
    name); one single-band file per month ('YYYY-MM' or 'YYYYMM' in the name or description).
    """
    slots: list[tuple[int, int]] = []
    single = len(paths) == 1
    for p in paths:
        ds = datasets[p]
        n = ds.RasterCount
        descs = _descriptions(ds)
        parsed = [_month_of(d) for d in descs]
        if all(parsed):
            slots += parsed  # type: ignore[arg-type]
            continue
        if all(_is_year(d) for d in descs):
            years = [y for y in (parse_year(d, whole=True) for d in descs) if y is not None]  # all are years
            counts = {y: years.count(y) for y in years}
            if set(counts.values()) != {12}:
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "The {role} raster '{path}' has {n_bands} bands described as years ({shown}): "
                    "this looks like annual climate, but CLIMATE_TIMESTEP is monthly (12 bands per year). "
                    "Set CLIMATE_TIMESTEP to annual (mean temperature, total precipitation), or give "
                    "monthly rasters (bands described 'YYYY-MM', or START_YEAR with 12 x years bands)."),
                    role=role, path=p, n_bands=n,
                    shown=f"{years[0]} ... {years[-1]}" if n > 2 else ", ".join(descs))
            seen: dict[int, int] = {}
            for y in years:
                seen[y] = seen.get(y, 0) + 1
                slots.append((y, seen[y]))
            continue
        if n == 1:
            found = _MONTH_IN_NAME.findall(p.replace("\\", "/").rsplit("/", 1)[-1])
            if len(found) != 1:
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "No year and month found for the single-band {role} raster '{path}'. Name "
                    "monthly files with 'YYYY-MM' or 'YYYYMM', or give one 12-band raster per year, or one "
                    "raster of 12 x years bands with START_YEAR."), role=role, path=p)
            slots.append((int(found[0][0]), int(found[0][1])))
            continue
        if n % 12:
            raise CarbonInputError(QT_TRANSLATE_NOOP(
                "@default", "The {role} raster '{path}' has {n_bands} bands, not 12 x years: this looks like "
                "annual climate, but CLIMATE_TIMESTEP is monthly (12 bands per year). Set "
                "CLIMATE_TIMESTEP to annual (mean temperature, total precipitation), or give monthly "
                "rasters (bands described 'YYYY-MM', or START_YEAR with 12 x years bands)."),
                role=role, path=p, n_bands=n)
        if single:
            if start_year is None:
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "The band descriptions of the {role} raster '{path}' are not 'YYYY-MM' "
                    "months; set START_YEAR (band 1 = January of that year, 12 bands per year)."),
                    role=role, path=p)
            first = int(start_year)
        else:
            if n != 12:
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "The {role} raster '{path}' has {n_bands} bands; in a list of monthly rasters "
                    "each file holds the 12 months of one year (or one month)."), role=role, path=p, n_bands=n)
            year = year_in_text(p)
            if year is None:
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "No year found in the name of the 12-band {role} raster '{path}'; put the "
                    "4-digit year in the file name (e.g. tmp_2005.tif)."), role=role, path=p)
            first = year
        slots += [(first + i // 12, i % 12 + 1) for i in range(n)]
    return slots


@dataclass
class _Source:
    """One climate file: opened once, read directly when on the target grid, else warped per strip."""

    path: str
    ds: gdal.Dataset
    aligned: bool


class ClimateSeries:
    """Temperature or precipitation on the NPP grid, read as (bands, rows, cols) strips per year."""

    def __init__(self, series: TimeSeries, bands_by_year: dict[int, list[int]], role: str, grid: Grid):
        self.series = series
        self.bands_by_year = bands_by_year  # year -> indices of series.layers, in month order
        self.role = role
        self.grid = grid
        self._sources: dict[str, _Source] = {}
        for layer in series.layers:
            if layer.path not in self._sources:
                ds = open_raster(layer.path, role)
                self._sources[layer.path] = _Source(layer.path, ds, grid_of(ds, role).matches(grid))
        # GDAL's approximate transformation (as gdal.Warp by default): the exact one moves the
        # sample points by up to 0.125 climate cells and the sinks with them (docs/ARCHITECTURE.md)
        self._warper = StripWarper(grid, CLIMATE_RESAMPLING, exact=False)
        self._buffer = np.empty(0, dtype=np.float32)

    @property
    def years(self) -> list[int]:
        return sorted(self.bands_by_year)

    @property
    def aligned(self) -> bool:
        """Every file is on the grid (read directly, no warp)."""
        return all(source.aligned for source in self._sources.values())

    @property
    def datasets(self) -> list[gdal.Dataset]:
        return [source.ds for source in self._sources.values()]

    def stored(self, year: int) -> LayerInfo:
        """The year's first band as stored (for the plausibility messages), with all its files named."""
        layers = [self.series.layers[i] for i in self.bands_by_year[year]]
        first = layer_infos(layers[:1])[0]
        paths = ", ".join(dict.fromkeys(layer.path for layer in layers))
        return LayerInfo(year, paths, first.band, first.dtype, first.nodata)

    def stored_name(self, year: int) -> str:
        """The file(s) holding the year, for messages."""
        return ", ".join(dict.fromkeys(self.series.layers[i].path for i in self.bands_by_year[year]))

    def read(self, year: int, row0: int, nrows: int, window: Window | None = None) -> np.ndarray:
        """The year's bands (12 months or 1 annual) for rows [row0, row0 + nrows), float32, NaN
        nodata; or for ``window`` (climate on the grid only). The array is reused by the next
        call: use it before reading again."""
        layers = [self.series.layers[i] for i in self.bands_by_year[year]]
        if window is None:
            window = blockio.strip(self.grid, row0, nrows)
        elif not self.aligned:
            raise ValueError("a window read needs climate on the grid")
        shape = (len(layers), window.nrows, window.ncols)
        if self._buffer.shape != shape:
            self._buffer = np.empty(0, dtype=np.float32)  # free the old one first
            self._buffer = np.empty(shape, dtype=np.float32)
        out = self._buffer
        # group consecutive layers of the same file so that one warp serves the 12 months
        k = 0
        while k < len(layers):
            j = k
            while j + 1 < len(layers) and layers[j + 1].path == layers[k].path:
                j += 1
            source = self._sources[layers[k].path]
            bands = [layer.band for layer in layers[k:j + 1]]
            if source.aligned:
                _read_aligned(source.ds, bands, window, out[k:j + 1])
            else:
                self._warper.read(source.ds, bands, window, out[k:j + 1])
            k = j + 1
        return out


def _read_aligned(ds: gdal.Dataset, bands: list[int], window: Window, out: np.ndarray) -> None:
    """``bands`` of ``ds`` in ``window`` into ``out`` (float32, (bands, rows, cols)) in one call.

    One ``ReadAsArray`` with a band list: a pixel-interleaved file decodes each tile once for all
    the bands asked (band by band it decoded every band of the tile for each band read). The
    values equal ``blockio.read_window``'s cast to float32 (the one nodata rule, in the stored type).
    """
    row0, nrows, col0, ncols = window
    stored = {ds.GetRasterBand(b).DataType for b in bands}
    if stored == {gdal.GDT_Float32}:
        ds.ReadAsArray(col0, row0, ncols, nrows, buf_obj=out, band_list=list(bands))
        for m, band in enumerate(bands):
            invalid = blockio.invalid_cells(out[m], blockio.band_nodata(ds.GetRasterBand(band)))
            if invalid is not None:
                out[m][invalid] = np.nan
        return
    stack = ds.ReadAsArray(col0, row0, ncols, nrows, band_list=list(bands)).reshape(len(bands), nrows, ncols)
    for m, band in enumerate(bands):
        invalid = blockio.invalid_cells(stack[m], blockio.band_nodata(ds.GetRasterBand(band)))
        values = stack[m].astype(np.float64)
        if invalid is not None:
            values[invalid] = np.nan
        out[m] = values


def _open_with_optional_start_year(paths, start_year, role, progress, **kwargs) -> TimeSeries:
    """Years from band descriptions or file names; START_YEAR only where those give none."""
    try:
        return open_time_series(paths, role=role, progress=progress, **kwargs)
    except CarbonInputError:
        if start_year is None:
            raise
        return open_time_series(paths, start_year=start_year, role=role, progress=progress, **kwargs)


def check_timestep(timestep: str) -> None:
    if timestep not in TIMESTEPS:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "Unknown climate time step '{timestep}': use monthly or annual."), timestep=timestep)


def open_climate(
    paths: Sequence[str],
    timestep: str,
    grid: Grid,
    start_year: int | None = None,
    role: str = "climate",
    progress: Progress | None = None,
) -> ClimateSeries:
    """Open a monthly or annual climate series whose values will be read on ``grid``."""
    progress = progress or Progress()
    paths = [str(p) for p in paths]
    check_timestep(timestep)
    if not paths:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "No {role} raster was given."), role=role)
    if timestep == ANNUAL:
        for p in paths:
            descs = _descriptions(open_raster(p, role))
            if len(descs) > 1 and all(_month_of(d) for d in descs):
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "The {role} raster '{path}' has monthly bands ({first}, {second}, ...) but "
                    "CLIMATE_TIMESTEP is annual; set it to monthly."),
                    role=role, path=p, first=descs[0], second=descs[1])
        series = _open_with_optional_start_year(paths, start_year, role, progress, grid=grid,
                                                resampling=CLIMATE_RESAMPLING)
        return ClimateSeries(series, {layer.year: [i] for i, layer in enumerate(series.layers)}, role, grid)
    datasets = {p: open_raster(p, role) for p in paths}
    slots = monthly_slots(paths, datasets, start_year, role)
    # the band slots are numbered 0..n-1 and passed as explicit 'years' so that
    # open_time_series checks the CRS and logs the alignment of every file onto the grid
    series = open_time_series(paths, years=list(range(len(slots))), grid=grid,
                              resampling=CLIMATE_RESAMPLING, role=role, progress=progress)
    months: dict[int, dict[int, int]] = {}
    for index, (year, month) in enumerate(slots):
        if month in months.setdefault(year, {}):
            raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Month {month} appears twice in the {role} rasters."),
                                   month=f"{year}-{month:02d}", role=role)
        months[year][month] = index
    bands_by_year = {}
    incomplete = []
    for year in sorted(months):
        if len(months[year]) == 12:
            bands_by_year[year] = [months[year][m] for m in range(1, 13)]
        else:
            incomplete.append(f"{year} ({len(months[year])} months)")
    if incomplete:
        progress.warning(QT_TRANSLATE_NOOP(
            "@default", "The {role} series lacks months in {years}: those years are left out."),
            role=role, years=", ".join(incomplete))
    if not bands_by_year:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The {role} rasters hold no complete year of 12 months."),
                               role=role)
    return ClimateSeries(series, bands_by_year, role, grid)


# --------------------------------------------------------------------------------------------
# plausibility of the inputs, on the strips read anyway (docs/DATA_CHECKS.md)


def _check_npp(raw: np.ndarray, npp: np.ndarray, layer: LayerInfo, scale: float, valid_max: float | None,
               unusual: Unusual) -> None:
    """Fill codes in the stored NPP (not declared, not removed by the valid maximum) and NPP above
    3000 g C m-2 yr-1 after the scale factor: errors naming the file, year and fix."""
    lo, hi = value_range(raw)
    if math.isnan(lo):
        return
    plausibility.check_fill(raw, layer, "NPP", lo, hi, valid_max=valid_max)
    hi_gc = hi * scale if valid_max is None or hi <= valid_max else value_range(npp)[1]
    plausibility.check_npp(hi_gc, hi_gc / scale, scale, valid_max, layer.path, layer.year, unusual)


def _check_climate(t: np.ndarray, p: np.ndarray, year: int, timestep: str, temperature: ClimateSeries,
                   precipitation: ClimateSeries, unusual: Unusual) -> None:
    """Mean air temperature in [-60, 60] deg C, precipitation 0 or more and at most 2000 mm a month
    (12000 mm a year): errors naming the file, the value and the fix; fill codes named as such."""
    lo, hi = value_range(t)
    if lo < plausibility.TEMPERATURE_MIN_C or hi > plausibility.TEMPERATURE_MAX_C:
        layer = temperature.stored(year)
        plausibility.check_fill(t, layer, "temperature", lo, hi)
        plausibility.check_temperature(lo, hi, layer.path, year)
    elif not math.isnan(lo):
        plausibility.check_temperature(lo, hi, temperature.stored_name(year), year, unusual)
    lo, hi = value_range(p)
    if lo < 0:
        _check_precipitation(p, year)
    monthly = timestep == MONTHLY
    limit = plausibility.PRECIPITATION_MONTH_MAX_MM if monthly else plausibility.PRECIPITATION_YEAR_MAX_MM
    if hi > limit:
        layer = precipitation.stored(year)
        plausibility.check_fill(p, layer, "precipitation", lo, hi)
        plausibility.check_precipitation(lo, hi, monthly, layer.path, year)
    elif not math.isnan(lo):
        plausibility.check_precipitation(lo, hi, monthly, precipitation.stored_name(year), year, unusual)


# --------------------------------------------------------------------------------------------
# the whole stage


@dataclass
class SinkSummary:
    """What a run produced: years written, totals per year (in ``units``) and years left out."""

    years: list[int]
    units: str
    total: dict[int, float] = field(default_factory=dict)        # signed (or positive-only) sum
    absorption: dict[int, float] = field(default_factory=dict)   # sum of positive NEP cells
    source: dict[int, float] = field(default_factory=dict)       # sum of negative NEP cells (>= 0)
    npp_years_without_climate: list[int] = field(default_factory=list)
    cells_without_climate: int = 0


def _span(years: Sequence[int]) -> str:
    years = sorted(years)
    if not years:
        return "none"
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))


@dataclass(frozen=True)
class SinkRasters:
    """The rasters ``compute_nep_sink`` writes, a band per year: ``sink`` in t per cell per year and,
    optionally, Rh and NEP in g C m-2 yr-1."""

    sink: str
    rh: str | None = None
    nep: str | None = None


@dataclass(frozen=True)
class NepOptions:
    """How ``compute_nep_sink`` reads and signs; checked when made.

    ``timestep`` of the climate rasters (``TIMESTEPS``); ``npp_scale`` and ``npp_valid_max``:
    stored NPP into g C m-2 yr-1 (``npp_gc_m2``); ``start_year``: the year of band 1 of inputs
    without years in their band descriptions or file names; ``sign_mode``: ``SIGNED`` (an
    ecosystem source is a negative sink) or ``POSITIVE`` (sources count as 0); ``units`` of the
    sink.
    """

    timestep: str = MONTHLY
    npp_scale: float = 1.0
    npp_valid_max: float | None = None
    start_year: int | None = None
    sign_mode: str = SIGNED
    units: str = T_CO2

    def __post_init__(self) -> None:
        check_timestep(self.timestep)
        if self.sign_mode not in SIGN_MODES:
            raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Unknown sign mode '{mode}': use one of {modes}."),
                                   mode=self.sign_mode, modes=", ".join(SIGN_MODES))
        sink_units(self.units)  # checks the units
        if not (math.isfinite(self.npp_scale) and self.npp_scale > 0):
            raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "NPP_SCALE must be a positive number, not {scale}."),
                                   scale=self.npp_scale)


def compute_nep_sink(
    npp_paths: Sequence[str],
    temperature_paths: Sequence[str],
    precipitation_paths: Sequence[str],
    outputs: SinkRasters,
    options: NepOptions = NepOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> SinkSummary:
    """NEP sink raster (band per year, t per cell per year) from NPP and climate time series.

    The NPP grid is the output grid; climate on another grid or CRS is resampled to it (bilinear).
    Only years with both NPP and a complete climate year are written; the others are reported.
    """
    progress = progress or Progress()
    timestep, start_year, units = options.timestep, options.start_year, options.units
    npp_scale, npp_valid_max = options.npp_scale, options.npp_valid_max
    carbon_units = sink_units(units)
    # NPP on its own first grid; yearly files on other grids are aligned by nearest neighbour so
    # that fill codes (e.g. 32767) are never blended into valid values before NPP_VALID_MAX
    npp = _open_with_optional_start_year([str(p) for p in npp_paths], start_year, "NPP", progress,
                                         resampling="nearest")
    grid = npp.grid
    temperature = open_climate(temperature_paths, timestep, grid, start_year, "temperature", progress)
    precipitation = open_climate(precipitation_paths, timestep, grid, start_year, "precipitation", progress)

    t_only = sorted(set(temperature.years) - set(precipitation.years))
    p_only = sorted(set(precipitation.years) - set(temperature.years))
    if t_only or p_only:
        progress.warning(QT_TRANSLATE_NOOP(
            "@default", "Temperature and precipitation cover different years; only common years are used "
            "(temperature only: {t_only}; precipitation only: {p_only})."), t_only=_span(t_only), p_only=_span(p_only))
    climate_years = sorted(set(temperature.years) & set(precipitation.years))
    years = [y for y in npp.years if y in climate_years]
    if not years:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The NPP years ({npp_years}) and the climate years ({climate_years}) do not overlap; "
            "give climate rasters for the NPP years (or check START_YEAR)."),
            npp_years=_span(npp.years), climate_years=_span(climate_years))
    summary = SinkSummary(years=years, units=units)
    summary.npp_years_without_climate = [y for y in npp.years if y not in climate_years]
    if summary.npp_years_without_climate:
        progress.warning(QT_TRANSLATE_NOOP(
            "@default", "No climate for the NPP years {years}: these years are left out of the outputs."),
            years=_span(summary.npp_years_without_climate))
    progress.log(QT_TRANSLATE_NOOP("@default", "Years computed: {years} ({count})."),
                 years=_span(years), count=len(years))
    if timestep == ANNUAL:
        progress.log(ANNUAL_APPROXIMATION)

    areas = row_cell_areas_m2(grid)
    months = 12 if timestep == MONTHLY else 1
    # climate (2 x months, float32) + NPP, Rh, NEP, sink and temporaries (float64), per cell of
    # a row: 256-row strips (whole output tiles) up to ~6500 columns, narrower strips beyond
    bytes_per_row = grid.width * (2 * months * 4 + 8 * (8 + npp.warp_bands))
    climate_sets = temperature.datasets + precipitation.datasets
    if temperature.aligned and precipitation.aligned and any(blockio.interleaved(ds) for ds in climate_sets):
        # climate on the grid, pixel-interleaved: a tile holds every band, so windows of whole
        # tiles small enough for GDAL's cache to keep the decoded tiles of both climates while the
        # years are read (each tile decoded once, not once per year)
        cached = sum(blockio.cached_bytes_per_cell([ds]) for ds in climate_sets)
        tile = next(ds for ds in climate_sets if blockio.interleaved(ds)).GetRasterBand(1).GetBlockSize()
        blocks = blockio.plan_blocks(grid.width, grid.height, bytes_per_row // grid.width + cached, budget_bytes,
                                     tile=(tile[0], tile[1]), max_tile_rows=1)
    else:
        blocks = blockio.plan_strips(grid, bytes_per_row, budget_bytes, whole_tile_row=True)
    for year in years:
        summary.total[year] = summary.absorption[year] = summary.source[year] = 0.0
    npp_layers = {layer.year: info for layer, info in zip(npp.layers, layer_infos(npp.layers))}
    unusual = Unusual()  # possible but unusual values: one warning each after the run

    with ExitStack() as stack:
        out_sink = stack.enter_context(TimeSeriesWriter(outputs.sink, grid, years, "sink", carbon_units))
        out_rh = stack.enter_context(TimeSeriesWriter(outputs.rh, grid, years, None, DENSITY_UNITS)) \
            if outputs.rh else None
        out_nep = stack.enter_context(TimeSeriesWriter(outputs.nep, grid, years, None, DENSITY_UNITS)) \
            if outputs.nep else None

        whole = blocks and all(w.col0 == 0 and w.ncols == grid.width for w in blocks)

        def per_block(window: Window):
            row0, nrows = window.row0, window.nrows
            area = areas[row0:row0 + nrows, None]
            part = None if whole else window
            for i, year in enumerate(years):
                raw = npp.read_window(npp.years.index(year), window)
                npp_year = npp_gc_m2(raw, npp_scale, npp_valid_max)
                _check_npp(raw, npp_year, npp_layers[year], npp_scale, npp_valid_max, unusual)
                del raw
                t = temperature.read(year, row0, nrows, part)
                p = precipitation.read(year, row0, nrows, part)
                _check_climate(t, p, year, timestep, temperature, precipitation, unusual)
                if timestep == MONTHLY:
                    rh = rh_annual_from_months_gc_m2(t, p, check=False)
                else:
                    rh = rh_annual_from_annual_gc_m2(t[0], p[0], check=False)
                del t, p
                nep = npp_year - rh
                summary.cells_without_climate += int(np.count_nonzero(np.isfinite(npp_year) & np.isnan(rh)))
                sink = sink_per_cell(nep, area, units, SIGNED)
                absorption = float(sink[sink > 0].sum())
                source = -float(sink[sink < 0].sum())
                summary.absorption[year] += absorption
                summary.source[year] += source
                if options.sign_mode == SIGNED:
                    summary.total[year] += absorption - source
                else:
                    summary.total[year] += absorption
                    sink[sink < 0] = 0.0
                out_sink.write(i, row0, sink.astype(np.float32), window.col0)
                if out_rh is not None:
                    out_rh.write(i, row0, rh.astype(np.float32), window.col0)
                if out_nep is not None:
                    out_nep.write(i, row0, nep.astype(np.float32), window.col0)
                yield

        blockio.for_each_block(blocks, per_block, progress, steps_per_block=len(years))
    unusual.report(progress)
    if summary.cells_without_climate:
        progress.warning(QT_TRANSLATE_NOOP(
            "@default", "{count} cell-years have NPP but no climate value (outside the climate rasters or "
            "nodata there): they have no sink (nodata)."), count=summary.cells_without_climate)
    return summary


__all__ = [
    "ANNUAL",
    "MONTHLY",
    "POSITIVE",
    "SIGNED",
    "SIGN_MODES",
    "TIMESTEPS",
    "T_C",
    "T_CO2",
    "ClimateSeries",
    "NepOptions",
    "SinkRasters",
    "SinkSummary",
    "compute_nep_sink",
    "monthly_slots",
    "npp_gc_m2",
    "open_climate",
    "rh_annual_from_annual_gc_m2",
    "rh_annual_from_months_gc_m2",
    "rh_monthly_gc_m2",
    "sink_per_cell",
    "sink_units",
]
