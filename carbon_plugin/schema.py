"""The output schema: every field and column name the stages write, and the parsers that read them.

Plain Python (no GDAL, no QGIS). Writers build names here; readers (balancetrend, imbalancerisk,
hotspots, the report) find them here, so a name is spelled in one place.

Names
  per year (budget layer, zonalbudget): ``EMI_yyyy`` ``SNK_yyyy`` ``NET_yyyy`` ``RAT_yyyy`` (+ ``ECC_yyyy``
  ``ESC_yyyy`` with GDP from ``GDP_yyyy`` fields), ``AREA_KM2``;
  per period (the period's first year): balancetrend ``CSR_`` ``ST_`` ``CH_`` ``CX_`` ``SEN_`` ``MKZ_``
  ``MKP_`` ``TC_`` (and ``SEN_ALL`` ... ``TC_ALL`` over all years), imbalancerisk ``RI_`` ``RL_`` ``CV_``,
  riskuncertainty ``RIM_`` ``RIL_`` ``RIH_`` ``PH_`` ``RLM_`` ``PL_``; all names <= 10 characters.
  Readers match prefixes without case (``emi_2001`` is ``EMI_2001``).
Tables
  the risk summary (``SUMMARY_COLUMNS`` + one ``w_<component>`` column per weight), the transition
  table, the province table and the long budget table.
Years
  ``parse_year`` is the one year parser: 1800-2099 (``YEAR_MIN``, ``YEAR_MAX``), as START_YEAR.
Region keys
  ``region_key`` is the one rule: NULL, NaN and blank text are no key; a number that is whole becomes
  its integer text (4101, 4101.0 and '4101' are one key); other numbers ``str()``; text is stripped
  (the text '4101.0' stays '4101.0'). ``repeated_keys`` lists keys given to more than one feature:
  zonalbudget rejects them (one budget row per region); gridemissions merges them into one region
  (the features of a multi-part region share its statistic, spread over all its parts).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence

YEAR_MIN, YEAR_MAX = 1800, 2099
YEAR_RE = r"(1[89]\d\d|20\d\d)"  # a 4-digit year YEAR_MIN-YEAR_MAX, for patterns that hold one (e.g. '2001-07')
YEAR_IN_TEXT = re.compile(r"(?<!\d)" + YEAR_RE + r"(?!\d)")  # not inside a longer number
_WHOLE_YEAR = re.compile(r"^\s*(\d{4})(?:\.0*)?\s*$")

# per year: the budget layer
EMISSION, SINK, NET, RATIO = "EMI_", "SNK_", "NET_", "RAT_"
ECC, ESC, GDP = "ECC_", "ESC_", "GDP_"
AREA = "AREA_KM2"
# per period: balancetrend
CSR, STATE, CHANGE, CROSSING = "CSR_", "ST_", "CH_", "CX_"
SEN, MKZ, MKP, TREND_CLASS = "SEN_", "MKZ_", "MKP_", "TC_"
# per period: imbalancerisk
RISK_INDEX, RISK_LEVEL, COMPENSATION = "RI_", "RL_", "CV_"
# per period: riskuncertainty
RI_MEDIAN, RI_LOW, RI_HIGH, P_HIGH, LIKELY_LEVEL, P_LEVEL = "RIM_", "RIL_", "RIH_", "PH_", "RLM_", "PL_"
ALL = "ALL"
# hotspots (one set per run)
GI_Z, GI_P, GI_BIN, LISA_I, LISA_CLASS, LISA_P = "GI_Z", "GI_P", "GI_BIN", "LISA_I", "LISA_CL", "LISA_P"
HOTSPOT_FIELDS = ((GI_Z, "double"), (GI_P, "double"), (GI_BIN, "int"), (LISA_I, "double"), (LISA_CLASS, "text"),
                  (LISA_P, "double"))

# the budget layer's per-year fields and the zonal_budget indicator each holds
BUDGET_PREFIXES = {EMISSION: "emission", SINK: "sink", NET: "net", RATIO: "ratio"}
GDP_PREFIXES = {ECC: "ecc", ESC: "esc"}
# (prefix, kind) per period; kind: "double", "int" or "text"
BALANCE_STATE_FIELDS = ((CSR, "double"), (STATE, "int"))
BALANCE_CHANGE_FIELDS = ((CHANGE, "text"), (CROSSING, "int"))
BALANCE_TREND_FIELDS = ((SEN, "double"), (MKZ, "double"), (MKP, "double"), (TREND_CLASS, "int"))
RISK_FIELDS = ((RISK_INDEX, "double"), (RISK_LEVEL, "int"), (COMPENSATION, "double"))
UNCERTAINTY_FIELDS = ((RI_MEDIAN, "double"), (RI_LOW, "double"), (RI_HIGH, "double"), (P_HIGH, "double"),
                      (LIKELY_LEVEL, "int"), (P_LEVEL, "double"))

# tables
LEVELS = (1, 2, 3, 4, 5)
WEIGHT_COLUMN, COUNT_COLUMN, SHARE_COLUMN = "w_{}", "n_l{}", "sh_l{}"
SUMMARY_COLUMNS = (("period", "text"), ("year", "int"), ("normalis", "text"), ("weighting", "text"),
                   ("regions", "int"), ("n_nodata", "int"),
                   *((COUNT_COLUMN.format(k), "int") for k in LEVELS),
                   *((SHARE_COLUMN.format(k), "double") for k in LEVELS),
                   ("n_high", "int"), ("high_share", "double"))
TRANSITION_COLUMNS = (("from_per", "text"), ("to_per", "text"), ("from_year", "int"), ("to_year", "int"),
                      ("from_state", "int"), ("to_state", "int"), ("count", "int"))
PROVINCE_COLUMNS = (("year", "int"), ("emission", "double"), ("sink", "double"), ("net", "double"),
                    ("csr", "double"), ("regions", "int"))
BUDGET_TABLE_COLUMNS = ("emission", "sink", "net", "ratio", "ccr", "density")


# ---------------------------------------------------------------------------------------------
# years


def parse_year(value, whole: bool = False) -> int | None:
    """The year 1800-2099 in ``value``, else None.

    Numbers: a whole number in range. Text: the text itself when it is a 4-digit year ('2001',
    '2001.0'); otherwise, unless ``whole``, the single 4-digit year in the text not inside a longer
    number ('y2001', 'npp_2005.tif'); none or several candidates ('npp_2003_1000m_2020release') give
    None (``year_candidates`` lists them).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
        return int(number) if _in_range(number) else None
    text = str(value)
    match = _WHOLE_YEAR.match(text)
    if match:
        year = int(match.group(1))
        return year if _in_range(year) else None
    if whole:
        return None
    found = year_candidates(text)
    return int(found[0]) if len(found) == 1 else None


def year_candidates(text: str) -> list[str]:
    """The distinct 4-digit years 1800-2099 in ``text``, sorted."""
    return sorted(set(YEAR_IN_TEXT.findall(str(text))))


def _in_range(number: float) -> bool:
    return math.isfinite(number) and float(number).is_integer() and YEAR_MIN <= number <= YEAR_MAX


# ---------------------------------------------------------------------------------------------
# field names


def field(prefix: str, year) -> str:
    """'EMI_' and 2001 -> 'EMI_2001'; ``ALL`` -> 'SEN_ALL'."""
    return f"{prefix}{year}"


def all_field(prefix: str) -> str:
    return field(prefix, ALL)


def year_of(name: str, prefix: str) -> int | None:
    """The year of ``<prefix>yyyy`` (prefix without case), else None."""
    if not name.upper().startswith(prefix.upper()):
        return None
    rest = name[len(prefix):]
    return parse_year(rest, whole=True) if len(rest) == 4 and rest.isdigit() else None


def years_of(names: Iterable[str], prefix: str) -> dict[int, str]:
    """{year: name} of the fields ``<prefix>yyyy`` among ``names``, sorted by year."""
    found = {}
    for name in names:
        year = year_of(name, prefix)
        if year is not None:
            found[year] = name
    return dict(sorted(found.items()))


def fields_by_prefix(names: Iterable[str], prefixes: Sequence[str]) -> dict[str, dict[int, str]]:
    """{prefix: {year: name}} for each of ``prefixes``."""
    names = list(names)
    return {prefix: years_of(names, prefix) for prefix in prefixes}


def common_years(names: Iterable[str], *prefixes: str) -> list[int]:
    """Years with a field for every prefix, e.g. the budget years: ``common_years(names, EMISSION, SINK)``."""
    found = fields_by_prefix(names, prefixes).values()
    return sorted(set.intersection(*(set(years) for years in found))) if prefixes else []


def latest(names: Iterable[str], prefix: str) -> str | None:
    """The field ``<prefix>yyyy`` with the latest year (its name as built), else None."""
    years = years_of(names, prefix)
    return field(prefix, max(years)) if years else None


def period_fields(first_year: int, spec: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, kind) of one period's fields, e.g. ``period_fields(2001, RISK_FIELDS)``."""
    return [(field(prefix, first_year), kind) for prefix, kind in spec]


# ---------------------------------------------------------------------------------------------
# the risk summary table: weights as columns


def weight_column(component: str) -> str:
    return WEIGHT_COLUMN.format(component)


def summary_columns(components: Iterable[str]) -> list[tuple[str, str]]:
    """The risk summary table's (name, kind): SUMMARY_COLUMNS and one w_<component> per weight."""
    return [*SUMMARY_COLUMNS, *((weight_column(c), "double") for c in components)]


def weights_of_row(row: Mapping, components: Iterable[str]) -> dict[str, float]:
    """{component: weight} from the w_<component> columns of one summary row (missing or empty left out)."""
    weights = {}
    for name in components:
        value = number(row.get(weight_column(name)))
        if not math.isnan(value):
            weights[name] = value
    return weights


def number(value, default: float = math.nan) -> float:
    """A table cell as float; None, NaN and what is not a number give ``default``."""
    if value is None:
        return default
    try:
        result = float(value)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(result) else result


# ---------------------------------------------------------------------------------------------
# region keys


def region_key(value) -> str | None:
    """The key of a region as text, by the one rule (see the module doc); None for no key."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    is_null = getattr(value, "isNull", None)
    if callable(is_null) and is_null():
        return None
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        number_ = float(value)
        if math.isnan(number_):
            return None
        if number_.is_integer():
            return str(int(number_))
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    text = str(value).strip()
    return text or None


def repeated_keys(keys: Iterable[str | None]) -> list[str]:
    """The keys (not None) that occur more than once, sorted."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for key in keys:
        if key is None:
            continue
        (repeated if key in seen else seen).add(key)
    return sorted(repeated)
