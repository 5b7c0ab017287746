"""Small helpers for tests: polygon (or point) layers written with OGR."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from osgeo import ogr, osr

from helpers.rasters import X0, Y0

ogr.UseExceptions()


def write_polygons(path: Path | str, wkts: Sequence[str], attributes: dict[str, Sequence], epsg: int | None = 32650,
                   layer: str = "regions", driver: str = "GPKG", geometry_type: int = ogr.wkbMultiPolygon) -> str:
    """Write polygons (WKT; "" for no geometry) with attribute columns (str, int or float by the first value
    that is not None; None leaves the field NULL). ``geometry_type=ogr.wkbPoint`` writes points instead.
    ``epsg=None`` writes no CRS (a shapefile without .prj; a GeoPackage's 'Undefined geographic SRS')."""
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, geometry_type)
    kinds = {str: ogr.OFTString, int: ogr.OFTInteger, float: ogr.OFTReal}
    for name, values in attributes.items():
        lyr.CreateField(ogr.FieldDefn(name, kinds[type(next(v for v in values if v is not None))]))
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(lyr.GetLayerDefn())
        for name, values in attributes.items():
            if values[i] is not None:
                feature.SetField(name, values[i])
        if wkt:
            geometry = ogr.CreateGeometryFromWkt(wkt)
            feature.SetGeometry(ogr.ForceToMultiPolygon(geometry) if geometry_type == ogr.wkbMultiPolygon else geometry)
        lyr.CreateFeature(feature)
    ds = None
    return str(path)


def rect(c0: float, r0: float, c1: float, r1: float) -> str:
    """A rectangle in cell units of write_raster's default grid (columns c0-c1, rows r0-r1 from the top-left)."""
    xa, xb, ya, yb = X0 + c0 * 1000, X0 + c1 * 1000, Y0 - r0 * 1000, Y0 - r1 * 1000
    return f"POLYGON(({xa} {ya},{xb} {ya},{xb} {yb},{xa} {yb},{xa} {ya}))"


def square(x0: float, y0: float, size: float) -> str:
    return f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))"


def layer_rows(path: Path | str) -> list[dict]:
    """The attributes of every feature of the first layer, read with OGR."""
    ds = ogr.Open(str(path))
    rows = [feature.items() for feature in ds.GetLayer(0)]
    ds = None
    return rows
