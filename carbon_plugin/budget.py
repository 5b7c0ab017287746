"""Carbon budget per region and per cell (METHODS.md section 4).

Emission E and sink S are both positive t per year; net NCE = E - S; source/sink ratio
CSR = E / S (NaN where S <= 0); compensation rate CCR = S / E (NaN where E <= 0); emission
density = E / area (t km-2). With GDP: economic contribution coefficient
ECC = (GDP_i / sum GDP) / (E_i / sum E) and ecological support coefficient
ESC = (S_i / sum S) / (E_i / sum E), per year over the regions.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from . import blockio
from .coverage import Coverage, exact_coverage
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .inputs import Regions
from .plausibility import CarbonGuard
from .progress import Progress
from .raster import layer_infos
from .timeseries import TimeSeries, TimeSeriesWriter
from .trend import STATE_BREAKS, balance_state, check_state_breaks
from .units import T_CO2, check_units
from .zonal import ZonalSums, zonal_sums

STATE_NODATA = 0
# the ratio raster's value where E > 0 and S <= 0: the ratio is unbounded. +inf would say so too, but
# QGIS draws +inf transparent, so those (the worst) cells would look like holes; float32's largest
# value draws as the "no sink" class and reads back as no ratio (blockio.invalid_cells)
NO_SINK_RATIO = blockio.FLOAT32_MAX


def _divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is <= 0 or either is NaN."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / denominator, np.nan)


def source_sink_ratio(emission: np.ndarray, sink: np.ndarray) -> np.ndarray:
    """CSR = E / S, NaN where S <= 0 (the balance state then treats the region as extreme)."""
    return _divide(np.asarray(emission, np.float64), np.asarray(sink, np.float64))


def _share_ratio(part: np.ndarray, emission: np.ndarray) -> np.ndarray:
    """(part_i / sum part) / (E_i / sum E) per year (columns), sums over the regions where both
    are known; NaN where undefined (a region without data has no share)."""
    known = ~(np.isnan(part) | np.isnan(emission))
    part_share = _divide(part, np.where(known, part, 0.0).sum(axis=0, keepdims=True))
    emission_share = _divide(emission, np.where(known, emission, 0.0).sum(axis=0, keepdims=True))
    return np.where(known, _divide(part_share, emission_share), np.nan)


def region_budget(
    emission_t: np.ndarray,
    sink_t: np.ndarray,
    area_km2: np.ndarray,
    gdp: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Budget indicators for (regions x years) arrays of E and S in t; area per region in km2."""
    emission = np.asarray(emission_t, np.float64)
    sink = np.asarray(sink_t, np.float64)
    out = {
        "emission": emission,
        "sink": sink,
        "net": emission - sink,
        "ratio": source_sink_ratio(emission, sink),
        "ccr": _divide(sink, emission),
        "density": _divide(emission, np.asarray(area_km2, np.float64)[:, None]),
        "esc": _share_ratio(sink, emission),
    }
    if gdp is not None:
        out["ecc"] = _share_ratio(np.asarray(gdp, np.float64), emission)
    return out


def common_years(emission: TimeSeries, sink: TimeSeries, progress: Progress) -> list[int]:
    """Years present in both series; years in only one are reported and left out."""
    years = sorted(set(emission.years) & set(sink.years))
    if not years:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The emission years ({emission_first}-{emission_last}) and the sink years "
                                          "({sink_first}-{sink_last}) do not overlap."),
            emission_first=emission.years[0], emission_last=emission.years[-1], sink_first=sink.years[0],
            sink_last=sink.years[-1])
    only = sorted(set(emission.years) ^ set(sink.years))
    if only:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Years present in only one of the emission and sink rasters are left out: "
                                          "{years}."),
            years=", ".join(map(str, only)))
    return years


def cell_state(emission: np.ndarray, sink: np.ndarray, breaks: Sequence[float]) -> np.ndarray:
    """Balance state 1-5 per cell; 0 (nodata) where data are missing or there is no flux at all."""
    state = balance_state(source_sink_ratio(emission, sink), sink, tuple(breaks))
    no_flux = (emission <= 0) & (sink <= 0)
    return np.where(np.isnan(state) | no_flux | np.isnan(emission) | np.isnan(sink),
                    STATE_NODATA, state).astype(np.uint8)


def cell_ratio(emission: np.ndarray, sink: np.ndarray) -> np.ndarray:
    """CSR = E / S per cell; ``NO_SINK_RATIO`` where E > 0 and S <= 0; NaN where data are missing
    or there is no flux at all (E <= 0 and S <= 0)."""
    return np.where((emission > 0) & (sink <= 0), NO_SINK_RATIO, source_sink_ratio(emission, sink))


# net, ratio and state of one strip, in the order of grid_budget's outputs
CELL_PRODUCTS = (
    lambda e, s, _breaks: e - s,
    lambda e, s, _breaks: cell_ratio(e, s),
    cell_state,
)


@dataclass(frozen=True)
class BudgetRasters:
    """The rasters ``grid_budget`` writes (None: not written; at least one): net emission E - S in
    t per cell per year, the ratio E / S and the balance state, a band per year each."""

    net: str | None = None
    ratio: str | None = None
    state: str | None = None

    def __post_init__(self) -> None:
        if not any((self.net, self.ratio, self.state)):
            raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Choose at least one output (net, ratio or state)."))


@dataclass(frozen=True)
class GridBudgetOptions:
    """``units`` of the inputs and the net output; ``breaks``: the upper CSR bounds of states 1-4;
    checked when made."""

    units: str = T_CO2
    breaks: tuple[float, ...] = STATE_BREAKS

    def __post_init__(self) -> None:
        check_units(self.units)
        object.__setattr__(self, "breaks", check_state_breaks(self.breaks))  # frozen: the checked tuple


@dataclass(frozen=True)
class GridBudgetResult:
    """What ``grid_budget`` wrote: the years, one band each in every output."""

    years: list[int]


def grid_budget(
    emission: TimeSeries,
    sink: TimeSeries,
    outputs: BudgetRasters,
    options: GridBudgetOptions = GridBudgetOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> GridBudgetResult:
    """Net, ratio and state rasters per cell and year, streamed strip by strip.

    ``sink`` must already be on the emission grid (open it with ``grid=emission.grid`` and
    ``resampling='sum'`` so that per-cell totals are kept).
    """
    progress = progress or Progress()
    years = common_years(emission, sink, progress)
    writers = [
        TimeSeriesWriter(outputs.net, emission.grid, years, "net", f"{options.units} / cell / yr")
        if outputs.net else None,
        TimeSeriesWriter(outputs.ratio, emission.grid, years, "ratio", "E / S") if outputs.ratio else None,
        TimeSeriesWriter(outputs.state, emission.grid, years, "state", "1 sink .. 5 extreme",
                         data_type=gdal.GDT_Byte, nodata=STATE_NODATA) if outputs.state else None,
    ]
    # plausibility of the strips read (docs/DATA_CHECKS.md): fill codes as data, negative emissions
    emission_guard = CarbonGuard("emission", layer_infos(emission.layers), nonnegative=True)
    sink_guard = CarbonGuard("sink", layer_infos(sink.layers), nonnegative=False)
    with ExitStack() as stack:  # every output is removed if anything fails or is cancelled
        for writer in filter(None, writers):
            stack.enter_context(writer)

        def per_block(window: blockio.Window) -> None:
            for i, year in enumerate(years):
                e = emission.read_window(emission.years.index(year), window)
                s = sink.read_window(sink.years.index(year), window)
                emission_guard(emission.years.index(year), e, emission.scale)
                sink_guard(sink.years.index(year), s, sink.scale)
                for writer, product in zip(writers, CELL_PRODUCTS):
                    if writer is not None:
                        writer.write(i, window.row0, product(e, s, options.breaks), window.col0)

        held = 4 + emission.warp_bands + sink.warp_bands  # float64 arrays per cell
        blocks = blockio.plan_strips(emission.grid, emission.grid.width * 8 * held, budget_bytes)
        blockio.for_each_block(blocks, per_block, progress)
    return GridBudgetResult(years)


@dataclass
class ZonalBudget:
    """Budget per region (rows) and year (columns); ``area_km2`` is each region's covered area."""

    names: list[str]
    years: list[int]
    area_km2: np.ndarray
    indicators: dict[str, np.ndarray]


def _coverage_for(series: TimeSeries, regions: Regions, progress: Progress, known: dict) -> Coverage:
    """One coverage per distinct grid (the emission and sink rasters often share one)."""
    for grid, coverage in known.items():
        if grid.matches(series.grid):
            return coverage
    coverage = exact_coverage(regions.geometries, regions.crs_wkt, series.grid, regions.keys, progress)
    known[series.grid] = coverage
    return coverage


def zonal_budget(
    regions: Regions,
    emission: TimeSeries,
    sink: TimeSeries,
    gdp_by_year: dict[int, np.ndarray] | None = None,
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> ZonalBudget:
    """Exact zonal sums of emission and sink per region and year, and the budget indicators.

    ``regions``: one polygon and one key (its name in the result) per region; each raster gets
    its own exact coverage, so the two may be on different grids or CRSs. ``gdp_by_year``: GDP
    per region for some years. No options: the sums and indicators have none.
    """
    progress = progress or Progress()
    years = common_years(emission, sink, progress)
    known: dict = {}
    sums = []
    for k, (series, role) in enumerate(((emission, "emission"), (sink, "sink"))):
        coverage = _coverage_for(series, regions, progress.sub(0.5 * k, 0.5 * k + 0.15), known)
        if not coverage.covered_area_km2().any():
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "None of the regions overlaps the {role} raster; check that both cover "
                                              "the same area (and that the layers' CRSs are right)."),
                role=role)
        subset = series.subset(years)
        guard = CarbonGuard(role, layer_infos(subset.layers), nonnegative=role == "emission")
        sums.append(zonal_sums(coverage, subset, [guard], progress=progress.sub(0.5 * k + 0.15, 0.5 * k + 0.5),
                               budget_bytes=budget_bytes))
    for result, role in zip(sums, ("emission", "sink")):
        _report_nodata(result, role, progress)
    emission_t, sink_t = (without_data_as_null(result, role, progress) for result, role in
                          zip(sums, ("emission", "sink")))
    gdp = None
    if gdp_by_year:
        gdp = np.stack([gdp_by_year.get(y, np.full(len(regions.keys), np.nan)) for y in years], axis=1)
    indicators = region_budget(emission_t, sink_t, sums[0].covered_area_km2, gdp)
    return ZonalBudget(list(regions.keys), years, sums[0].covered_area_km2, indicators)


def without_data_as_null(result: ZonalSums, role: str, progress: Progress) -> np.ndarray:
    """The sums with NaN (NULL) where a region has no valid cell at all in a year (outside the
    raster, or only nodata there): no data is never a total of 0. The regions are named."""
    empty = ~(result.valid_area_km2 > 0)
    for k in np.flatnonzero(empty.any(axis=1)):
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "Region '{name}' has no {role} data in {years}: its {role} is NULL "
                                          "there (no data, not 0)."),
            name=result.names[k], role=role, years=", ".join(str(y) for y, e in zip(result.years, empty[k]) if e))
    return np.where(empty, np.nan, result.sums)


def _report_nodata(result: ZonalSums, role: str, progress: Progress) -> None:
    """Name the regions part of which has no data (counted as 0 in their totals)."""
    missing = np.where(result.valid_area_km2 > 0, result.nodata_area_km2, 0.0).max(axis=1)
    for name, km2 in zip(result.names, missing):
        if km2 > 1e-9 * max(float(result.covered_area_km2.max()), 1.0):
            progress.warning(
                QT_TRANSLATE_NOOP("@default", "{km2:.3f} km2 of region '{name}' has no {role} data in some years "
                                              "(counted as 0)."),
                km2=km2, name=name, role=role)
