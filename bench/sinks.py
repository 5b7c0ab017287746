"""Benchmark: carbon sink from NPP and monthly climate (``sinks.compute_nep_sink``), 1 km and 100 m.

Usage (from the repository root)::

    .venv/bin/python bench/sinks.py [--sizes 1km,100m] [--years 20] [--workdir DIR]
    .venv/bin/python bench/sinks.py --interleave 1km [--workdir DIR]

Data (synthetic, deterministic, written once into the work folder): a 600 x 500 km region in
EPSG:32650 (UTM 50N) with an NPP time series (Float32, band per year, tiled DEFLATE as written by
``stackyears``; a smooth field of 200-900 g C m-2 yr-1 with a trend, noise and a NaN lake) at
1 km (600 x 500 cells) and 100 m (6000 x 5000 cells), and monthly temperature and precipitation
stacks (240 bands 'YYYY-MM', EPSG:4326, 0.05 deg, like the sample data's climate) that the run
resamples onto the NPP grid (bilinear).

Each measurement runs in its own subprocess (peak memory = its own VmHWM) with GDAL_CACHEMAX=256 MB
so that the peak shows our buffers rather than GDAL's block cache:

- nep: ``compute_nep_sink`` with monthly climate (the whole stage: read, resample, Rh, NEP, write);
- floor: the I/O floor - read every NPP band strip by strip and every band of both climate stacks
  with GDAL, write as many Float32 bands in the plugin's format (tiled, DEFLATE);
- resampling: GDAL's bilinear warp of the 2 x 12 climate bands of every year onto the NPP grid
  (what any tool must add to the floor when the climate is on another grid or CRS);
- memory vs years: nep again with 5 years, to show the peak does not grow with the years. The
  block cache fills up to its cap with whatever was read or written (more with more years while
  everything fits, as at 1 km), so the two runs are also made with GDAL_CACHEMAX=16 MB, where
  the peak is the process's own buffers (``--small-cache`` sizes; at 100 m a 16 MB cache cannot
  hold a strip of the output's tiles and GDAL rewrites them, so that is not a speed figure).

With ``--interleave SIZES`` it measures instead nep with the climate already on the NPP grid
(the 240-band stacks warped once onto it, no resampling in the run), stored pixel-interleaved
(GDAL's default) and band-interleaved, tiled 256, DEFLATE: the two runs must be within 1.2x
(issue 15) and their outputs identical. ``CARBON_BENCH_PLUGINS`` (a plugins folder holding a
``carbon_budget`` link) measures another tree of the plugin with this script, for before/after.

Prints a markdown table (the figures of docs/BENCHMARKS.md, section "Carbon sinks").
"""

from __future__ import annotations

import argparse
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
X0, Y0, WIDTH_M, HEIGHT_M = 300000.0, 3900000.0, 600000.0, 500000.0
CLIMATE_STEP = 0.05
FIRST_YEAR = 2001





# ---------------------------------------------------------------------------------------------
# Data


def _write_npp(path: Path, cell: float, years: int) -> None:
    import numpy as np
    from osgeo import osr

    from carbon_budget.carbon_plugin.blockio import TILE
    from carbon_budget.carbon_plugin.raster import Grid
    from carbon_budget.carbon_plugin.timeseries import TimeSeriesWriter

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    width, height = int(WIDTH_M / cell), int(HEIGHT_M / cell)
    grid = Grid((X0, cell, 0.0, Y0, 0.0, -cell), width, height, srs.ExportToWkt())
    x = (np.arange(width) + 0.5) / width
    rng = np.random.default_rng(2001)
    with TimeSeriesWriter(str(path), grid, range(FIRST_YEAR, FIRST_YEAR + years), None, "g C m-2 yr-1") as out:
        for row0 in range(0, height, TILE):
            nrows = min(TILE, height - row0)
            y = ((np.arange(row0, row0 + nrows) + 0.5) / height)[:, None]
            base = 450 + 300 * np.sin(3 * x) * np.cos(2 * y) + 150 * y
            lake = (x - 0.3) ** 2 + (y - 0.6) ** 2 < 0.003
            for j in range(years):
                values = base * (1 + 0.01 * j) + rng.normal(0, 20, base.shape)
                values[lake] = np.nan
                out.write(j, row0, values.astype(np.float32))


def _write_climate(path: Path, kind: str) -> None:
    import numpy as np
    from osgeo import gdal, osr

    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    west, east, south, north = 114.0, 122.3, 30.3, 35.6  # covers the region (114.8-121.4 E) with a margin
    cols, rows = round((east - west) / CLIMATE_STEP), round((north - south) / CLIMATE_STEP)
    ds = gdal.GetDriverByName("GTiff").Create(
        str(path), cols, rows, 240, gdal.GDT_Float32,
        ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=3"])
    ds.SetGeoTransform((west, CLIMATE_STEP, 0, north, 0, -CLIMATE_STEP))
    ds.SetProjection(wgs.ExportToWkt())
    lat = np.linspace(north, south, rows)[:, None] * np.ones((1, cols))
    rng = np.random.default_rng(7 if kind == "t" else 8)
    for b in range(240):
        year, month = FIRST_YEAR + b // 12, b % 12 + 1
        season = -np.cos((month - 0.5) / 12 * 2 * np.pi)
        if kind == "t":
            values = 14 + 13 * season - 0.8 * (lat - 33) + 0.03 * (year - FIRST_YEAR)
        else:
            values = np.maximum(0, 60 + 80 * season + 10 * (33 - lat))
        band = ds.GetRasterBand(b + 1)
        band.SetDescription(f"{year}-{month:02d}")
        band.WriteArray((values + rng.normal(0, 0.5, values.shape)).clip(min=-40 if kind == "t" else 0))
    ds = None


def _aligned_climate(source: Path, npp: Path, layout: str) -> Path:
    """The 240-band stack warped once onto the NPP grid, stored ``layout``-interleaved."""
    from osgeo import gdal

    path = source.with_name(f"{source.stem}_on_{npp.stem}_{layout}.tif")
    if path.exists():
        return path
    ref = gdal.Open(str(npp))
    x0, px, _, y0, _, py = ref.GetGeoTransform()
    w, h = ref.RasterXSize, ref.RasterYSize
    tmp = path.with_suffix(".tmp.tif")
    gdal.Warp(str(tmp), str(source), dstSRS=ref.GetProjection(), outputBounds=(x0, y0 + py * h, x0 + px * w, y0),
              width=w, height=h, resampleAlg="bilinear", dstNodata=float("nan"),
              creationOptions=["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "PREDICTOR=3",
                               f"INTERLEAVE={layout.upper()}", "NUM_THREADS=ALL_CPUS"])
    ds, src = gdal.Open(str(tmp), gdal.GA_Update), gdal.Open(str(source))
    for b in range(src.RasterCount):
        ds.GetRasterBand(b + 1).SetDescription(src.GetRasterBand(b + 1).GetDescription())
    ds = src = None
    tmp.rename(path)
    return path


def prepare(workdir: Path, sizes: list[str], years: int) -> dict[str, Path]:
    """NPP time series per size (``years`` and 5 bands) and the two monthly climate stacks."""
    paths = {}
    for kind in ("t", "p"):
        paths[kind] = workdir / f"{'temperature' if kind == 't' else 'precipitation'}_monthly.tif"
        if not paths[kind].exists():
            _write_climate(paths[kind], kind)
    for size in sizes:
        for n in sorted({years, 5}):
            path = workdir / f"npp_{size}_{n}y.tif"
            if not path.exists():
                _write_npp(path, SIZES[size], n)
            paths[f"{size}_{n}y"] = path
    return paths


# ---------------------------------------------------------------------------------------------
# Children (one measurement each)


def child(kind: str, npp: str, temperature: str, precipitation: str, out: str) -> dict:
    import numpy as np

    from carbon_budget.carbon_plugin.blockio import TILE, StripWarper, Window
    from carbon_budget.carbon_plugin.raster import grid_of, open_raster
    from carbon_budget.carbon_plugin.sinks import SinkRasters, compute_nep_sink
    from carbon_budget.carbon_plugin.timeseries import band_years

    ds = open_raster(npp)
    grid = grid_of(ds)
    years = band_years(ds)
    result: dict = {"cells": grid.width * grid.height, "years": len(years)}
    start = time.perf_counter()
    if kind == "floor":
        climate = [open_raster(temperature), open_raster(precipitation)]
        copy_through_writer(ds, out, "sink")
        for c in climate:  # the native climate bands of the years, once
            for b in range(12 * len(years)):
                c.GetRasterBand(b + 1).ReadAsArray()
    elif kind == "resampling":
        climate = [open_raster(temperature), open_raster(precipitation)]
        warpers = [StripWarper(grid, "bilinear", exact=False) for _ in climate]  # as compute_nep_sink's
        for row0 in range(0, grid.height, TILE):
            nrows = min(TILE, grid.height - row0)
            buffer = np.empty((12, nrows, grid.width), dtype=np.float32)
            for j in range(len(years)):
                for c, warper in zip(climate, warpers):
                    warper.read(c, list(range(12 * j + 1, 12 * j + 13)), Window(row0, nrows, 0, grid.width), buffer)
    else:
        summary = compute_nep_sink([npp], [temperature], [precipitation], SinkRasters(out))
        result["first_year_mt_co2"] = summary.total[years[0]] / 1e6
    result["seconds"] = time.perf_counter() - start
    result["peak_mb"] = peak_mb()
    return result





def measure(kind: str, npp: Path, paths: dict, workdir: Path, cache_mb: int = CACHE_MB) -> dict:
    plugins = plugin_path()
    env = dict(os.environ, GDAL_CACHEMAX=str(cache_mb), PYTHONPATH=plugins)
    out = workdir / f"out_{kind}_{npp.stem}.tif"
    if "keep" in paths:
        out = workdir / f"out_{kind}_{npp.stem}_{Path(paths['t']).stem}.tif"
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(npp), str(paths["t"]), str(paths["p"]), str(out)],
        env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} on {npp} failed:\n{done.stdout}\n{done.stderr}")
    if "keep" not in paths:
        for suffix in ("", ".aux.xml"):
            Path(str(out) + suffix).unlink(missing_ok=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["out"] = str(out)
    return result


def interleave_table(sizes: list[str], paths: dict, workdir: Path, years: int) -> str:
    """nep with the climate on the NPP grid, pixel- vs band-interleaved (same values)."""
    import numpy as np
    from osgeo import gdal

    lines = ["| grid | climate layout | NEP s | peak MB | pixel / band | outputs identical |",
             "|---|---|---|---|---|---|"]
    for size in sizes:
        npp = paths[f"{size}_{years}y"]
        runs = {}
        for layout in ("band", "pixel"):
            climate = {kind: str(_aligned_climate(paths[kind], npp, layout)) for kind in ("t", "p")}
            runs[layout] = measure("nep", npp, {**climate, "keep": True}, workdir)
        same = np.array_equal(gdal.Open(runs["band"]["out"]).ReadAsArray(),
                              gdal.Open(runs["pixel"]["out"]).ReadAsArray(), equal_nan=True)
        for layout, r in runs.items():
            ratio = f"{r['seconds'] / runs['band']['seconds']:.2f}" if layout == "pixel" else ""
            lines.append(f"| {size} | {layout} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | {ratio} | "
                         f"{same if layout == 'pixel' else ''} |")
            Path(r["out"]).unlink(missing_ok=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1km,100m")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--workdir", default="")
    parser.add_argument("--small-cache", default="1km", help="sizes also measured with a 16 MB GDAL cache")
    parser.add_argument("--interleave", default="", help="sizes: climate on the NPP grid, pixel vs band interleave")
    parser.add_argument("--child", nargs=5, metavar=("KIND", "NPP", "TEMPERATURE", "PRECIPITATION", "OUT"))
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, os.environ.get("PYTHONPATH", plugin_path()))
        print(json.dumps(child(*args.child)))
        return 0
    sizes, workdir = sizes_and_workdir(args.sizes, args.workdir, "carbon_bench_sinks_")
    if args.interleave:
        sizes = [s.strip() for s in args.interleave.split(",") if s.strip()]
        print(interleave_table(sizes, prepare(workdir, sizes, args.years), workdir, args.years))
        return 0
    paths = prepare(workdir, sizes, args.years)
    n = args.years
    lines = [
        f"| grid | cells | years | NEP s (s/yr) | I/O floor s | climate resampling s | NEP / floor | "
        f"NEP / (floor + resampling) | peak MB ({n} yr / 5 yr) | peak MB, 16 MB cache ({n} yr / 5 yr) | "
        f"floor peak MB | sink {FIRST_YEAR} Mt CO2 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size in sizes:
        npp = paths[f"{size}_{n}y"]
        floor = measure("floor", npp, paths, workdir)
        warp = measure("resampling", npp, paths, workdir)
        nep = measure("nep", npp, paths, workdir)
        few = measure("nep", paths[f"{size}_5y"], paths, workdir)
        small = "-"
        if size in args.small_cache.split(","):
            a, b = (measure("nep", paths[f"{size}_{k}y"], paths, workdir, 16) for k in (n, 5))
            small = f"{a['peak_mb']:.0f} / {b['peak_mb']:.0f}"
        print(json.dumps({"size": size, "floor": floor, "resampling": warp, "nep": nep, "nep_5y": few,
                          "small_cache": small}), file=sys.stderr)
        lines.append(
            f"| {size} | {nep['cells']:,} | {n} | {nep['seconds']:.1f} ({nep['seconds'] / n:.2f}) | "
            f"{floor['seconds']:.1f} | {warp['seconds']:.1f} | {nep['seconds'] / floor['seconds']:.1f} | "
            f"{nep['seconds'] / (floor['seconds'] + warp['seconds']):.2f} | "
            f"{nep['peak_mb']:.0f} / {few['peak_mb']:.0f} | {small} | {floor['peak_mb']:.0f} | "
            f"{nep['first_year_mt_co2']:.1f} |"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
