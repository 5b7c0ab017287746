"""Small helpers for tests: polygon layers written with OGR."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from osgeo import ogr, osr

ogr.UseExceptions()


def write_polygons(path: Path | str, wkts: Sequence[str], attributes: dict[str, Sequence], epsg: int = 32650,
                   layer: str = "regions", driver: str = "GPKG") -> str:
    """Write polygons (WKT) with attribute columns (str, int or float by the first value)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, ogr.wkbMultiPolygon)
    kinds = {str: ogr.OFTString, int: ogr.OFTInteger, float: ogr.OFTReal}
    for name, values in attributes.items():
        lyr.CreateField(ogr.FieldDefn(name, kinds[type(values[0])]))
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(lyr.GetLayerDefn())
        for name, values in attributes.items():
            feature.SetField(name, values[i])
        if wkt:
            feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        lyr.CreateFeature(feature)
    ds = None
    return str(path)


def square(x0: float, y0: float, size: float) -> str:
    return f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))"


def layer_rows(path: Path | str) -> list[dict]:
    """The attributes of every feature of the first layer, read with OGR."""
    ds = ogr.Open(str(path))
    rows = [feature.items() for feature in ds.GetLayer(0)]
    ds = None
    return rows
