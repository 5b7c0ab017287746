"""carbonbudget:stackyears through processing.run, as an analyst would call it."""

from __future__ import annotations

import random

import numpy as np
import pytest
from helpers.qgisrun import run
from helpers.rasters import read_all, write_raster
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin.raster import grid_of, open_raster
from carbon_budget.carbon_plugin.timeseries import band_years


def test_shuffled_yearly_files_give_bands_in_year_order(provider, tmp_path):
    years = list(range(2001, 2021))
    paths = [write_raster(tmp_path / f"MOD17A3HGF_NPP_{y}.tif", np.full((4, 5), y, np.float32)) for y in years]
    random.Random(3).shuffle(paths)
    out = tmp_path / "npp.tif"
    result = run("stackyears", {"INPUT": paths, "OUTPUT": str(out)})
    assert result["BAND_COUNT"] == 20
    assert result["YEARS_OUT"] == ",".join(map(str, years))
    ds = open_raster(str(out))
    assert band_years(ds) == years
    values = read_all(out)
    assert [float(values[i, 0, 0]) for i in range(20)] == [float(y) for y in years]


def test_explicit_years_and_input_nodata_become_nan(provider, tmp_path):
    a = np.array([[1, 32767], [3, 4]], np.float32)
    paths = [write_raster(tmp_path / f"layer{i}.tif", a + i, nodata=32767 + i) for i in range(2)]
    out = tmp_path / "stack.tif"
    run("stackyears", {"INPUT": paths, "YEARS": "2011, 2010", "OUTPUT": str(out)})
    values = read_all(out)
    assert band_years(open_raster(str(out))) == [2010, 2011]
    assert values[0, 0, 0] == 2 and values[1, 0, 0] == 1  # sorted by year: layer1 first
    assert np.isnan(values[:, 0, 1]).all()


def test_rasters_on_two_grids_are_aligned_to_the_first_year(provider, tmp_path):
    fine = write_raster(tmp_path / "ntl_2001.tif", np.arange(16, dtype=np.float32).reshape(4, 4))
    # 2002 on a 500 m grid covering the same extent, constant 7: aligned by averaging to 1 km
    coarse_gt = (500000.0, 500.0, 0.0, 3800000.0, 0.0, -500.0)
    other = write_raster(tmp_path / "ntl_2002.tif", np.full((8, 8), 7, np.float32), geotransform=coarse_gt)
    out = tmp_path / "ntl.tif"
    result = run("stackyears", {"INPUT": [other, fine], "RESAMPLING": 4, "OUTPUT": str(out)})
    assert result["YEARS_OUT"] == "2001,2002"
    assert grid_of(open_raster(str(out))).matches(grid_of(open_raster(fine)))
    values = read_all(out)
    np.testing.assert_allclose(values[1], 7.0)
    np.testing.assert_array_equal(values[0], np.arange(16).reshape(4, 4))


def test_unaligned_rasters_are_refused_when_alignment_is_off(provider, tmp_path):
    a = write_raster(tmp_path / "x_2001.tif", np.zeros((4, 4)))
    b = write_raster(tmp_path / "x_2002.tif", np.zeros((4, 4)),
                     geotransform=(500500.0, 1000.0, 0.0, 3800000.0, 0.0, -1000.0))
    with pytest.raises(QgsProcessingException, match="does not align"):
        run("stackyears", {"INPUT": [a, b], "RESAMPLING": 0, "OUTPUT": str(tmp_path / "o.tif")})


def test_file_name_without_year_is_a_clear_error(provider, tmp_path):
    a = write_raster(tmp_path / "npp_2001.tif", np.zeros((2, 2)))
    b = write_raster(tmp_path / "npp_latest.tif", np.zeros((2, 2)))
    with pytest.raises(QgsProcessingException, match=r"No year found.*npp_latest"):
        run("stackyears", {"INPUT": [a, b], "OUTPUT": str(tmp_path / "o.tif")})


def test_duplicate_years_are_a_clear_error(provider, tmp_path):
    a = write_raster(tmp_path / "a_2001.tif", np.zeros((2, 2)))
    b = write_raster(tmp_path / "b_2001.tif", np.zeros((2, 2)))
    with pytest.raises(QgsProcessingException, match="Year 2001 appears twice"):
        run("stackyears", {"INPUT": [a, b], "OUTPUT": str(tmp_path / "o.tif")})


def test_raster_without_crs_is_a_clear_error(provider, tmp_path):
    a = write_raster(tmp_path / "a_2001.tif", np.zeros((2, 2)), epsg=None)
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run("stackyears", {"INPUT": [a], "OUTPUT": str(tmp_path / "o.tif")})
