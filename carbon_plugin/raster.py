"""Raster grids: open with clear errors, describe a grid, the resampling methods offered.

Reading, planning blocks and resampling onto a grid is ``blockio``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import gdal, gdal_array, osr

from .errors import QT_TRANSLATE_NOOP, CarbonInputError
from .plausibility import LayerInfo

gdal.UseExceptions()
osr.UseExceptions()

# GDAL's resampling methods the stages offer, with the source cells each kernel reaches beyond a
# cell's footprint at full resolution (GDAL's GWKGetFilterRadius; ``blockio.StripWarper``)
KERNEL_RADIUS = {"nearest": 0, "bilinear": 1, "cubic": 2, "average": 0, "sum": 0, "mode": 0}
# "none": inputs must already be on the reference grid
RESAMPLING = ("none", *KERNEL_RADIUS)


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: geotransform, size and CRS (as WKT)."""

    geotransform: tuple[float, float, float, float, float, float]
    width: int
    height: int
    crs_wkt: str

    @property
    def srs(self) -> osr.SpatialReference:
        return srs_from_wkt(self.crs_wkt)

    @property
    def pixel_width(self) -> float:
        return abs(self.geotransform[1])

    @property
    def pixel_height(self) -> float:
        return abs(self.geotransform[5])

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in CRS units."""
        x0, px, _, y0, _, py = self.geotransform
        x1, y1 = x0 + px * self.width, y0 + py * self.height
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)

    def matches(self, other: Grid, rel_tol: float = 1e-6) -> bool:
        """Same size, same cells (within ``rel_tol`` of a pixel) and the same CRS."""
        if (self.width, self.height) != (other.width, other.height):
            return False
        scale = (self.pixel_width, 1, 1, self.pixel_height, 1, 1)
        for a, b, s in zip(self.geotransform, other.geotransform, scale):
            if abs(a - b) > rel_tol * s:
                return False
        return bool(self.srs.IsSame(other.srs))


def srs_from_wkt(wkt: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def open_raster(path: str, role: str = "raster") -> gdal.Dataset:
    """Open a raster read-only, or say which input could not be opened and why."""
    try:
        ds = gdal.Open(str(path), gdal.GA_ReadOnly)
    except RuntimeError as err:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "Cannot open the {role} raster '{path}': {err}"),
            role=role, path=path, err=err) from None
    if ds is None or ds.RasterCount < 1:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {role} raster '{path}' has no bands."),
            role=role, path=path)
    return ds


def grid_of(ds: gdal.Dataset, role: str = "raster") -> Grid:
    """The grid of a dataset; a raster without CRS or with rotation is refused with advice."""
    name = ds.GetDescription()
    wkt = ds.GetProjection()
    if not wkt:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {role} raster '{name}' has no coordinate reference system. Assign one "
                                          "(Raster > Projections > Assign Projection) and run again."),
            role=role, name=name)
    gt = tuple(ds.GetGeoTransform())
    if gt[2] != 0 or gt[4] != 0 or gt[5] >= 0:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "The {role} raster '{name}' is rotated or not north-up; warp it first "
                                          "(gdalwarp)."),
            role=role, name=name)
    return Grid(gt, ds.RasterXSize, ds.RasterYSize, wkt)


def stored_band(path: str, band: int = 1) -> tuple[str, float | None]:
    """The numpy type name of a band as stored and its declared nodata value (None if none)."""
    ds = open_raster(path)  # kept while the band is used
    b = ds.GetRasterBand(band)
    dtype, nodata = np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(b.DataType)).name, b.GetNoDataValue()
    b = ds = None
    return dtype, nodata


def layer_infos(layers) -> list[LayerInfo]:
    """What the plausibility checks need to know of each layer (``.year``, ``.path``, ``.band``)."""
    infos = []
    for layer in layers:
        dtype, nodata = stored_band(layer.path, layer.band)
        infos.append(LayerInfo(layer.year, layer.path, layer.band, dtype, nodata))
    return infos
