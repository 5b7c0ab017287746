"""Benchmark: per-cell trend (Sen slope, Mann-Kendall Z, p, class) of a 20-band raster vs the I/O floor.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/trend.py [--sizes 1km,100m] [--workdir DIR]

Builds, in a temporary folder (or ``--workdir``, reused when the file exists), a 20-band Float32
time-series raster in the plugin's format (tiled 256, DEFLATE + floating-point predictor,
pixel-interleaved, NaN nodata, EPSG:32650; band descriptions 2001-2020) at 1 km (600 x 500) and
100 m (6000 x 5000 = 30 million cells): growing, shrinking and flat cells with noise, NaN over a
'sea' corner and some gap years. Each measured thing runs in its own subprocess so its peak
memory (``benchlib.peak_mb``, VmHWM) and CPU time are its own (GDAL_CACHEMAX=--cache-mb,
default 256 MB). ``CARBON_BENCH_PLUGINS`` (a plugins folder holding a ``carbon_budget`` link)
measures another tree of the plugin with this script (before/after):

- ours: ``balance.raster_trend`` (what ``carbonbudget:rastertrend`` runs): read every window
  (one tile row high) with all 20 years, Sen slope + Mann-Kendall + class, write 4 GeoTIFFs;
- breakdown: the same windows, timing reading and the kernel (``trend.trend_cells``; on a tree
  without it ``trend.sen_slope_cells`` and ``trend.mann_kendall_cells``) apart (no writing);
- the I/O floor: reading every band of the raster once with GDAL, block by block, on one thread
  (floor) and with GeoTIFF decoding on all CPUs (floor_mt, ``NUM_THREADS=ALL_CPUS``).

It checks 200 random cells of our outputs against ``pymannkendall.original_test`` and prints a
markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from benchlib import create_series, peak_mb, plugin_path
from osgeo import gdal, osr

gdal.UseExceptions()

REPO = Path(__file__).resolve().parent.parent
EPSG = 32650
ORIGIN = (300000.0, 4200000.0)
EXTENT_M = (600_000.0, 500_000.0)
SIZES = {"1km": 1000.0, "100m": 100.0}
BANDS = 20
FIRST_YEAR = 2001
SEED = 20240602
CHECK_CELLS = 200





def build_raster(path: str, pixel: float) -> None:
    """20 Float32 bands: per-cell linear trend (up, down or flat) x noise, NaN sea, gap years."""
    width, height = int(EXTENT_M[0] / pixel), int(EXTENT_M[1] / pixel)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    options = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=3",
               "BIGTIFF=IF_SAFER", "NUM_THREADS=ALL_CPUS"]
    ds = create_series(path, width, height, (ORIGIN[0], pixel, 0, ORIGIN[1], 0, -pixel), srs.ExportToWkt(),
                       options, "net", BANDS, FIRST_YEAR)
    rng = np.random.default_rng(SEED)
    x = (np.arange(width) + 0.5) / width
    t = np.arange(BANDS, dtype=np.float32)[:, None, None]
    for row0 in range(0, height, 256):
        nrows = min(256, height - row0)
        y = ((np.arange(nrows) + row0 + 0.5) / height)[:, None]
        base = (10 + 50 * np.exp(-((x - 0.4) ** 2 + (y - 0.45) ** 2) / 0.01)).astype(np.float32)
        slope = (0.05 * np.sin(11 * x) * np.cos(5 * y)).astype(np.float32)  # -5 % .. +5 % a year
        block = base * (1 + slope * t) * (0.9 + 0.2 * rng.random((BANDS, nrows, width), dtype=np.float32))
        block[:, (x + y) > 1.55] = np.nan  # sea
        gaps = rng.random((BANDS, nrows, width)) < 0.01  # 1 % missing years
        block[gaps] = np.nan
        ds.WriteArray(block, 0, row0)
    ds = None


def build_data(workdir: Path, size: str) -> str:
    path = str(workdir / f"trend_{size}.tif")
    if not os.path.exists(path):
        t = time.perf_counter()
        build_raster(path + ".tmp.tif", SIZES[size])
        os.replace(path + ".tmp.tif", path)
        print(f"built {path} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


# ---------------------------------------------------------------------------------------------
# Measured tasks (each in a subprocess: python bench/trend.py --task NAME RASTER OUTDIR OUT)


def task_ours(raster: str, outdir: str) -> dict:
    sys.path.insert(0, plugin_path())
    from carbon_budget.carbon_plugin.balance import TrendRasters, raster_trend
    from carbon_budget.carbon_plugin.timeseries import open_time_series

    t0 = time.perf_counter()
    series = open_time_series([raster])
    paths = [os.path.join(outdir, f"{name}.tif") for name in ("slope", "z", "p", "class")]
    summary = raster_trend(series, TrendRasters(*paths))
    return {"seconds": time.perf_counter() - t0, "windows": summary.windows, "classes": summary.class_counts}


def task_breakdown(raster: str, outdir: str) -> dict:
    sys.path.insert(0, plugin_path())
    from carbon_budget.carbon_plugin import balance, trend
    from carbon_budget.carbon_plugin.blockio import Window
    from carbon_budget.carbon_plugin.timeseries import open_time_series

    series = open_time_series([raster])
    x = np.asarray(series.years, dtype=np.float64)
    times = {"read_s": 0.0, "sen_s": 0.0, "mk_s": 0.0}
    t0 = time.perf_counter()
    windows = balance.trend_windows(series.grid.height, series.grid.width, len(x))
    for row0, nrows, col0, ncols in windows:
        t = time.perf_counter()
        block = np.stack([series.read_window(i, Window(row0, nrows, col0, ncols)) for i in range(len(x))])
        times["read_s"] += time.perf_counter() - t
        if hasattr(trend, "trend_cells"):
            t = time.perf_counter()
            trend.trend_cells(block, x)
            times["kernel_s"] = times.get("kernel_s", 0.0) + time.perf_counter() - t
            continue
        t = time.perf_counter()
        trend.sen_slope_cells(block, x)
        times["sen_s"] += time.perf_counter() - t
        t = time.perf_counter()
        trend.mann_kendall_cells(block)
        times["mk_s"] += time.perf_counter() - t
    return {"seconds": time.perf_counter() - t0, **times}


def task_floor(raster: str, outdir: str, threads: bool = False) -> dict:
    """Read every band once, block by block: all bands of a row of tiles per call (GDAL's fast path)."""
    t0 = time.perf_counter()
    ds = gdal.OpenEx(raster, gdal.OF_RASTER, open_options=["NUM_THREADS=ALL_CPUS"] if threads else [])
    block_h = ds.GetRasterBand(1).GetBlockSize()[1]
    for row0 in range(0, ds.RasterYSize, block_h):
        nrows = min(block_h, ds.RasterYSize - row0)
        for col0 in range(0, ds.RasterXSize, 2048):
            ds.ReadAsArray(col0, row0, min(2048, ds.RasterXSize - col0), nrows)
        ds.FlushCache()
    return {"seconds": time.perf_counter() - t0}


def task_floor_mt(raster: str, outdir: str) -> dict:
    return task_floor(raster, outdir, threads=True)


TASKS = {"ours": task_ours, "breakdown": task_breakdown, "floor": task_floor, "floor_mt": task_floor_mt}


def run_task(name: str, raster: str, outdir: str, cache_mb: int) -> dict:
    """Run a task in a fresh interpreter; its result plus its own peak RSS (MB) and CPU time (s)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = tmp.name
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GDAL_CACHEMAX=str(cache_mb))
    subprocess.run([sys.executable, __file__, "--task", name, raster, outdir, out], check=True, env=env)
    with open(out) as f:
        result = json.load(f)
    os.remove(out)
    return result


def _child(name: str, raster: str, outdir: str, out: str) -> None:
    result = TASKS[name](raster, outdir)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["peak_mb"] = peak_mb()  # this process's VmHWM (ru_maxrss would include the parent's)
    result["cpu_s"] = usage.ru_utime + usage.ru_stime
    with open(out, "w") as f:
        json.dump(result, f)


def check_against_pymannkendall(raster: str, outdir: str) -> float:
    """Largest |difference| of slope, Z and p over random valid cells vs pymannkendall (Float32 outputs)."""
    import pymannkendall

    ds = gdal.Open(raster)
    outputs = {name: gdal.Open(os.path.join(outdir, f"{name}.tif")) for name in ("slope", "z", "p")}
    rng = np.random.default_rng(1)
    worst = 0.0
    years = np.arange(FIRST_YEAR, FIRST_YEAR + BANDS, dtype=np.float64)
    checked = 0
    while checked < CHECK_CELLS:
        col, row = int(rng.integers(ds.RasterXSize)), int(rng.integers(ds.RasterYSize))
        series = ds.ReadAsArray(col, row, 1, 1).astype(np.float64).ravel()
        valid = ~np.isnan(series)
        if valid.sum() < 3:
            continue
        ref = pymannkendall.original_test(series[valid])
        i, j = np.triu_indices(int(valid.sum()), 1)
        v, x = series[valid], years[valid]
        slope = np.median((v[j] - v[i]) / (x[j] - x[i]))
        got = {k: float(o.ReadAsArray(col, row, 1, 1)[0, 0]) for k, o in outputs.items()}
        worst = max(worst, abs(got["slope"] - slope) / max(abs(slope), 1e-6),
                    abs(got["z"] - ref.z) / max(abs(ref.z), 1), abs(got["p"] - ref.p))
        checked += 1
    return worst


# ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1km,100m")
    parser.add_argument("--workdir", default=None, help="keep the data here (reused when present)")
    parser.add_argument("--skip", default="", help="comma list of tasks to skip (e.g. breakdown)")
    parser.add_argument("--cache-mb", type=int, default=256,
                        help="GDAL_CACHEMAX of each task (GDAL's default, 5%% of RAM, dominates peak RSS)")
    parser.add_argument("--task", nargs=4, metavar=("NAME", "RASTER", "OUTDIR", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.task:
        _child(*args.task)
        return
    skip = set(filter(None, args.skip.split(",")))
    rows = []
    with tempfile.TemporaryDirectory(prefix="carbon_bench_trend_") as tmp:
        workdir = Path(args.workdir or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes.split(","):
            raster = build_data(workdir, size)
            outdir = tempfile.mkdtemp(prefix=f"out_{size}_", dir=tmp)
            results = {}
            for name in TASKS:
                if name in skip:
                    continue
                print(f"{size}: {name} ...", file=sys.stderr, flush=True)
                results[name] = run_task(name, raster, outdir, args.cache_mb)
                print(f"  {results[name]['seconds']:.2f} s, {results[name]['peak_mb']:.0f} MB", file=sys.stderr,
                      flush=True)
            if "ours" in results:
                results["ours"]["check"] = check_against_pymannkendall(raster, outdir)
            ds = gdal.Open(raster)
            rows.append((size, ds.RasterXSize, ds.RasterYSize, results))
    print_table(rows, args.cache_mb)


def print_table(rows, cache_mb: int) -> None:
    print(f"GDAL_CACHEMAX={cache_mb} MB per task; {os.cpu_count()} CPUs; numpy {np.__version__}, "
          f"GDAL {gdal.__version__}.\n")
    print("| raster | what | wall time (s) | CPU time (s) | peak RSS (MB) | wall vs I/O floor | notes |")
    print("|---|---|---|---|---|---|---|")
    labels = {"ours": "ours: `raster_trend` (read, Sen + MK + class, write 4 GeoTIFFs)",
              "breakdown": "ours without writing, by step",
              "floor": "I/O floor: GDAL reads every band once",
              "floor_mt": "I/O floor, GeoTIFF decoding on all CPUs"}
    for size, width, height, results in rows:
        floor = results.get("floor", {}).get("seconds")
        for name, r in results.items():
            ratio = f"{r['seconds'] / floor:.1f} x" if floor and name != "floor" else ""
            notes = ""
            if name == "ours":
                notes = (f"{r['windows']} windows; max deviation from pymannkendall on {CHECK_CELLS} cells "
                         f"{r['check']:.1e}")
            if name == "breakdown" and "kernel_s" in r:
                notes = f"read {r['read_s']:.1f} s, kernel (Sen + Mann-Kendall) {r['kernel_s']:.1f} s"
            elif name == "breakdown":
                notes = f"read {r['read_s']:.1f} s, Sen {r['sen_s']:.1f} s, Mann-Kendall {r['mk_s']:.1f} s"
            if name == "ours" and "floor_mt" in results:
                notes += f"; {r['seconds'] / results['floor_mt']['seconds']:.1f} x the all-CPU floor"
            print(f"| {size} ({width} x {height} x {BANDS}) | {labels[name]} | {r['seconds']:.1f} | "
                  f"{r['cpu_s']:.1f} | {r['peak_mb']:.0f} | {ratio} | {notes} |")


if __name__ == "__main__":
    main()
