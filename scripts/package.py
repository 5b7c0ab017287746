"""Build the installable plugin zip: top folder ``carbon_budget/``, tracked runtime files only.

Usage: python scripts/package.py OUTDIR   -> OUTDIR/carbon_budget-<version>.zip
"""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOP = "carbon_budget"
# development-only paths never shipped to users
EXCLUDED_DIRS = ("tests/", "bench/", "scripts/", ".ci/", "demo_output/", "dist/", "build/")
EXCLUDED_FILES = {".gitignore", "Makefile", "pyproject.toml", "requirements-dev.txt"}


def shipped_files() -> list[str]:
    """Tracked files (so never caches or generated data) minus the development ones."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    names = [n for n in listed.decode().split("\0") if n]
    return sorted(
        n for n in names
        if not n.startswith(EXCLUDED_DIRS) and n not in EXCLUDED_FILES and (REPO / n).is_file()
    )


def version() -> str:
    meta = configparser.ConfigParser()
    meta.read(REPO / "metadata.txt", encoding="utf-8")
    return meta["general"]["version"]


def build(outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{TOP}-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in shipped_files():
            zf.write(REPO / name, f"{TOP}/{name}")
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "dist").resolve()))
