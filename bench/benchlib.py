"""Helpers every benchmark script shares (bench/ is on sys.path when a script runs)."""

from __future__ import annotations

import resource
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def plugin_path() -> str:
    """A temp plugins folder with a ``carbon_budget`` link to the repository (relative imports)."""
    folder = Path(tempfile.gettempdir()) / "carbon_bench_plugins"
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
