"""Render the README's pictures, in English and Chinese (zh_CN), to check what an analyst sees:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--docs docs] [--demo demo_output]

- ``toolbox[_zh_CN].png``: the plugin's part of the Processing toolbox (QgsProcessingToolboxTreeView);
- ``dialog_<id>[_zh_CN].png``: the Processing dialog of a few tools and the workflow model
  (processing's AlgorithmDialog: parameters and the short-help panel), DIALOGS;
- ``model_<name>[_zh_CN].png``: each bundled model as the graphical modeler draws it
  (QgsModelGraphicsScene), MODELS;
- ``report[_zh_CN].png``: the report algorithm run on ``make demo``'s outputs (the report's language is
  QGIS's interface language; the HTML is kept in ``demo_output/screenshots/``), the top of the page
  captured in headless Chromium (``screenshot_report.py``), and ``risk_map.png``, the last period's
  risk map QGIS rendered into the English report. Skipped, with a note, without the demo outputs or
  Chromium.

QGIS and the plugin choose their translations when they start, so each language is drawn by a fresh
process (``--locale LOCALE``, "" for English) with a throw-away QGIS profile. Chinese text needs a
CJK font (Debian: fonts-noto-cjk); ``make screenshots`` installs it and Chromium. The Qt part runs on
QGIS 3.22 and 3.40 (``scripts/qgis340.sh python scripts/screenshots.py --locale ""``); the tests draw
one dialog and one model with the functions here (``tests/qgis/test_screenshots.py``).
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
HERE = REPO / "scripts"
LOCALES = ("", "zh_CN")  # English (QGIS's default) and Chinese; "" = no override
DIALOGS = ("imbalancerisk", "gridemissions", "riskworkflow")
MODELS = ("riskworkflow", "riskworkflow_statistics", "riskworkflow_landuse")
DIALOG_SIZE = (980, 720)
TOOLBOX_SIZE = (640, 640)  # the height is fitted to the rows
MODEL_MARGIN = 16
REPORT_SIZE = (1200, 2200)  # the top of the report: title, contents, provincial series, risk summary
REPORTS = "screenshots"  # the reports drawn are kept in this folder of the demo's output
# the report of each language: the county name field of the sample and the title an analyst would type
REPORT_NAMES = {"": "name_py", "zh_CN": "name_zh"}
REPORT_TITLES = {"zh_CN": "中原样例省 2001-2020 年"}


def suffix(locale: str) -> str:
    return f"_{locale}" if locale else ""


def _load(name: str) -> ModuleType:
    """A sibling script as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------------
# QGIS


def _save(image: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise RuntimeError(f"could not write {path}")
    return path


def toolbox_image(path: Path) -> Path:
    """The provider's branch of the Processing toolbox, every group expanded."""
    from qgis.core import QgsApplication
    from qgis.gui import QgsProcessingToolboxTreeView
    from qgis.PyQt.QtCore import QModelIndex

    view = QgsProcessingToolboxTreeView(None, QgsApplication.processingRegistry())
    view.setHeaderHidden(True)
    view.setFilterString("carbonbudget")
    view.resize(*TOOLBOX_SIZE)
    view.expandAll()
    view.show()
    QgsApplication.processEvents()
    rows, index = 0, view.model().index(0, 0)
    while index.isValid():  # every visible row, to fit the height to the tree
        rows, index = rows + 1, view.indexBelow(index)
    view.resize(TOOLBOX_SIZE[0], rows * view.sizeHintForRow(0) + 2 * view.frameWidth() + 4)
    view.setCurrentIndex(QModelIndex())  # no row selected or focused
    QgsApplication.processEvents()
    try:
        return _save(view.grab(), path)
    finally:
        view.close()


def algorithm_dialog(alg_id: str) -> Any:
    """Processing's dialog of ``carbonbudget:<alg_id>``, shown offscreen (close it when done). The
    algorithm is created as the toolbox creates it (``createAlgorithmById``)."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"carbonbudget:{alg_id}")
    if alg is None:
        raise RuntimeError(f"no algorithm carbonbudget:{alg_id}")
    dialog = AlgorithmDialog(alg)
    dialog.resize(*DIALOG_SIZE)
    dialog.show()
    QgsApplication.processEvents()
    return dialog


def help_panel(dialog: Any) -> Any:
    """The dialog's short-help panel (the QTextBrowser beside the parameters)."""
    from qgis.PyQt.QtWidgets import QTextBrowser

    panel = dialog.findChild(QTextBrowser, "textShortHelp")
    if panel is None:
        raise RuntimeError("the dialog has no short-help panel")
    return panel


def dialog_image(alg_id: str, path: Path) -> Path:
    dialog = algorithm_dialog(alg_id)
    try:
        return _save(dialog.grab(), path)
    finally:
        dialog.close()


def model_scene(name: str) -> Any:
    """The bundled model ``name`` in a QgsModelGraphicsScene, as the modeler lays it out."""
    from qgis.core import QgsApplication, QgsProcessingContext
    from qgis.gui import QgsModelGraphicsScene

    model = QgsApplication.processingRegistry().createAlgorithmById(f"carbonbudget:{name}")
    if model is None:
        raise RuntimeError(f"no model carbonbudget:{name}")
    scene = QgsModelGraphicsScene()
    scene.setModel(model)
    scene.createItems(model, QgsProcessingContext())
    scene.model_ = model  # the scene's items point into the model: keep it alive with the scene
    return scene


def model_image(name: str, path: Path) -> Path:
    """The model's scene drawn on white at its natural size plus a margin."""
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    scene = model_scene(name)
    rect = scene.itemsBoundingRect()
    image = QImage(int(rect.width()) + 2 * MODEL_MARGIN, int(rect.height()) + 2 * MODEL_MARGIN,
                   QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        scene.render(painter, QRectF(MODEL_MARGIN, MODEL_MARGIN, rect.width(), rect.height()), rect)
    finally:
        painter.end()
    return _save(image, path)


def demo_report_parameters(demo: Path) -> dict[str, Any]:
    """The report's inputs as the bundled workflow of ``make demo`` gives them (scripts/demo.py)."""
    workflow = _load("demo").steps(demo / "sample", demo)[0].params
    return {
        "RISK": str(workflow["imbalancerisk:risk"]), "BALANCE": str(workflow["balancetrend:balance"]),
        "HOTSPOTS": str(workflow["hotspots:hotspots"]), "PROVINCE_TABLE": str(workflow["balancetrend:province"]),
        "TRANSITIONS": str(workflow["balancetrend:transitions"]),
        "RISK_SUMMARY": str(workflow["imbalancerisk:risk_summary"]),
        "UNCERTAINTY": str(workflow["riskuncertainty:uncertainty"]), "TITLE": workflow["title"],
    }


def report_html(demo: Path, locale: str, path: Path) -> Path:
    """The report algorithm on the demo's outputs, in the running QGIS's language."""
    import processing

    params = demo_report_parameters(demo)
    params.update(NAME_FIELD=REPORT_NAMES[locale], OUTPUT=str(path))
    params["TITLE"] = REPORT_TITLES.get(locale, params["TITLE"])
    path.parent.mkdir(parents=True, exist_ok=True)
    processing.run("carbonbudget:report", params)
    return path


def qt_pictures(locale: str, docs: Path, demo: Path | None) -> list[Path]:
    """Everything QGIS draws in one language (run in a fresh process: QGIS and the plugin choose
    their translations when they start)."""
    app, plugin = _load("qgis_start").start_qgis(locale)
    end = suffix(locale)
    try:
        written = [toolbox_image(docs / f"toolbox{end}.png")]
        written += [dialog_image(alg_id, docs / f"dialog_{alg_id}{end}.png") for alg_id in DIALOGS]
        written += [model_image(name, docs / f"model_{name}{end}.png") for name in MODELS]
        if demo is not None:
            written.append(report_html(demo, locale, demo / REPORTS / f"report{end}.html"))
    finally:
        plugin.unload()
    app.exitQgis()
    return written


# ---------------------------------------------------------------------------------------------
# the report in Chromium


def risk_map(report: Path) -> bytes:
    """The last risk-level map embedded in the report (the maps carry their title as alt text)."""
    html = report.read_text(encoding="utf-8")
    maps = re.findall(r'<img class="map" alt="([^"]*)" src="data:image/png;base64,([^"]+)"', html)
    risk = [data for alt, data in maps if alt.startswith("Risk level")]
    if not risk:
        raise RuntimeError(f"no risk-level map found in {report}")
    return base64.b64decode(risk[-1])


def report_pictures(demo: Path, docs: Path) -> list[Path]:
    """The reports written by qt_pictures as PNG pages, and the English report's risk map."""
    screenshot = _load("screenshot_report")
    written = []
    for locale in LOCALES:
        html = demo / REPORTS / f"report{suffix(locale)}.html"
        written.append(screenshot.screenshot(html, docs / f"report{suffix(locale)}.png", *REPORT_SIZE))
    (docs / "risk_map.png").write_bytes(risk_map(demo / REPORTS / "report.html"))
    return [*written, docs / "risk_map.png"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=REPO / "docs", help="where the pictures go (default docs/)")
    parser.add_argument("--demo", type=Path, default=REPO / "demo_output",
                        help="make demo's output folder, for the report (default demo_output/)")
    parser.add_argument("--no-report", action="store_true", help="only the toolbox, dialogs and models")
    parser.add_argument("--locale", default=None, help="draw only this language ('' = English), in this process")
    args = parser.parse_args(argv)
    docs, demo = args.docs.resolve(), args.demo.resolve()
    report = not args.no_report and (demo / "risk.gpkg").exists()
    if args.locale is not None:
        for path in qt_pictures(args.locale, docs, demo if report else None):
            print(path)
        return 0
    if not report and not args.no_report:
        print(f"screenshots: no report pictures ({demo} has no demo outputs: run make demo)")
    for locale in LOCALES:  # one process per language
        command = [sys.executable, __file__, "--locale", locale, "--docs", str(docs), "--demo", str(demo)]
        subprocess.run(command + ([] if report else ["--no-report"]), check=True)
    if report:
        try:
            for path in report_pictures(demo, docs):
                print(path)
        except RuntimeError as err:
            print(f"screenshots: no report pictures: {err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
