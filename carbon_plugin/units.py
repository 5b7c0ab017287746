"""Carbon mass units: t CO2 (default) and t C, CO2 = C x 44/12."""

from __future__ import annotations

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .progress import Progress

CO2_PER_C = 44.0 / 12.0
T_CO2 = "t CO2"
T_C = "t C"
UNITS = (T_CO2, T_C)
# areas: the one conversion from true cell areas (m2) to km2
M2_PER_KM2 = 1e6
KM2_PER_M2 = 1e-6


def check_units(units: str) -> str:
    if units not in UNITS:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Unknown carbon unit '{units}': use one of {choices}."),
            units=units, choices=", ".join(UNITS))
    return units


def factor_from_t_c(units: str) -> float:
    """Multiplier turning t C into ``units``."""
    return CO2_PER_C if check_units(units) == T_CO2 else 1.0


def factor_from_t_co2(units: str) -> float:
    """Multiplier turning t CO2 into ``units``."""
    return 1.0 if check_units(units) == T_CO2 else 1.0 / CO2_PER_C


def convert(value, from_units: str, to_units: str):
    """Convert a scalar or numpy array between t C and t CO2."""
    return value * factor_from_t_c(to_units) / factor_from_t_c(from_units)


def units_of_label(label: str | None) -> str | None:
    """The carbon unit a CARBON_UNITS label starts with ('t CO2 / cell / yr' -> 't CO2')."""
    text = (label or "").strip()
    for unit in sorted(UNITS, key=len, reverse=True):
        if text == unit or text.startswith(unit + " ") or text.startswith(unit + "/"):
            return unit
    return None


def factor_to(label: str | None, target: str, role: str, progress: Progress) -> float:
    """Multiplier turning a raster labelled ``label`` into ``target`` units; unlabelled: 1 (logged)."""
    source = units_of_label(label)
    if source is None:
        progress.log(
            QT_TRANSLATE_NOOP("@default", "The {role} raster has no CARBON_UNITS metadata; its values are taken as "
                                          "{target}."),
            role=role, target=target)
        return 1.0
    return factor_from_t_c(target) / factor_from_t_c(source)
