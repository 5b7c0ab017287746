"""Start QGIS for a build script as QGIS starts the plugin: a throw-away profile, an optional interface
language, Processing, and the checkout loaded as the plugin ``carbon_budget`` with its provider.

Used by ``make_workflow_model.py`` (the bundled models) and ``screenshots.py`` (the README's pictures).
Runs on QGIS 3.22 and 3.40; set QT_QPA_PLATFORM=offscreen where there is no display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"
FONT_POINTS = 10  # a desktop's UI font (the offscreen platform's default is 12 pt)


def qgis_translation(locale: str) -> str:
    """QGIS's own name for the language of a locale string (its .qm files: qgis_zh-Hans.qm)."""
    return "zh-Hans" if locale.lower().startswith("zh") else locale


def _install_qgis_translation(app: Any, locale: str) -> None:
    """QGIS's own texts in the language: 3.22's QgsApplication loads them after setTranslation, 3.40's
    leaves it to the desktop application. Once more on 3.22 does no harm."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QTranslator

    translator = QTranslator(app)  # owned by the application: lives as long as it
    if translator.load(f"qgis_{qgis_translation(locale)}", QgsApplication.i18nPath()):
        app.installTranslator(translator)


def start_qgis(locale: str = "", gui: bool = True) -> tuple[Any, Any]:
    """A QGIS application in ``locale`` ("" = QGIS's default, English), Processing and the plugin:
    (application, plugin). Call once per process, before anything else of QGIS; ``plugin.unload()``
    when done."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="carbon_qgis_profile_")
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QSettings

    if locale:
        QgsApplication.setTranslation(qgis_translation(locale))  # QGIS's own texts (Run, Parameters ...)
    app = QgsApplication([], gui)
    app.initQgis()
    if gui:
        font = app.font()
        font.setPointSize(FONT_POINTS)
        app.setFont(font)
    if locale:  # the plugin's translator follows QGIS's interface language (algorithms/i18n.py)
        QSettings().setValue("locale/overrideFlag", True)
        QSettings().setValue("locale/userLocale", locale)
        _install_qgis_translation(app, locale)
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    plugins = Path(tempfile.mkdtemp(prefix="carbon_plugins_"))
    (plugins / "carbon_budget").symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(plugins))
    import carbon_budget

    plugin = carbon_budget.classFactory(None)
    plugin.initProcessing()
    return app, plugin
