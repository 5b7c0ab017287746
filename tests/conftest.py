"""Test setup: reach the plugin through a link named ``carbon_budget`` in a temp plugins folder.

The checkout's folder name is arbitrary and the plugin uses relative imports, so tests import it
as ``carbon_budget`` exactly as QGIS would after installing the zip.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PLUGINS_DIR = Path(os.environ.get("CARBON_PLUGINS_DIR") or tempfile.mkdtemp(prefix="carbon_plugins_"))
os.environ["CARBON_PLUGINS_DIR"] = str(PLUGINS_DIR)
_link = PLUGINS_DIR / "carbon_budget"
if not _link.exists():
    _link.symlink_to(REPO, target_is_directory=True)
if str(PLUGINS_DIR) not in sys.path:
    sys.path.insert(0, str(PLUGINS_DIR))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def plugins_dir() -> Path:
    """The temp plugins folder holding the ``carbon_budget`` link (for QGIS_PLUGINPATH)."""
    return PLUGINS_DIR


@pytest.fixture(scope="session")
def provider(qgis_app, qgis_processing):
    """The plugin loaded as QGIS loads it, with its provider registered."""
    from qgis.core import QgsApplication

    import carbon_budget

    plugin = carbon_budget.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("carbonbudget")
    plugin.unload()
