"""NEP sink inputs: Rh written out by hand, monthly climate stacks and the 3 x 4 hand case (numpy + GDAL only)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from helpers.rasters import X0, Y0, write_raster

CO2 = 44.0 / 12.0  # t CO2 per t C
UTM_GT = (X0, 1000.0, 0.0, Y0, 0.0, -1000.0)  # 1 km cells: 1e6 m2, so t C per cell = NEP in g C m-2


def rh_hand(t: float, p: float) -> float:
    """Pei et al. 2009 (g C m-2 month-1) written out independently of the engine."""
    return 0.22 * (math.exp(0.0913 * t) + math.log(0.3145 * p + 1)) * 30 * 0.465


def months(years: Iterable[int]) -> list[str]:
    """Band descriptions of a monthly stack: 2001-01 ... 2001-12, 2002-01 ..."""
    return [f"{y}-{m:02d}" for y in years for m in range(1, 13)]


def monthly_stack(path: Path | str, per_month: Callable[[int, int], np.ndarray], years: Sequence[int],
                  geotransform: Sequence[float] = UTM_GT, epsg: int = 32650, descriptions: bool = True) -> str:
    """A (rows, cols) field per month (callable (year, month) -> array) as a 12 x years band raster."""
    data = np.stack([per_month(y, m) for y in years for m in range(1, 13)]).astype(np.float32)
    return write_raster(path, data, geotransform, epsg, months(years) if descriptions else None)


def nep_hand_case(tmp_path: Path, years: Sequence[int] = (2001, 2002)):
    """NPP 3 x 4 (1 km UTM) and monthly climate on the same grid, each cell its own T and P.

    Returns the NPP, temperature and precipitation paths, the NPP as read (float64 of float32) and the
    annual Rh by hand (years, rows, cols).
    """
    rows, cols = 3, 4
    t_cell = np.linspace(-5, 25, rows * cols).reshape(rows, cols)
    p_cell = np.linspace(0, 200, rows * cols).reshape(rows, cols)
    npp = np.stack([np.linspace(100, 900, rows * cols).reshape(rows, cols) + 10 * k for k in range(len(years))])
    npp[0, 0, 0] = np.nan
    npp[:, 0, 1] = 20.0  # below any Rh here: an ecosystem source
    npp_path = write_raster(tmp_path / "npp.tif", npp.astype(np.float32), descriptions=[str(y) for y in years],
                            nodata=float("nan"))

    # the 12 months of a year: T and P vary by month and year, identical in every month of
    # cell (2, 3) so that its Rh is 12 x Rh_m
    def t_month(y, m):
        a = t_cell + 8 * math.sin(m / 12 * 2 * math.pi) + (y - 2001)
        a[2, 3] = 20.0
        return a

    def p_month(y, m):
        a = p_cell * (0.5 + m / 12)
        a[2, 3] = 100.0
        return a

    t_path = monthly_stack(tmp_path / "t.tif", t_month, years)
    p_path = monthly_stack(tmp_path / "p.tif", p_month, years)
    rh = np.stack([sum(np.vectorize(rh_hand)(t_month(y, m).astype(np.float32), p_month(y, m).astype(np.float32))
                       for m in range(1, 13)) for y in years])
    return npp_path, t_path, p_path, npp.astype(np.float32).astype(np.float64), rh


def t_month_c(m: int) -> float:
    """Monthly mean temperature, deg C: 14 C mean, 2 C in January to 26 C in July."""
    return 14.0 + 12.0 * math.cos(2 * math.pi * (m - 7) / 12)


def seasonal_climate(tmp_path: Path, year: int, kelvin: bool = False, p_mm: float = 60.0,
                     shape: tuple[int, int] = (2, 3)) -> tuple[str, str]:
    """One year of monthly temperature (t_month_c, in Kelvin if asked) and a constant precipitation, every
    cell alike, on write_raster's default grid: the paths of t.tif (t_kelvin.tif) and p.tif."""
    t = np.stack([np.full(shape, t_month_c(m) + (273.15 if kelvin else 0.0)) for m in range(1, 13)])
    p = np.full((12, *shape), p_mm)
    name = "t_kelvin" if kelvin else "t"
    return (write_raster(tmp_path / f"{name}.tif", t.astype(np.float32), descriptions=months([year])),
            write_raster(tmp_path / "p.tif", p.astype(np.float32), descriptions=months([year])))


def rh_year(p_mm: float = 60.0) -> float:
    """Annual Rh by hand (g C m-2) under seasonal_climate: the 12 months' Rh at float32 temperatures."""
    return sum(rh_hand(float(np.float32(t_month_c(m))), p_mm) for m in range(1, 13))
