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
UNCERTAIN_LEVEL = 0.6  # riskuncertainty: a most likely level with a probability below this is uncertain


@dataclass
class Step:
    alg: str
    params: dict
    label: str


def steps(sample: Path, out: Path) -> list[Step]:
    """The bundled workflow on the sample province, then the tools outside it; file paths or literals."""
    workflow_outputs = {
        "energyemissions:emission_statistics": "emissions_city.csv", "gridemissions:emission": "emission.tif",
        "stackyears:npp": "npp.tif", "nepsink:sink": "sink.tif", "gridbudget:net": "net.tif",
        "gridbudget:ratio": "ratio.tif", "gridbudget:state": "state.tif", "zonalbudget:budget": "budget.gpkg",
        "balancetrend:balance": "balance.gpkg", "balancetrend:transitions": "transitions.csv",
        "balancetrend:province": "province.csv", "imbalancerisk:risk": "risk.gpkg",
        "imbalancerisk:risk_summary": "risk_summary.csv", "riskuncertainty:uncertainty": "risk_uncertainty.gpkg",
        "hotspots:hotspots": "hotspots.gpkg", "report:report": "report.html",
    }
    return [
        Step("carbonbudget:riskworkflow", {
            "energy_table": sample / "energy_city.csv", "energy_region_field": "city_code",
            "cities": sample / "cities.gpkg", "city_field": "city_code", "nightlights": sample / "ntl.tif",
            "npp": sorted(str(p) for p in (sample / "npp").glob("*.tif")), "npp_scale": 0.1, "npp_valid_max": 32700,
            "temperature": sample / "temperature_monthly.tif", "precipitation": sample / "precipitation_monthly.tif",
            "counties": sample / "counties.gpkg", "county_field": "code", "county_name_field": "name_py",
            "period_length": 5,
            "title": "Zhongyuan sample province 2001-2020",
            **{name: out / file for name, file in workflow_outputs.items()},
        }, "the bundled workflow: energy -> emissions -> sinks -> budgets -> trends -> risk -> uncertainty -> "
           "hot spots -> report"),
        Step("carbonbudget:imbalancerisk", {
            "INPUT": out / "balance.gpkg", "NORMALISATION": 1, "OUTPUT": out / "risk_relative.gpkg",
            "OUTPUT_SUMMARY": out / "risk_summary_relative.csv"}, "the relative (min-max) index, for comparison"),
        Step("carbonbudget:landusesink", {"LANDUSE": sample / "landuse.tif", "OUTPUT": out / "sink_landuse.tif"},
             "land-use sink, for comparison with the NEP sink"),
        Step("carbonbudget:rastertrend", {
            "INPUT": out / "net.tif", "SLOPE": out / "net_sen_slope.tif", "Z": out / "net_mk_z.tif",
            "P": out / "net_mk_p.tif", "CLASS": out / "net_trend_class.tif"}, "per-cell trend of net emission"),
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
    for name, label in (("risk_summary.csv", "absolute (default)"), ("risk_summary_relative.csv",
                                                                    "relative (min-max)")):
        if (out / name).exists():
            last = read_csv(out / name)[-1]
            counts = ", ".join(f"{level} {last[f'n_l{k}']}" for k, level in enumerate(RISK_LEVELS, start=1))
            print(f"risk levels {last['period']}, {label}, {last['regions']} regions: {counts}; "
                  f"high-risk share (index >= 0.6): {float(last['high_share']):.1%}")
    if (out / "risk_uncertainty.gpkg").exists():
        first, uncertain, regions = uncertain_levels(out / "risk_uncertainty.gpkg")
        periods = {row["year"]: row["period"] for row in read_csv(out / "risk_summary.csv")} if (
            out / "risk_summary.csv").exists() else {}
        print(f"risk uncertainty {periods.get(str(first), first)}: {uncertain} of {regions} regions "
              f"with an uncertain level (most likely level below {UNCERTAIN_LEVEL:.0%})")
    if (out / "report.html").exists():
        print(f"report: {out / 'report.html'}")


def uncertain_levels(path: Path) -> tuple[int, int, int]:
    """(first year of the last period, regions whose most likely level has a probability below 0.6,
    regions with a result) of a riskuncertainty layer (PL_yyyy fields)."""
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(k).GetName() for k in range(definition.GetFieldCount())]
    last = max(int(n[3:]) for n in names if n.upper().startswith("PL_") and n[3:].isdigit())
    values = [feature.GetField(f"PL_{last}") for feature in layer]
    ds = None
    known = [v for v in values if v is not None]
    return last, sum(v < UNCERTAIN_LEVEL for v in known), len(known)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "demo_output"))
