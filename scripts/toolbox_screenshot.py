"""Render the plugin's part of the Processing toolbox to a PNG (the README's toolbox picture).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/toolbox_screenshot.py docs/toolbox.png [zh_CN]

Uses QGIS's own toolbox widget (QgsProcessingToolboxTreeView) filtered to this provider.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(out: str, locale: str = "") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp()  # the locale is set in a throw-away profile
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QSettings

    app = QgsApplication([], True)
    app.initQgis()
    if locale:
        QSettings().setValue("locale/overrideFlag", True)
        QSettings().setValue("locale/userLocale", locale)
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    plugins = Path(tempfile.mkdtemp())
    (plugins / "carbon_budget").symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(plugins))
    from qgis.gui import QgsProcessingToolboxTreeView

    import carbon_budget

    plugin = carbon_budget.classFactory(None)
    plugin.initProcessing()
    view = QgsProcessingToolboxTreeView(None, QgsApplication.processingRegistry())
    view.setHeaderHidden(True)
    view.setFilterString("carbonbudget")
    view.resize(560, 540)
    view.expandAll()
    view.show()
    app.processEvents()
    saved = view.grab().save(out)
    plugin.unload()
    print(out if saved else "failed")
    return 0 if saved else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
