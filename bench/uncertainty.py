#!/usr/bin/env python3
"""Monte Carlo risk uncertainty: 1000 draws x 158 regions x 20 years, against one deterministic run.

    .venv/bin/python bench/uncertainty.py [--draws 1000] [--regions 158] [--years 20]

Prints the wall time of ``uncertainty.risk_uncertainty`` per settings (absolute / relative index,
equal / entropy weights), the same as a ratio to one ``imbalance.assess_risk`` call on the same
budget (the baseline, measured in the same process), and the peak memory. Figures go to
docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from benchlib import peak_mb, plugin_path


def budget(regions: int, years: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A province-like budget (t CO2 per year): emissions growing 2.5x, sinks flat, CSR about 1-10."""
    rng = np.random.default_rng(seed)
    emission = rng.lognormal(15.0, 0.8, (regions, 1)) * np.linspace(1.0, 2.5, years) * rng.lognormal(0, 0.05,
                                                                                                   (regions, years))
    sink = rng.lognormal(14.5, 0.8, (regions, 1)) * rng.lognormal(0, 0.1, (regions, years))
    return emission, sink


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--regions", type=int, default=158)
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, plugin_path())
    from carbon_budget.carbon_plugin import imbalance, uncertainty
    from carbon_budget.carbon_plugin.inputs import BudgetTable

    table = BudgetTable(*budget(args.regions, args.years), list(range(2001, 2001 + args.years)))
    t0 = time.perf_counter()
    imbalance.assess_risk(table)
    baseline = time.perf_counter() - t0
    print(f"{args.draws} draws x {args.regions} regions x {args.years} years; "
          f"one deterministic index: {baseline * 1000:.1f} ms")
    for normalisation, mode in (("absolute", "equal"), ("absolute", "entropy"), ("relative", "entropy")):
        options = uncertainty.UncertaintyOptions(imbalance.RiskSettings(normalisation, ("state", "trend"), mode),
                                                 draws=args.draws, seed=1)
        t0 = time.perf_counter()
        uncertainty.risk_uncertainty(table, options)
        took = time.perf_counter() - t0
        print(f"{normalisation:8s} {mode:7s}: {took:6.2f} s = {took / baseline:6.0f} deterministic runs "
              f"({took / args.draws * 1000:.2f} ms per draw)")
    print(f"peak memory: {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
