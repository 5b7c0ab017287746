"""scripts/qgis_process.sh runs the checkout it belongs to, whichever checkout ran it before."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "qgis_process.sh"


def _checkout(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, root / "scripts" / "qgis_process.sh")
    return root


def test_each_checkout_runs_its_own_plugin(tmp_path):
    stub = tmp_path / "bin"
    stub.mkdir()
    # a stand-in for qgis_process.bin: prints where the plugin it would load points to
    (stub / "qgis_process.bin").write_text(
        '#!/bin/sh\n[ "$1" = plugins ] && exit 0\nreadlink "${QGIS_PLUGINPATH%%:*}/carbon_budget"\n')
    (stub / "qgis_process.bin").chmod(0o755)
    env = {**os.environ, "PATH": f"{stub}:{os.environ['PATH']}", "TMPDIR": str(tmp_path)}
    env.pop("CARBON_QGIS_STATE", None)
    env.pop("QGIS_PLUGINPATH", None)
    first, second = _checkout(tmp_path / "first"), _checkout(tmp_path / "second")
    for repo in (first, second, first):
        done = subprocess.run([str(repo / "scripts" / "qgis_process.sh"), "list"], env=env, capture_output=True,
                              text=True, check=True)
        assert done.stdout.strip() == str(repo)
