"""The plugin loads as QGIS loads it and registers the provider with its algorithms."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from helpers.qgis_locale import ui_locale


def test_provider_registered(provider):
    assert provider.id() == "carbonbudget"
    assert provider.name() == "Carbon budget & imbalance risk"
    ids = {alg.id() for alg in provider.algorithms()}
    assert "carbonbudget:stackyears" in ids


def test_every_algorithm_has_help_icon_and_group(provider):
    for alg in provider.algorithms():
        if alg.id().startswith("carbonbudget:") and hasattr(alg, "ALG_ID"):
            assert len(alg.shortHelpString()) > 200, alg.id()
            assert alg.group() and alg.groupId()
            assert not alg.icon().isNull()
            assert alg.helpUrl().startswith("file://")
            assert alg.tags()


def test_bundled_models_are_loaded_as_provider_algorithms(qgis_processing, tmp_path):
    """A .model3 in the models folder shows as carbonbudget:<name> and runs its children."""
    from pathlib import Path

    import numpy as np
    import processing
    from helpers.rasters import read_all, write_raster
    from qgis.core import QgsApplication

    from carbon_budget.algorithms.provider import CarbonProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("carbonbudget") is None:
        registry.addProvider(CarbonProvider())
    test_provider = CarbonProvider(Path(__file__).parent / "data" / "models")
    test_provider.loadAlgorithms()
    model = next(a for a in test_provider.algorithms() if a.name() == "teststack")
    assert model.id() == "carbonbudget:teststack"
    paths = [write_raster(tmp_path / f"x_{y}.tif", np.full((2, 2), y, np.float32)) for y in (2002, 2001)]
    result = processing.run(model, {"yearly": paths, "stack:stacked": str(tmp_path / "m.tif")})
    assert read_all(result["stack:stacked"])[:, 0, 0].tolist() == [2001.0, 2002.0]


def _last_sentence(text: str) -> str:
    sentences = [part.strip() for part in html.unescape(text).replace("\n", " ").split(". ") if part.strip()]
    return " ".join(sentences[-1].split())


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_help_is_shown_whole_as_qgis_renders_it(qgis_app, locale):
    """QGIS shows shortHelpString as HTML: every character of the summary must survive (a bare '<'
    swallowed the rest before), it stays short for the dialog's narrow panel and links to the page."""
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtGui import QTextDocument

    import carbon_budget
    from carbon_budget.algorithms.help_text import SUMMARY
    from carbon_budget.algorithms.i18n import tr
    from carbon_budget.algorithms.provider import CarbonProvider

    with ui_locale(locale):
        plugin = carbon_budget.classFactory(None)
        try:
            provider = CarbonProvider()
            provider.loadAlgorithms()
            algorithms = provider.algorithms()
            assert {a.name() for a in algorithms} == set(SUMMARY)  # every tool and bundled model
            for alg in algorithms:
                document = QTextDocument()
                document.setHtml(alg.shortHelpString())
                shown = " ".join(document.toPlainText().split())
                source = tr(SUMMARY[alg.name()])
                assert source != SUMMARY[alg.name()] or locale == "en", alg.name()  # translated
                assert _last_sentence(source) in shown, alg.name()
                assert len(" ".join(html.unescape(source).split())) <= len(shown) <= 1000, alg.name()
                links = re.findall(r'<a href="([^"]+)">', alg.shortHelpString())
                assert [Path(QUrl(html.unescape(link)).toLocalFile()).name for link in links] == [f"{alg.name()}.html"]
                assert links[0] == html.escape(alg.helpUrl(), quote=True)
                assert Path(QUrl(alg.helpUrl()).toLocalFile()).is_file()
        finally:
            plugin.unload()
