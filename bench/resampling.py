"""Benchmark: a stage reading a series on another grid (``budget.grid_budget`` with the sink resampled
onto the emission grid by ``sum``, as ``carbonbudget:gridbudget`` does), same CRS and across a CRS change.

Usage (from the repository root)::

    .venv/bin/python bench/resampling.py [--years 20] [--workdir DIR]

Data (synthetic, deterministic, written once into the work folder): 20 years of emission on a
1 km grid of a 600 x 500 km region in EPSG:32650 (600 x 500 cells) and of sink at 500 m on the
same region, once in EPSG:32650 (1200 x 1000 cells) and once in EPSG:4326 (0.005 deg, 1326 x 920
cells).
Each run is its own subprocess (peak memory = its VmHWM) with GDAL_CACHEMAX=256 MB; it writes the
net, ratio and state rasters. ``CARBON_BENCH_PLUGINS`` (a plugins folder holding a
``carbon_budget`` link) measures another tree of the plugin with this script, for before/after.

Prints a markdown table (docs/BENCHMARKS.md, section "One strip warper").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchlib import peak_mb, plugin_path

X0, Y0, WIDTH_M, HEIGHT_M = 300000.0, 3900000.0, 600000.0, 500000.0
CASES = {"same CRS": "sink_utm", "CRS change": "sink_geo"}


def _write(path: Path, data, geotransform, epsg: int, first_year: int = 2001) -> None:
    from osgeo import gdal, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[2], data.shape[1], data.shape[0],
                                              gdal.GDT_Float32, ["TILED=YES", "COMPRESS=DEFLATE"])
    ds.SetGeoTransform(geotransform)
    ds.SetProjection(srs.ExportToWkt())
    for i, band in enumerate(data):
        ds.GetRasterBand(i + 1).SetDescription(str(first_year + i))
        ds.GetRasterBand(i + 1).WriteArray(band)
    ds = None


def prepare(workdir: Path, years: int) -> dict[str, Path]:
    import numpy as np

    paths = {name: workdir / f"{name}_{years}y.tif" for name in ("emission", *CASES.values())}
    if all(p.exists() for p in paths.values()):
        return paths
    rng = np.random.default_rng(3)
    emission = rng.gamma(2.0, 500.0, (years, 500, 600)).astype(np.float32)
    _write(paths["emission"], emission, (X0, 1000.0, 0.0, Y0, 0.0, -1000.0), 32650)
    sink = rng.gamma(2.0, 20.0, (years, 1000, 1200)).astype(np.float32)
    _write(paths["sink_utm"], sink, (X0, 500.0, 0.0, Y0, 0.0, -500.0), 32650)
    sink_geo = rng.gamma(2.0, 20.0, (years, 920, 1326)).astype(np.float32)  # covers the region
    _write(paths["sink_geo"], sink_geo, (114.78, 0.005, 0.0, 35.25, 0.0, -0.005), 4326)
    return paths


def child(emission: str, sink: str, out: str) -> dict:
    from carbon_budget.carbon_plugin.budget import grid_budget
    from carbon_budget.carbon_plugin.timeseries import open_time_series

    start = time.perf_counter()
    e = open_time_series([emission])
    s = open_time_series([sink], grid=e.grid, resampling="sum")
    grid_budget(e, s, f"{out}_net.tif", f"{out}_ratio.tif", f"{out}_state.tif", "t CO2")
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb()}


def measure(emission: Path, sink: Path, workdir: Path) -> dict:
    env = dict(os.environ, GDAL_CACHEMAX="256",
               PYTHONPATH=plugin_path())
    done = subprocess.run([sys.executable, __file__, "--child", str(emission), str(sink), str(workdir / "out")],
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--workdir", default="/tmp/bench_resampling")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    paths = prepare(workdir, args.years)
    print("| sink | gridbudget s | peak MB |\n|---|---|---|")
    for case, name in CASES.items():
        result = measure(paths["emission"], paths[name], workdir)
        print(f"| {case} | {result['seconds']:.2f} | {result['peak_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
