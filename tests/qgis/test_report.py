"""carbonbudget:report and the report engine: hand-made lattice layers and tables, then the HTML parsed.

The layers are a 4 x 4 lattice of 10 km squares with Chinese names, EMI_/SNK_ for 2001-2010 and the
period fields of two periods (2001, 2006): CSR_, ST_, RI_, RL_, plus GI_BIN; the tables are CSV files
as the upstream tools write them.
"""

from __future__ import annotations

import base64
import csv
import math
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from helpers.budgets import NAMES, lattice_budget
from helpers.qgisrun import run
from helpers.report_inputs import (
    FIRSTS,
    LABELS,
    NO_INDEX,
    PNG_SIGNATURE,
    write_csv,
    write_layer,
)
from osgeo import ogr
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin import legend
from carbon_budget.carbon_plugin.reporting import charts, document, model
from carbon_budget.carbon_plugin.risk import risk_levels

ogr.UseExceptions()

REPO = Path(__file__).resolve().parents[2]


class Page(HTMLParser):
    """The parts of a report the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.images: list[tuple[str, bytes]] = []  # (class, PNG bytes)
        self.svgs = 0
        self.tables = 0
        self.headings: list[str] = []
        self.text: list[str] = []
        self.charset = None
        self._heading = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src", "").startswith("data:image/png;base64,"):
            self.images.append((attrs.get("class", ""), base64.b64decode(attrs["src"].split(",", 1)[1])))
        elif tag == "svg":
            self.svgs += 1
        elif tag == "table":
            self.tables += 1
        elif tag == "meta" and "charset" in attrs:
            self.charset = attrs["charset"]
        elif tag in ("h1", "h2", "h3"):
            self._heading = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3"):
            self._heading = False

    def handle_data(self, data):
        self.text.append(data)
        if self._heading:
            self.headings[-1] += data

    @property
    def maps(self) -> list[bytes]:
        return [png for cls, png in self.images if cls == "map"]

    @property
    def all_text(self) -> str:
        return " ".join(self.text)


def colours(png: bytes, step: int = 4) -> set[int]:
    from qgis.PyQt.QtGui import QImage

    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def section(text: str, anchor: str) -> str:
    match = re.search(rf'<section id="{anchor}">(.*?)</section>', text, re.S)
    assert match, anchor
    return match.group(1)


def tables_of(text: str) -> list[str]:
    return re.findall(r"<table.*?</table>", text, re.S)


# ---------------------------------------------------------------------------------------------
# Engine


def sample_report(names=("郑州市", "开封市", "<script>x</script>", "洛阳市")) -> model.Report:
    years = list(range(2001, 2011))
    e = np.linspace(2.0e7, 3.5e7, 10)
    s = np.linspace(6.0e6, 5.0e6, 10)
    s[3] = np.nan  # a gap in the series
    states = np.array([[1, 2], [2, 2], [3, 5], [np.nan, 1]])  # (regions, periods)
    index = np.array([[0.1, 0.3], [0.5, 0.9], [0.7, 0.65], [np.nan, 0.2]])
    level = risk_levels(index)
    return model.Report(
        "碳收支报告 <测试>", version="9.9.9", generated="2024-01-01 00:00",
        province=model.ProvinceSeries(years, e, s, e - s, e / s),
        transitions=model.transitions_from_states(states, LABELS),
        risk_summary=model.risk_summary_from_layer(index, level, LABELS, FIRSTS),
        weights=model.parse_weights("state 0.6123, trend 0.3877"), top_period=LABELS[-1],
        top=model.top_regions(list(names), index[:, -1], level[:, -1], np.array([1.0, 9.0, 3.0, 0.5]), states[:, -1]),
        periods=[model.PeriodSection(label, first) for label, first in zip(LABELS, FIRSTS)],
        inputs=[("RISK", "Risk layer", "/data/风险.gpkg")], analysis_parameters=model.parse_key_values(
            "PERIOD_LENGTH=5; WEIGHTS=entropy"),
    )


# a hand Monte Carlo result (regions, periods): 5 regions x 2 periods (region 4 has no result in the first
# period)
HAND_NAMES = ["甲", "乙", "丙", "丁", "戊"]
HAND_RIM = np.array([[0.2, 0.3], [0.5, 0.55], [0.61, 0.62], [0.9, 0.85], [np.nan, 0.1]])
HAND_RIL = np.array([[0.15, 0.22], [0.3, 0.31], [0.52, 0.4], [0.85, 0.8], [np.nan, 0.05]])
HAND_RIH = np.array([[0.25, 0.38], [0.7, 0.79], [0.7, 0.9], [0.95, 0.9], [np.nan, 0.12]])
HAND_PH = np.array([[0.0, 0.0], [0.35, 0.4], [0.55, 0.58], [1.0, 1.0], [np.nan, 0.0]])
HAND_RLM = np.array([[2, 2], [3, 3], [4, 4], [5, 5], [np.nan, 1]])
HAND_PL = np.array([[0.95, 0.99], [0.45, 0.5], [0.59, 0.52], [0.6, 0.7], [np.nan, 1.0]])


def with_uncertainty(report: model.Report, normalisation: str = "absolute") -> model.Report:
    """The sample report with a method, the risk index per period (histograms) and the hand Monte Carlo."""
    report.method = model.RiskMethod(normalisation, "equal" if normalisation == "absolute" else "entropy")
    for period, values in zip(report.periods, ([0.0, 0.05, 0.19, 0.2, np.nan], [0.61, 0.99, 1.0, 0.35, 0.6])):
        period.index = values
    report.uncertainty = model.uncertainty_summary(HAND_NAMES, LABELS, HAND_RIM, HAND_RIL, HAND_RIH, HAND_PH,
                                                    HAND_RLM, HAND_PL)
    report.uncertainty.figures.append(model.Figure("ph", PNG_SIGNATURE))
    return report


def test_engine_histogram_bars_count_the_regions_per_bin(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    text = document.build_html(with_uncertainty(sample_report()))
    # 2 line charts of the province + one histogram per period, all SVG without matplotlib
    assert text.count('data-chart="svg"') == 2 + len(LABELS)
    level_colour = legend.colours(legend.RISK_LEVEL)  # as the risk level layers
    colour_of_bin = [level_colour[k] for k in (1, 1, 2, 2, 3, 3, 4, 4, 5, 5)]
    for label, values in zip(LABELS, ([0.0, 0.05, 0.19, 0.2, np.nan], [0.61, 0.99, 1.0, 0.35, 0.6])):
        part = section(text, f"period-{label[:4]}")
        bars = re.findall(r'<rect class="bar" data-count="(\d+)" data-low="([\d.]+)".*?fill="(#[0-9a-f]{6})"', part)
        assert len(bars) == 10
        expected = [sum(1 for v in values if not math.isnan(v) and (k / 10 <= v < (k + 1) / 10 or (k == 9 and v == 1)))
                    for k in range(10)]
        assert [int(n) for n, _, _ in bars] == expected
        assert [float(low) for _, low, _ in bars] == pytest.approx([k / 10 for k in range(10)])
        assert [c for _, _, c in bars] == colour_of_bin
        assert f"Risk index distribution {label}" in part


def test_engine_histogram_with_matplotlib():
    pytest.importorskip("matplotlib")
    text = document.build_html(with_uncertainty(sample_report(names=("a", "b", "c", "d"))))
    charts = [png for cls, png in Page(text).images if cls == "chart"]
    assert len(charts) == 2 + len(LABELS) and len(set(charts)) == len(charts)
    assert all(png.startswith(PNG_SIGNATURE) for png in charts)
    # a period without any index has no histogram
    empty = document.build_html(model.Report("e", periods=[model.PeriodSection("x", 1, index=[np.nan])]))
    assert "histogram" not in empty


def test_engine_says_which_method_made_the_index():
    absolute = section(document.build_html(with_uncertainty(sample_report(), "absolute")), "risk-summary")
    assert "Risk index method: Absolute index, Equal weights." in absolute
    assert "compared across regions, periods and provinces" in absolute and "RELATIVE" not in absolute
    relative = section(document.build_html(with_uncertainty(sample_report(), "relative")), "risk-summary")
    assert "Risk index method: Relative index (min-max), Entropy weights." in relative
    assert re.search(r'<p class="note">This is a RELATIVE index: .*not comparable across provinces', relative)
    unknown = section(document.build_html(sample_report()), "risk-summary")
    assert "The normalisation of the index is not known" in unknown
    assert model.parse_method("absolute index, equal weights") == model.RiskMethod("absolute", "equal")
    assert model.parse_method("relative index, user weights") == model.RiskMethod("relative", "user")
    assert model.parse_method("") == model.RiskMethod("", "")
    assert model.method_from_table([{"normalis": "relative", "weighting": "entropy"}]) == model.RiskMethod(
        "relative", "entropy")


def test_engine_uncertainty_section():
    summary = model.uncertainty_summary(HAND_NAMES, LABELS, HAND_RIM, HAND_RIL, HAND_RIH, HAND_PH, HAND_RLM, HAND_PL)
    # PL below 0.6 by hand: period 1 regions 1, 2 (0.60 is not below); period 2 regions 1, 2
    assert summary.uncertain == [2, 2] and summary.regions == [4, 5]
    # widest RIH - RIL in 2006-2010: 丙 0.50, 乙 0.48, 甲 0.16, 丁 0.10, 戊 0.07
    assert [r.name for r in summary.widest] == ["丙", "乙", "甲", "丁", "戊"]
    assert summary.widest[0].width == pytest.approx(0.5) and summary.period == LABELS[-1]
    text = document.build_html(with_uncertainty(sample_report()))
    part = section(text, "uncertainty")
    assert "2001-2005: 2 of 4; 2006-2010: 2 of 5" in part and "below 60.0 %" in part
    widest = re.search(r'<table class="widest">.*?</table>', part, re.S).group(0)
    assert [m for m in re.findall(r"<td>([^<]+)</td>", widest) if m in HAND_NAMES] == ["丙", "乙", "甲", "丁", "戊"]
    assert "0.500" in widest and "4 Relatively high" in widest and "58.0 %" in widest
    none = section(document.build_html(sample_report()), "uncertainty")
    assert "No uncertainty layer" in none


def test_engine_svg_fallback_without_matplotlib(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert charts.matplotlib_chart_png(charts.Chart("t", [1, 2], [charts.Series("a", [1, 2], "#000")], "y")) is None
    text = document.build_html(sample_report())
    page = Page(text)
    assert text.count('data-chart="svg"') == 2 and 'data-chart="matplotlib"' not in text
    assert page.svgs == 2
    assert "<polyline" in text
    # the sink gap splits its line in two: 1 emission + 2 sink + 1 CSR run + 1 more CSR run
    chart = re.search(r'<svg class="chart".*?</svg>', text, re.S).group(0)
    assert chart.count("<polyline") == 3


def test_engine_uses_matplotlib_when_present():
    pytest.importorskip("matplotlib")
    text = document.build_html(sample_report(names=("a", "b", "c", "d")))
    page = Page(text)
    charts = [png for cls, png in page.images if cls == "chart"]
    assert text.count('data-chart="matplotlib"') == 2 and len(charts) == 2
    assert all(png.startswith(PNG_SIGNATURE) and len(png) > 2000 for png in charts)
    assert charts[0] != charts[1]


def test_engine_escapes_and_keeps_chinese():
    text = document.build_html(sample_report())
    page = Page(text)
    assert page.charset == "utf-8"
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text
    assert "碳收支报告 &lt;测试&gt;" in text
    assert "郑州市" in page.all_text and "/data/风险.gpkg" in page.all_text
    assert page.headings[0] == "碳收支报告 <测试>"
    for label in LABELS:
        assert f"Period {label}" in page.headings
    assert "9.9.9" in page.all_text
    # top regions: highest index first, the NaN-free ones only
    top = section(text, "top")
    assert top.index("开封市") < top.index("&lt;script&gt;") < top.index("郑州市") < top.index("洛阳市")
    assert "PERIOD_LENGTH" in page.all_text and "0.6123" in page.all_text


def test_engine_headings_go_through_translate():
    seen: list[str] = []

    def translate(text: str) -> str:
        seen.append(text)
        return "译" + text

    report = sample_report()
    report.periods[0].figures.append(model.Figure("map", PNG_SIGNATURE))
    report.hotspots.append(model.Figure("gi", PNG_SIGNATURE))
    page = Page(document.build_html(report, translate))
    assert all(h.startswith("译") for h in page.headings[1:])
    assert "译Provincial time series" in page.headings and "译Period 2001-2005" in page.headings
    assert "译Relatively high" in page.all_text  # a level name in the summary table


def template_literals() -> set[str]:
    """The literals the report template passes to its translate callable ``t``."""
    from jinja2.ext import extract_from_ast

    env = document.environment()
    source = env.loader.get_source(env, document.TEMPLATE)[0]
    found = extract_from_ast(env.parse(source), gettext_functions=("t",), babel_style=False)
    return {text for _, _, texts in found for text in ((texts,) if isinstance(texts, str) else texts)}


def test_engine_texts_are_marked_for_translation():
    """Every literal the report translates is marked for pylupdate5: the template's and document.py's in
    reporting/texts.py, the class names, components and methods where they are declared; and `make
    translations` extracted them all."""
    from xml.etree import ElementTree

    from carbon_budget.carbon_plugin.reporting.texts import REPORT_TEXTS

    seen = template_literals()

    def record(text: str) -> str:
        seen.add(text)
        return text

    full = sample_report()
    full.periods[0].figures.append(model.Figure("map", PNG_SIGNATURE))
    full.hotspots.append(model.Figure("gi", PNG_SIGNATURE))
    full.facts = [("a", "b")]
    full.weights["pressure"] = 0.1
    document.build_html(full, record)
    document.build_html(model.Report("empty", periods=[model.PeriodSection("x", 1)]), record)
    for normalisation in ("absolute", "relative"):  # the method texts, a histogram, the uncertainty section
        document.build_html(with_uncertainty(sample_report(), normalisation), record, prefer_matplotlib=False)
    declared = {legend.NO_DATA_LABEL, *model.LEVEL_NAMES.values(), *model.STATE_NAMES.values(),
                *model.COMPONENT_NAMES.values(), *model.NORMALISATION_NAMES.values(), *model.WEIGHTING_NAMES.values()}
    assert seen - declared - set(REPORT_TEXTS) == set()
    assert set(REPORT_TEXTS) - seen == set() and set(REPORT_TEXTS) & declared == set()
    catalogue = ElementTree.parse(REPO / "i18n" / "carbon_plugin_zh_CN.ts")
    extracted = {message.findtext("source") for message in catalogue.iter("message")}
    assert (seen | declared) - extracted == set()


def test_engine_tables_and_helpers():
    rows = [{"from_per": "2001-2005", "to_per": "2006-2010", "from_state": "1", "to_state": "2", "count": "3"},
            {"from_per": "2001-2005", "to_per": "2006-2010", "from_state": "2", "to_state": "2", "count": "1"},
            {"from_per": "2001-2005", "to_per": "2006-2010", "from_state": None, "to_state": "2", "count": "9"}]
    (tr,) = model.transitions_from_table(rows)
    assert tr.codes == [1, 2] and tr.matrix.tolist() == [[0, 3], [0, 1]]
    states = np.array([[1, 2, 3], [1, 1, 3], [2, 2, 3], [np.nan, 3, 3]])  # (regions, periods)
    pairs = model.transitions_from_states(states, ["a", "b", "c"])
    assert [(p.from_label, p.to_label) for p in pairs] == [("a", "b"), ("b", "c"), ("a", "c")]
    assert pairs[0].matrix.sum() == 3 and pairs[0].matrix[0, 1] == 1
    province = model.province_from_table([{"year": "2002", "emission": "4", "sink": "2"},
                                           {"year": "2001", "emission": "3", "sink": "0"}])
    assert province.years == [2001, 2002] and province.net.tolist() == [3.0, 2.0]
    assert math.isnan(province.csr[0]) and province.csr[1] == 2.0
    summary, weights = model.risk_summary_from_table([{"period": "2001-2005", "year": "2001", "regions": "4",
                                                        "n_l1": "1", "n_l5": "3", "n_high": "3",
                                                        "high_share": "0.75", "w_state": "0.7", "w_trend": "0.3"}])
    assert summary[0].counts == {1: 1, 2: 0, 3: 0, 4: 0, 5: 3} and summary[0].shares[5] == 0.75
    assert weights == {"state": 0.7, "trend": 0.3}
    assert model.period_labels([2001, 2006, 2011], range(2001, 2014)) == ["2001-2005", "2006-2010", "2011-2013"]
    assert model.period_labels([2001], []) == ["2001"]
    assert model.parse_weights("state=0.5; trend: 0.5") == {"state": 0.5, "trend": 0.5}
    assert model.parse_key_values("A=1\nfree text") == [("A", "1"), ("", "free text")]
    assert model.plugin_version(REPO / "metadata.txt") != ""
    assert model.plugin_version(REPO / "missing.txt") == ""
    assert document.unit_scale([2.0e7], "t CO2") == (1e6, "Mt CO2")
    assert document.unit_scale([500.0], "t C") == (1e3, "kt C")
    ticks = charts.nice_ticks(0.0, 37.0)
    assert ticks[0] <= 0.0 and ticks[-1] >= 37.0 and len(ticks) <= 8
    top = model.top_regions(list("abcdefghijkl"), np.r_[np.arange(11.0) / 10, np.nan])
    assert [t.name for t in top] == list("kjihgfedcba")[:10]


# ---------------------------------------------------------------------------------------------
# Algorithm


def test_report_from_layers_and_tables(provider, inputs, tmp_path):
    out = tmp_path / "report.html"
    result = run("report", {"RISK": inputs["risk"], "BALANCE": inputs["balance"], "HOTSPOTS": inputs["hotspots"],
                  "PROVINCE_TABLE": inputs["province"], "TRANSITIONS": inputs["transitions"],
                  "RISK_SUMMARY": inputs["summary"], "TITLE": "河南省碳收支报告",
                  "ANALYSIS_PARAMETERS": "PERIOD_LENGTH=5; WEIGHTS=entropy", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and out.exists()
    assert result["PERIODS"] == ",".join(LABELS) and result["MAPS"] == 5
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert page.charset == "utf-8" and page.headings[0] == "河南省碳收支报告"
    for label in LABELS:
        assert label in page.all_text and f"Period {label}" in page.headings
    # tables: facts, province, summary, weights, top 10, a transition matrix, 2 x period facts, inputs...
    assert page.tables >= 10
    assert "Balance state transitions" in page.headings and "From 2001-2005 to 2006-2010" in page.headings
    assert "0.6250" in section(text, "weights")  # the weights of the summary table
    top = section(text, "top")
    assert len(re.findall(r"<tr>", top)) == 11  # header + 10 regions
    assert any(name in top for name in NAMES)
    assert "PERIOD_LENGTH" in section(text, "inputs") and "risk.gpkg" in section(text, "inputs")
    assert model.plugin_version(REPO / "metadata.txt") in page.all_text
    # maps: 2 per period + Gi*, non-empty PNGs, all different, each with more than 2 colours
    maps = page.maps
    assert len(maps) == 5
    assert all(png.startswith(PNG_SIGNATURE) and len(png) > 5000 for png in maps)
    assert len(set(maps)) == 5
    for png in maps:
        assert len(colours(png)) > 2
    # the risk map and the state map of one period differ in their pixels, not only in their bytes
    assert colours(maps[0]) != colours(maps[1])


def test_report_without_tables_computes_them_from_the_layer(provider, inputs, tmp_path):
    with_tables = tmp_path / "with.html"
    run("report", {"RISK": inputs["risk_full"], "PROVINCE_TABLE": inputs["province"],
                   "TRANSITIONS": inputs["transitions"],
         "RISK_SUMMARY": inputs["summary"], "OUTPUT": str(with_tables)})
    alone = tmp_path / "alone.html"
    result = run("report", {"RISK": inputs["risk_full"], "WEIGHTS_USED": "state 0.625, trend 0.375",
                            "OUTPUT": str(alone)})
    assert result["MAPS"] == 5  # GI_BIN and ST_ taken from the risk layer itself
    a, b = with_tables.read_text(encoding="utf-8"), alone.read_text(encoding="utf-8")
    for anchor in ("transitions", "risk-summary", "weights", "top"):
        assert section(a, anchor) == section(b, anchor), anchor
    assert tables_of(section(a, "province")) == tables_of(section(b, "province"))
    # the summary: the level counts of the hand layer, with the region without an index
    summary = section(b, "risk-summary")
    assert re.search(r"<td class=\"num\">15</td>", summary)  # regions with an index in 2001-2005 (one has none)


def test_report_with_matplotlib_hidden(provider, inputs, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out = tmp_path / "svg.html"
    run("report", {"RISK": inputs["risk_full"], "OUTPUT": str(out)})
    text = out.read_text(encoding="utf-8")
    # the 2 province charts and a histogram of the risk index per period
    assert text.count('data-chart="svg"') == 2 + len(LABELS) and len(Page(text).maps) == 5


def test_report_minimal_inputs_and_notes(provider, inputs, tmp_path):
    out = tmp_path / "minimal.html"
    result = run("report", {"RISK": inputs["risk"], "OUTPUT": str(out)})
    assert result["MAPS"] == 2  # risk levels only: no states, no Gi*
    text = out.read_text(encoding="utf-8")
    assert "No balance states" in text and "No hot spot layer" in text
    assert "The weights are not known" in text
    assert len(Page(text).maps) == 2


def uncertainty_values() -> dict[str, np.ndarray]:
    """RIM/RIL/RIH/PH/RLM/PL of the 16 lattice regions for both periods (region NO_INDEX: none in 2001)."""
    k = np.arange(16)
    values: dict[str, np.ndarray] = {}
    for b, first in enumerate(FIRSTS):
        rim = np.linspace(0.1, 0.9, 16) if b == 0 else np.linspace(0.9, 0.1, 16)
        half = 0.01 * (k + 1) if b == 0 else 0.01 * ((7 * k) % 16 + 1)  # distinct half widths
        values[f"RIM_{first}"] = rim
        values[f"RIL_{first}"] = rim - half
        values[f"RIH_{first}"] = rim + half
        values[f"PH_{first}"] = np.clip((rim - 0.4) * 2, 0, 1)
        values[f"RLM_{first}"] = risk_levels(rim).astype(float)
        values[f"PL_{first}"] = np.linspace(0.35, 1.0, 16) if b == 0 else np.linspace(1.0, 0.4, 16)
    for prefix in ("RIM", "RIL", "RIH", "PH", "RLM", "PL"):
        values[f"{prefix}_2001"][NO_INDEX] = np.nan
    return values


def test_report_with_uncertainty_and_method(provider, inputs, tmp_path):
    values = uncertainty_values()
    fields = [f"{p}_{first}" for first in FIRSTS for p in ("RIM", "RIL", "RIH", "PH", "RLM", "PL")]
    layer = write_layer(tmp_path / "uncertainty.gpkg", fields, values)
    out = tmp_path / "uncertain.html"
    result = run("report", {"RISK": inputs["risk_full"], "UNCERTAINTY": layer,
                            "METHOD": "absolute index, equal weights",
                  "OUTPUT": str(out)})
    assert result["MAPS"] == 6  # the 5 maps of the layer + PH of the last period
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert len(page.maps) == 6 and len(set(page.maps)) == 6
    ph_map = [png for cls, png in page.images if cls == "map"][5]
    assert len(colours(ph_map)) > 2
    assert "Probability of a high risk index (0.6 or more), 2006-2010" in text
    part = section(text, "uncertainty")
    counts = []
    for b, first in enumerate(FIRSTS):
        pl = values[f"PL_{first}"]
        counts.append(f"{LABELS[b]}: {int(np.sum(pl[~np.isnan(pl)] < 0.6))} of {int(np.sum(~np.isnan(pl)))}")
    assert "; ".join(counts) in part
    width = values["RIH_2006"] - values["RIL_2006"]
    widest = sorted(range(16), key=lambda i: -width[i])[:5]
    table = re.search(r'<table class="widest">.*?</table>', part, re.S).group(0)
    assert [m for m in re.findall(r"<td>([^<]+)</td>", table) if m in NAMES] == [NAMES[i] for i in widest]
    assert f"{width[widest[0]]:.3f}" in table
    summary = section(text, "risk-summary")
    assert "Risk index method: Absolute index, Equal weights." in summary and "RELATIVE" not in summary


def test_report_method_from_the_summary_table(provider, inputs, tmp_path):
    """The summary table's normalis / weighting columns name the method; a relative index is flagged."""
    with open(inputs["summary"], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    relative = write_csv(tmp_path / "relative_summary.csv", [*rows[0], "normalis", "weighting"],
                         [[*r.values(), "relative", "entropy"] for r in rows])
    out = tmp_path / "relative.html"
    run("report", {"RISK": inputs["risk"], "RISK_SUMMARY": relative, "METHOD": "absolute index, equal weights",
         "OUTPUT": str(out)})
    text = out.read_text(encoding="utf-8")
    summary = section(text, "risk-summary")
    assert "Risk index method: Relative index (min-max), Entropy weights." in summary
    assert re.search(r'<p class="note">This is a RELATIVE index: .*not comparable across provinces', summary)
    assert "METHOD ('absolute index, equal weights') differs from the risk summary table" in Page(text).all_text
    assert "No uncertainty layer" in section(text, "uncertainty")


def test_report_errors(provider, inputs, tmp_path):
    with pytest.raises(QgsProcessingException, match="RI_yyyy"):
        run("report", {"RISK": inputs["balance"], "OUTPUT": str(tmp_path / "x.html")})
    with pytest.raises(QgsProcessingException, match="year, emission and sink"):
        run("report", {"RISK": inputs["risk"], "PROVINCE_TABLE": inputs["transitions"],
                       "OUTPUT": str(tmp_path / "y.html")})


def test_report_runs_in_a_background_task(provider, inputs, tmp_path):
    """As in the GUI: the algorithm runs in a QgsTask thread (no iface, canvas or project)."""
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback
    from qgis.PyQt.QtCore import QCoreApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById("carbonbudget:report")
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    out = tmp_path / "task.html"
    task = QgsProcessingAlgRunnerTask(alg, {"RISK": inputs["risk_full"], "OUTPUT": str(out)}, context, feedback)
    done: dict = {}
    task.executed.connect(lambda ok, results: done.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    deadline = time.time() + 120
    while "ok" not in done and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert done.get("ok"), (done, feedback.textLog())
    assert len(Page(out.read_text(encoding="utf-8")).maps) == 5


def test_report_after_the_real_chain(provider, tmp_path):
    """balancetrend -> imbalancerisk -> hotspots -> report, with the tables as CSV (the contract between them)."""
    import processing
    from helpers.budgets import write_budget_layer

    emission, sink = lattice_budget()
    budget = write_budget_layer(tmp_path / "budget.gpkg", emission, sink)
    balance = processing.run("carbonbudget:balancetrend", {
        "INPUT": budget, "PERIOD_LENGTH": 5, "OUTPUT": str(tmp_path / "balance.gpkg"),
        "OUTPUT_TRANSITIONS": str(tmp_path / "transitions.csv"), "OUTPUT_PROVINCE": str(tmp_path / "province.csv")})
    risk = processing.run("carbonbudget:imbalancerisk", {
        "INPUT": balance["OUTPUT"], "OUTPUT": str(tmp_path / "risk.gpkg"),
        "OUTPUT_SUMMARY": str(tmp_path / "summary.csv")})
    hot = processing.run("carbonbudget:hotspots", {
        "INPUT": risk["OUTPUT"], "FIELD": "RI_2006", "PERMUTATIONS": 99, "OUTPUT": str(tmp_path / "hot.gpkg")})
    out = tmp_path / "chain.html"
    result = run("report", {"RISK": risk["OUTPUT"], "HOTSPOTS": hot["OUTPUT"],
                            "PROVINCE_TABLE": balance["OUTPUT_PROVINCE"],
                  "TRANSITIONS": balance["OUTPUT_TRANSITIONS"], "RISK_SUMMARY": risk["OUTPUT_SUMMARY"],
                  "WEIGHTS_USED": risk["WEIGHTS_USED"], "OUTPUT": str(out)})
    assert result["PERIODS"] == balance["PERIODS"] == ",".join(LABELS)
    assert result["MAPS"] == 5
    text = out.read_text(encoding="utf-8")
    assert "differ from the risk layer" not in text  # summary table counts = the layer's
    assert "No balance states" not in text and "No province totals" not in text
    page = Page(text)
    assert len(set(page.maps)) == 5
    assert all(len(colours(png)) > 2 for png in page.maps)
    assert "state" in section(text, "weights").lower() or "State" in section(text, "weights")
    # the provincial emission in the table equals the sum over the regions (kt: 3 decimals)
    first = re.search(r"<td>2001</td>\s*<td class=\"num\">([\d,.]+)</td>", section(text, "province"))
    assert first and float(first.group(1).replace(",", "")) == pytest.approx(emission[:, 0].sum() / 1e3, abs=1e-3)


def test_report_counts_missing_data_as_imbalancerisk_does(provider, tmp_path):
    """One high-risk count and share for one run: a region without data in 2006-2010 has no index there;
    the analyst then recomputes RL_2006 with the field calculator (CASE ... ELSE 5 gives that region level 5
    on a NULL index). The report's summary table and period facts equal imbalancerisk's summary and
    imbalance.period_summary of the layer: the region is "no data", out of the denominator, and shown."""
    import processing
    from helpers.budgets import write_budget_layer
    from helpers.qgisrun import features

    from carbon_budget.carbon_plugin.imbalance import period_summary

    emission, sink = lattice_budget()
    emission[3, 5:] = sink[3, 5:] = np.nan
    budget = write_budget_layer(tmp_path / "budget.gpkg", emission, sink)
    risk = processing.run("carbonbudget:imbalancerisk", {
        "INPUT": budget, "OUTPUT": str(tmp_path / "risk.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "summary.csv")})
    with open(risk["OUTPUT_SUMMARY"], encoding="utf-8", newline="") as f:
        engine = {row["period"]: row for row in csv.DictReader(f)}["2006-2010"]
    assert (engine["regions"], engine["n_nodata"]) == ("15", "1")
    edited = processing.run("native:fieldcalculator", {
        "INPUT": risk["OUTPUT"], "FIELD_NAME": "RL_2006", "FIELD_TYPE": 1, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
        "FORMULA": 'CASE WHEN "RI_2006" < 0.2 THEN 1 WHEN "RI_2006" < 0.4 THEN 2 WHEN "RI_2006" < 0.6 THEN 3 '
                   'WHEN "RI_2006" < 0.8 THEN 4 ELSE 5 END', "OUTPUT": str(tmp_path / "edited.gpkg")})["OUTPUT"]
    rows = features(edited)
    assert rows[3]["RI_2006"] is None and rows[3]["RL_2006"] == 5
    ri = np.array([np.nan if r["RI_2006"] is None else r["RI_2006"] for r in rows])
    rl = np.array([np.nan if r["RL_2006"] is None else r["RL_2006"] for r in rows], dtype=float)
    mine = period_summary(2006, "2006-2010", ri, rl)
    assert (mine.regions, mine.counts[0], mine.high_count) == (15, 1, int(engine["n_high"]))
    assert mine.high_share == pytest.approx(float(engine["high_share"])) == pytest.approx(risk["HIGH_RISK_SHARE"])
    share = document.share_text(mine.high_share)
    for extra in ({}, {"RISK_SUMMARY": risk["OUTPUT_SUMMARY"]}):
        out = tmp_path / "report.html"
        run("report", {"RISK": edited, "OUTPUT": str(out), **extra})
        text = out.read_text(encoding="utf-8")
        table = re.search(r"<tr>\s*<td>2006-2010</td>(.*?)</tr>", section(text, "risk-summary"), re.S).group(1)
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", table)
        # regions with an index, levels 1-5, high-risk count, high-risk share, no data
        assert cells[0] == str(mine.regions) and cells[-1] == str(mine.counts[0]), cells
        assert cells[1:6] == [f"{mine.counts[k]} ({document.share_text(mine.shares[k])})" for k in range(1, 6)]
        assert cells[6:8] == [str(mine.high_count), share], cells
        facts = section(text, "period-2006")
        assert re.search(rf"Regions with a risk index</td>\s*<td>{mine.regions}</td>", facts)
        assert re.search(r"Regions without a risk index \(no data\)</td>\s*<td>1</td>", facts)
        assert re.search(rf"High-risk share \(RI &gt;= 0.6\)</td>\s*<td>{re.escape(share)}</td>", facts)
        assert "2006-2010: 1 region(s) have a risk level but no risk index; they count as no data." in text
        assert "differ from the risk layer" not in text


def test_report_after_the_relative_index_and_its_uncertainty(provider, tmp_path):
    """balancetrend -> imbalancerisk (relative) -> riskuncertainty -> report with METHOD and UNCERTAINTY."""
    import processing
    from helpers.budgets import write_budget_layer

    emission, sink = lattice_budget()
    budget = write_budget_layer(tmp_path / "budget.gpkg", emission, sink)
    balance = processing.run("carbonbudget:balancetrend", {
        "INPUT": budget, "PERIOD_LENGTH": 5, "OUTPUT": str(tmp_path / "balance.gpkg")})
    risk = processing.run("carbonbudget:imbalancerisk", {
        "INPUT": balance["OUTPUT"], "NORMALISATION": 1, "OUTPUT": str(tmp_path / "risk.gpkg")})
    uncertainty = processing.run("carbonbudget:riskuncertainty", {
        "INPUT": balance["OUTPUT"], "NORMALISATION": 1, "DRAWS": 200, "SEED": 3,
        "OUTPUT": str(tmp_path / "uncertainty.gpkg")})
    out = tmp_path / "relative_chain.html"
    result = run("report", {"RISK": risk["OUTPUT"], "METHOD": risk["METHOD"], "UNCERTAINTY": uncertainty["OUTPUT"],
                  "OUTPUT": str(out)})
    assert result["MAPS"] == 2 * len(LABELS) + 1  # state and risk per period (balance fields in the risk layer), PH
    text = out.read_text(encoding="utf-8")
    assert "Relative index (min-max), Entropy weights" in section(text, "risk-summary")
    assert "not comparable across provinces" in section(text, "risk-summary")
    # the last period's count of uncertain levels is the tool's own UNCERTAIN_COUNT
    ds = ogr.Open(uncertainty["OUTPUT"])
    pl = {first: [f[f"PL_{first}"] for f in ds.GetLayer(0)] for first in FIRSTS}
    ds = None
    expected = "; ".join(f"{label}: {sum(v < 0.6 for v in pl[first] if v is not None)} of "
                         f"{sum(v is not None for v in pl[first])}" for label, first in zip(LABELS, FIRSTS))
    assert expected in section(text, "uncertainty")
    assert f"{LABELS[-1]}: {int(uncertainty['UNCERTAIN_COUNT'])} of" in section(text, "uncertainty")


# ---------------------------------------------------------------------------------------------
# Screenshot script (needs Chromium: skipped where it is not installed)


def test_screenshot_script(tmp_path):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import screenshot_report
    finally:
        sys.path.remove(str(REPO / "scripts"))
    if screenshot_report.find_chromium() is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    html_path = tmp_path / "r.html"
    html_path.write_text(document.build_html(sample_report()), encoding="utf-8")
    png = tmp_path / "r.png"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "screenshot_report.py"), str(html_path), str(png),
                           "--height", "1200"], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(colours(data, step=8)) > 2
