"""Input groupings that several stages take (plain Python and numpy: no GDAL, no QGIS).

A stage's own options and outputs live next to the stage; what more than one stage reads is here,
defined once (docs/ARCHITECTURE.md, "Stage contract").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Regions:
    """Region polygons: ``geometries`` one per feature (WKB, WKT or ``ogr.Geometry``) in ``crs_wkt``
    (None or '': taken as the raster's CRS), ``keys`` the region key of each feature."""

    geometries: Sequence
    keys: Sequence
    crs_wkt: str | None = None


@dataclass(frozen=True, eq=False)
class BudgetTable:
    """Emission E and sink S per region and year: arrays shaped (regions, years) in t per year, one
    column per year of ``years``; ``area_km2`` one per region (the risk index's pressure
    component needs it)."""

    emission: np.ndarray
    sink: np.ndarray
    years: Sequence[int]
    area_km2: np.ndarray | None = None
