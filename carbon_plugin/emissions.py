"""CO2 from energy consumption (METHODS section 1): factor tables and the energy-table accounting.

The IPCC reference approach with Chinese calorific values, per fuel f:

    t CO2 = quantity [unit] x NCV [TJ / unit] x CC [t C / TJ] x OF x 44/12

The unit algebra is explicit. 1 t of a fuel with NCV 20 908 kJ/kg holds 20 908 kJ/kg x 1000 kg
= 2.0908e7 kJ = 0.020908 TJ (1 TJ = 1e9 kJ), so TJ per t = NCV [kJ/kg] x 1e-6 and TJ per 10^4 t =
NCV x 1e-2. For gas, NCV in kJ/m3: TJ per m3 = NCV x 1e-9, per 10^4 m3 = NCV x 1e-5.
Raw coal: 0.020908 TJ/t x 26.37 t C/TJ x 0.94 x 44/12 = 1.9003 t CO2/t; natural gas: 0.38931 TJ
per 10^4 m3 x 15.30 x 0.99 x 44/12 = 21.622 t CO2 per 10^4 m3.

Factor tables are CSV files (``fuel, name, ncv, ncv_unit, carbon_content_t_c_per_tj,
oxidation_rate, quantity_unit``; other columns such as ``source`` are kept for the reader and
ignored); the defaults ship in ``carbon_plugin/data``. Quantities may be given in t, 10^4 t, m3,
10^4 m3 or 10^8 m3: per fuel as the factor table says (the yearbook convention: 10^4 t for solids
and liquids, 10^4 m3 for gas), or for all fuels at once (``QUANTITY_SYSTEMS``).

Cement process CO2 (calcination of limestone into clinker) is optional and reported apart:
t CO2 = t clinker x ``CEMENT_FACTOR`` (default 0.52 t CO2 / t clinker, the IPCC 2006 Tier 1
default: 65 % CaO x 44.01/56.08 = 0.510, corrected for cement kiln dust x 1.02) [lit].
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .files import read_csv
from .progress import Progress
from .schema import parse_year, region_key
from .units import CO2_PER_C, T_CO2, check_units, factor_from_t_co2

DATA_DIR = Path(__file__).resolve().parent / "data"
PRESETS = {
    "china": DATA_DIR / "emission_factors.csv",
    "ipcc_of1": DATA_DIR / "emission_factors_ipcc_of1.csv",
}
FACTOR_COLUMNS = ("fuel", "name", "ncv", "ncv_unit", "carbon_content_t_c_per_tj", "oxidation_rate",
                  "quantity_unit")
CEMENT_FACTOR = 0.52  # t CO2 / t clinker, IPCC 2006 Vol. 3 ch. 2 Tier 1 default [lit]

# NCV units: (kind of quantity, TJ per base unit (t or m3) for an NCV of 1 in that unit)
NCV_UNITS = {
    "kj/kg": ("mass", 1e3 * 1e-9),  # 1 kJ/kg x 1000 kg/t = 1e3 kJ/t = 1e-6 TJ/t
    "mj/kg": ("mass", 1e3 * 1e-6),  # 1 MJ/kg = 1 GJ/t = 1e-3 TJ/t
    "gj/t": ("mass", 1e-3),
    "kj/m3": ("volume", 1e-9),      # 1 kJ/m3 = 1e-9 TJ/m3
    "mj/m3": ("volume", 1e-6),
}
# quantity units: (kind, base units (t or m3) per unit)
QUANTITY_UNITS = {
    "t": ("mass", 1.0),
    "10^4 t": ("mass", 1e4),
    "m3": ("volume", 1.0),
    "10^4 m3": ("volume", 1e4),
    "10^8 m3": ("volume", 1e8),
}
_UNIT_ALIASES = {
    "t": "t", "tonne": "t", "tonnes": "t", "吨": "t",
    "10^4t": "10^4 t", "1e4t": "10^4 t", "10000t": "10^4 t", "10kt": "10^4 t", "万吨": "10^4 t",
    "m3": "m3", "m^3": "m3", "立方米": "m3",
    "10^4m3": "10^4 m3", "1e4m3": "10^4 m3", "10000m3": "10^4 m3", "万立方米": "10^4 m3",
    "10^8m3": "10^8 m3", "1e8m3": "10^8 m3", "亿立方米": "10^8 m3",
}
# one unit for every fuel: None = per fuel, as the factor table's quantity_unit says
QUANTITY_SYSTEMS = {
    "table": None,
    "t, m3": {"mass": "t", "volume": "m3"},
    "10^4 t, 10^4 m3": {"mass": "10^4 t", "volume": "10^4 m3"},
    "10^4 t, 10^8 m3": {"mass": "10^4 t", "volume": "10^8 m3"},
}
MISSING_TEXT = {"", "-", "--", "—", "…", "...", "na", "n/a", "null", "none"}
LAYOUTS = ("wide", "long")


def quantity_unit(text: str) -> str:
    """The canonical name of a quantity unit ('10^4 t', ...) from common spellings."""
    key = re.sub(r"\s+", "", str(text)).lower().replace("³", "3").replace("×", "").replace("*", "")
    if key in _UNIT_ALIASES:
        return _UNIT_ALIASES[key]
    raise CarbonInputError(
        QT_TRANSLATE_NOOP("@default", "Unknown quantity unit '{text}': use one of {choices}."),
        text=text, choices=", ".join(QUANTITY_UNITS))


@dataclass(frozen=True)
class FuelFactor:
    """One fuel of a factor table. ``kind`` is 'mass' (NCV per kg) or 'volume' (NCV per m3)."""

    fuel: str
    name: str
    ncv: float
    ncv_unit: str
    carbon_content: float  # t C / TJ
    oxidation_rate: float
    quantity_unit: str

    @property
    def kind(self) -> str:
        return NCV_UNITS[self.ncv_unit.lower()][0]

    def tj_per_unit(self, unit: str | None = None) -> float:
        """Energy in TJ of one ``unit`` (default: the table's quantity unit) of this fuel."""
        unit = quantity_unit(unit or self.quantity_unit)
        kind, base_per_unit = QUANTITY_UNITS[unit]
        if kind != self.kind:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The fuel '{fuel}' has an NCV per {per_unit} ({ncv_unit}) but its "
                                              "quantities are in {unit}; give them in {allowed_units}."),
                fuel=self.fuel, per_unit="kg" if self.kind == "mass" else "m3", ncv_unit=self.ncv_unit, unit=unit,
                allowed_units="t or 10^4 t" if self.kind == "mass" else "m3, 10^4 m3 or 10^8 m3")
        tj_per_base = self.ncv * NCV_UNITS[self.ncv_unit.lower()][1]
        return tj_per_base * base_per_unit

    def t_co2_per_unit(self, unit: str | None = None) -> float:
        """NCV x CC x OF x 44/12: t CO2 per ``unit`` (default: the table's quantity unit)."""
        return self.tj_per_unit(unit) * self.carbon_content * self.oxidation_rate * CO2_PER_C


def _number(text: str, column: str, line: int, path: str, low: float, high: float) -> float:
    try:
        value = float(str(text).strip())
    except ValueError:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Factor table '{path}', line {line}: {column} '{text}' is not a number."),
            path=path, line=line, column=column, text=text) from None
    if not (low < value <= high) or math.isnan(value):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Factor table '{path}', line {line}: {column} = {text} is outside "
                                          "({low:g}, {high:g}]."),
            path=path, line=line, column=column, text=text, low=low, high=high)
    return value


def load_factors(path: str | Path | None = None, preset: str = "china",
                 progress: Progress | None = None) -> dict[str, FuelFactor]:
    """Read and check a factor table (a CSV path, or one of ``PRESETS``; UTF-8 or GB18030, the
    encoding used is logged); fuels keyed by ``fuel``."""
    if path is None:
        if preset not in PRESETS:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unknown factor preset '{preset}': use one of {choices}."),
                preset=preset, choices=", ".join(PRESETS))
        path = PRESETS[preset]
    path = str(path)
    header, numbered = read_csv(path, "factor table", progress)
    rows = [row for _, row in numbered]
    columns = [(c or "").strip() for c in header]
    missing = [c for c in FACTOR_COLUMNS if c not in columns]
    if not rows or missing:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The factor table '{path}' lacks the columns {missing}; it needs {columns} "
                                          "(one row per fuel)."),
            path=path, missing=", ".join(missing or FACTOR_COLUMNS), columns=", ".join(FACTOR_COLUMNS))
    factors: dict[str, FuelFactor] = {}
    for line, raw in enumerate(rows, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        fuel = row["fuel"]
        if not fuel:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Factor table '{path}', line {line}: the fuel key is empty."),
                path=path, line=line)
        if fuel.lower() in {f.lower() for f in factors}:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Factor table '{path}', line {line}: the fuel '{fuel}' appears twice."),
                path=path, line=line, fuel=fuel)
        if row["ncv_unit"].lower() not in NCV_UNITS:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Factor table '{path}', line {line}: unknown ncv_unit '{ncv_unit}' "
                                              "(use kJ/kg, MJ/kg, GJ/t, kJ/m3 or MJ/m3)."),
                path=path, line=line, ncv_unit=row["ncv_unit"])
        factor = FuelFactor(
            fuel=fuel,
            name=row["name"] or fuel,
            ncv=_number(row["ncv"], "ncv", line, path, 0.0, 1e6),
            ncv_unit=row["ncv_unit"],
            carbon_content=_number(row["carbon_content_t_c_per_tj"], "carbon_content_t_c_per_tj",
                                   line, path, 0.0, 1e3),
            oxidation_rate=_number(row["oxidation_rate"], "oxidation_rate", line, path, 0.0, 1.0),
            quantity_unit=quantity_unit(row["quantity_unit"]),
        )
        factor.tj_per_unit()  # the quantity unit must suit the NCV unit
        factors[fuel] = factor
    return factors


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", str(name)).lower()


def match_fuel(name: str, factors: Mapping[str, FuelFactor]) -> str | None:
    """The fuel key a column name or a fuel value means (key or display name, any case/spacing)."""
    wanted = _norm(name)
    for key, factor in factors.items():
        if wanted in (_norm(key), _norm(factor.name)):
            return key
    return None


def check_quantity_system(system: str) -> None:
    if system not in QUANTITY_SYSTEMS:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Unknown quantity units '{system}': use one of {choices}."),
            system=system, choices=", ".join(QUANTITY_SYSTEMS))


def unit_per_fuel(factors: Mapping[str, FuelFactor], system: str = "table") -> dict[str, str]:
    """The quantity unit of each fuel's input values under a ``QUANTITY_SYSTEMS`` choice."""
    check_quantity_system(system)
    chosen = QUANTITY_SYSTEMS[system]
    return {k: (f.quantity_unit if chosen is None else chosen[f.kind]) for k, f in factors.items()}


def factors_per_unit(factors: Mapping[str, FuelFactor], system: str = "table") -> dict[str, float]:
    """t CO2 per unit of each fuel's input values."""
    units = unit_per_fuel(factors, system)
    return {k: f.t_co2_per_unit(units[k]) for k, f in factors.items()}


# ---------------------------------------------------------------------------------------------
# The energy table


@dataclass
class EmissionTable:
    """The result: one row per (region, year); values in ``units``.

    ``columns`` = region field, 'year', the total (``CO2_T`` or ``C_T``), one column per fuel
    present in the input, and with cement ``CEMENT_T`` (process CO2) and ``TOTAL_T`` (both).
    """

    region_field: str
    total_field: str
    fuels: list[str]
    rows: list[list]
    units: str
    cement: bool = False

    @property
    def columns(self) -> list[str]:
        extra = ["CEMENT_T", "TOTAL_T"] if self.cement else []
        return [self.region_field, "year", self.total_field, *self.fuels, *extra]


def _is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return False  # NaN is reported as non-numeric by _quantity
    return isinstance(value, str) and value.strip().lower() in MISSING_TEXT


def _where(row: int, region, year) -> str:
    parts = [f"row {row}"]
    if region is not None:
        parts.append(f"region '{region}'")
    if year is not None:
        parts.append(f"year {year}")
    return ", ".join(parts)


def _quantity(value, column: str, row: int, region, year) -> float:
    """A non-negative quantity; empty cells and '-' are 0 (yearbook blanks)."""
    if _is_missing(value):
        return 0.0
    if isinstance(value, bool):
        number = float("nan")
    else:
        try:
            number = float(value.strip()) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            number = float("nan")
    if math.isnan(number) or math.isinf(number):
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The value '{value}' in column '{column}' ({where}) is not a number. Fix "
                                          "the table (empty cells and '-' count as 0; no thousands separators)."),
            value=value, column=column, where=_where(row, region, year))
    if number < 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Negative quantity {number:g} in column '{column}' ({where}): energy "
                                          "consumption must be >= 0."),
            number=number, column=column, where=_where(row, region, year))
    return number


def _year(value, row: int, region, field: str) -> int:
    year = parse_year(value, whole=True)
    if year is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The year '{value}' in field '{field}' ({where}) is not a 4-digit year."),
            value=value, field=field, where=_where(row, region, None))
    return year


def _region(value, row: int, field: str):
    if region_key(value) is None:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The region field '{field}' is empty at row {row}; every row needs a "
                                          "region key."),
            field=field, row=row)
    return value


def wide_fuel_columns(
    fields: Sequence[str],
    numeric_fields: Iterable[str],
    records: Sequence[Mapping],
    factors: Mapping[str, FuelFactor],
    skip: Iterable[str],
) -> tuple[dict[str, str], list[str]]:
    """Which columns of a wide table are fuels: ({column: fuel key}, ignored label columns).

    A column named after a fuel (key or name) is that fuel. Any other numeric column - or text
    column whose values are mostly numbers - is an unknown fuel and an error naming it (add the
    fuel to the factor table or remove the column); other text columns (names) are ignored.
    """
    skip = {s for s in skip if s}
    numeric = set(numeric_fields)
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    ignored: list[str] = []
    for column in fields:
        if column in skip:
            continue
        fuel = match_fuel(column, factors)
        if fuel is not None:
            if fuel in mapping.values():
                other = next(c for c, f in mapping.items() if f == fuel)
                raise CarbonInputError(
                    QT_TRANSLATE_NOOP("@default", "The columns '{other}' and '{column}' are both the fuel '{fuel}'."),
                    other=other, column=column, fuel=fuel)
            mapping[column] = fuel
        elif column in numeric or _mostly_numbers(r.get(column) for r in records):
            unknown.append(column)
        else:
            ignored.append(column)
    if unknown:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Unknown fuel columns: {unknown}. The factor table has {factors}; rename "
                                          "the columns to these keys, add the fuels to a factor table (FACTORS), or "
                                          "remove the columns."),
            unknown=", ".join(unknown), factors=", ".join(factors))
    if not mapping:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "No fuel column found; the columns must be named after the fuels of the "
                                          "factor table ({factors})."),
            factors=", ".join(factors))
    return mapping, ignored


def _mostly_numbers(values: Iterable) -> bool:
    seen = numbers = 0
    for value in values:
        if _is_missing(value):
            continue
        seen += 1
        try:
            float(value)
            numbers += 1
        except (TypeError, ValueError):
            pass
    return seen > 0 and numbers * 2 >= seen


@dataclass(frozen=True)
class EnergyTable:
    """An energy table: ``records`` (field -> value) and where its values are; checked when made.

    ``region_field`` and ``year_field`` hold the region key and the year. Wide layout:
    ``fuel_columns`` maps column -> fuel key (see ``wide_fuel_columns``). Long layout:
    ``fuel_field`` holds the fuel (key or name) and ``quantity_field`` the quantity.
    ``cement_field`` (optional) holds clinker production.
    """

    records: Sequence[Mapping]
    region_field: str
    year_field: str
    layout: str = "wide"
    fuel_columns: Mapping[str, str] | None = None
    fuel_field: str | None = None
    quantity_field: str | None = None
    cement_field: str | None = None

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Unknown layout '{layout}': use 'wide' or 'long'."),
                layout=self.layout)
        if self.layout == "wide" and not self.fuel_columns:
            raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "No fuel column was given for the wide layout."))
        if self.layout == "long" and not (self.fuel_field and self.quantity_field):
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The long layout needs a fuel field and a quantity field.")
            )


@dataclass(frozen=True)
class EmissionOptions:
    """How ``energy_emissions`` converts; checked when made.

    ``quantity_units``: one of ``QUANTITY_SYSTEMS`` ('table': per fuel as the factor table says);
    ``cement_factor`` in t CO2 per t clinker; ``cement_unit``: the unit of the clinker production
    (None: the mass unit of ``quantity_units``; 10^4 t with the per-fuel 'table' units, the
    yearbook convention); ``units`` of the output.
    """

    quantity_units: str = "table"
    cement_factor: float = CEMENT_FACTOR
    cement_unit: str | None = None
    units: str = T_CO2

    def __post_init__(self) -> None:
        check_units(self.units)
        if not math.isfinite(self.cement_factor) or self.cement_factor < 0:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The cement factor {cement_factor} must be a number >= 0."),
                cement_factor=self.cement_factor)
        check_quantity_system(self.quantity_units)
        if QUANTITY_UNITS[self.clinker_unit][0] != "mass":
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Clinker production must be a mass (t or 10^4 t), not {cement_unit}."),
                cement_unit=self.cement_unit)

    @property
    def clinker_unit(self) -> str:
        """The canonical unit of the clinker production."""
        system = QUANTITY_SYSTEMS[self.quantity_units]
        return quantity_unit(self.cement_unit or ("10^4 t" if system is None else system["mass"]))


def energy_emissions(
    table: EnergyTable,
    factors: Mapping[str, FuelFactor],
    options: EmissionOptions = EmissionOptions(),
    *,
    progress: Progress | None = None,
) -> EmissionTable:
    """CO2 per (region, year) from an energy table (see ``EnergyTable`` and ``EmissionOptions``).

    Rows for the same region and year are summed (logged); clinker production times
    ``options.cement_factor`` is the process CO2, reported apart.
    """
    progress = progress or Progress()
    per_unit = factors_per_unit(factors, options.quantity_units)
    to_units = factor_from_t_co2(options.units)
    t_per_cement_unit = QUANTITY_UNITS[options.clinker_unit][1]

    totals: dict[tuple, dict[str, float]] = {}
    first_value: dict[tuple, object] = {}
    cement: dict[tuple, float] = {}
    duplicates = 0
    wide_columns: Mapping[str, str] = table.fuel_columns or {}
    used_fuels: list[str] = list(wide_columns.values())
    unknown_fuels: dict[str, int] = {}
    long_quantity = table.quantity_field or ""

    for i, record in enumerate(table.records, start=1):
        region = _region(record.get(table.region_field), i, table.region_field)
        year = _year(record.get(table.year_field), i, region, table.year_field)
        key = (region_key(region), year)
        if key in totals and table.layout == "wide":
            duplicates += 1
        first_value.setdefault(key, region)
        slot = totals.setdefault(key, {})
        if table.layout == "wide":
            for column, fuel in wide_columns.items():
                q = _quantity(record.get(column), column, i, region, year)
                slot[fuel] = slot.get(fuel, 0.0) + q * per_unit[fuel]
        else:
            raw_fuel = record.get(table.fuel_field)
            matched = None if _is_missing(raw_fuel) else match_fuel(str(raw_fuel), factors)
            q = _quantity(record.get(long_quantity), long_quantity, i, region, year)
            if matched is None:
                if not _is_missing(raw_fuel) or q != 0:
                    name = "(empty)" if _is_missing(raw_fuel) else str(raw_fuel)
                    unknown_fuels.setdefault(name, i)
                continue
            if matched not in used_fuels:
                used_fuels.append(matched)
            slot[matched] = slot.get(matched, 0.0) + q * per_unit[matched]
        if table.cement_field:
            c = _quantity(record.get(table.cement_field), table.cement_field, i, region, year)
            cement[key] = cement.get(key, 0.0) + c * t_per_cement_unit * options.cement_factor
        progress.report(i / max(len(table.records), 1))

    if unknown_fuels:
        shown = ", ".join(f"'{f}' (row {r})" for f, r in unknown_fuels.items())
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Unknown fuels in field '{fuel_field}': {shown}. The factor table has "
                                          "{factors}; use these keys or add the fuels to a factor table (FACTORS)."),
            fuel_field=table.fuel_field, shown=shown, factors=", ".join(factors))
    if not totals:
        raise CarbonInputError(QT_TRANSLATE_NOOP("@default", "The energy table has no rows."))
    if duplicates:
        progress.warning(
            QT_TRANSLATE_NOOP("@default", "{duplicates} rows repeat a region and year already seen; their quantities "
                                          "were summed."),
            duplicates=duplicates)
    # fuels in factor-table order
    fuels = [f for f in factors if f in used_fuels]
    rows = []
    for key in sorted(totals, key=lambda k: (k[0], k[1])):
        by_fuel = totals[key]
        values = [by_fuel.get(f, 0.0) * to_units for f in fuels]
        total = math.fsum(values)
        row = [first_value[key], key[1], total, *values]
        if table.cement_field:
            process = cement.get(key, 0.0) * to_units
            row += [process, total + process]
        rows.append(row)
    total_field = "CO2_T" if options.units == T_CO2 else "C_T"
    return EmissionTable(table.region_field, total_field, fuels, rows, options.units, cement=bool(table.cement_field))
