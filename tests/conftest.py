"""Test setup: reach the plugin through a link named ``carbon_budget`` in a temp plugins folder.

The checkout's folder name is arbitrary and the plugin uses relative imports, so tests import it
as ``carbon_budget`` exactly as QGIS would after installing the zip. ``tests/`` is put on
``sys.path`` so that every test imports the shared builders as ``helpers.<module>``.

Nothing here imports qgis: ``tests/engine`` runs where qgis cannot be imported
(``tests/test_engine_without_qgis.py``); the QGIS fixtures live in ``tests/qgis/conftest.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
PLUGINS_DIR = Path(os.environ.get("CARBON_PLUGINS_DIR") or tempfile.mkdtemp(prefix="carbon_plugins_"))
os.environ["CARBON_PLUGINS_DIR"] = str(PLUGINS_DIR)
_link = PLUGINS_DIR / "carbon_budget"
if not _link.exists():
    _link.symlink_to(REPO, target_is_directory=True)
for _path in (str(PLUGINS_DIR), str(TESTS)):
    if _path not in sys.path:
        sys.path.insert(0, _path)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def plugins_dir() -> Path:
    """The temp plugins folder holding the ``carbon_budget`` link (for QGIS_PLUGINPATH)."""
    return PLUGINS_DIR
