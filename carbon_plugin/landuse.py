"""Carbon sinks from land use (METHODS.md section 3, ``landusesink``): area x class coefficient.

Sink per cell in t C = true cell area in ha x the coefficient of its land-use class
(t C ha-1 yr-1), then the requested unit (t CO2 by default). Coefficients come from an editable
CSV keyed by class code (``code,name,t_c_ha_yr``; other columns are ignored); presets for China's
first-level CNLUCC classes and for CLCD codes ship in ``carbon_plugin/data``. Cropland may
instead take a coefficient computed from crop production, ``sum c x Y x (1 - w) / H`` over crops
(``crop_parameters.csv``) divided by the cropland area.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import blockio
from .cellarea import row_cell_areas_m2
from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .files import read_csv
from .plausibility import check_class_codes
from .progress import Progress
from .raster import layer_infos, open_raster
from .timeseries import TimeSeriesWriter, open_time_series
from .units import M2_PER_KM2, T_CO2, check_units, factor_from_t_c

if TYPE_CHECKING:  # cropland imports this module
    from .cropland import CropProduction

DATA_DIR = Path(__file__).resolve().parent / "data"
PRESETS = {"cnlucc": DATA_DIR / "landuse_cnlucc.csv", "clcd": DATA_DIR / "landuse_clcd.csv"}
CROP_PARAMETERS = DATA_DIR / "crop_parameters.csv"
M2_PER_HA = 1e4


@dataclass(frozen=True)
class LandUseClass:
    code: int
    name: str
    t_c_ha_yr: float


@dataclass(frozen=True)
class CropParameters:
    crop: str
    carbon_fraction: float
    harvest_index: float
    water_content: float


def _rows(path: Path | str, required: Sequence[str], what: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row with lower-case stripped keys) of a CSV in UTF-8 or GB18030, checking its columns."""
    fieldnames, numbered = read_csv(path, f"{what} CSV")
    header = [(h or "").strip().lower() for h in fieldnames]
    missing = [c for c in required if c not in header]
    if missing:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The {what} CSV '{path}' lacks the column(s) {missing}; its header must name "
            "{required} (found: {found})."), what=what, path=str(path), missing=", ".join(missing),
            required=", ".join(required), found=", ".join(header) or "-")
    rows = []
    for line, row in numbered:
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if any(clean.values()):
            rows.append((line, clean))
    return rows


def _number(text: str, path, line: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "'{path}' line {line}: {column} '{text}' is not a number."),
            path=str(path), line=line, column=column, text=text)
    return value


def load_coefficients(path: Path | str) -> dict[int, LandUseClass]:
    """Class code -> coefficient (t C ha-1 yr-1) from a CSV with columns code, name, t_c_ha_yr."""
    table: dict[int, LandUseClass] = {}
    for line, row in _rows(path, ("code", "t_c_ha_yr"), "land-use coefficient"):
        code_value = _number(row["code"], path, line, "code")
        if code_value != int(code_value):
            raise CarbonInputError(QT_TRANSLATE_NOOP(
                "@default", "'{path}' line {line}: class code '{code}' is not an integer."),
                path=str(path), line=line, code=row["code"])
        code = int(code_value)
        if code in table:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "'{path}' line {line}: class code {code} appears twice."),
                path=str(path), line=line, code=code)
        table[code] = LandUseClass(code, row.get("name", "") or str(code),
                                   _number(row["t_c_ha_yr"], path, line, "t_c_ha_yr"))
    if not table:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The land-use coefficient CSV '{path}' has no classes."),
                               path=str(path))
    return table


def preset_coefficients(name: str) -> dict[int, LandUseClass]:
    """A shipped coefficient table: 'cnlucc' or 'clcd'."""
    key = name.strip().lower()
    if key not in PRESETS:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "Unknown land-use preset '{name}': use one of {presets}."),
                               name=name, presets=", ".join(PRESETS))
    return load_coefficients(PRESETS[key])


def load_crop_parameters(path: Path | str = CROP_PARAMETERS) -> dict[str, CropParameters]:
    """Crop -> carbon fraction c, harvest index H, water content w (columns crop, carbon_fraction,
    harvest_index, water_content)."""
    required = ("crop", "carbon_fraction", "harvest_index", "water_content")
    table: dict[str, CropParameters] = {}
    for line, row in _rows(path, required, "crop parameter"):
        crop = row["crop"].lower()
        c, h, w = (_number(row[k], path, line, k) for k in required[1:])
        if not (0 < h <= 1 and 0 <= w < 1 and 0 < c <= 1):
            raise CarbonInputError(QT_TRANSLATE_NOOP(
                "@default", "'{path}' line {line}: crop '{crop}' needs 0 < carbon_fraction <= 1, "
                "0 < harvest_index <= 1 and 0 <= water_content < 1."), path=str(path), line=line, crop=crop)
        table[crop] = CropParameters(crop, c, h, w)
    return table


def crop_carbon_t_c(production_t: Mapping[str, float], parameters: Mapping[str, CropParameters]) -> float:
    """Carbon taken up by crops in t C: sum over crops of c x Y x (1 - w) / H, Y = production in t."""
    total = 0.0
    for crop, y in production_t.items():
        p = parameters.get(crop.strip().lower())
        if p is None:
            raise CarbonInputError(QT_TRANSLATE_NOOP(
                "@default", "No crop parameters for '{crop}'; add it to the crop parameter CSV (known: {known})."),
                crop=crop, known=", ".join(sorted(parameters)))
        if not (math.isfinite(y) and y >= 0):
            raise CarbonInputError(QT_TRANSLATE_NOOP(
                "@default", "The production of '{crop}' must be a number >= 0 t, not {value}."), crop=crop, value=y)
        total += p.carbon_fraction * y * (1 - p.water_content) / p.harvest_index
    return total


def cropland_coefficient_t_c_ha(production_t: Mapping[str, float], cropland_ha: float,
                                parameters: Mapping[str, CropParameters]) -> float:
    """Cropland coefficient t C ha-1 yr-1 of a region and year: crop carbon / cropland area."""
    if not cropland_ha > 0:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The cropland area must be > 0 ha to spread crop carbon over, not {area}."), area=cropland_ha)
    return crop_carbon_t_c(production_t, parameters) / cropland_ha


@dataclass
class LandUseSummary:
    """Years written, total sink per year (in ``units``), class areas and codes missing from the table."""

    years: list[int]
    units: str
    total: dict[int, float] = field(default_factory=dict)
    class_area_km2: dict[int, dict[int, float]] = field(default_factory=dict)    # year -> code -> km2
    unknown_area_km2: dict[int, dict[int, float]] = field(default_factory=dict)  # year -> code -> km2

    def unknown_codes(self) -> dict[int, float]:
        """Code -> mean yearly area (km2) over the years written, for codes not in the table."""
        codes: dict[int, float] = {}
        for by_code in self.unknown_area_km2.values():
            for code, area in by_code.items():
                codes[code] = codes.get(code, 0.0) + area / len(self.years)
        return dict(sorted(codes.items()))


def _warn_unknown_codes(summary: LandUseSummary, progress: Progress) -> None:
    """Warn about class codes missing from the coefficient table, with their area."""
    codes = summary.unknown_codes()
    listed = "; ".join(f"code {code}: {area:.4g} km2" for code, area in codes.items())
    if len(summary.years) == 1:
        progress.warning(QT_TRANSLATE_NOOP(
            "@default", "Land-use class codes not in the coefficient table (no sink there, nodata): "
            "{codes}. Add them to a coefficient CSV if they should count."), codes=listed)
    else:
        progress.warning(QT_TRANSLATE_NOOP(
            "@default", "Land-use class codes not in the coefficient table (no sink there, nodata): "
            "{codes} per year on average. Add them to a coefficient CSV if they should count."), codes=listed)


def _add_areas(target: dict[int, float], codes: np.ndarray, areas: np.ndarray) -> None:
    if codes.size == 0:
        return
    unique, inverse = np.unique(codes, return_inverse=True)
    sums = np.bincount(inverse, weights=areas)
    for code, area in zip(unique.tolist(), sums.tolist()):
        target[code] = target.get(code, 0.0) + area


@dataclass(frozen=True)
class LandUseOptions:
    """``years`` of the land-use layers (None: from their band descriptions or file names, else
    ``start_year`` for band 1); a single-band raster given several ``years`` stands for all of
    them. ``units`` of the output. Checked when made."""

    years: Sequence[int] | None = None
    start_year: int | None = None
    units: str = T_CO2

    def __post_init__(self) -> None:
        check_units(self.units)


def compute_landuse_sink(
    landuse_paths: Sequence[str],
    coefficients: Mapping[int, LandUseClass | float],
    output: str,
    cropland: CropProduction | None = None,
    options: LandUseOptions = LandUseOptions(),
    *,
    progress: Progress | None = None,
    budget_bytes: int | None = None,
) -> LandUseSummary:
    """Land-use sink raster ``output`` (band per year, t per cell per year).

    Land use: one raster with a band per year, one raster per year, or one single-band raster
    standing for all of ``options.years``. ``coefficients``: t C ha-1 yr-1 per class code; cells
    whose class is not in the table are nodata and reported with their area. ``cropland``
    replaces the cropland coefficient per region and year by crop carbon / cropland area.
    """
    progress = progress or Progress()
    paths = [str(p) for p in landuse_paths]
    units, years = options.units, options.years
    carbon_units = f"{units} / cell / yr"
    factor = factor_from_t_c(units)
    if not paths:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "No land-use raster was given."))
    table = {int(k): float(v.t_c_ha_yr if isinstance(v, LandUseClass) else v) for k, v in coefficients.items()}
    table_codes = np.array(sorted(table), dtype=np.int64)
    table_values = np.array([table[c] for c in table_codes.tolist()], dtype=np.float64)
    band_count = sum(open_raster(p, "land-use").RasterCount for p in paths)
    if years is not None and band_count == 1 and len(years) > 1:
        series = open_time_series(paths, years=[years[0]], role="land-use", progress=progress)
        layer_of = {int(y): 0 for y in years}
        progress.log(QT_TRANSLATE_NOOP("@default", "One land-use layer stands for all {count} years."),
                     count=len(layer_of))
    else:
        series = open_time_series(paths, start_year=options.start_year, years=years, resampling="nearest",
                                  role="land-use", progress=progress)
        layer_of = {y: i for i, y in enumerate(series.years)}
    out_years = sorted(layer_of)
    grid = series.grid
    area_m2 = row_cell_areas_m2(grid)
    summary = LandUseSummary(out_years, units)
    for year in out_years:
        summary.total[year] = 0.0
        summary.class_area_km2[year] = {}
        summary.unknown_area_km2[year] = {}

    if cropland is not None:
        cropland.prepare(series, layer_of, progress)
    # float land-use layers must hold whole class codes (integer layers always do)
    float_layers = {i for i, info in enumerate(layer_infos(series.layers)) if np.dtype(info.dtype).kind == "f"}
    with TimeSeriesWriter(output, grid, out_years, "sink", carbon_units) as out:

        def per_block(window: blockio.Window):
            row0, nrows = window.row0, window.nrows
            cell_m2 = np.broadcast_to(area_m2[row0:row0 + nrows, None], (nrows, grid.width))
            checked = set()
            for i, year in enumerate(out_years):
                values = series.read_window(layer_of[year], window)
                if layer_of[year] in float_layers and layer_of[year] not in checked:
                    checked.add(layer_of[year])
                    check_class_codes(values, series.layers[layer_of[year]].path, year)
                valid = np.isfinite(values)
                code = np.rint(np.where(valid, values, 0)).astype(np.int64)
                at = np.clip(np.searchsorted(table_codes, code), 0, len(table_codes) - 1)
                known = valid & (table_codes[at] == code)
                coefficient = np.where(known, table_values[at], np.nan)
                if cropland is not None:
                    coefficient, known = cropland.apply(year, row0, nrows, code, valid, coefficient, known)
                sink = coefficient * (cell_m2 / M2_PER_HA) * factor
                summary.total[year] += float(np.nansum(sink))
                _add_areas(summary.class_area_km2[year], code[known], cell_m2[known] / M2_PER_KM2)
                unknown = valid & ~known
                _add_areas(summary.unknown_area_km2[year], code[unknown], cell_m2[unknown] / M2_PER_KM2)
                out.write(i, row0, sink.astype(np.float32))
                yield

        strips = blockio.plan_strips(grid, grid.width * 8 * (8 + series.warp_bands), budget_bytes)
        blockio.for_each_block(strips, per_block, progress, steps_per_block=len(out_years))
    if any(summary.unknown_area_km2.values()):
        _warn_unknown_codes(summary, progress)
    return summary
