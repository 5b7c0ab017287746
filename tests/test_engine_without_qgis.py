"""The engine tests pass where qgis (and PyQt) cannot be imported, e.g. on a dask worker.

``tests/engine`` runs in a child pytest with pytest-qgis disabled (``-p no:qgis``: it imports qgis)
and an import hook that makes ``import qgis`` / ``import PyQt5`` raise ImportError.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BOOTSTRAP = """
import sys


class BlockQgis:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6"):
            raise ImportError(f"{name} is blocked: the engine tests must run without QGIS")
        return None


sys.meta_path.insert(0, BlockQgis())
for name in [m for m in sys.modules if m.split(".")[0] in ("qgis", "PyQt5", "PyQt6")]:
    del sys.modules[name]
import pytest

sys.exit(pytest.main(sys.argv[1:]))
"""


def test_engine_tests_pass_with_qgis_unimportable():
    out = subprocess.run([sys.executable, "-c", BOOTSTRAP, "tests/engine", "-q", "-p", "no:qgis",
                          "-p", "no:cacheprovider", "-W", "ignore::pytest.PytestConfigWarning"],
                         cwd=REPO, capture_output=True, text=True, timeout=1200, check=False)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-5000:]
    assert "qgis is blocked" not in log
    passed = re.search(r"(\d+) passed", log)
    assert passed and int(passed.group(1)) > 100, log[-2000:]
