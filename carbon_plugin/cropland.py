"""Cropland sink from crop production per region and year (``landusesink`` with a crop table).

Crop carbon of a region and year (t C) = sum over crops of c x Y x (1 - w) / H
(``landuse.crop_carbon_t_c``, parameters from ``crop_parameters.csv``; Y = production in t). It is
spread over the region's cropland cells by area: every cropland cell whose centre lies in the region
gets the coefficient crop carbon / cropland area of the region (t C ha-1 yr-1) instead of the
class table's (0 by default), so the region's cropland sink sums to its crop carbon exactly.
Region-years without a row keep the table's cropland coefficient.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import SupportsFloat, SupportsIndex

import numpy as np

from . import blockio
from .coverage import cell_centre_coverage
from .errors import QT_TRANSLATE_NOOP
from .inputs import Regions
from .landuse import M2_PER_HA, CropParameters, crop_carbon_t_c
from .progress import Progress
from .schema import parse_year, region_key


@dataclass
class CropProduction:
    """Crop production (t) per region key and year, and the region polygons (features sharing a
    key form one region)."""

    regions: Regions
    production: Mapping[tuple[str, int], Mapping[str, float]]  # (key, year) -> crop -> t
    parameters: Mapping[str, CropParameters]
    cropland_code: int = 1
    # filled by prepare(): year -> coefficient per region index (NaN: keep the class table's)
    coefficients: dict[int, np.ndarray] = field(default_factory=dict)
    carbon_t_c: dict[int, float] = field(default_factory=dict)  # year -> crop carbon placed

    def prepare(self, series, layer_of: Mapping[int, int], progress: Progress | None = None) -> None:
        """Region of every cell (by cell centre) and cropland area per region and year: one pass."""
        progress = progress or Progress()
        grid = series.grid
        keys = [region_key(k) for k in self.regions.keys]
        regions = sorted({k for k in keys if k is not None})
        index = {key: k for k, key in enumerate(regions)}
        coverage = cell_centre_coverage(self.regions.geometries, self.regions.crs_wkt, grid, [str(k) for k in keys],
                                        progress)
        outside = len(regions)
        by_feature = np.array([outside if k is None else index.get(k, outside) for k in keys] + [outside],
                              dtype=np.int64)
        self.zones = by_feature[coverage.labels]  # -1 (outside) -> the last entry: no region
        missing = sorted({key for key, _ in self.production} - set(regions))
        if missing:
            progress.warning(QT_TRANSLATE_NOOP(
                "@default", "Crop table regions without a polygon (their crop carbon is not counted): {keys}."),
                keys=", ".join(missing))
        from .cellarea import row_cell_areas_m2

        area_m2 = row_cell_areas_m2(grid)
        n = len(regions)
        cropland_ha = {year: np.zeros(n + 1) for year in layer_of}
        for row0, nrows, _, _ in blockio.plan_strips(grid, grid.width * 8 * 4):
            cell_ha = np.broadcast_to(area_m2[row0:row0 + nrows, None], (nrows, grid.width)) / M2_PER_HA
            zones = self.zones[row0:row0 + nrows]
            for year, layer in layer_of.items():
                values = series.read(layer, row0, nrows)
                crop = np.isfinite(values) & (np.rint(np.where(np.isfinite(values), values, 0)) == self.cropland_code)
                cropland_ha[year] += np.bincount(zones[crop], weights=cell_ha[crop], minlength=n + 1)
        for year in sorted(layer_of):
            coefficient = np.full(n + 1, np.nan)
            placed = 0.0
            for key, k in index.items():
                crops = self.production.get((key, year))
                if crops is None:
                    continue
                carbon = crop_carbon_t_c(crops, self.parameters)
                if cropland_ha[year][k] > 0:
                    coefficient[k] = carbon / cropland_ha[year][k]
                    placed += carbon
                elif carbon > 0:
                    progress.warning(QT_TRANSLATE_NOOP(
                        "@default", "{year}: region {key} has crop production ({carbon:.6g} t C) but no cropland "
                        "cell (class {code}); it is not counted."), year=year, key=key, carbon=carbon,
                        code=self.cropland_code)
            self.coefficients[year] = coefficient
            self.carbon_t_c[year] = placed
            with_rows = int(np.isfinite(coefficient).sum())
            if with_rows:
                progress.log(QT_TRANSLATE_NOOP(
                    "@default", "{year}: cropland sink from crop production in {count} regions, {carbon:,.0f} t C."),
                    year=year, count=with_rows, carbon=placed)
        absent = sorted(y for y in layer_of if not np.isfinite(self.coefficients[y]).any())
        if absent:
            progress.warning(QT_TRANSLATE_NOOP(
                "@default", "No crop production for the years {years}: cropland keeps the class table's coefficient."),
                years=", ".join(map(str, absent)))

    def apply(self, year: int, row0: int, nrows: int, code: np.ndarray, valid: np.ndarray,
              coefficient: np.ndarray, known: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The strip's coefficients with cropland cells of regions with production replaced."""
        by_region = self.coefficients[year][self.zones[row0:row0 + nrows]]
        replace = valid & (code == self.cropland_code) & np.isfinite(by_region)
        return np.where(replace, by_region, coefficient), known | replace


def production_rows(rows: Sequence[Mapping[str, object]], region_field: str, year_field: str,
                    parameters: Mapping[str, CropParameters]) -> dict[tuple[str, int], dict[str, float]]:
    """(region key, year) -> crop -> t from table rows; crop columns are those named like a crop of
    the parameter table (case-insensitive); empty cells count as no production."""
    from .errors import CarbonInputError

    out: dict[tuple[str, int], dict[str, float]] = {}
    for row_number, row in enumerate(rows, start=1):
        columns = {str(name).strip().lower(): name for name in row}
        crops = {}
        for crop in parameters:
            if crop in columns:
                value = row[columns[crop]]
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                try:
                    number = float(value) if isinstance(value, (str, bytes, SupportsFloat, SupportsIndex)) else math.nan
                except (TypeError, ValueError):
                    number = math.nan
                if not math.isfinite(number):
                    raise CarbonInputError(QT_TRANSLATE_NOOP(
                        "@default", "Crop table: the production of {crop} '{value}' is not a number."),
                        crop=crop, value=value)
                crops[crop] = number
        key, year = region_key(row.get(region_field)), row.get(year_field)
        parsed_year = parse_year(year, whole=True)
        if parsed_year is None:
            raise CarbonInputError(QT_TRANSLATE_NOOP(
                "@default", "Crop table: year '{year}' is not a year."), year=year)
        if key is None:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "The region field '{field}' is empty at row {row}; every row needs a "
                                              "region key."),
                field=region_field, row=row_number)
        out[(key, int(parsed_year))] = crops
    if out and not any(out.values()):
        raise CarbonInputError(QT_TRANSLATE_NOOP(
            "@default", "Crop table: no column is named like a crop of the crop parameters ({crops})."),
            crops=", ".join(sorted(parameters)))
    return out
