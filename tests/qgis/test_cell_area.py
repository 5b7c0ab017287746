"""The engine's geodesic cell area against QGIS's ellipsoidal measure (QgsDistanceArea).

The same cells are checked against an equal-area projection without QGIS in
``tests/engine/test_raster_core.py``.
"""

from __future__ import annotations

import pytest
from helpers.rasters import wkt_of

from carbon_budget.carbon_plugin.cellarea import row_cell_areas_m2
from carbon_budget.carbon_plugin.raster import Grid


def _qgis_ellipsoid_area(lat_top: float, lon_left: float, size_deg: float) -> float:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsDistanceArea,
        QgsGeometry,
        QgsPointXY,
    )

    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    da.setEllipsoid("WGS84")
    ring = [QgsPointXY(lon_left + dx * size_deg, lat_top - dy * size_deg)
            for dx, dy in ((0, 0), (1, 0), (1, 1), (0, 1), (0, 0))]
    return da.measureArea(QgsGeometry.fromPolygonXY([ring]))


@pytest.mark.parametrize("lat", [0.0, 35.0, 60.0])
def test_geodesic_cell_area_matches_qgis(lat):
    size = 0.01
    grid = Grid((112.0, size, 0.0, lat + size, 0.0, -size), 3, 3, wkt_of(4326))
    ours = row_cell_areas_m2(grid)[0]
    assert ours == pytest.approx(_qgis_ellipsoid_area(lat + size, 112.0, size), rel=1e-6)
