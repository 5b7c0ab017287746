"""Help from one source, the docs: HTML pages opened by the Help button, parameter tooltips.

The committed docs/html/*.html and algorithms/help_text.py are what scripts/build_help.py makes
of the Markdown (regenerated in a temp folder and compared), every algorithm's and bundled model's
helpUrl opens one of them, and no page links to a file that is not there.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers.doclinks import broken_links, parse_html
from helpers.qgis_locale import ui_locale

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
build_help = pytest.importorskip("build_help")  # needs Python-Markdown (requirements-dev.txt)


def test_committed_help_is_up_to_date(tmp_path):
    """Editing a docs page without running scripts/build_help.py fails here."""
    build_help.build(tmp_path)
    fresh = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"docs/html/METHODS.html", "docs/html/index.html", "docs/html/hotspots.html",
            "docs/html/DATA_CHECKS.html", "algorithms/help_text.py"} <= fresh
    stale = [name for name in sorted(fresh)
             if not (REPO / name).is_file()
             or (REPO / name).read_text(encoding="utf-8") != (tmp_path / name).read_text(encoding="utf-8")]
    assert stale == [], f"run `python scripts/build_help.py` and commit: {stale}"
    extra = sorted(p.name for p in (REPO / "docs" / "html").glob("*.html")
                   if f"docs/html/{p.name}" not in fresh)
    assert extra == [], f"docs/html holds pages no docs page makes: {extra}"


def test_pages_are_self_contained_utf8_html():
    page = (REPO / "docs" / "html" / "imbalancerisk.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page and "<style>" in page
    assert "<table>" in page and "<code>USER_WEIGHTS</code>" in page
    assert 'href="METHODS.html#6-imbalance-risk-index"' in page and ".md" not in "".join(parse_html(page).links)
    landuse = (REPO / "docs" / "html" / "landusesink.html").read_text(encoding="utf-8")
    assert "林地" in landuse  # UTF-8 kept
    assert not [link for link in parse_html(landuse).links if "`" in link]


def _tracked() -> set[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return {n for n in listed.decode().split("\0") if n}


def test_every_relative_link_of_the_docs_resolves_in_the_checkout():
    """Markdown (README, docs) and HTML help: every relative link and anchor points at a tracked file."""
    tracked = _tracked() | {p.relative_to(REPO).as_posix() for p in (REPO / "docs" / "html").glob("*.html")}
    pages = {name: (REPO / name).read_text(encoding="utf-8") for name in sorted(tracked)
             if name.endswith((".md", ".html")) and (REPO / name).is_file()
             and not name.startswith(("tests/", "bench/", ".ci/"))}
    assert "docs/html/METHODS.html" in pages and "docs/METHODS.md" in pages
    assert broken_links(pages, tracked | set(pages)) == []


def _help_target(url: str) -> Path:
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    from qgis.PyQt.QtCore import QUrl

    return Path(QUrl(url).toLocalFile())


def test_every_help_url_opens_a_shipped_html_page(provider):
    algorithms = [alg for alg in provider.algorithms()]
    models = [alg for alg in algorithms if not hasattr(alg, "ALG_ID")]
    assert len(algorithms) >= 15 and {m.name() for m in models} >= {"riskworkflow", "riskworkflow_statistics"}
    for alg in algorithms:
        target = _help_target(alg.helpUrl())
        assert target.suffix == ".html" and target.is_file(), (alg.id(), alg.helpUrl())
        assert target.parent.resolve() == (REPO / "docs" / "html").resolve() and target.stem == alg.name()
        assert "<h1" in target.read_text(encoding="utf-8")


def test_every_input_parameter_has_a_tooltip_from_its_docs_row(provider):
    """setHelp from the docs page's inputs table: each input of each tool has one, HTML-safe."""
    from carbon_budget.algorithms.help_text import PARAM_HELP

    missing = []
    for alg in provider.algorithms():
        if not hasattr(alg, "ALG_ID"):
            continue
        for definition in alg.parameterDefinitions():
            if definition.isDestination() and definition.name() not in PARAM_HELP.get(alg.name(), {}):
                continue
            if not definition.help().strip():
                missing.append(f"{alg.name()}:{definition.name()}")
    assert missing == []
    hotspots = provider.algorithm("hotspots")
    alpha = hotspots.parameterDefinition("ALPHA")
    assert alpha.help() == "Significance level of LISA clusters (default 0.05, advanced)"
    assert alpha.help() in alpha.toolTip()
    # '<' in a docs row is escaped, so the tooltip (rendered as HTML) shows it
    risk = provider.algorithm("imbalancerisk").parameterDefinition("NORMALISATION").help()
    assert html.unescape(risk) == PARAM_HELP["imbalancerisk"]["NORMALISATION"]
    uncertainty = provider.algorithm("riskuncertainty")
    assert uncertainty.parameterDefinition("USER_WEIGHTS").help() == uncertainty.parameterDefinition(
        "PERIOD_LENGTH").help()


def test_tooltips_are_chinese_with_zh_cn(qgis_app):
    """The tooltips are translated: under zh_CN every input's help has Chinese characters."""
    import carbon_budget
    from carbon_budget.algorithms.provider import algorithm_classes

    with ui_locale("zh_CN"):
        plugin = carbon_budget.classFactory(None)
        try:
            english = []
            for cls in algorithm_classes():
                alg = cls()
                alg.initAlgorithm()
                english += [f"{cls.ALG_ID}:{d.name()}" for d in alg.parameterDefinitions()
                            if d.help() and not re.search(r"[\u4e00-\u9fff]", d.help())]
            assert english == []
        finally:
            plugin.unload()


def test_the_plugin_never_imports_markdown():
    """Python-Markdown is a build tool: no runtime module imports it."""
    runtime = [p for folder in ("algorithms", "carbon_plugin") for p in (REPO / folder).glob("*.py")]
    runtime += [REPO / "__init__.py", REPO / "plugin.py"]
    assert not [p.name for p in runtime if "import markdown" in p.read_text(encoding="utf-8")
                or "from markdown" in p.read_text(encoding="utf-8")]


def test_metadata_changelog_starts_with_the_current_version():
    """The plugin manager shows the changelog: it names the current version first and what landed."""
    import configparser

    meta = configparser.ConfigParser()
    meta.read(REPO / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    entries = [line.strip() for line in general["changelog"].strip().splitlines()]
    assert entries[0].startswith(general["version"] + " ")
    assert [e.split()[0] for e in entries] == sorted((e.split()[0] for e in entries),
                                                     key=lambda v: [int(p) for p in v.split(".")], reverse=True)
    text = " ".join(entries)
    for landed in ("riskuncertainty", "absolute", "3.40", "Qt6", "missing-data", "Plausibility", "all outputs of a run",
                   "bundled models", "HTML page"):
        assert landed.lower() in text.lower(), landed


def test_tooltips_name_other_parameters_by_their_label(provider):
    """The docs rows name other parameters by id (for qgis_process); a tooltip shows the dialog's
    label with the id in brackets, also for a parameter added after it (WEIGHTS -> USER_WEIGHTS)."""
    bare = []
    for alg in provider.algorithms():
        names = {d.name() for d in alg.parameterDefinitions()}
        for d in alg.parameterDefinitions():
            ids = re.findall(r"(?<![\w\[])([A-Z][A-Z0-9_]+)(?![\w\]])", d.help())
            bare += [f"{alg.name()}:{d.name()}:{i}" for i in ids if i in names and i != d.name()]
    assert bare == []
    risk = provider.algorithm("imbalancerisk")
    user = risk.parameterDefinition("USER_WEIGHTS").description()
    assert f"{user} [USER_WEIGHTS]" in risk.parameterDefinition("WEIGHTS").help()
