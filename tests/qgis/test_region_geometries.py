"""The region polygons are read by one rule in gridemissions, zonalbudget and landusesink.

A NULL geometry is an error naming the region (never a silently dropped region), an empty one too;
a regions layer without a coordinate reference system is an error naming the layer and saying how
to set it (never taken silently to be in the raster's CRS); cancel is honoured.
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers.params import gridding_params, zonal_params
from helpers.qgisrun import run
from helpers.rasters import write_raster
from helpers.tables import write_csv
from helpers.vectors import rect, write_polygons
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback

ALGORITHMS = ("gridemissions", "zonalbudget", "landusesink")
# the parameter holding the regions, as the messages name it
REGIONS_PARAM = {"gridemissions": "REGIONS", "zonalbudget": "REGIONS", "landusesink": "CROP_REGIONS"}
CODES = ["410101", "410102", "410103"]
# three regions on write_raster's 4 x 4 grid: west half, north-east and south-east quarters
POLYGONS = [rect(0, 0, 2, 4), rect(2, 0, 4, 2), rect(2, 2, 4, 4)]


def params(alg: str, regions: str, tmp_path) -> dict:
    """The algorithm's parameters for ``regions`` (keyed by ``code``, the codes of CODES) with small valid inputs."""
    years = ["2001", "2002"]
    if alg == "gridemissions":
        proxy = write_raster(tmp_path / "ntl.tif", np.ones((2, 4, 4), np.float32), descriptions=years)
        stats = write_csv(tmp_path / "stats.csv", ("code", "year", "CO2_T"),
                          [[code, year, 10] for code in CODES for year in years])
        return gridding_params(regions, stats, proxy, tmp_path / "grid.tif")
    if alg == "zonalbudget":
        emission = write_raster(tmp_path / "e.tif", np.ones((2, 4, 4)), descriptions=years)
        sink = write_raster(tmp_path / "s.tif", np.full((2, 4, 4), 0.5), descriptions=years)
        return zonal_params(regions, [emission], [sink], tmp_path / "budget.gpkg")
    landuse = write_raster(tmp_path / "landuse.tif", np.ones((2, 4, 4), np.uint8), descriptions=years,
                           data_type=gdal.GDT_Byte, nodata=0)
    table = write_csv(tmp_path / "crops.csv", ("code", "year", "wheat"), [[code, 2001, 1000] for code in CODES])
    return {"LANDUSE": landuse, "CROP_TABLE": table, "CROP_REGIONS": regions, "CROP_REGION_FIELD": "code",
            "OUTPUT": str(tmp_path / "sink.tif")}


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_valid_regions_run(provider, tmp_path, alg):
    """The inputs of the tests below are good apart from what each test breaks."""
    regions = write_polygons(tmp_path / "regions.gpkg", POLYGONS, {"code": CODES})
    assert run(alg, params(alg, regions, tmp_path))


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_a_null_geometry_is_an_error_naming_the_region(provider, tmp_path, alg):
    """landusesink used to drop the county (its crop production vanished from the sink without a word);
    zonalbudget gave GDAL's 'cannot be read: Not enough data to deserialize'."""
    regions = write_polygons(tmp_path / "regions.gpkg", [*POLYGONS[:2], ""], {"code": CODES})
    with pytest.raises(QgsProcessingException,
                       match=r"^The region '410103' has no geometry \(null\); fix or remove it\.$"):
        run(alg, params(alg, regions, tmp_path))


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_an_empty_geometry_is_an_error_naming_the_region(provider, tmp_path, alg):
    """An empty (not null) polygon gets the engine's own message, not a GDAL parse error."""
    regions = write_polygons(tmp_path / "regions.gpkg", [*POLYGONS[:2], "MULTIPOLYGON EMPTY"], {"code": CODES})
    with pytest.raises(QgsProcessingException,
                       match=r"^The region '410103' has an empty geometry; fix or remove it\.$"):
        run(alg, params(alg, regions, tmp_path))


@pytest.mark.parametrize("alg", ALGORITHMS)
@pytest.mark.parametrize("driver, name", [("ESRI Shapefile", "regions.shp"), ("GPKG", "regions.gpkg")])
def test_regions_without_a_crs_are_an_error_naming_the_layer(provider, tmp_path, alg, driver, name):
    """A shapefile without .prj (QGIS: no CRS) and a GeoPackage without SRS (QGIS: 'Undefined geographic
    SRS') are refused: taking them to be in the raster's CRS, as before, gives wrong sums without a word
    when they are not (the coordinates here are the raster's, so the run used to succeed)."""
    regions = write_polygons(tmp_path / name, POLYGONS, {"code": CODES}, epsg=None, driver=driver)
    with pytest.raises(QgsProcessingException) as raised:
        run(alg, params(alg, regions, tmp_path))
    message = str(raised.value)
    assert f"[{REGIONS_PARAM[alg]}]: the layer 'regions' has no coordinate reference system" in message
    assert "Assign projection" in message


class CancelledFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.cancel()


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_cancel_while_reading_the_regions(provider, tmp_path, alg):
    regions = write_polygons(tmp_path / "regions.gpkg", POLYGONS, {"code": CODES})
    with pytest.raises(QgsProcessingException, match="Cancelled by the user; no output was written"):
        run(alg, params(alg, regions, tmp_path), feedback=CancelledFeedback())
