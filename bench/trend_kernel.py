"""Benchmark: the per-cell trend kernel alone (``trend.trend_cells``) and numpy's partition of the
190 pairwise-slope keys it rests on, on a synthetic 20 x 256 x 2000 float32 block (no files).

Runs on either lane, so the two numpy versions can be compared::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/trend_kernel.py
    scripts/qgis340.sh python bench/trend_kernel.py
"""

from __future__ import annotations

import sys
import time

import numpy as np
from benchlib import plugin_path

YEARS, ROWS, COLS = 20, 256, 2000
PAIRS = YEARS * (YEARS - 1) // 2


def best_of(runs: int, call) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    sys.path.insert(0, plugin_path())
    from carbon_budget.carbon_plugin import trend

    rng = np.random.default_rng(0)
    t = np.arange(YEARS)[:, None, None]
    block = (10 + 0.3 * t + rng.normal(size=(YEARS, ROWS, COLS))).astype(np.float32)
    x = np.arange(2001, 2001 + YEARS, dtype=np.float64)
    cells = ROWS * COLS
    print(f"numpy {np.__version__}, Python {sys.version.split()[0]}")
    for threads in (1, 2):
        seconds = best_of(3, lambda n=threads: trend.trend_cells(block, x, threads=n))
        print(f"trend_cells, {threads} thread(s): {seconds / cells * 1e6:.2f} us per cell (best of 3)")
    keys = rng.integers(-2**31, 2**31 - 1, size=(1379, PAIRS), dtype=np.int64).astype(np.int32)
    seconds = best_of(3, lambda: [keys.copy().partition(PAIRS // 2, axis=1) for _ in range(20)])
    print(f"np.partition of {PAIRS} int32 keys: {seconds / 20 / len(keys) * 1e6:.2f} us per cell (best of 3)")


if __name__ == "__main__":
    main()
