"""The report as one self-contained HTML file, rendered from ``templates/report.html.j2`` with Jinja2.

``build_html`` turns a :class:`~.model.Report` into the document: the provincial time series
(chart + table), the risk summary with the index method, the weights, the top regions by risk,
the balance-state transition matrices, a section per period with its maps and a histogram of the
risk index, the Monte Carlo uncertainty of the index, the Gi* hot spot map, the inputs and
parameters, and the plugin version. Images are embedded (base64 PNG, or inline SVG), so the file
can be mailed or archived alone. The maps are PNG bytes rendered by the adapter (QGIS's renderer).

The template is rendered with autoescape on: every text of the report, of the layers and of the
translations is escaped; only the charts (``charts.chart_html``, which escapes its own text) go in
as markup. This module prepares what the template lays out: formatted table rows and the charts.

Every heading and label goes through the ``translate`` callable the adapter passes in (Qt's
translation in QGIS). The literals translated here and in the template are marked for extraction
in ``texts.py``; the class names, components and methods where they are declared (``legend.py``,
``model.py``). A test checks that every literal is marked.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from markupsafe import Markup

if TYPE_CHECKING:
    from jinja2 import Environment

from .. import files, legend
from ..imbalance import HIGH_RISK
from ..schema import number
from .charts import BarChart, Chart, Series, chart_html
from .model import (
    COMPONENT_NAMES,
    HISTOGRAM_BINS,
    LEVEL_NAMES,
    NORMALISATION_NAMES,
    STATE_NAMES,
    WEIGHTING_NAMES,
    PeriodSection,
    ProvinceSeries,
    Report,
    RiskRow,
    TopRegion,
    Transition,
    UncertaintySummary,
    bin_levels,
    histogram_counts,
)

Translate = Callable[[str], str]
TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "report.html.j2"
EMISSION_COLOUR = "#d7301f"
SINK_COLOUR = "#1a9850"
CSR_COLOUR = "#54278f"


def _identity(text: str) -> str:
    return text


# ---------------------------------------------------------------------------------------------
# Numbers as text


def fmt(value, digits: int = 2) -> str:
    """A number with thousands separators and ``digits`` decimals ('–' for none)."""
    value = number(value)
    return "–" if math.isnan(value) else f"{value:,.{digits}f}"


def share_text(value) -> str:
    """A 0-1 share as a percentage ('–' for none)."""
    value = number(value)
    return "–" if math.isnan(value) else f"{100 * value:.1f} %"


def unit_scale(values: Sequence[float], units: str) -> tuple[float, str]:
    """Divisor and unit label for totals in t: Mt for provincial totals, kt or t for small ones."""
    finite = np.abs(np.asarray(values, dtype=np.float64))
    finite = finite[np.isfinite(finite)]
    peak = float(finite.max()) if finite.size else 0.0
    quantity = units[2:] if units.startswith("t ") else ""
    suffix = f" {quantity}" if quantity else ""
    if peak >= 1e5:
        return 1e6, f"Mt{suffix}"
    if peak >= 100:
        return 1e3, f"kt{suffix}"
    return 1.0, f"t{suffix}"


def class_name(value: int | None, names: dict[int, str], t: Translate) -> str:
    """'4 Relatively high': a class value with its translated name ('–' for none or an unknown value)."""
    return f"{value} {t(names[value])}" if value in names else "–"


def base64_text(png: bytes) -> str:
    return base64.b64encode(png).decode("ascii")


# ---------------------------------------------------------------------------------------------
# What the template lays out


@dataclass
class ProvincePart:
    """The provincial series in ``unit`` (totals divided by ``divisor``): its charts, table rows and
    the highest CSR (text, year) if any."""

    unit: str
    charts: list[Markup]
    rows: list[list]
    peak: tuple[str, int] | None


@dataclass
class TopTable:
    has_csr: bool
    has_state: bool
    rows: list[list]


@dataclass
class Matrix:
    """A transition matrix as table rows: state names, a row per state (name, counts, total) and
    the column totals (the grand total last)."""

    from_label: str
    to_label: str
    names: list[str]
    rows: list[list]
    totals: list[int]


def province_part(series: ProvinceSeries | None, units: str, t: Translate,
                  prefer_matplotlib: bool) -> ProvincePart | None:
    if series is None or not series.years:
        return None
    divisor, unit = unit_scale(np.concatenate([series.emission, series.sink]), units)
    years = np.asarray(series.years, dtype=np.float64)
    budget = Chart(t("Emissions and sinks"), years,
                   [Series(t("Emission"), series.emission / divisor, EMISSION_COLOUR),
                    Series(t("Sink"), series.sink / divisor, SINK_COLOUR)],
                   t("{unit} per year").format(unit=unit), t("Year"))
    ratio = Chart(t("Source/sink ratio (CSR)"), years, [Series(t("CSR"), series.csr, CSR_COLOUR)],
                  t("Emission / sink"), t("Year"), include_zero=True, reference=1.0,
                  reference_label=t("Balance (CSR = 1)"))
    rows = [[y, fmt(e / divisor, 3), fmt(s / divisor, 3), fmt(n / divisor, 3), fmt(c, 3)]
            for y, e, s, n, c in zip(series.years, series.emission, series.sink, series.net, series.csr)]
    peak = int(np.nanargmax(series.csr)) if np.isfinite(series.csr).any() else None
    return ProvincePart(unit, [Markup(chart_html(chart, prefer_matplotlib)) for chart in (budget, ratio)], rows,
                        None if peak is None else (fmt(series.csr[peak], 3), series.years[peak]))


def summary_rows(summary: Sequence[RiskRow]) -> list[list]:
    return [[row.period, row.regions,
             *[f"{row.counts.get(k, 0)} ({share_text(row.shares.get(k))})" for k in LEVEL_NAMES],
             row.high_count, share_text(row.high_share), row.nodata] for row in summary]


def weight_rows(weights: dict[str, float], t: Translate) -> list[list]:
    return [[t(COMPONENT_NAMES[name]) if name in COMPONENT_NAMES else name, fmt(w, 4)] for name, w in weights.items()]


def top_table(top: Sequence[TopRegion], t: Translate) -> TopTable:
    has_csr = any(math.isfinite(r.csr) for r in top)
    has_state = any(r.state is not None for r in top)
    rows = []
    for k, region in enumerate(top, start=1):
        row = [k, region.name, fmt(region.index, 3), class_name(region.level, LEVEL_NAMES, t)]
        row += [fmt(region.csr, 3)] if has_csr else []
        row += [class_name(region.state, STATE_NAMES, t)] if has_state else []
        rows.append(row)
    return TopTable(has_csr, has_state, rows)


def matrix(transition: Transition, t: Translate) -> Matrix:
    names = [class_name(c, STATE_NAMES, t) if c in STATE_NAMES else str(c) for c in transition.codes]
    counts = transition.matrix
    rows = [[names[r], *[int(v) for v in counts[r]], int(counts[r].sum())] for r in range(len(names))]
    return Matrix(transition.from_label, transition.to_label, names, rows,
                  [*[int(v) for v in counts.sum(axis=0)], int(counts.sum())])


def histogram(period: PeriodSection, t: Translate, prefer_matplotlib: bool) -> Markup | None:
    """Regions per 0.1 bin of the period's risk index, bars in the colour of the bin's risk level
    (as the risk level layers); None without any index."""
    if not np.isfinite(np.asarray(period.index, dtype=np.float64)).any():
        return None
    colours = legend.colours(legend.RISK_LEVEL)
    chart = BarChart(t("Risk index distribution {period}").format(period=period.label),
                     [k / HISTOGRAM_BINS for k in range(HISTOGRAM_BINS + 1)], histogram_counts(period.index).tolist(),
                     [colours[k] for k in bin_levels()], t("Regions"), t("Risk index"))
    return Markup(chart_html(chart, prefer_matplotlib))


def uncertain_counts(summary: UncertaintySummary, t: Translate) -> str:
    """'2001-2005: 2 of 4; 2006-2010: 2 of 5': regions with an uncertain level of those with a result."""
    return "; ".join(t("{period}: {n} of {regions}").format(period=label, n=n, regions=regions)
                     for label, n, regions in zip(summary.periods, summary.uncertain, summary.regions))


def widest_rows(summary: UncertaintySummary | None, t: Translate) -> list[list]:
    if summary is None:
        return []
    return [[k, r.name, fmt(r.median, 3), fmt(r.low, 3), fmt(r.high, 3), fmt(r.width, 3), share_text(r.p_high),
             class_name(r.likely_level, LEVEL_NAMES, t), share_text(r.p_level)]
            for k, r in enumerate(summary.widest, start=1)]


# ---------------------------------------------------------------------------------------------
# The document


@cache
def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescape on, undefined names are errors);
    made when a report is first built, so loading the plugin does not import Jinja2."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(base64=base64_text, share=share_text)
    return env


def build_html(report: Report, translate: Translate = _identity, prefer_matplotlib: bool = True) -> str:
    """The report as one self-contained HTML document (UTF-8)."""
    t = translate
    report = replace(report, generated=report.generated or datetime.now().strftime("%Y-%m-%d %H:%M"))
    return environment().get_template(TEMPLATE).render(
        report=report, t=t, high_risk=HIGH_RISK,
        level_headers=[f"{k} {t(name)}" for k, name in LEVEL_NAMES.items()],
        normalisation_names=NORMALISATION_NAMES, weighting_names=WEIGHTING_NAMES,
        province=province_part(report.province, report.units, t, prefer_matplotlib),
        summary_rows=summary_rows(report.risk_summary), weight_rows=weight_rows(report.weights, t),
        top=top_table(report.top, t), matrices=[matrix(tr, t) for tr in report.transitions],
        periods=[(p, histogram(p, t, prefer_matplotlib)) for p in report.periods],
        uncertain_counts=uncertain_counts(report.uncertainty, t) if report.uncertainty else "",
        widest_rows=widest_rows(report.uncertainty, t),
    )


def write_html(path: Path | str, text: str) -> str:
    """Write the report as UTF-8 (creating the folder) and return the path.

    Written to a temporary file in the folder and renamed at the end: a failed write (no
    permission, disk full, name too long) leaves nothing behind and an existing report untouched.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise files.write_error(path, err, "report") from None
    return files.write_text_atomic(path, text, "report")
