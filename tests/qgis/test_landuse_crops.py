"""landusesink with a crop production table: cropland sink = crop carbon spread over the region's cropland."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.qgisrun import run
from helpers.rasters import X0, Y0, read_all, write_raster
from helpers.vectors import rect, square, write_polygons
from osgeo import gdal
from qgis.core import QgsProcessingException

# the grid: 3 rows x 4 columns of 1 km cells (100 ha) from (X0, Y0): x 500-504 km, y 3797-3800 km (UTM 50N)
WHEAT = 0.4853 * (1 - 0.12) / 0.40  # t C per t of wheat: carbon fraction x (1 - water content) / harvest index
MAIZE = 0.4709 * (1 - 0.13) / 0.40


def write_csv(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def landscape(tmp_path):
    """Two years of land use (1 cropland, 2 forest) and two regions: west (x 500-502 km), east (502-504 km)."""
    y2010 = np.array([[1, 1, 1, 2], [1, 2, 1, 1], [2, 2, 1, 1]], np.uint8)
    y2011 = np.array([[1, 1, 2, 2], [1, 2, 1, 1], [2, 2, 1, 1]], np.uint8)
    landuse = write_raster(tmp_path / "landuse.tif", np.stack([y2010, y2011]), descriptions=["2010", "2011"],
                           data_type=gdal.GDT_Byte, nodata=0)
    regions = write_polygons(tmp_path / "regions.gpkg", [rect(0, 0, 2, 3), rect(2, 0, 4, 3)],
                             {"code": ["410101", "410102"]})
    return landuse, regions, y2010, y2011


def test_one_region_wheat_by_hand(provider, tmp_path):
    """One region, wheat production Y: its cropland sink is 0.4853 x Y x (1 - 0.12) / 0.40 t C."""
    classes = np.array([[1, 1, 2], [1, 2, 2]], np.uint8)  # 3 cropland cells of 100 ha, 3 forest
    landuse = write_raster(tmp_path / "landuse_2015.tif", classes, data_type=gdal.GDT_Byte, nodata=0)
    regions = write_polygons(tmp_path / "county.gpkg", [square(X0 - 500, Y0 - 2500, 4000)], {"code": ["419102"]})
    table = write_csv(tmp_path / "crops.csv", "code,year,wheat\n419102,2015,30000\n")
    result = run("landusesink", {"LANDUSE": landuse, "UNITS": 1, "CROP_TABLE": table, "CROP_REGIONS": regions,
                                 "CROP_REGION_FIELD": "code", "OUTPUT": str(tmp_path / "sink.tif")})
    sink = read_all(result["OUTPUT"])[0].astype(np.float64)
    crop_carbon = 0.4853 * 30000 * (1 - 0.12) / 0.40  # 32 029.8 t C
    assert crop_carbon == pytest.approx(32029.8, rel=1e-12)
    assert sink[classes == 1].sum() == pytest.approx(crop_carbon, rel=1e-6)
    np.testing.assert_allclose(sink[classes == 1], crop_carbon / 3, rtol=1e-6)  # equal areas: equal shares
    np.testing.assert_allclose(sink[classes == 2], 64.4, rtol=1e-6)  # forest keeps 0.644 t C/ha x 100 ha
    # in t CO2 (the default) the same times 44/12
    co2 = run("landusesink", {"LANDUSE": landuse, "CROP_TABLE": table, "CROP_REGIONS": regions,
                              "CROP_REGION_FIELD": "code", "OUTPUT": str(tmp_path / "co2.tif")})
    assert read_all(co2["OUTPUT"])[0][classes == 1].astype(np.float64).sum() == \
        pytest.approx(crop_carbon * 44 / 12, rel=1e-6)


def test_crop_carbon_per_region_and_year(provider, landscape, tmp_path):
    """Each region-year's cropland sums to its own crop carbon; a region-year without a row keeps 0;
    the table's key field and crop columns are matched by name (extra columns ignored)."""
    landuse, regions, y2010, y2011 = landscape
    table = write_csv(tmp_path / "crops.csv",
                      "county,year,Wheat,maize,note\n410101,2010,1000,200,x\n410102,2010,500,,y\n410101,2011,800,0,z\n")
    result = run("landusesink", {"LANDUSE": landuse, "UNITS": 1, "CROP_TABLE": table,
                                 "CROP_TABLE_REGION_FIELD": "county", "CROP_REGIONS": regions,
                                 "CROP_REGION_FIELD": "code", "OUTPUT": str(tmp_path / "sink.tif")})
    assert result["YEARS_OUT"] == "2010,2011"
    sink = read_all(result["OUTPUT"]).astype(np.float64)
    west = np.zeros((3, 4), bool)
    west[:, :2] = True
    expected = {(0, True): 1000 * WHEAT + 200 * MAIZE, (0, False): 500 * WHEAT,
                (1, True): 800 * WHEAT, (1, False): 0.0}
    for (band, is_west), carbon in expected.items():
        classes = (y2010, y2011)[band]
        crop = (classes == 1) & (west if is_west else ~west)
        assert sink[band][crop].sum() == pytest.approx(carbon, rel=1e-6, abs=1e-9), (band, is_west)
        # spread by area: every cropland cell of the region holds the same share
        np.testing.assert_allclose(sink[band][crop], carbon / crop.sum(), rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(sink[band][(classes == 2)], 64.4, rtol=1e-6)


def test_without_a_table_cropland_stays_zero_and_a_table_needs_its_regions(provider, landscape, tmp_path):
    landuse, regions, y2010, _ = landscape
    plain = run("landusesink", {"LANDUSE": landuse, "UNITS": 1, "OUTPUT": str(tmp_path / "plain.tif")})
    assert read_all(plain["OUTPUT"])[0][y2010 == 1].max() == 0.0
    table = write_csv(tmp_path / "crops.csv", "code,year,wheat\n410101,2010,1000\n")
    with pytest.raises(QgsProcessingException, match="CROP_REGIONS"):
        run("landusesink", {"LANDUSE": landuse, "CROP_TABLE": table, "OUTPUT": str(tmp_path / "s.tif")})
    bad = write_csv(tmp_path / "bad.csv", "code,year,sorghum_t\n410101,2010,1000\n")
    with pytest.raises(QgsProcessingException, match="no column is named like a crop"):
        run("landusesink", {"LANDUSE": landuse, "CROP_TABLE": bad, "CROP_REGIONS": regions,
                            "CROP_REGION_FIELD": "code", "OUTPUT": str(tmp_path / "s2.tif")})
