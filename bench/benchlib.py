"""Helpers every benchmark script shares (bench/ is on sys.path when a script runs)."""

from __future__ import annotations

import hashlib
import os
import resource
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from osgeo import gdal

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


def create_series(path: str, width: int, height: int, geotransform: Sequence[float], crs_wkt: str,
                  options: Sequence[str], quantity: str, bands: int, first_year: int = 2001) -> gdal.Dataset:
    """An empty Float32 time-series GeoTIFF as the plugin writes it: one band per year (description
    = the year), NaN nodata, CARBON_QUANTITY and CARBON_UNITS (t CO2 / cell / yr)."""
    ds = gdal.GetDriverByName("GTiff").Create(path, width, height, bands, gdal.GDT_Float32, list(options))
    ds.SetGeoTransform(tuple(geotransform))
    ds.SetProjection(crs_wkt)
    ds.SetMetadataItem("CARBON_QUANTITY", quantity)
    ds.SetMetadataItem("CARBON_UNITS", "t CO2 / cell / yr")
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        band.SetDescription(str(first_year + b))
        band.SetNoDataValue(float("nan"))
    return ds


def copy_through_writer(ds: gdal.Dataset, out: str, quantity: str) -> None:
    """The write floor: every band of ``ds`` read by tile rows with the engine's reader and written
    with the plugin's writer (``TimeSeriesWriter``); needs the plugin on sys.path."""
    from carbon_budget.carbon_plugin.blockio import TILE, Window, read_window
    from carbon_budget.carbon_plugin.raster import grid_of
    from carbon_budget.carbon_plugin.timeseries import TimeSeriesWriter, band_years

    grid, years = grid_of(ds), band_years(ds)
    with TimeSeriesWriter(out, grid, years, quantity, "t CO2 / cell / yr") as writer:
        for row0 in range(0, grid.height, TILE):
            nrows = min(TILE, grid.height - row0)
            for j in range(len(years)):
                values = read_window(ds, j + 1, Window(row0, nrows, 0, grid.width))
                writer.write(j, row0, values.astype(np.float32))

