#!/usr/bin/env python3
"""`make demo`: generate the sample province and run every algorithm of the chain through qgis_process.

    python scripts/demo.py OUTDIR

Each step is run with ``scripts/qgis_process.sh run <alg> --json -- KEY=VALUE ...`` exactly as an
analyst would script it; steps whose algorithm does not exist (yet) are skipped and listed. The
outputs go to OUTDIR and a short summary is printed at the end.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QGIS_PROCESS = REPO / "scripts" / "qgis_process.sh"
RISK_LEVELS = ("low", "relatively low", "medium", "relatively high", "high")


@dataclass
class Step:
    alg: str
    params: dict
    label: str


def steps(sample: Path, out: Path) -> list[Step]:
    """The chain on the sample province; values are file paths or literals for qgis_process."""
    npp_files = sorted(str(p) for p in (sample / "npp").glob("*.tif"))
    return [
        Step("carbonbudget:stackyears", {"INPUT": npp_files, "OUTPUT": out / "npp.tif"},
             "NPP files -> time series"),
        Step("carbonbudget:energyemissions", {
            "INPUT": sample / "energy_city.csv", "REGION_FIELD": "city_code", "YEAR_FIELD": "year",
            "OUTPUT": out / "emissions_city.csv"}, "energy statistics -> CO2 per city and year"),
        Step("carbonbudget:gridemissions", {
            "REGIONS": sample / "cities.gpkg", "REGION_FIELD": "city_code", "STATS": out / "emissions_city.csv",
            "STATS_REGION_FIELD": "city_code", "STATS_YEAR_FIELD": "year", "STATS_VALUE_FIELD": "CO2_T",
            "PROXY": sample / "ntl.tif", "OUTPUT": out / "emission.tif"}, "CO2 gridded by nighttime light"),
        Step("carbonbudget:nepsink", {
            "NPP": out / "npp.tif", "NPP_SCALE": 0.1, "NPP_VALID_MAX": 32700,
            "TEMPERATURE": sample / "temperature_monthly.tif", "PRECIPITATION": sample / "precipitation_monthly.tif",
            "OUTPUT": out / "sink.tif"}, "NEP sink from NPP and climate"),
        Step("carbonbudget:landusesink", {"LANDUSE": sample / "landuse.tif", "OUTPUT": out / "sink_landuse.tif"},
             "land-use sink (for comparison)"),
        Step("carbonbudget:gridbudget", {
            "EMISSIONS": out / "emission.tif", "SINKS": out / "sink.tif", "NET": out / "net.tif",
            "RATIO": out / "ratio.tif", "STATE": out / "state.tif"}, "grid budget"),
        Step("carbonbudget:zonalbudget", {
            "REGIONS": sample / "counties.gpkg", "REGION_FIELD": "code", "EMISSIONS": out / "emission.tif",
            "SINKS": out / "sink.tif", "GDP_FIELD_PREFIX": "GDP_", "OUTPUT": out / "budget.gpkg",
            "OUTPUT_TABLE": out / "budget_table.csv"}, "county budgets (exact zonal sums)"),
        Step("carbonbudget:balancetrend", {
            "INPUT": out / "budget.gpkg", "OUTPUT": out / "balance.gpkg",
            "OUTPUT_TRANSITIONS": out / "transitions.csv", "OUTPUT_PROVINCE": out / "province.csv"},
             "balance states and trends"),
        Step("carbonbudget:imbalancerisk", {
            "INPUT": out / "balance.gpkg", "OUTPUT": out / "risk.gpkg", "OUTPUT_SUMMARY": out / "risk_summary.csv"},
             "imbalance risk index"),
        Step("carbonbudget:hotspots", {"INPUT": out / "risk.gpkg", "OUTPUT": out / "hotspots.gpkg"},
             "hot spots of the 2016-2020 risk"),
    ]


def qgis_process(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(QGIS_PROCESS), *args], capture_output=True, text=True, check=False)


def run_step(step: Step) -> dict:
    args = ["run", step.alg, "--json", "--"]
    for key, value in step.params.items():
        for item in value if isinstance(value, list) else [value]:
            args.append(f"{key}={item}")
    done = qgis_process(args)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"demo: {step.alg} failed (exit {done.returncode})")
    return json.loads(done.stdout[done.stdout.index("{"):])["results"]


def make_sample(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_sample", REPO / "scripts" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_sample(folder)


def main(outdir: str) -> int:
    out = Path(outdir).resolve()
    sample = out / "sample"
    started = time.time()
    print(f"demo: generating the sample province in {sample}")
    make_sample(sample)
    available = qgis_process(["list"]).stdout
    skipped = []
    for step in steps(sample, out):
        if step.alg not in available:
            skipped.append(step.alg)
            continue
        t0 = time.time()
        run_step(step)
        print(f"demo: {step.alg:32s} {step.label} ({time.time() - t0:.1f} s)")
    if skipped:
        print("demo: not available yet, skipped: " + ", ".join(skipped))
    summarise(out)
    print(f"demo: done in {time.time() - started:.0f} s; outputs in {out}")
    return 0


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def summarise(out: Path) -> None:
    """Provincial emission and sink per year, the CSR peak, the last period's risk levels, the report."""
    if (out / "province.csv").exists():
        rows = read_csv(out / "province.csv")
        print("\nyear  emission Mt CO2  sink Mt CO2   CSR")
        for row in rows:
            print(f"{row['year']}  {float(row['emission']) / 1e6:15.1f}  {float(row['sink']) / 1e6:11.1f}"
                  f"  {float(row['csr']):5.2f}")
        peak = max(rows, key=lambda r: float(r["csr"]))
        print(f"CSR peak: {float(peak['csr']):.2f} in {peak['year']}")
    if (out / "risk_summary.csv").exists():
        last = read_csv(out / "risk_summary.csv")[-1]
        counts = ", ".join(f"{label} {last[f'n_l{k}']}" for k, label in enumerate(RISK_LEVELS, start=1))
        print(f"risk levels {last['period']} ({last['regions']} regions): {counts}; "
              f"high-risk share (index >= 0.6): {float(last['high_share']):.1%}")
    if (out / "report.html").exists():
        print(f"report: {out / 'report.html'}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "demo_output"))
