"""gridemissions' point sources (POINTS) follow the rule of the regions (tests/qgis/test_region_geometries.py).

A points layer without a coordinate reference system is an error naming the parameter and the layer and
saying how to set it (never taken silently to be in the proxy's CRS); a point source without a location
(a NULL or empty geometry) is an error naming the features (never dropped without a word: its tonnes would
be spread over the region by the proxy instead of placed at the source); cancel is honoured while they are
read, as while the regions are; a negative or NaN emission is an error before any raster work.
"""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest
from helpers.params import gridding_params
from helpers.qgisrun import run
from helpers.rasters import X0, Y0, read_all, write_raster
from helpers.tables import write_csv
from helpers.vectors import rect, write_polygons
from osgeo import ogr
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

import carbon_budget.carbon_plugin.gridding as gridding

CODES = ["410101", "410102", "410103"]
YEARS = ["2001", "2002"]
# the centre of cell (row 0, column 0) of write_raster's 4 x 4 grid, in 410101
POINT = f"POINT({X0 + 500} {Y0 - 500})"


def params(tmp_path, points: str) -> dict:
    """gridemissions of 10 t per region and year on a proxy of ones, with the point sources ``points``."""
    proxy = write_raster(tmp_path / "ntl.tif", np.ones((2, 4, 4), np.float32), descriptions=YEARS)
    regions = write_polygons(tmp_path / "regions.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 2), rect(2, 2, 4, 4)],
                             {"code": CODES})
    stats = write_csv(tmp_path / "stats.csv", ("code", "year", "CO2_T"),
                      [[code, year, 10] for code in CODES for year in YEARS])
    return gridding_params(regions, stats, proxy, tmp_path / "grid.tif", POINTS=points)


def write_points(path, wkts, values, **kwargs) -> str:
    return write_polygons(path, wkts, {"year": [2001] * len(wkts), "CO2_T": values}, layer="points",
                          geometry_type=ogr.wkbPoint, **kwargs)


def test_valid_points_are_placed(provider, tmp_path):
    """The inputs of the tests below are good apart from what each test breaks: 4 t in cell (0, 0), the
    remaining 6 t of 410101 over its 8 cells."""
    points = write_points(tmp_path / "points.gpkg", [POINT], [4.0])
    run("gridemissions", params(tmp_path, points))
    got = read_all(tmp_path / "grid.tif")
    assert got[0, 0, 0] == pytest.approx(4 + 6 / 8)
    assert got[0, 1, 0] == pytest.approx(6 / 8)


def test_point_sources_without_a_location_are_an_error_naming_them(provider, tmp_path):
    """A NULL and an empty point were skipped without a word: the 6 t given for the sources #2 and #3
    were spread over their region by the proxy as if the sources did not exist."""
    points = write_points(tmp_path / "points.gpkg", [POINT, "", "POINT EMPTY"], [4.0, 5.0, 1.0])
    with pytest.raises(QgsProcessingException,
                       match=r"^Point sources without a location \(a NULL or empty geometry\): #2, #3\. "
                             r"Give them a point or remove them\.$"):
        run("gridemissions", params(tmp_path, points))


@pytest.mark.parametrize("driver, name", [("ESRI Shapefile", "points.shp"), ("GPKG", "points.gpkg")])
def test_points_without_a_crs_are_an_error_naming_the_layer(provider, tmp_path, driver, name):
    """A shapefile without .prj (QGIS: no CRS) and a GeoPackage without SRS (QGIS: 'Undefined geographic
    SRS') are refused, by the check of the regions: taking them to be in the proxy's CRS, as before, puts
    the sources in the wrong cells (or outside the grid) without a word when they are not (the
    coordinates here are the proxy's, so the run used to succeed)."""
    points = write_points(tmp_path / name, [POINT], [4.0], epsg=None, driver=driver)
    with pytest.raises(QgsProcessingException) as raised:
        run("gridemissions", params(tmp_path, points))
    message = str(raised.value)
    assert "Point sources [POINTS]: the layer 'points' has no coordinate reference system" in message
    assert "Assign projection" in message


class CancelledAfterTheRegions(QgsProcessingFeedback):
    """Not cancelled while the ``regions`` regions are read (read_regions asks once per feature), cancelled
    from the next question on; ``asked_in`` is the file of the first code told so."""

    def __init__(self, regions: int):
        super().__init__()
        self.regions = regions
        self.asked = 0
        self.asked_in: str | None = None

    def isCanceled(self):
        self.asked += 1
        if self.asked <= self.regions:
            return False
        if self.asked_in is None:
            self.asked_in = sys._getframe(1).f_code.co_filename
        return True


def test_cancel_while_reading_the_point_sources(provider, tmp_path):
    """The user cancels once the regions are read: reading the point sources stops at the first one. It
    read on to the source without a year (#1) and stopped with that error instead; with good sources it
    read them all before the engine saw the cancel."""
    points = write_points(tmp_path / "points.gpkg", [POINT, POINT], [4.0, 1.0])
    bad_year = write_polygons(tmp_path / "bad.gpkg", [POINT], {"year": ["no year"], "CO2_T": [4.0]},
                              layer="points", geometry_type=ogr.wkbPoint)
    for layer in (points, bad_year):
        feedback = CancelledAfterTheRegions(len(CODES))
        with pytest.raises(QgsProcessingException, match=r"^Cancelled by the user; no output was written\.$"):
            run("gridemissions", params(tmp_path, layer), feedback=feedback)
        assert feedback.asked_in is not None and feedback.asked_in.endswith("gridemissions.py"), feedback.asked_in


@pytest.mark.parametrize("value, shown", [(-1.0, "-1.0"), (math.nan, "nan")])
def test_a_negative_or_nan_emission_fails_before_any_raster_work(provider, tmp_path, monkeypatch, value, shown):
    """The engine checked the values of the point sources only when it placed them, after opening the proxies,
    the coverage and the first pass over the grid (minutes on a big one) before the bad-input error. The check
    is now with the locations, before any of that (the proxies and the coverage raise here if reached)."""
    points = QgsVectorLayer("Point?crs=EPSG:32650&field=year:integer&field=CO2_T:double", "points", "memory")
    feature = QgsFeature(points.fields())
    feature.setGeometry(QgsGeometry.fromWkt(POINT))
    feature.setAttributes([2001, value])
    assert points.dataProvider().addFeatures([feature])[0]

    def raster_work(*args, **kwargs):
        raise AssertionError("raster work before the point sources were checked")

    for name in ("_open_proxies", "exact_coverage", "cell_centre_coverage"):
        monkeypatch.setattr(gridding, name, raster_work)
    with pytest.raises(QgsProcessingException,
                       match=rf"^The point source #1 has the value {shown}; it must be >= 0\.$"):
        run("gridemissions", params(tmp_path, points))


@pytest.mark.parametrize("years, values, label", [(["no year", "2001"], [4.0, 1.0], "#1"),
                                                  (["2001", "2001"], [4.0, None], "#2")])
def test_a_source_without_a_valid_year_or_emission_is_named_as_the_engine_names_it(provider, tmp_path, years,
                                                                                   values, label):
    """The adapter's message named the feature '1' where the engine's messages (no location, a negative
    value) say '#1'."""
    points = write_polygons(tmp_path / "points.gpkg", [POINT, POINT], {"year": years, "CO2_T": values},
                            layer="points", geometry_type=ogr.wkbPoint)
    with pytest.raises(QgsProcessingException,
                       match=rf"^The point source {label} has no valid year or emission \(year, CO2_T\)\.$"):
        run("gridemissions", params(tmp_path, points))
