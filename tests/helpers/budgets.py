"""A hand-made 4 x 4 lattice budget layer (EMI_/SNK_/RAT_ for 2001-2010), engine-safe (ogr only).

Used by the balance, risk, uncertainty, hot-spot, report and style tests.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

ogr.UseExceptions()

YEARS = list(range(2001, 2011))
SIDE = 4
CELL_M = 10_000.0  # 10 km squares: AREA_KM2 = 100
NAMES = ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市",
         "濮阳市", "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市"]
ZERO_SINK = 5  # the region (index) whose sink is 0 in every year


def lattice_budget(seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """E and S (16 regions x 10 years, t CO2 / yr): trends up and down, one region with S = 0."""
    rng = np.random.default_rng(seed)
    t = np.arange(len(YEARS))
    growth = np.linspace(-0.04, 0.08, SIDE * SIDE)[:, None]
    emission = rng.uniform(200.0, 2000.0, (SIDE * SIDE, 1)) * (1 + growth * t) + rng.normal(0, 5, (16, 10))
    sink = rng.uniform(100.0, 600.0, (SIDE * SIDE, 1)) * (1 + 0.01 * t) + rng.normal(0, 5, (16, 10))
    sink[ZERO_SINK] = 0.0
    sink[0] = emission[0] * 1.5  # a net sink (state 1)
    return emission, sink


def write_budget_layer(path: Path | str, emission: np.ndarray, sink: np.ndarray, years=YEARS,
                       names=NAMES, driver: str = "GPKG", extra_fields: bool = True) -> str:
    """A SIDE x SIDE lattice of square regions with NAME, AREA_KM2, EMI_yyyy, SNK_yyyy, RAT_yyyy."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("budget", srs, ogr.wkbPolygon, options=["ENCODING=UTF-8"] if driver != "GPKG" else [])
    layer.CreateField(ogr.FieldDefn("NAME", ogr.OFTString))
    if extra_fields:
        layer.CreateField(ogr.FieldDefn("AREA_KM2", ogr.OFTReal))
    for y in years:
        for prefix in ("EMI", "SNK", "RAT") if extra_fields else ("EMI", "SNK"):
            layer.CreateField(ogr.FieldDefn(f"{prefix}_{y}", ogr.OFTReal))
    for k in range(emission.shape[0]):
        r, c = divmod(k, SIDE)
        x0, y0 = 400_000.0 + c * CELL_M, 3_800_000.0 - r * CELL_M
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((x0, y0), (x0 + CELL_M, y0), (x0 + CELL_M, y0 - CELL_M), (x0, y0 - CELL_M), (x0, y0)):
            ring.AddPoint_2D(x, y)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(poly)
        feature.SetField("NAME", names[k])
        if extra_fields:
            feature.SetField("AREA_KM2", CELL_M * CELL_M / 1e6)
        for i, y in enumerate(years):
            for prefix, values in (("EMI", emission), ("SNK", sink)):
                if not math.isnan(values[k, i]):
                    feature.SetField(f"{prefix}_{y}", float(values[k, i]))
            if extra_fields and sink[k, i] > 0:
                feature.SetField(f"RAT_{y}", float(emission[k, i] / sink[k, i]))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def square_geometry(x0: float, y0: float, size: float = CELL_M) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x0 + size, y0), (x0 + size, y0 - size), (x0, y0 - size), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def write_lattice(path, values, rows: int = 4, cols: int = 4, names=None, extra=(), points: bool = False,
                  jitter=None) -> str:
    """rows x cols squares (row-major, like libpysal.lat2W) with NAME and VALUE; ``extra``: more
    (geometry, name, value) features appended after the lattice; ``points``: their centres, moved
    by ``jitter[k]`` (x, y) if given."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    driver = "ESRI Shapefile" if str(path).endswith(".shp") else "GPKG"
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("lattice", srs, ogr.wkbPoint if points else ogr.wkbPolygon,
                           options=["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else [])
    layer.CreateField(ogr.FieldDefn("NAME", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("VALUE", ogr.OFTReal))
    items = []
    for k in range(rows * cols):
        r, c = divmod(k, cols)
        geometry = square_geometry(400_000.0 + c * CELL_M, 3_800_000.0 - r * CELL_M)
        if points:
            centre = geometry.Centroid()
            dx, dy = jitter[k] if jitter is not None else (0.0, 0.0)
            geometry = ogr.Geometry(ogr.wkbPoint)
            geometry.AddPoint_2D(centre.GetX() + dx, centre.GetY() + dy)
        items.append((geometry, (names or NAMES)[k % 16] + str(k), values[k]))
    for geometry, name, value in [*items, *extra]:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        feature.SetField("NAME", name)
        if value is not None:
            feature.SetField("VALUE", float(value))
        layer.CreateFeature(feature)
    ds = None
    return str(path)
