"""Plausibility guards on physical inputs: the ranges, with units, and the checks (docs/DATA_CHECKS.md).

A value outside a physical range makes a result that is wrong by orders of magnitude (Kelvin read
as deg C gives a sink of -1e19 t), so it is an error that names the layer, the value and the fix;
a value that is possible but unusual is a warning (one per kind and run, with the most extreme
value and the years). Stages call these checks on the blocks they read anyway, with the range
(``value_range``) computed once per block: the detailed searches run only when the range says
that something is wrong, so a clean input costs a min and a max per block.

The module needs numpy only; what a check must know about the stored band (its numpy type and
declared nodata) is passed in by the stage (``raster.stored_band``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

import numpy as np

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress

# -- ranges (units in the names) --------------------------------------------------------------
# mean air temperature (monthly or annual mean), deg C: outside [MIN, MAX] is an error
TEMPERATURE_MIN_C = -60.0
TEMPERATURE_MAX_C = 60.0
# possible but unusual for a mean air temperature (a warning)
TEMPERATURE_UNUSUAL_MIN_C = -50.0
TEMPERATURE_UNUSUAL_MAX_C = 40.0
# values all in this range look like Kelvin
KELVIN_MIN_K = 200.0
KELVIN_MAX_K = 340.0
KELVIN_OFFSET = 273.15
# precipitation, mm: above the maximum is an error, above the unusual level a warning
PRECIPITATION_MONTH_MAX_MM = 2000.0
PRECIPITATION_YEAR_MAX_MM = 12000.0
PRECIPITATION_MONTH_UNUSUAL_MM = 1000.0
PRECIPITATION_YEAR_UNUSUAL_MM = 6000.0
# net primary productivity after the scale factor, g C m-2 yr-1
NPP_MAX_GC_M2_YR = 3000.0
NPP_UNUSUAL_GC_M2_YR = 2000.0
# what to suggest for MODIS MOD17A3 digital numbers
MODIS_NPP_SCALE = 0.1
MODIS_NPP_VALID_MAX = 32700.0
# fill codes: -9999 and float32's lowest value (-3.4e38; any value at or below -3e38 counts) in any
# band that can hold them; the type's largest value in Byte, UInt16 and Int16 bands
FILL_MINUS_9999 = -9999.0
FLOAT32_LOWEST = float(np.finfo(np.float32).min)
HUGE_NEGATIVE = -3.0e38
TYPE_MAX_FILLS = {"uint8": 255.0, "uint16": 65535.0, "int16": 32767.0}
# land-use class codes: a value farther than this from a whole number is not a class code
CLASS_CODE_TOLERANCE = 1e-6
SHOWN_VALUES = 5

@dataclass(frozen=True)
class LayerInfo:
    """One band of a time series as stored: where it is, its year, numpy type and declared nodata."""

    year: int
    path: str
    band: int
    dtype: str
    nodata: float | None


def value_range(values: np.ndarray) -> tuple[float, float]:
    """(lowest, highest) of the finite values, ignoring NaN; (nan, nan) when there is none."""
    a = np.asarray(values)
    if a.size == 0:
        return math.nan, math.nan
    if a.dtype.kind != "f":
        return float(a.min()), float(a.max())
    lo, hi = float(np.fmin.reduce(a, axis=None)), float(np.fmax.reduce(a, axis=None))
    if math.isinf(lo) or math.isinf(hi):  # +-inf: the finite range
        finite = a[np.isfinite(a)]
        return (float(finite.min()), float(finite.max())) if finite.size else (math.nan, math.nan)
    return lo, hi


def _g(value: float) -> str:
    return f"{value:.6g}"


class _FillValues(TypedDict):
    """The values of the fill-code messages (keyword arguments of ``CarbonInputError``)."""

    role: str
    path: str
    value: str
    year: int
    band: int
    dtype: str


class _PrecipitationValues(TypedDict):
    """The values of the negative-precipitation messages."""

    cells: int
    lowest: str


# -- fill codes -------------------------------------------------------------------------------


def fill_codes(dtype) -> tuple[float, ...]:
    """The fill codes a band of numpy type ``dtype`` can hold (see the constants)."""
    dt = np.dtype(dtype)
    if dt.kind == "f":
        return (FILL_MINUS_9999, FLOAT32_LOWEST)
    if dt.kind not in "iu":
        return ()
    codes = []
    if np.iinfo(dt).min <= FILL_MINUS_9999:
        codes.append(FILL_MINUS_9999)
    if dt.name in TYPE_MAX_FILLS:
        codes.append(TYPE_MAX_FILLS[dt.name])
    return tuple(codes)


def find_fill(values: np.ndarray, dtype, nodata: float | None, lo: float, hi: float, scale: float = 1.0,
              valid_max: float | None = None) -> float | None:
    """The first fill code of ``dtype`` present in ``values`` and not declared as nodata, else None.

    ``values`` may be stored values x ``scale`` (e.g. a unit conversion); ``lo``, ``hi`` their
    range. Codes above ``valid_max`` (raw) are left out: the stage removes them anyway.
    """
    if math.isnan(lo):
        return None
    for code in fill_codes(dtype):
        if nodata is not None and not math.isnan(nodata) and code == nodata:
            continue
        if valid_max is not None and code > valid_max:
            continue
        if code == FLOAT32_LOWEST:
            if lo <= HUGE_NEGATIVE * scale:
                return code
            continue
        target = code * scale
        tolerance = abs(target) * 1e-6
        if lo - tolerance <= target <= hi + tolerance and bool(np.any(np.abs(values - target) <= tolerance)):
            return code
    return None


def check_fill(values: np.ndarray, layer: LayerInfo, role: str, lo: float, hi: float, scale: float = 1.0,
               valid_max: float | None = None) -> None:
    """An error when a fill code is in the band as data (no nodata declared, or another one)."""
    code = find_fill(values, layer.dtype, layer.nodata, lo, hi, scale, valid_max)
    if code is None:
        return
    values_text: _FillValues = {"role": role, "path": layer.path, "value": _g(code), "year": layer.year,
                                "band": layer.band, "dtype": layer.dtype}
    if layer.nodata is None:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The {role} raster '{path}' holds the value {value} (year {year}, band {band}, {dtype}) "
            "and declares no nodata value: {value} is a common fill code and would be used as data. Declare it "
            "as the raster's nodata value (Raster > Conversion > Translate, 'Assign a specified nodata value', "
            "or gdal_edit.py -a_nodata {value} '{path}') and run again."), **values_text)
    raise CarbonInputError(QT_TRANSLATE_NOOP(
        "@default", "The {role} raster '{path}' holds the value {value} (year {year}, band {band}, {dtype}) but "
        "declares {nodata} as its nodata value: {value} is a common fill code and would be used as data. "
        "Declare {value} as the raster's nodata value instead, or convert it to {nodata} (Raster > Raster "
        "Calculator), and run again."), nodata=_g(layer.nodata), **values_text)


# -- warnings collected over the blocks of a run ----------------------------------------------


class Unusual:
    """Possible but unusual values: the most extreme value and the years, one warning each at the end."""

    def __init__(self) -> None:
        self._found: dict[str, dict] = {}

    def note(self, template: str, value: float, year: int, high: bool = True, **fixed) -> None:
        entry = self._found.setdefault(template, {"value": value, "years": set(), "high": high, "fixed": fixed})
        entry["years"].add(year)
        if (value > entry["value"]) if high else (value < entry["value"]):
            entry["value"] = value

    def report(self, progress: Progress) -> None:
        for template, entry in self._found.items():
            progress.warning(template, value=_g(entry["value"]), years=", ".join(map(str, sorted(entry["years"]))),
                             **entry["fixed"])
        self._found.clear()


# -- climate ----------------------------------------------------------------------------------


def check_temperature(lo: float, hi: float, path: str, year: int, unusual: Unusual | None = None) -> None:
    """Mean air temperature (monthly or annual mean) in deg C: [-60, 60] or an error."""
    if math.isnan(lo):
        return
    if lo >= KELVIN_MIN_K and hi <= KELVIN_MAX_K:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The temperature raster '{path}' has values from {lo} to {hi} in {year}: a mean air "
            "temperature must lie between -60 and 60 deg C. These values look like Kelvin: subtract 273.15 "
            "(Raster Calculator: \"layer@1\" - 273.15) and run again."),
            path=path, lo=_g(lo), hi=_g(hi), year=year)
    if lo < TEMPERATURE_MIN_C or hi > TEMPERATURE_MAX_C:
        value = lo if lo < TEMPERATURE_MIN_C else hi
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The temperature raster '{path}' has the value {value} in {year} (values from {lo} to "
            "{hi}): a mean air temperature must lie between -60 and 60 deg C. Check the units (deg C; "
            "values stored in 0.1 deg C need x 0.1) and declare fill values as the raster's nodata value."),
            path=path, value=_g(value), lo=_g(lo), hi=_g(hi), year=year)
    if unusual is not None:
        if hi > TEMPERATURE_UNUSUAL_MAX_C:
            unusual.note(QT_TRANSLATE_NOOP(
                "@default", "The temperature raster '{path}' has mean air temperatures up to {value} deg C "
                "(above 40 deg C, unusual even in hot deserts) in {years}; check that it holds mean, not "
                "maximum, temperatures."), hi, year, True, path=path)
        if lo < TEMPERATURE_UNUSUAL_MIN_C:
            unusual.note(QT_TRANSLATE_NOOP(
                "@default", "The temperature raster '{path}' has mean air temperatures down to {value} deg C "
                "(below -50 deg C, unusual outside the polar ice sheets) in {years}; check that it holds mean, "
                "not minimum, temperatures."), lo, year, False, path=path)


def negative_precipitation(p: np.ndarray, year: int | None = None) -> None:
    """Negative precipitation is an error (the number of cells and the lowest value)."""
    with np.errstate(invalid="ignore"):
        negative = p < 0
    if not np.any(negative):
        return
    values: _PrecipitationValues = {"cells": int(np.count_nonzero(negative)), "lowest": f"{float(np.nanmin(p)):g}"}
    if year is None:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "Negative precipitation: {cells} cells, lowest {lowest} mm. Precipitation must be "
            ">= 0 mm; if negative values are a fill code, set it as the raster's nodata value (Raster > "
            "Conversion > Translate, 'Assign a specified nodata value')."), **values)
    raise CarbonInputError(QT_TRANSLATE_NOOP(
        "@default", "Negative precipitation in the precipitation rasters for {year}: {cells} cells, lowest "
        "{lowest} mm. Precipitation must be >= 0 mm; if negative values are a fill code, set it as the "
        "raster's nodata value (Raster > Conversion > Translate, 'Assign a specified nodata value')."),
        year=year, **values)


def check_precipitation(lo: float, hi: float, monthly: bool, path: str, year: int,
                        unusual: Unusual | None = None) -> None:
    """Precipitation in mm: 0 or more, at most 2000 mm a month or 12000 mm a year (errors)."""
    if math.isnan(lo):
        return
    if lo < 0:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The precipitation raster '{path}' has the value {value} mm in {year}: precipitation "
            "is 0 mm or more. If it is a fill code, declare it as the raster's nodata value."),
            path=path, value=_g(lo), year=year)
    if monthly and hi > PRECIPITATION_MONTH_MAX_MM:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The precipitation raster '{path}' has {value} mm in a month of {year}: above 2000 mm, "
            "more than the wettest places on Earth receive in a month. Check the units (mm per month; values "
            "stored in 0.1 mm need x 0.1) and declare fill values as the raster's nodata value."),
            path=path, value=_g(hi), year=year)
    if not monthly and hi > PRECIPITATION_YEAR_MAX_MM:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The precipitation raster '{path}' has {value} mm in {year}: above 12000 mm, more than "
            "the wettest places on Earth receive in a year. Check the units (total mm per year; values "
            "stored in 0.1 mm need x 0.1) and declare fill values as the raster's nodata value."),
            path=path, value=_g(hi), year=year)
    if unusual is not None:
        if monthly and hi > PRECIPITATION_MONTH_UNUSUAL_MM:
            unusual.note(QT_TRANSLATE_NOOP(
                "@default", "The precipitation raster '{path}' has up to {value} mm in a month (above 1000 mm, "
                "unusual outside monsoon extremes) in {years}; check the units."), hi, year, path=path)
        if not monthly and hi > PRECIPITATION_YEAR_UNUSUAL_MM:
            unusual.note(QT_TRANSLATE_NOOP(
                "@default", "The precipitation raster '{path}' has up to {value} mm in a year (above 6000 mm, "
                "unusual outside the wettest mountain slopes) in {years}; check the units."), hi, year,
                path=path)


# -- NPP --------------------------------------------------------------------------------------


def check_npp(hi_gc_m2: float, hi_raw: float, scale: float, valid_max: float | None, path: str, year: int,
              unusual: Unusual | None = None) -> None:
    """NPP after the scale factor and the valid maximum, in g C m-2 yr-1: at most 3000 (an error)."""
    if math.isnan(hi_gc_m2):
        return
    if hi_gc_m2 > NPP_MAX_GC_M2_YR:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The NPP raster '{path}' gives {value} g C m-2 yr-1 in {year} (stored value {raw} x NPP "
            "scale factor {scale}, NPP valid maximum {valid_max}): above 3000 g C m-2 yr-1, more than any "
            "ecosystem produces. For MODIS MOD17A3 digital numbers set NPP_SCALE to 0.1 and NPP_VALID_MAX to "
            "32700 (its fill values 32761-32767 are then nodata); otherwise check the units and declare fill "
            "values as the raster's nodata value."),
            path=path, value=_g(hi_gc_m2), raw=_g(hi_raw), scale=_g(scale), year=year,
            valid_max="-" if valid_max is None else _g(valid_max))
    if unusual is not None and hi_gc_m2 > NPP_UNUSUAL_GC_M2_YR:
        unusual.note(QT_TRANSLATE_NOOP(
            "@default", "The NPP raster '{path}' gives up to {value} g C m-2 yr-1 (above 2000, unusual even in "
            "tropical rain forest) in {years}; check the NPP scale factor."), hi_gc_m2, year, path=path)


# -- emissions, sinks, statistics, land use ---------------------------------------------------


def check_emission(lo: float, layer: LayerInfo, role: str = "emission", scale: float = 1.0) -> None:
    """Emissions are 0 or more: a negative cell is an error naming the layer, year and band."""
    if math.isnan(lo) or lo >= 0:
        return
    raise CarbonInputError(QT_TRANSLATE_NOOP(
        "@default", "The {role} raster '{path}' has the negative value {value} (year {year}, band {band}): "
        "emissions are 0 or more. If it is a fill code, declare it as the raster's nodata value (Raster > "
        "Conversion > Translate, 'Assign a specified nodata value'); if it is a net emission, give the "
        "gross emission."),
        role=role, path=layer.path, value=_g(lo / scale), year=layer.year, band=layer.band)


class CarbonGuard:
    """Checks the blocks of an emission or sink time series as a stage reads them.

    Both: fill codes present as data (an error). Emission: negative values (an error); a sink
    may be negative (an ecosystem source). ``values`` are the stored values x ``scale``; the
    layer is the index into ``layers``.
    """

    def __init__(self, role: str, layers: Sequence[LayerInfo], nonnegative: bool) -> None:
        self.role = role
        self.layers = list(layers)
        self.nonnegative = nonnegative

    def __call__(self, index: int, values: np.ndarray, scale: float = 1.0) -> None:
        layer = self.layers[index]
        lo, hi = value_range(values)
        if math.isnan(lo):
            return
        check_fill(values, layer, self.role, lo, hi, scale)  # searches only when the range holds a code
        if self.nonnegative:
            check_emission(lo, layer, self.role, scale)


def check_statistic(value: float, role: str, key: str, year: int) -> None:
    """A statistical emission (t per year) is 0 or more."""
    if value < 0:
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "The {role} value {value:g} of region '{key}', year {year} is negative. Emissions are 0 "
            "or more t per year: correct it, or leave the value empty where it is missing (a fill code such as "
            "-9999 is not a value)."),
            role=role, value=value, key=key, year=year)


def check_class_codes(values: np.ndarray, path: str, year: int) -> None:
    """Land-use values must be whole class codes: an error naming the first few other values."""
    with np.errstate(invalid="ignore"):
        off = np.abs(values - np.rint(values)) > CLASS_CODE_TOLERANCE
    if not off.any():
        return
    shown = []
    for v in values[off].ravel().tolist():
        if v not in shown:
            shown.append(v)
        if len(shown) == SHOWN_VALUES:
            break
    raise CarbonInputError(QT_TRANSLATE_NOOP(
        "@default", "The land-use raster '{path}' has values that are not whole class codes in {year} ({count} "
        "cells, e.g. {values}): rounding would put them in another class. Give the class codes as "
        "integers (a resampling other than nearest neighbour mixes codes; re-export the land use with "
        "nearest neighbour, or as an integer raster)."),
        path=path, year=year, count=int(np.count_nonzero(off)), values=", ".join(_g(v) for v in shown))


def missing_years(years: Sequence[int]) -> list[int]:
    """Years between the first and the last of ``years`` that are not in it."""
    present = set(years)
    return [y for y in range(min(present), max(present) + 1) if y not in present] if present else []
