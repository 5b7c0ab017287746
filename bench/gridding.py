"""Benchmark: emission gridding (``gridding.grid_emissions``) at 1 km and 100 m, 20 years.

Usage (from the repository root)::

    .venv/bin/python bench/gridding.py [--sizes 1km,100m] [--years 20] [--workdir DIR]
    .venv/bin/python bench/gridding.py --writes before,threads,z3,default,zstd  # writer settings

Data: the sample province (``scripts/make_sample.py``: 360 x 300 km, 30 counties in 5 cities,
EPSG:32650) with its 20-band nighttime light at 1 km (360 x 300 cells) and the same light
resampled (bilinear) to 100 m (3600 x 3000 cells). Statistics: the cities' CO2 from the energy
table (``emissions.energy_emissions``) shared among their counties by GDP, so 30 regions x 20
years are gridded onto the 30 county polygons.

Each measurement runs in its own subprocess (peak memory = its own VmHWM), with
GDAL_CACHEMAX=256 MB so that the peak shows our buffers rather than GDAL's block cache (which
otherwise grows to 5 % of RAM in every run, the floor included):

- grid: ``grid_emissions`` with exact coverage (coverage + two passes + writing), and again with
  cell-centre assignment; the per-region round trip (zonal sum of the output over each county
  with the same fractions vs its statistic) and the yearly totals are reported;
- coverage: the exact coverage alone (part of "grid");
- floor: the I/O floor, reading every band of the proxy strip by strip with GDAL and writing the
  same number of Float32 bands in the plugin's format (tiled, DEFLATE) - what any gridding must do;
- memory vs years: the same run with 5 years, to show the peak does not grow with the years.

Prints a markdown table (the figures of docs/BENCHMARKS.md, section "Emission gridding").
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchlib import copy_through_writer, peak_mb, plugin_path, sizes_and_workdir

REPO = Path(__file__).resolve().parent.parent
SIZES = {"1km": 1000.0, "100m": 100.0}
CACHE_MB = 256





# ---------------------------------------------------------------------------------------------
# Data


def _make_sample(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_sample", REPO / "scripts" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample"] = module
    spec.loader.exec_module(module)
    module.make_sample(folder)


def prepare(workdir: Path, sizes: list[str], years: int) -> dict[str, Path]:
    """The sample, the 100 m light, year subsets (VRT) and the county statistics."""
    from osgeo import gdal, ogr

    from carbon_budget.carbon_plugin.emissions import EnergyTable, energy_emissions, load_factors, wide_fuel_columns

    gdal.UseExceptions()
    sample = workdir / "sample"
    if not (sample / "ntl.tif").exists():
        sample.mkdir(parents=True, exist_ok=True)
        _make_sample(sample)
    paths = {"counties": sample / "counties.gpkg", "1km": sample / "ntl.tif"}
    fine = workdir / "ntl_100m.tif"
    if "100m" in sizes and not fine.exists():
        gdal.Translate(str(fine), str(sample / "ntl.tif"), xRes=100, yRes=100, resampleAlg="bilinear",
                       creationOptions=["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE",
                                        "PREDICTOR=3"])
    paths["100m"] = fine
    for size in sizes:
        for n in sorted({years, 5}):
            subset = workdir / f"ntl_{size}_{n}y.tif"
            if not subset.exists():
                gdal.Translate(str(subset), str(paths[size]), bandList=list(range(1, n + 1)),
                               creationOptions=["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256",
                                                "COMPRESS=DEFLATE", "PREDICTOR=3"])
            paths[f"{size}_{n}y"] = subset

    # county statistics: city CO2 from the energy table, shared by county GDP
    with open(sample / "energy_city.csv", encoding="utf-8") as f:
        records = list(csv.DictReader(f))
    factors = load_factors()
    columns, _ = wide_fuel_columns(list(records[0]), [], records, factors, {"city_code", "year", "city_zh"})
    city = energy_emissions(EnergyTable(records, "city_code", "year", fuel_columns=columns), factors)
    city_co2 = {(str(r[0]), int(r[1])): r[2] for r in city.rows}
    ds = ogr.Open(str(paths["counties"]))
    county_city = {f.GetField("code"): f.GetField("city_code") for f in ds.GetLayer(0)}
    with open(sample / "gdp_county.csv", encoding="utf-8") as f:
        gdp = {(r["code"], int(r["year"])): float(r["gdp"]) for r in csv.DictReader(f)}
    city_gdp: dict[tuple[str, int], float] = {}
    for (code, year), value in gdp.items():
        key = (county_city[code], year)
        city_gdp[key] = city_gdp.get(key, 0.0) + value
    stats = workdir / "county_co2.csv"
    with open(stats, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "year", "CO2_T"])
        for (code, year), value in sorted(gdp.items()):
            c = county_city[code]
            writer.writerow([code, year, repr(city_co2[(c, year)] * value / city_gdp[(c, year)])])
    paths["stats"] = stats
    return paths


# ---------------------------------------------------------------------------------------------
# Children (one measurement each)


def _regions(path: str):
    from osgeo import ogr

    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    geoms, keys = [], []
    for feature in layer:
        geoms.append(bytes(feature.GetGeometryRef().ExportToWkb()))
        keys.append(feature.GetField("code"))
    return geoms, keys, layer.GetSpatialRef().ExportToWkt()


def child(kind: str, proxy: str, counties: str, stats: str, out: str) -> dict:
    import numpy as np

    from carbon_budget.carbon_plugin.coverage import exact_coverage
    from carbon_budget.carbon_plugin.gridding import GriddingOptions, GriddingOutputs, grid_emissions
    from carbon_budget.carbon_plugin.inputs import Regions
    from carbon_budget.carbon_plugin.raster import grid_of, open_raster
    from carbon_budget.carbon_plugin.timeseries import band_years

    ds = open_raster(proxy)
    grid = grid_of(ds)
    years = band_years(ds)
    result: dict = {"cells": grid.width * grid.height, "years": len(years)}
    start = time.perf_counter()
    if kind == "floor":
        copy_through_writer(ds, out, "emission")
    elif kind == "coverage":
        geoms, _, wkt = _regions(counties)
        exact_coverage(geoms, wkt, grid)
    else:
        with open(stats, encoding="utf-8") as f:
            rows = [(r["code"], int(r["year"]), float(r["CO2_T"])) for r in csv.DictReader(f)
                    if int(r["year"]) in years]
        res = grid_emissions(Regions(*_regions(counties)), rows, [proxy], GriddingOutputs(out),
                             options=GriddingOptions(assignment="centre" if kind == "centre" else "exact"))
        err = np.abs(res.round_trip_error())
        result.update(max_round_trip=float(np.nanmax(err)), mean_round_trip=float(np.nanmean(err)),
                      max_total_error=float(np.max(np.abs(res.total_error()))))
    result["seconds"] = time.perf_counter() - start
    result["peak_mb"] = peak_mb()
    return result





# writer settings compared by --writes (environment of timeseries.compression_options)
WRITES = {
    "before": {"CARBON_ZLEVEL": "", "CARBON_WRITE_THREADS": ""},  # DEFLATE level 6, one thread
    "threads": {"CARBON_ZLEVEL": "", "CARBON_WRITE_THREADS": "ALL_CPUS"},  # level 6, all CPUs
    "z3": {"CARBON_ZLEVEL": "3", "CARBON_WRITE_THREADS": "ALL_CPUS"},
    "default": {},  # timeseries.ZLEVEL (1), all CPUs
    "zstd": {"CARBON_COMPRESS": "ZSTD", "CARBON_ZLEVEL": "1"},
}


def measure(kind: str, proxy: Path, paths: dict, workdir: Path, writes: str = "default") -> dict:
    env = dict(os.environ, GDAL_CACHEMAX=str(CACHE_MB), PYTHONPATH=plugin_path(), **WRITES[writes])
    out = workdir / f"out_{kind}_{proxy.stem}.tif"
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(proxy), str(paths["counties"]), str(paths["stats"]),
         str(out)], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} on {proxy} failed:\n{done.stdout}\n{done.stderr}")
    size = out.stat().st_size if out.exists() else 0
    for suffix in ("", ".aux.xml"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "output_mb": size / 1e6}


def compare_writes(sizes: list[str], paths: dict, workdir: Path, years: int, names: list[str]) -> None:
    """--writes: gridding and the write floor under each writer setting, interleaved (one run each)."""
    print(f"load average {os.getloadavg()}", file=sys.stderr)
    lines = ["| grid | writer setting | gridding s | I/O floor s | output MB | gridding peak MB |",
             "|---|---|---|---|---|---|"]
    for size in sizes:
        proxy = paths[f"{size}_{years}y"]
        for name in names:
            floor = measure("floor", proxy, paths, workdir, name)
            grid = measure("exact", proxy, paths, workdir, name)
            print(json.dumps({"size": size, "writes": name, "floor": floor, "grid": grid}), file=sys.stderr,
                  flush=True)
            lines.append(f"| {size} | {name} | {grid['seconds']:.1f} | {floor['seconds']:.1f} | "
                         f"{grid['output_mb']:.1f} | {grid['peak_mb']:.0f} |")
    print(f"load average {os.getloadavg()}", file=sys.stderr)
    print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1km,100m")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--workdir", default="")
    parser.add_argument("--writes", default="",
                        help=f"compare writer settings, e.g. before,default ({', '.join(WRITES)})")
    parser.add_argument("--child", nargs=5, metavar=("KIND", "PROXY", "COUNTIES", "STATS", "OUT"))
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, os.environ.get("PYTHONPATH", plugin_path()))
        print(json.dumps(child(*args.child)))
        return 0
    sizes, workdir = sizes_and_workdir(args.sizes, args.workdir, "carbon_bench_grid_")
    paths = prepare(workdir, sizes, args.years)
    if args.writes:
        compare_writes(sizes, paths, workdir, args.years, args.writes.split(","))
        return 0
    n = args.years
    lines = [
        f"| grid | cells | years | gridding s (s/yr) | I/O floor s (s/yr) | ratio | coverage s | "
        f"peak MB ({n} yr / 5 yr) | floor peak MB | max / mean round trip (exact) | max round trip (centre) | "
        "max yearly total error |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        proxy = paths[f"{size}_{n}y"]
        floor = measure("floor", proxy, paths, workdir)
        grid = measure("exact", proxy, paths, workdir)
        centre = measure("centre", proxy, paths, workdir)
        cover = measure("coverage", proxy, paths, workdir)
        few = measure("exact", paths[f"{size}_5y"], paths, workdir)
        print(json.dumps({"size": size, "floor": floor, "grid": grid, "centre": centre, "coverage": cover,
                          "grid_5y": few}), file=sys.stderr)
        lines.append(
            f"| {size} | {grid['cells']:,} | {n} | {grid['seconds']:.1f} ({grid['seconds'] / n:.2f}) | "
            f"{floor['seconds']:.1f} ({floor['seconds'] / n:.2f}) | {grid['seconds'] / floor['seconds']:.2f} | "
            f"{cover['seconds']:.2f} | {grid['peak_mb']:.0f} / {few['peak_mb']:.0f} | {floor['peak_mb']:.0f} | "
            f"{grid['max_round_trip']:.1e} / {grid['mean_round_trip']:.1e} | {centre['max_round_trip']:.1e} | "
            f"{max(grid['max_total_error'], centre['max_total_error']):.1e} |"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
