"""Small helpers for tests: write GeoTIFFs from numpy arrays."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()

UTM50 = 32650
X0, Y0 = 500000.0, 3800000.0  # top-left of write_raster's default grid: 1 km cells, EPSG:32650


def wkt_of(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def write_raster(
    path: Path | str,
    data: np.ndarray,
    geotransform: Sequence[float] = (X0, 1000.0, 0.0, Y0, 0.0, -1000.0),
    epsg: int | None = UTM50,
    descriptions: Sequence[str] | None = None,
    nodata: float | None = None,
    data_type: int = gdal.GDT_Float32,
) -> str:
    """Write a (bands, rows, cols) or (rows, cols) array as a GeoTIFF; returns the path."""
    arr = data[None] if data.ndim == 2 else data
    ds = gdal.GetDriverByName("GTiff").Create(str(path), arr.shape[2], arr.shape[1], arr.shape[0], data_type)
    ds.SetGeoTransform(list(geotransform))
    if epsg is not None:
        ds.SetProjection(wkt_of(epsg))
    for i in range(arr.shape[0]):
        band = ds.GetRasterBand(i + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if descriptions is not None:
            band.SetDescription(str(descriptions[i]))
        band.WriteArray(arr[i])
    ds = None
    return str(path)


def read_all(path: Path | str) -> np.ndarray:
    ds = gdal.Open(str(path))
    return np.stack([ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)])


def raster_totals(path: Path | str) -> list[float]:
    """The sum of every band (NaN left out), accumulated in float64."""
    ds = gdal.Open(str(path))
    totals = [float(np.nansum(ds.GetRasterBand(b + 1).ReadAsArray().astype(np.float64))) for b in range(ds.RasterCount)]
    ds = None
    return totals
