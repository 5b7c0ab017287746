"""Mass-conserving top-down gridding of regional emissions (METHODS section 2).

Each region U's statistical emission E_U (t per year) is shared among its cells p by a proxy
weight:

    E_p = sum_U E_U x frac_U,p x w_p / W_U,    W_U = sum_q frac_U,q x w_q,
    w_p = sum_k alpha_k x proxy_k,p ^ beta      (proxy nodata, NaN and negatives count as 0)

``frac_U,p`` is the share of cell p inside region U: the exact coverage fraction (a cell split
between two regions is split between them) or 1 / 0 by cell centre (``coverage.py``). Regions
whose weighted proxy sum W_U is 0 fall back to their area: w_p = true cell area (a warning names
them). Point sources (x, y, year, t) are placed first in their cells; the remainder
E_U - sum of its points is allocated by weight (points larger than E_U are scaled down to it,
with a warning). Because sum_p frac_U,p x w_p / W_U = 1, the raster total of every year equals
the sum of the statistics allocated (float64 accumulation; Float32 storage keeps 1e-7).

Streaming in two passes over row strips of whole 256-row tile rows (about ``ARRAYS_PER_ROW`` x 8
bytes per cell of a strip; the coverage is held whole, as ``coverage.py`` stores it), so memory
does not grow with the number of years: pass 1 accumulates W_U per year (and the areas A_U);
pass 2 writes E_p strip by strip, year by year, and accumulates the raster total and the zonal
sums of the output over each region (with the same fractions): the per-region round trip. With
cell-centre assignment it is exact; with exact coverage, cells split between regions mix their
emissions, and the round-trip error (zonal sum - statistic) / statistic is reported.

Method ``regression`` [lit]: fit E_U,y = a (L_U,y)^b by least squares on ln E = ln a + b ln L over
the region-years with statistics (L = W, the weighted proxy sum: the sum of nighttime light with
the default weights), estimate the region-years without statistics as a L^b, and, where a total
for the year is known (``totals``), rescale the estimates so that known + estimated = total.
Region-years with statistics keep them exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

import numpy as np
from osgeo import osr

from . import blockio
from .cellarea import row_cell_areas_m2
from .coverage import Coverage, cell_centre_coverage, exact_coverage
from .errors import QT_TRANSLATE_NOOP, CarbonInputError, fill
from .inputs import Regions
from .plausibility import check_statistic, missing_years
from .progress import Progress
from .raster import Grid, open_raster, srs_from_wkt
from .schema import parse_year, region_key
from .timeseries import TimeSeries, TimeSeriesWriter, open_time_series
from .units import KM2_PER_M2, T_CO2, check_units

METHODS = ("proportional", "regression")
ASSIGNMENTS = ("exact", "centre")
ARRAYS_PER_ROW = 12  # float64 buffers held per strip row (proxies, weights, output, areas...)

PROXY_ROLES = ("proxy", "second proxy", "third proxy")  # how messages name the proxy rasters

SOURCE_STATISTIC = "statistic"
SOURCE_REGRESSION = "regression"


# ---------------------------------------------------------------------------------------------
# Weights and the regression


def proxy_weight(proxies: Sequence[np.ndarray], alpha: Sequence[float], beta: float = 1.0) -> np.ndarray:
    """w = sum_k alpha_k x proxy_k ^ beta, with NaN, nodata (already NaN) and negatives as 0."""
    if len(alpha) != len(proxies):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "{n_alpha} weights (ALPHA) were given for {n_proxies} proxies."),
            n_alpha=len(alpha), n_proxies=len(proxies))
    check_beta(beta)
    weight = None
    for values, a in zip(proxies, alpha):
        if a == 0:
            continue
        term = np.where(values > 0, values, 0.0)  # NaN > 0 is False: NaN and negatives become 0
        if beta != 1.0:
            np.power(term, beta, out=term)
        if a != 1.0:
            term *= a
        weight = term if weight is None else np.add(weight, term, out=weight)
    return np.zeros(np.shape(proxies[0])) if weight is None else weight


def check_beta(beta: float) -> None:
    if not beta > 0 or not math.isfinite(beta):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The exponent BETA = {beta} must be a positive number."),
            beta=beta)


def check_alpha(alpha: Sequence[float], count: int) -> list[float]:
    alpha = [float(a) for a in alpha]
    if len(alpha) != count:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "ALPHA has {n_alpha} values for {count} proxies; give one weight per proxy."),
            n_alpha=len(alpha), count=count)
    if any(not math.isfinite(a) or a < 0 for a in alpha) or not any(a > 0 for a in alpha):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The proxy weights ALPHA {alpha} must be >= 0 and at least one > 0."),
            alpha=alpha)
    return alpha


@dataclass(frozen=True)
class PowerLaw:
    """E = a x L^b fitted on ln E = ln a + b ln L: n pairs, R2 and RMSE in log space, SE of b."""

    a: float
    b: float
    n: int
    r2: float
    rmse_log: float
    se_b: float

    def predict(self, light: np.ndarray | float):
        light = np.asarray(light, dtype=np.float64)
        return np.where(light > 0, self.a * np.power(np.maximum(light, 0), self.b), 0.0)

    def describe(self) -> str:
        return (f"E = {self.a:.6g} x L^{self.b:.4f} (n = {self.n}, R2 = {self.r2:.4f}, "
                f"RMSE(ln) = {self.rmse_log:.4f}, SE(b) = {self.se_b:.4f})")


def fit_power_law(emission: np.ndarray, light: np.ndarray) -> PowerLaw:
    """Least squares of ln E on ln L over pairs with E > 0 and L > 0 (at least 3, L not constant)."""
    e = np.asarray(emission, dtype=np.float64).ravel()
    s = np.asarray(light, dtype=np.float64).ravel()
    ok = np.isfinite(e) & np.isfinite(s) & (e > 0) & (s > 0)
    x, y = np.log(s[ok]), np.log(e[ok])
    n = int(x.size)
    if n < 3 or np.ptp(x) == 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The regression needs at least 3 region-years with statistics and a "
                                          "positive, varying proxy sum; {n} were usable. Use the proportional method."),
            n=n)
    xm, ym = x.mean(), y.mean()
    sxx = float(np.sum((x - xm) ** 2))
    b = float(np.sum((x - xm) * (y - ym)) / sxx)
    ln_a = ym - b * xm
    resid = y - (ln_a + b * x)
    sst = float(np.sum((y - ym) ** 2))
    sse = float(np.sum(resid ** 2))
    r2 = 1.0 - sse / sst if sst > 0 else 1.0
    se_b = math.sqrt(sse / (n - 2) / sxx) if n > 2 else float("nan")
    return PowerLaw(math.exp(ln_a), b, n, r2, math.sqrt(sse / n), se_b)


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass
class PointSource:
    """An emission at a point, in the points' CRS; ``region`` (a key) is found from the cell if None.

    NaN coordinates mean the source has no location (a NULL or empty geometry): an error naming it.
    """

    x: float
    y: float
    year: int
    value: float
    region: str | None = None
    label: str = ""


@dataclass(frozen=True)
class PointSources:
    """Point sources and the CRS of their coordinates (None or '': the proxy's)."""

    sources: Sequence[PointSource] = ()
    crs_wkt: str | None = None


@dataclass(frozen=True)
class GriddingOutputs:
    """The rasters ``grid_emissions`` writes: ``emission`` in t per cell per year and, optionally,
    ``intensity`` in t per km2 per year."""

    emission: str
    intensity: str | None = None


@dataclass(frozen=True)
class GriddingOptions:
    """How ``grid_emissions`` allocates; checked when made.

    ``method``: one of ``METHODS``; ``assignment``: one of ``ASSIGNMENTS`` (exact coverage
    fractions or cell centres); ``alpha``: one weight per proxy (None: 1 each) and ``beta`` the
    proxy exponent (module docstring); ``start_year``: the year of band 1 of a proxy without
    year descriptions; ``totals``: {year: t}, known totals of all regions (regression: the
    estimates are rescaled to them; proportional: checked); ``allow_unmatched``: grid what
    matches (with warnings) instead of failing; ``units`` of the statistics and the outputs.
    """

    method: str = "proportional"
    assignment: str = "exact"
    alpha: Sequence[float] | None = None
    beta: float = 1.0
    start_year: int | None = None
    totals: Mapping[int, float] | None = None
    allow_unmatched: bool = False
    units: str = T_CO2

    def __post_init__(self) -> None:
        check_units(self.units)
        if self.method not in METHODS:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unknown method '{method}': use one of {choices}."),
                method=self.method, choices=", ".join(METHODS))
        if self.assignment not in ASSIGNMENTS:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unknown cell assignment '{assignment}': use one of {choices}."),
                assignment=self.assignment, choices=", ".join(ASSIGNMENTS))
        check_beta(self.beta)


@dataclass
class Proxy:
    """One proxy raster on the output grid: a time series, or a single band used for every year."""

    series: TimeSeries
    static: bool
    name: str

    def layer_of(self, year: int) -> int:
        return 0 if self.static else self.series.years.index(year)


def open_proxy(path: str, grid: Grid | None, start_year: int | None, role: str, progress: Progress) -> Proxy:
    ds = open_raster(path, role)  # opened once: the time series reads through the same dataset
    if ds.RasterCount == 1:
        series = open_time_series([path], years=[0], grid=grid, resampling="average", role=role,
                                  progress=progress, opened={path: ds})
        return Proxy(series, True, path)
    series = open_time_series([path], start_year=start_year, grid=grid, resampling="average", role=role,
                              progress=progress, opened={path: ds})
    return Proxy(series, False, path)


def _statistics_matrix(
    statistics: Mapping[tuple, float], keys: list[str], years: list[int]
) -> np.ndarray:
    index = {k: i for i, k in enumerate(keys)}
    col = {y: j for j, y in enumerate(years)}
    out = np.full((len(keys), len(years)), np.nan)
    for (key, year), value in statistics.items():
        if key in index and year in col:
            out[index[key], col[year]] = value
    return out


def clean_statistics(
    statistics: Mapping[tuple, object] | Iterable[tuple],
    role: str = "statistics",
    progress: Progress | None = None,
) -> dict[tuple[str, int], float]:
    """{(key, year): value} from a mapping or (key, year, value) rows: keys as text, years as int,
    values as float >= 0. Empty values are skipped (counted in a warning); bad keys, years or
    values and repeated region-years are errors naming the region and year."""
    progress = progress or Progress()
    rows = ((k, y, v) for (k, y), v in statistics.items()) if isinstance(statistics, Mapping) else statistics
    out: dict[tuple[str, int], float] = {}
    empty = []
    for raw_key, raw_year, raw in rows:
        key = region_key(raw_key)
        if key is None:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The {role} have a row without region key (NULL), year {raw_year}."),
                role=role, raw_year=raw_year)
        year = parse_year(raw_year, whole=True)
        if year is None:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The {role} of region '{key}' have the year '{raw_year}', not a year."),
                role=role, key=key, raw_year=raw_year)
        year = int(year)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            empty.append(f"{key} {year}")
            continue
        try:
            value = float(raw.strip()) if isinstance(raw, str) else float(raw)
        except (TypeError, ValueError):
            value = float("nan")
        if not math.isfinite(value):
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The {role} value '{raw}' of region '{key}', year {year} is not a "
                                              "number."),
                role=role, raw=raw, key=key, year=year)
        check_statistic(value, role, key, year)  # emissions are 0 or more
        if (key, year) in out:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The {role} have two values for region '{key}', year {year}."),
                role=role, key=key, year=year)
        out[(key, year)] = value
    if empty:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Empty {role} values were skipped: {empty}."),
            role=role, empty=_listed(empty))
    return out


# ---------------------------------------------------------------------------------------------
# Result


@dataclass
class GridResult:
    """What was allocated and how well it round-trips: arrays are (regions, years), ``gridded_total``
    is per year."""

    years: list[int]
    keys: list[str]
    allocated: np.ndarray  # the emission given to each region-year (NaN: none)
    source: np.ndarray  # object array: 'statistic', 'regression' or ''
    gridded_total: np.ndarray  # per year: sum of the written raster (float64 over Float32 values)
    zonal: np.ndarray  # per region-year: sum of fraction x output cell
    points: np.ndarray  # per region-year: t placed at point sources
    fallback: list[tuple[str, int]] = field(default_factory=list)
    fit: PowerLaw | None = None
    unmatched_statistics: list[str] = field(default_factory=list)
    unmatched_regions: list[str] = field(default_factory=list)

    @property
    def expected_total(self) -> np.ndarray:
        return np.nansum(self.allocated, axis=0)

    def total_error(self) -> np.ndarray:
        """Relative error of the raster total per year."""
        expected = self.expected_total
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(expected > 0, (self.gridded_total - expected) / expected, 0.0)

    def round_trip_error(self) -> np.ndarray:
        """(zonal sum of the output - allocated) / allocated per region-year (NaN where none)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.allocated > 0, (self.zonal - self.allocated) / self.allocated, np.nan)

    def max_round_trip_error(self) -> float:
        err = np.abs(self.round_trip_error())
        return float(np.nanmax(err)) if np.isfinite(err).any() else 0.0


# ---------------------------------------------------------------------------------------------
# The allocation


def _point_cells(points: PointSources, grid: Grid):
    """(row, col) of each point on the grid, None outside; points transformed to the grid's CRS."""
    target = grid.srs
    transform = None
    if points.crs_wkt:
        source = srs_from_wkt(points.crs_wkt)
        if not source.IsSame(target):
            transform = osr.CoordinateTransformation(source, target)
    x0, px, _, y0, _, py = grid.geotransform
    cells = []
    for p in points.sources:
        x, y = p.x, p.y
        if transform is not None:
            x, y, _ = transform.TransformPoint(x, y)
        col = math.floor((x - x0) / px)
        row = math.floor((y - y0) / py)
        cells.append((row, col) if 0 <= row < grid.height and 0 <= col < grid.width else None)
    return cells


def _point_region(coverage: Coverage, feature_region: np.ndarray, row: int, col: int) -> int | None:
    """The region (key index) covering most of the cell."""
    label = coverage.labels[row, col]
    if label >= 0:
        return int(feature_region[label])
    flat = row * coverage.grid.width + col
    lo, hi = np.searchsorted(coverage.cells, [flat, flat + 1])
    if hi == lo:
        return None
    shares = np.bincount(feature_region[coverage.regions[lo:hi]], weights=coverage.fractions[lo:hi],
                         minlength=int(feature_region.max()) + 1)
    return int(np.argmax(shares))


def _listed(items: Sequence, limit: int = 12) -> str:
    items = list(items)
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _region_years(mask: np.ndarray) -> list[tuple[int, int]]:
    """(region, year) indices where ``mask`` (regions, years) is set, year by year: the order the
    messages list them in."""
    year_index, region_index = np.nonzero(mask.T)
    return list(zip(region_index.tolist(), year_index.tolist()))


@dataclass
class _Layout:
    """The region keys, the coverage and the strips: what both passes need."""

    keys: list[str]
    feature_region: np.ndarray  # feature index -> key index
    coverage: Coverage
    grid: Grid
    strips: list[blockio.Window]
    row_areas: np.ndarray  # m2 per cell, per row

    def window(self, row0: int, nrows: int):
        return self.coverage.window(row0, nrows)

    def sums(self, window, values: np.ndarray) -> np.ndarray:
        """Per key: sum over the window of fraction x value."""
        return np.bincount(self.feature_region, weights=window.sums(values), minlength=len(self.keys))

    def spread(self, window, per_key: np.ndarray) -> np.ndarray:
        """Per cell: sum over regions of fraction x per_key value."""
        return window.spread(per_key[self.feature_region])

    def cell_area(self, row0: int, nrows: int) -> np.ndarray:
        return np.broadcast_to(self.row_areas[row0:row0 + nrows, None], (nrows, self.grid.width))


def _region_keys(feature_keys: Sequence) -> tuple[list[str], np.ndarray]:
    """Keys by ``schema.region_key``; features that share a key are one region (documented exception to
    the schema's rule that repeats are an error: the parts of a multi-part region share its statistic)."""
    index: dict[str, int] = {}
    feature_region = np.zeros(len(feature_keys), dtype=np.intp)
    nulls = []
    for i, raw in enumerate(feature_keys):
        key = region_key(raw)
        if key is None:
            nulls.append(i + 1)
            continue
        feature_region[i] = index.setdefault(key, len(index))
    if nulls:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The region field is empty (NULL) for {n_nulls} features (feature "
                                          "{nulls}); every region needs a key."),
            n_nulls=len(nulls), nulls=_listed(nulls))
    return list(index), feature_region


def _check_matching(stats: dict, keys: list[str], method: str, allow_unmatched: bool, progress: Progress):
    """Statistics keys without polygon, polygons without statistics, gaps: listed; an error unless allowed."""
    stat_keys = {k for k, _ in stats}
    unmatched = sorted(stat_keys - set(keys))
    without = [k for k in keys if k not in stat_keys]
    if not stat_keys & set(keys) and method == "proportional":
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "No statistics region key matches the region field (statistics: "
                                          "{stat_keys}; regions: {feature_keys}). Check the region fields."),
            stat_keys=_listed(sorted(stat_keys), 5), feature_keys=_listed(keys, 5))
    problems = []  # parts of one message, in the user's language
    if unmatched:
        problems.append(fill(progress.translate(QT_TRANSLATE_NOOP(
            "@default", "statistics for regions that match no polygon: {regions}")), {"regions": _listed(unmatched)}))
    if method == "proportional":  # the regression fills these
        if without:
            problems.append(fill(progress.translate(QT_TRANSLATE_NOOP(
                "@default", "polygons without statistics: {regions}")), {"regions": _listed(without)}))
        years = sorted({y for _, y in stats})
        gaps = []
        for k in keys:
            missing = [y for y in years if (k, y) not in stats] if k in stat_keys else []
            if missing:
                gaps.append(f"{k} ({_listed(missing, 5)})")
        if gaps:
            problems.append(fill(progress.translate(QT_TRANSLATE_NOOP(
                "@default", "regions without statistics in some years: {regions}")), {"regions": _listed(gaps)}))
    if problems:
        if not allow_unmatched:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unmatched regions: {problems}. Fix the keys, or set ALLOW_UNMATCHED "
                                              "to grid what matches."),
                problems="; ".join(problems))
        progress.warning(QT_TRANSLATE_NOOP("@default", "Unmatched regions: {problems}."), problems="; ".join(problems))
    return unmatched, without


def _years(stats: dict, totals: dict, proxies: list[Proxy], method: str) -> list[int]:
    """The years to grid: those of the statistics (regression: also of the totals and the proxy)."""
    dynamic = [p for p in proxies if not p.static]
    proxy_years = sorted(set.intersection(*(set(p.series.years) for p in dynamic))) if dynamic else None
    year_set = {y for _, y in stats}
    if method == "regression":
        year_set |= set(totals) | set(proxy_years or ())
    years = sorted(year_set)
    if proxy_years is not None:
        lacking = [y for y in years if y not in proxy_years]
        if lacking:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The proxy has no band for the years {years} (it has {first}-{last}). "
                                              "Give a proxy with these years, or statistics for the proxy's years "
                                              "only."),
                years=_listed(lacking), first=proxy_years[0], last=proxy_years[-1])
    if not years:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "No year to grid."))
    return years


def _warn_missing_years(years: list[int], progress: Progress) -> None:
    """Whole years without statistics between the first and the last: the raster has no band for
    them. A warning naming them (not an error: statistics of a year may not exist yet)."""
    gaps = missing_years(years)
    if gaps:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "The statistics have no value at all for the years {gaps} (between {first} "
                                          "and {last}): the emission raster gets no band for them, {count} bands "
                                          "for {first}-{last}, and later tools treat those years as without data. "
                                          "Add the statistics of those years, or use the regression method with a "
                                          "proxy that has them."),
            gaps=_listed(gaps), first=years[0], last=years[-1], count=len(years))


def _fill_by_regression(allocated, source, light, years, keys, totals, progress) -> PowerLaw:
    """Fit E = a L^b, estimate the missing region-years, rescale them to the known totals."""
    fit = fit_power_law(allocated, light)
    progress.log(
        QT_TRANSLATE_NOOP("@default", "Power-law fit over region-years with statistics: {fit}"),
        fit=fit.describe())
    missing = ~np.isfinite(allocated)
    estimate = fit.predict(light)
    for j, year in enumerate(years):
        gap = missing[:, j]
        if not gap.any():
            continue
        values = estimate[gap, j]
        if year in totals:
            known = float(np.nansum(allocated[:, j]))
            rest = totals[year] - known
            if rest < -1e-9 * max(totals[year], 1.0):
                raise CarbonInputError(
                    QT_TRANSLATE_NOOP("@default", "{year}: the known total {total:,.1f} is smaller than the sum of "
                                                  "the regional statistics {known:,.1f}."),
                    year=year, total=totals[year], known=known)
            if values.sum() > 0:
                values = values * max(rest, 0.0) / values.sum()
            elif rest > 0:
                progress.warning(
                    QT_TRANSLATE_NOOP("@default", "{year}: the regions without statistics have no proxy; {rest:,.1f} "
                                                  "of the known total could not be placed."),
                    year=year, rest=rest)
        allocated[gap, j] = values
        source[gap, j] = SOURCE_REGRESSION
    filled = [f"{keys[i]} {years[j]}" for i, j in _region_years(missing)]
    if filled:
        progress.log(
            QT_TRANSLATE_NOOP("@default", "Estimated by the regression: {n_filled} region-years ({filled})."),
            n_filled=len(filled), filled=_listed(filled, 8))
    return fit


def _check_totals(allocated, years, totals, progress) -> None:
    for j, year in enumerate(years):
        if year in totals and np.isfinite(allocated[:, j]).all():
            known = float(np.sum(allocated[:, j]))
            if abs(known - totals[year]) > 1e-6 * max(abs(totals[year]), 1.0):
                progress.warning(
                    QT_TRANSLATE_NOOP("@default", "{year}: the statistics sum to {known:,.1f} but the known total is "
                                                  "{total:,.1f}; the statistics were kept."),
                    year=year, known=known, total=totals[year])


def _place_points(points: PointSources, layout: _Layout, allocated, years, progress):
    """Point sources on their cells: (t per region-year, [(year index, row, col, t)])."""
    point_sum = np.zeros_like(allocated)
    placed: list[tuple[int, int, int, int, float]] = []  # (year index, key index, row, col, t)
    if not points.sources:
        return point_sum, []
    year_index = {y: j for j, y in enumerate(years)}
    key_index = {k: i for i, k in enumerate(layout.keys)}
    outside, no_region, other_year = [], [], 0
    for p, cell in zip(points.sources, _point_cells(points, layout.grid)):
        label = p.label or f"({p.x:.6g}, {p.y:.6g})"
        if cell is None:
            outside.append(label)
            continue
        if p.year not in year_index:
            other_year += 1
            continue
        key = region_key(p.region)
        k = key_index.get(key) if key is not None else None
        if k is None:
            k = _point_region(layout.coverage, layout.feature_region, *cell)
        j = year_index[p.year]
        if k is None or not np.isfinite(allocated[k, j]):
            no_region.append(label)
            continue
        point_sum[k, j] += p.value
        placed.append((j, k, cell[0], cell[1], p.value))
    if outside:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Point sources outside the proxy grid were ignored: {outside}."),
            outside=_listed(outside))
    if other_year:
        progress.log(
            QT_TRANSLATE_NOOP("@default", "{other_year} point sources in years that are not gridded were ignored."),
            other_year=other_year)
    if no_region:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Point sources outside every region with statistics were ignored: "
                                          "{no_region}."),
            no_region=_listed(no_region))
    over = np.isfinite(allocated) & (point_sum > allocated)
    if over.any():
        scale = np.ones_like(point_sum)
        scale[over] = allocated[over] / point_sum[over]
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Point sources exceed the regional emission and were scaled down to it: "
                                          "{regions}."),
            regions=_listed([f"{layout.keys[i]} {years[j]}" for i, j in _region_years(over)]))
        placed = [(j, k, r, c, v * scale[k, j]) for j, k, r, c, v in placed]
        point_sum = np.where(over, allocated, point_sum)
    return point_sum, [(j, r, c, v) for j, _k, r, c, v in placed]


def grid_emissions(
    regions: Regions,
    statistics: Mapping[tuple, object] | Iterable[tuple],
    proxies: Sequence[str],
    outputs: GriddingOutputs,
    points: PointSources = PointSources(),
    options: GriddingOptions = GriddingOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> GridResult:
    """Allocate regional statistics to the cells of the proxy grid (see the module docstring).

    ``regions``: one polygon per feature and its region key (features sharing a key form one
    region); ``statistics``: {(key, year): t} or (key, year, t) rows; ``proxies``: one to three
    proxy rasters (paths; the first one's grid is the output grid), weighted by ``options.alpha``.
    Writes ``outputs``; returns a ``GridResult`` with totals and the per-region round trip (also logged).
    """
    progress = progress or Progress()
    _check_regions(regions)
    _check_points(points)
    keys, feature_region = _region_keys(regions.keys)
    stats = clean_statistics(statistics, progress=progress)
    totals = {int(y): float(v) for y, v in (options.totals or {}).items()}
    if not stats:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "There are no statistics to allocate."))

    opened = _open_proxies(proxies, options.start_year, progress)
    grid = opened[0].series.grid
    alpha = check_alpha(options.alpha if options.alpha is not None else [1.0] * len(opened), len(opened))
    unmatched, without = _check_matching(stats, keys, options.method, options.allow_unmatched, progress)
    years = _years(stats, totals, opened, options.method)
    _warn_missing_years(years, progress)

    cover = exact_coverage if options.assignment == "exact" else cell_centre_coverage
    names = [str(region_key(v)) for v in regions.keys]
    coverage = cover(regions.geometries, regions.crs_wkt, grid, names=names, progress=progress.sub(0.0, 0.2))
    if not (coverage.labels >= 0).any() and coverage.cells.size == 0:
        bounds = ", ".join(f"{v:.6g}" for v in grid.bounds)
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The proxy raster '{proxy}' does not overlap the regions (no cell of its "
                                          "grid, bounds {bounds}, lies in any region). Check that both cover the "
                                          "same area and their CRS."),
            proxy=proxies[0], bounds=bounds)
    # strips of whole tile rows (at least one): the output is written tile row by tile row
    held = ARRAYS_PER_ROW + sum(p.series.warp_bands for p in opened)  # + the bands of proxies off the grid
    row_strips = blockio.plan_strips(grid, grid.width * 8 * held, budget_bytes, whole_tile_row=True)
    layout = _Layout(keys, feature_region, coverage, grid, row_strips, row_cell_areas_m2(grid))

    def weights(year: int, row0: int, nrows: int, cache: dict) -> np.ndarray:
        signature = tuple(p.layer_of(year) for p in opened)
        if signature not in cache:
            cache.clear()  # one year's weights at a time; static proxies are read once per strip
            arrays = [p.series.read(p.layer_of(year), row0, nrows) for p in opened]
            cache[signature] = proxy_weight(arrays, alpha, options.beta)
        return cache[signature]

    light, area = _pass_one(layout, years, weights, progress.sub(0.2, 0.45))

    allocated = _statistics_matrix(stats, keys, years)
    source = np.where(np.isfinite(allocated), SOURCE_STATISTIC, "").astype(object)
    fit = None
    if options.method == "regression":
        fit = _fill_by_regression(allocated, source, light, years, keys, totals, progress)
    _check_totals(allocated, years, totals, progress)
    _drop_unreachable(allocated, source, area, keys, options.allow_unmatched, progress)

    point_sum, placed = _place_points(points, layout, allocated, years, progress)
    by_weight, by_area, use_area, fallback = _multipliers(allocated, point_sum, light, area, keys, years, progress)
    gridded, zonal = _pass_two(layout, years, weights, by_weight, by_area, use_area,
                               np.isfinite(allocated).astype(np.float64), placed, outputs, options.units,
                               progress.sub(0.45, 1.0))
    result = GridResult(
        years=years, keys=keys, allocated=allocated, source=source, gridded_total=gridded, zonal=zonal,
        points=point_sum, fallback=fallback, fit=fit, unmatched_statistics=unmatched,
        unmatched_regions=without,
    )
    log_round_trip(result, options.units, progress)
    return result


def _check_regions(regions: Regions) -> None:
    if len(regions.geometries) != len(regions.keys):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "{n_feature_keys} region keys were given for {n_geometries} regions."),
            n_feature_keys=len(regions.keys), n_geometries=len(regions.geometries))
    if not regions.geometries:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The regions layer has no features."))


def _check_points(points: PointSources) -> None:
    """Every point source has a location and a value >= 0, checked before any work (a bad input
    found after the coverage and the first pass would have cost minutes on a big grid).

    A source without a location (NaN coordinates: a NULL or empty geometry) is an error naming them
    all, never skipped: its tonnes are part of its region's statistic, so they would be spread over
    the region by the proxy instead of placed at the source, without a word. A negative or NaN (or
    infinite) value is an error naming the first such source."""
    missing = [p.label or f"[{k}]" for k, p in enumerate(points.sources)
               if not (math.isfinite(p.x) and math.isfinite(p.y))]
    if missing:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Point sources without a location (a NULL or empty geometry): {labels}. "
                                          "Give them a point or remove them."),
            labels=_listed(missing))
    for p in points.sources:
        if not math.isfinite(p.value) or p.value < 0:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The point source {label} has the value {value}; it must be >= 0."),
                label=p.label or f"({p.x:.6g}, {p.y:.6g})", value=p.value)


def _open_proxies(paths: Sequence[str], start_year: int | None, progress: Progress) -> list[Proxy]:
    """The proxies, all on the grid of the first; single-band ones stand for every year (a warning)."""
    if not paths:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "No {role} raster was given."), role=PROXY_ROLES[0])
    first = open_proxy(paths[0], None, start_year, PROXY_ROLES[0], progress)
    opened = [first] + [open_proxy(path, first.series.grid, start_year, _proxy_role(k), progress)
                        for k, path in enumerate(paths[1:], start=1)]
    for p in opened:
        if p.static:
            progress.warning(
                QT_TRANSLATE_NOOP("@default", "The proxy '{name}' has one band; it is used for every year."),
                name=p.name)
    return opened


def _proxy_role(index: int) -> str:
    """How messages name the proxy ``index`` (0-based)."""
    return PROXY_ROLES[index] if index < len(PROXY_ROLES) else f"proxy {index + 1}"


def _drop_unreachable(allocated, source, area, keys, allow_unmatched: bool, progress: Progress) -> None:
    """Regions with emissions but no cell of the proxy grid: an error, or (allowed) left out with a warning."""
    unreachable = [keys[i] for i in np.flatnonzero(area <= 0) if np.nansum(allocated[i]) > 0]
    if not unreachable:
        return
    if not allow_unmatched:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The regions {regions} cover no cell of the proxy grid; their emissions "
                                          "cannot be placed. Use a proxy covering every region, or set "
                                          "ALLOW_UNMATCHED."),
            regions=_listed(unreachable))
    progress.warning(
        QT_TRANSLATE_NOOP("@default", "The regions {regions} cover no cell of the proxy grid; their emissions "
                                      "cannot be placed."),
        regions=_listed(unreachable))
    allocated[area <= 0] = np.nan
    source[area <= 0] = ""


def _multipliers(allocated, point_sum, light, area, keys, years, progress: Progress):
    """Per region-year: t per unit of proxy weight, t per m2 where the weighted proxy sum is 0 (area
    fallback, named in a warning), where that fallback applies, and the fallback (key, year) pairs."""
    remainder = np.maximum(np.where(np.isfinite(allocated), allocated - point_sum, 0.0), 0.0)
    by_weight = np.where(light > 0, remainder / np.where(light > 0, light, 1.0), 0.0)
    region_area = area[:, None]
    use_area = (light <= 0) & (remainder > 0) & (region_area > 0)
    by_area = np.where(use_area, remainder / np.where(region_area > 0, region_area, 1.0), 0.0)
    fallback = [(keys[i], years[j]) for i, j in _region_years(use_area)]
    if fallback:
        regions: dict[str, list[int]] = {}
        for k, y in fallback:
            regions.setdefault(k, []).append(y)
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "No proxy signal (weighted proxy sum 0) in the regions {regions}: their "
                                          "emission is spread by area."),
            regions="; ".join(f"{k} ({_listed(sorted(ys), 4)})" for k, ys in regions.items()),
        )
    return by_weight, by_area, use_area, fallback


def _pass_one(layout: _Layout, years, weights, progress: Progress):
    """Weighted proxy sums W (regions, years) and covered areas A (m2) per region."""
    light = np.zeros((len(layout.keys), len(years)))
    area = np.zeros(len(layout.keys))

    def per_strip(strip: blockio.Window):
        row0, nrows = strip.row0, strip.nrows
        window = layout.window(row0, nrows)
        area[:] += layout.sums(window, np.ascontiguousarray(layout.cell_area(row0, nrows)))
        cache: dict = {}
        for j, year in enumerate(years):
            light[:, j] += layout.sums(window, weights(year, row0, nrows, cache))
            yield

    blockio.for_each_block(layout.strips, per_strip, progress, steps_per_block=len(years))
    return light, area


def _pass_two(layout: _Layout, years, weights, by_weight, by_area, use_area, valid, placed,
              outputs: GriddingOutputs, units: str, progress: Progress):
    """Write E_p strip by strip and year by year; return the raster totals and the zonal sums."""
    gridded = np.zeros(len(years))
    zonal = np.zeros((len(layout.keys), len(years)))
    points_by_year: dict[int, list] = {}
    for j, r, c, v in placed:
        points_by_year.setdefault(j, []).append((r, c, v))
    with ExitStack() as stack:
        out = stack.enter_context(
            TimeSeriesWriter(outputs.emission, layout.grid, years, "emission", f"{units} / cell / yr"))
        intensity = None
        if outputs.intensity:
            intensity = stack.enter_context(
                TimeSeriesWriter(outputs.intensity, layout.grid, years, "emission", f"{units} / km2 / yr"))

        def per_strip(strip: blockio.Window):
            row0, nrows = strip.row0, strip.nrows
            window = layout.window(row0, nrows)
            cell_area = layout.cell_area(row0, nrows)
            cache: dict = {}
            masks: dict[bytes, np.ndarray] = {}
            for j, year in enumerate(years):
                values = weights(year, row0, nrows, cache) * layout.spread(window, by_weight[:, j])
                if use_area[:, j].any():
                    values += cell_area * layout.spread(window, by_area[:, j])
                for r, c, v in points_by_year.get(j, ()):
                    if row0 <= r < row0 + nrows:
                        values[r - row0, c] += v
                signature = valid[:, j].tobytes()
                if signature not in masks:  # cells of no region with a value this year: NoData
                    masks.clear()
                    masks[signature] = layout.spread(window, valid[:, j]) <= 0
                outside = masks[signature]
                values[outside] = np.nan
                stored = values.astype(np.float32)
                out.write(j, row0, stored)
                as64 = stored.astype(np.float64)  # the totals of what is stored
                as64[outside] = 0.0
                gridded[j] += math.fsum(as64.sum(axis=1))
                zonal[:, j] += layout.sums(window, as64)
                if intensity is not None:
                    intensity.write(j, row0, (values / (cell_area * KM2_PER_M2)).astype(np.float32))
                yield

        blockio.for_each_block(layout.strips, per_strip, progress, steps_per_block=len(years))
    return gridded, zonal


def log_round_trip(result: GridResult, units: str, progress: Progress) -> None:
    """Log per year the raster total against the statistics and the per-region round trip."""
    err = np.abs(result.round_trip_error())
    for j, year in enumerate(result.years):
        totals = {"year": year, "gridded": result.gridded_total[j], "units": units,
                  "expected": result.expected_total[j], "rel": result.total_error()[j]}
        row = err[:, j]
        if not np.isfinite(row).any():
            progress.log(QT_TRANSLATE_NOOP("@default", "{year}: raster total {gridded:,.1f} {units}, statistics "
                                                       "{expected:,.1f} (relative error {rel:.1e})"), **totals)
            continue
        i = int(np.nanargmax(row))
        progress.log(
            QT_TRANSLATE_NOOP("@default", "{year}: raster total {gridded:,.1f} {units}, statistics {expected:,.1f} "
                                          "(relative error {rel:.1e}); per-region round trip: max |error| "
                                          "{worst:.2e} ({region}), mean {mean:.2e}"),
            **totals, worst=row[i], region=result.keys[i], mean=np.nanmean(row))

