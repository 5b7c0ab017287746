"""Helpers every benchmark script shares (bench/ is on sys.path when a script runs)."""

from __future__ import annotations

import hashlib
import os
import resource
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def plugin_path() -> str:
    """The plugins folder the benchmark imports ``carbon_budget`` from: ``CARBON_BENCH_PLUGINS``
    (a folder holding a ``carbon_budget`` link to another tree, to measure it with this script),
    else a temp folder linking this checkout, one per checkout (a shared folder would keep
    pointing at whichever tree created it first, so a before/after pair would time one tree)."""
    chosen = os.environ.get("CARBON_BENCH_PLUGINS")
    if chosen:
        return chosen
    tag = hashlib.sha1(str(REPO).encode()).hexdigest()[:10]
    folder = Path(tempfile.gettempdir()) / f"carbon_bench_plugins_{tag}"
    folder.mkdir(exist_ok=True)
    link = folder / "carbon_budget"
    if not link.exists():
        link.symlink_to(REPO, target_is_directory=True)
    return str(folder)


def peak_mb() -> float:
    """This process's peak resident memory in MB: VmHWM (ru_maxrss survives exec on Linux, so a
    child would report its parent's peak); ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def sizes_and_workdir(sizes: str, workdir: str, prefix: str) -> tuple[list[str], Path]:
    """The grid sizes asked for ('1km,100m') and the work folder (a new temp one if none given);
    puts the plugin on sys.path for the measuring parent."""
    sys.path.insert(0, plugin_path())
    folder = Path(workdir or tempfile.mkdtemp(prefix=prefix))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"workdir: {folder}", file=sys.stderr)
    return [s.strip() for s in sizes.split(",") if s.strip()], folder
