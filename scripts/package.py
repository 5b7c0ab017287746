"""Build the installable plugin zip: top folder ``carbon_budget/``, tracked runtime files only,
plus the help generated from the docs (scripts/build_help.py: docs/html/*.html and
algorithms/help_text.py, generated afresh into a scratch folder).

Usage: python scripts/package.py OUTDIR   -> OUTDIR/carbon_budget-<version>.zip
"""

from __future__ import annotations

import configparser
import fnmatch
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOP = "carbon_budget"
# development-only paths never shipped to users
EXCLUDED_DIRS = ("tests/", "bench/", "scripts/", ".ci/", "demo_output/", "dist/", "build/")
EXCLUDED_FILES = {".gitignore", "Makefile", "pyproject.toml", "requirements-dev.txt", "README.md"}
# the README and its pictures (docs/*.png, 3 MB of screenshots) are for the repository's page; the
# plugin's help is docs/html and the Markdown it is built from
EXCLUDED_PATTERNS = ("docs/*.png",)


def generated_help(root: Path) -> dict[str, Path]:
    """The HTML help pages and parameter tooltips generated from the docs into ``root`` (never
    into the checkout: packaging changes no file of it), by path in the plugin. Without
    Python-Markdown (a build tool, requirements-dev.txt) the committed files are shipped."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import build_help
    except ImportError as err:
        print(f"package: {err}; shipping the committed help pages", file=sys.stderr)
        return {}
    finally:
        sys.path.pop(0)
    return {p.relative_to(root).as_posix(): p for p in build_help.build(root)}


def shipped_files(extra: list[str] = ()) -> list[str]:
    """Tracked files (so never caches or generated data) and ``extra`` minus the development ones."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    names = {n for n in listed.decode().split("\0") if n} | set(extra)
    return sorted(
        n for n in names
        if not n.startswith(EXCLUDED_DIRS) and n not in EXCLUDED_FILES
        and not any(fnmatch.fnmatch(n, pattern) for pattern in EXCLUDED_PATTERNS)
        and (n in extra or (REPO / n).is_file())
    )


def version() -> str:
    meta = configparser.ConfigParser()
    meta.read(REPO / "metadata.txt", encoding="utf-8")
    return meta["general"]["version"]


def build(outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{TOP}-{version()}.zip"
    with tempfile.TemporaryDirectory() as scratch:
        generated = generated_help(Path(scratch))
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in shipped_files(list(generated)):
                zf.write(generated.get(name, REPO / name), f"{TOP}/{name}")
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "dist").resolve()))
