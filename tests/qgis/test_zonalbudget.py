"""carbonbudget:zonalbudget: exact regional budgets against hand values and invariants."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from helpers.params import zonal_params
from helpers.qgisrun import features, run
from helpers.rasters import X0, Y0, write_raster
from helpers.vectors import rect, square, write_polygons
from osgeo import ogr, osr
from qgis.core import QgsProcessingException


def rows(path) -> tuple[dict[str, dict], list[str]]:
    """The output's features by region code (NULL -> None) and its field names."""
    got = features(path)
    return {row["code"]: row for row in got}, list(got[0])


def rasters(tmp_path):
    e = np.arange(32, dtype=np.float64).reshape(2, 4, 4)  # 2001: 0..15, 2002: 16..31 t CO2 per cell
    s = np.full((2, 4, 4), 2.0)
    s[:, 0, 0] = 0.0
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2001", "2002"])
    sink = write_raster(tmp_path / "s.tif", s, descriptions=["2001", "2002"])
    return e, s, emission, sink


def test_hand_case_with_split_cells_and_chinese_names(provider, tmp_path):
    e, _, emission, sink = rasters(tmp_path)
    # west: columns 0 and half of column 1; east: the rest (the split cells share their values)
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 1.5, 4), rect(1.5, 0, 4, 4)], {"code": ["西区", "东区"]})
    out = tmp_path / "budget.gpkg"
    run("zonalbudget", zonal_params(regions, [emission], [sink], out))
    got, names = rows(out)
    west_e = e[0][:, 0].sum() + 0.5 * e[0][:, 1].sum()  # 0+4+8+12 + (1+5+9+13)/2 = 24 + 14 = 38
    assert west_e == 38
    assert got["西区"]["EMI_2001"] == pytest.approx(38.0, rel=1e-12)
    assert got["东区"]["EMI_2001"] == pytest.approx(e[0].sum() - 38.0, rel=1e-12)
    # sink: 2 t everywhere but 0 in the top-left cell: west = column 0 (3 x 2) + half of column 1 (4 x 1) = 10;
    # east = 2.5 columns x 4 rows x 2 = 20
    assert got["西区"]["SNK_2001"] == pytest.approx(10.0)
    assert got["东区"]["SNK_2002"] == pytest.approx(20.0)
    assert got["西区"]["NET_2002"] == pytest.approx(e[1][:, 0].sum() + 0.5 * e[1][:, 1].sum() - 10.0)
    assert got["东区"]["RAT_2001"] == pytest.approx((e[0].sum() - 38.0) / 20.0)
    assert got["西区"]["AREA_KM2"] == pytest.approx(6.0)
    assert {"AREA_KM2", "EMI_2001", "SNK_2001", "NET_2001", "RAT_2001", "EMI_2002"} <= set(names)
    assert all(len(n) <= 10 for n in names)


def test_regions_tiling_the_raster_sum_to_its_total(provider, tmp_path):
    e, _, emission, sink = rasters(tmp_path)
    # 1.5 km squares shifted by a third of a cell: every region straddles cells; together they cover the raster
    shifted = [square(X0 - 1000 + 1500 * c + 333.3, Y0 - 1500 * (r + 1) + 1000 - 333.3, 1500)
               for r in range(4) for c in range(4)]
    regions = write_polygons(tmp_path / "tiles.gpkg", shifted, {"code": [f"r{i}" for i in range(16)]})
    out = tmp_path / "budget.gpkg"
    run("zonalbudget", zonal_params(regions, [emission], [sink], out))
    got, _ = rows(out)
    total = sum(f["EMI_2002"] for f in got.values())
    assert total == pytest.approx(e[1].sum(), rel=1e-9)


def test_regions_in_4326_give_the_same_totals(provider, tmp_path):
    _, _, emission, sink = rasters(tmp_path)
    wkt = f"POLYGON(({X0 + 300} {Y0 - 3700},{X0 + 3600} {Y0 - 3100},{X0 + 2500} {Y0 - 400},{X0 + 300} {Y0 - 3700}))"
    projected = write_polygons(tmp_path / "p.gpkg", [wkt], {"code": ["a"]})
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(32650)
    dst.ImportFromEPSG(4326)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geom = ogr.CreateGeometryFromWkt(wkt)
    geom.Segmentize(10.0)
    geom.Transform(osr.CoordinateTransformation(src, dst))
    geographic = write_polygons(tmp_path / "g.gpkg", [geom.ExportToWkt()], {"code": ["a"]}, epsg=4326)
    results = []
    for regions in (projected, geographic):
        out = tmp_path / f"out_{len(results)}.gpkg"
        run("zonalbudget", zonal_params(regions, [emission], [sink], out))
        results.append(rows(out)[0]["a"])
    for field in ("EMI_2001", "SNK_2002", "AREA_KM2"):
        assert results[1][field] == pytest.approx(results[0][field], rel=1e-4)


def test_long_table_and_shapefile_output(provider, tmp_path):
    e, _, emission, sink = rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 4000, 4000)], {"code": ["全省"]})
    shp = tmp_path / "budget.shp"
    table = tmp_path / "table.csv"
    run("zonalbudget", zonal_params(regions, [emission], [sink], shp, OUTPUT_TABLE=str(table)))
    got, _ = rows(shp)
    assert got["全省"]["EMI_2002"] == pytest.approx(e[1].sum())
    with open(table, encoding="utf-8", newline="") as f:
        table_rows = list(csv.DictReader(f))
    assert [(r["region"], int(r["year"])) for r in table_rows] == [("全省", 2001), ("全省", 2002)]
    assert float(table_rows[1]["emission"]) == pytest.approx(e[1].sum())
    assert float(table_rows[1]["ratio"]) == pytest.approx(e[1].sum() / 30.0)  # sink: 15 cells x 2 t


@pytest.mark.parametrize(("codes", "message"), [
    (["a", "a"], "duplicate values: a"),
    (["a", None], "no value in the key field"),
])
def test_bad_keys_are_clear_errors(provider, tmp_path, codes, message):
    _, _, emission, sink = rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 2000, 1000), square(X0, Y0 - 1000, 1000)],
                             {"code": codes})
    with pytest.raises(QgsProcessingException, match=message):
        run("zonalbudget", zonal_params(regions, [emission], [sink], tmp_path / "o.gpkg"))


def test_no_overlap_and_empty_geometry_are_clear_errors(provider, tmp_path):
    _, _, emission, sink = rasters(tmp_path)
    far = write_polygons(tmp_path / "far.gpkg", [square(X0 + 90000, Y0, 1000)], {"code": ["far"]})
    with pytest.raises(QgsProcessingException, match="None of the regions overlaps the emission raster"):
        run("zonalbudget", zonal_params(far, [emission], [sink], tmp_path / "o.gpkg"))
    empty = write_polygons(tmp_path / "empty.gpkg", [square(X0, Y0 - 1000, 1000), ""], {"code": ["ok", "hole"]})
    with pytest.raises(QgsProcessingException, match="hole"):
        run("zonalbudget", zonal_params(empty, [emission], [sink], tmp_path / "o2.gpkg"))


def test_non_year_bands_need_start_year(provider, tmp_path):
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 2000, 2000)], {"code": ["a"]})
    emission = write_raster(tmp_path / "e.tif", np.ones((2, 4, 4)), descriptions=["band a", "band b"])
    sink = write_raster(tmp_path / "s.tif", np.ones((2, 4, 4)), descriptions=["band a", "band b"])
    params = zonal_params(regions, [emission], [sink], tmp_path / "o.gpkg")
    with pytest.raises(QgsProcessingException, match="START_YEAR"):
        run("zonalbudget", params)
    run("zonalbudget", {**params, "START_YEAR": 2010})
    got, _ = rows(tmp_path / "o.gpkg")
    assert got["a"]["EMI_2011"] == pytest.approx(4.0)


def test_point_layer_is_refused(provider, tmp_path):
    _, _, emission, sink = rasters(tmp_path)
    points = write_polygons(tmp_path / "pts.gpkg", [f"POINT({X0 + 10} {Y0 - 10})"], {"code": ["p"]}, layer="pts",
                            geometry_type=ogr.wkbPoint)
    with pytest.raises(QgsProcessingException):
        run("zonalbudget", zonal_params(points, [emission], [sink], tmp_path / "o.gpkg"))


def test_regions_without_sink_data_are_null_not_zero(provider, tmp_path):
    e = np.full((2, 4, 4), 3.0)
    s = np.full((2, 4, 4), np.nan)  # an all-NaN sink raster
    s[1, :, 2:] = 1.0  # 2002: data in the east half only
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2001", "2002"])
    sink = write_raster(tmp_path / "s.tif", s, descriptions=["2001", "2002"])
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 4)], {"code": ["west", "east"]})
    out = tmp_path / "budget.gpkg"
    run("zonalbudget", zonal_params(regions, [emission], [sink], out))
    got, _ = rows(out)  # NULL read as None (a null QVariant on QGIS 3.22, None on Qt6 QGIS)
    for code in ("west", "east"):
        assert got[code]["EMI_2001"] == pytest.approx(24.0)
        assert got[code]["SNK_2001"] is None and got[code]["RAT_2001"] is None and got[code]["NET_2001"] is None
    assert got["west"]["SNK_2002"] is None
    assert got["east"]["SNK_2002"] == pytest.approx(8.0) and got["east"]["RAT_2002"] == pytest.approx(3.0)
