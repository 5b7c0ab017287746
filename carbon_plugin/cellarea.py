"""True cell areas: pixel size in a projected CRS, geodesic area per row in a geographic CRS."""

from __future__ import annotations

import math

import numpy as np

from .raster import Grid


def _q(sin_phi: np.ndarray, e: float) -> np.ndarray:
    """The authalic q(phi) without its (1 - e^2) factor; 2 sin(phi) on a sphere."""
    if e == 0.0:
        return 2.0 * sin_phi
    es = e * sin_phi
    return sin_phi / (1 - es * es) + np.log((1 + es) / (1 - es)) / (2 * e)


def row_cell_areas_m2(grid: Grid) -> np.ndarray:
    """Area in m2 of one cell in every row (float64, length ``grid.height``).

    Geographic CRS: the exact area of the ellipsoidal quadrangle between the row's two
    parallels, a^2 (1 - e^2) dlon |q(phi2) - q(phi1)| / 2, on the CRS's own ellipsoid.
    Projected CRS: pixel width x pixel height converted to metres.
    """
    srs = grid.srs
    if not srs.IsGeographic():
        metres = srs.GetLinearUnits()
        return np.full(grid.height, grid.pixel_width * grid.pixel_height * metres * metres)
    a = srs.GetSemiMajor()
    inv_f = srs.GetInvFlattening()
    f = 0.0 if inv_f == 0 else 1.0 / inv_f
    e = math.sqrt(f * (2 - f))
    to_rad = srs.GetAngularUnits()
    y0, py = grid.geotransform[3], grid.geotransform[5]
    edges = np.clip((y0 + py * np.arange(grid.height + 1)) * to_rad, -math.pi / 2, math.pi / 2)
    q = _q(np.sin(edges), e)
    dlon = grid.pixel_width * to_rad
    return a * a * (1 - e * e) * dlon * np.abs(q[:-1] - q[1:]) / 2.0
