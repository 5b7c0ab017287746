"""scripts/screenshots.py's Qt part: a tool's Processing dialog and the bundled model as the modeler
draws it, rendered into PNGs that show something; the dialog's help panel holds the tool's whole short
help; the model QGIS opens (``createAlgorithmById``) is the bundled one, with every box's label inside
its box, the output boxes' titles translated too."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
MODEL_FONT_PX = 12  # the modeler's label font (QgsModelComponentGraphicItem)
LABEL_INSET = (47, 8)  # box width and height the modeler keeps for icon, buttons and margins (px)


@pytest.fixture(scope="module")
def screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshots"] = module
    spec.loader.exec_module(module)
    return module


def picture(path: Path, min_size: tuple[int, int]) -> None:
    """A PNG of at least ``min_size`` with many colours (text, widgets), not a blank canvas."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    assert image.width() >= min_size[0] and image.height() >= min_size[1], (image.width(), image.height())
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 20, len(colours)


def plain(html: str) -> str:
    """Text as Qt renders HTML (the dialog's help panel is a QTextBrowser), whitespace collapsed."""
    from qgis.PyQt.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return re.sub(r"\s+", " ", document.toPlainText()).strip()


@pytest.fixture
def headless_panel(monkeypatch) -> None:
    """Processing's parameters panel without pytest-qgis's stub iface (its browser model is a mock that
    the widget context refuses), as in the script, where QGIS has no interface."""
    from processing.gui import ParametersPanel

    monkeypatch.setattr(ParametersPanel, "iface", None)


def test_dialog_shows_parameters_and_the_whole_short_help(provider, screenshots, headless_panel, tmp_path):
    png = screenshots.dialog_image("imbalancerisk", tmp_path / "dialog.png")
    picture(png, (600, 400))
    alg = provider.algorithm("imbalancerisk")
    dialog = screenshots.algorithm_dialog("imbalancerisk")
    try:
        shown = re.sub(r"\s+", " ", screenshots.help_panel(dialog).toPlainText())
    finally:
        dialog.close()
    assert alg.displayName() in shown
    assert plain(alg.shortHelpString()) in shown


def test_model_picture_and_the_model_qgis_opens(provider, screenshots, tmp_path):
    """The copy QGIS makes to show and run the model keeps its name, help page and resolved steps
    (else the modeler draws every step as an error and the dialog is titled 'riskworkflow')."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QFont, QFontMetricsF

    from carbon_budget.algorithms.provider import MODEL_DISPLAY_NAMES

    picture(screenshots.model_image("riskworkflow", tmp_path / "model.png"), (800, 1000))
    model = QgsApplication.processingRegistry().createAlgorithmById("carbonbudget:riskworkflow")
    assert model.displayName() == MODEL_DISPLAY_NAMES["riskworkflow"]
    assert model.helpUrl().endswith("riskworkflow.html")
    assert model.validate() == (True, [])
    assert all(model.childAlgorithm(c).algorithm() is not None for c in model.childAlgorithms())
    font = QFont()
    font.setPixelSize(MODEL_FONT_PX)
    metrics = QFontMetricsF(font)
    boxes = [(model.parameterDefinition(n).description(), model.parameterComponent(n).size())
             for n in model.parameterComponents()]
    for child in model.childAlgorithms().values():
        boxes.append((child.description(), child.size()))
        boxes += [(output.description(), output.size()) for output in child.modelOutputs().values()]
    cut = []
    for label, size in boxes:
        room = QRectF(0, 0, size.width() - LABEL_INSET[0], 1000)
        if metrics.boundingRect(room, int(Qt.TextWordWrap), label).height() > size.height() - LABEL_INSET[1]:
            cut.append(label)
    assert cut == []


def test_model_output_titles_are_translated(qgis_app):
    """QGIS 3.40's modeler titles an output box with the output's description: Chinese under zh_CN."""
    from helpers.qgis_locale import ui_locale

    import carbon_budget
    from carbon_budget.algorithms.provider import CarbonProvider

    with ui_locale("zh_CN"):
        plugin = carbon_budget.classFactory(None)
        provider = CarbonProvider()  # not registered: the session's provider stays as it is
        try:
            provider.refreshAlgorithms()
            model = next(alg for alg in provider.algorithms() if alg.name() == "riskworkflow")
            titles = [output.description() for child in model.childAlgorithms().values()
                      for output in child.modelOutputs().values()]
        finally:
            plugin.unload()
    assert "HTML 报告" in titles, titles
    assert [t for t in titles if not re.search(r"[\u4e00-\u9fff]", t)] == []
