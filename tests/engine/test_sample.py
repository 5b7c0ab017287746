"""The sample province: deterministic, fast, true to docs/SAMPLE_DATA.md, plausible magnitudes.

GDAL/OGR handles stay inside the helpers (tests see numpy arrays, dicts and cloned geometries): a
failing test's frame is kept alive by pytest, and a GDAL dataset still open at interpreter exit can
crash the process and hide the failure.
"""

from __future__ import annotations

import csv
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers import sample as fixtures_sample
from osgeo import gdal, ogr, osr

from carbon_budget.carbon_plugin.timeseries import band_years, open_time_series

sample_dir = fixtures_sample.sample_dir  # the session fixture (conftest may provide it too)
MAKE_SAMPLE, REPO = fixtures_sample.MAKE_SAMPLE, fixtures_sample.REPO
gdal.UseExceptions()
ogr.UseExceptions()

YEARS = list(range(2001, 2021))
MONTHS = [f"{y}-{m:02d}" for y in YEARS for m in range(1, 13)]
NPP_FILL = 32767
# t CO2 per t (natural gas per 10^4 m3), METHODS.md section 1
FACTORS = {"raw_coal": 1.9003, "coke": 2.8604, "crude_oil": 3.0202, "gasoline": 2.9251, "kerosene": 3.0179,
           "diesel": 3.0959, "fuel_oil": 3.1705, "lpg": 3.1013, "natural_gas": 21.622}
COUNTY_FIELDS = ["code", "name_zh", "name_py", "city_code", "city_zh", "city_py"] + [f"GDP_{y}" for y in YEARS]
CJK = re.compile(r"[\u4e00-\u9fff]")


# ---------------------------------------------------------------------------------------------- helpers


def _epsg(wkt: str) -> int:
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.AutoIdentifyEPSG()
    return int(srs.GetAuthorityCode(None))


def _wgs84() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _info(path: Path) -> dict:
    """What the contract says about a raster, as plain Python values."""
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    descriptions = [ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount)]
    return {
        "geotransform": ds.GetGeoTransform(),
        "size": (ds.RasterXSize, ds.RasterYSize),
        "epsg": _epsg(ds.GetProjection()),
        "wkt": ds.GetProjection(),
        "count": ds.RasterCount,
        "descriptions": descriptions,
        "years": band_years(ds) if all(re.fullmatch(r"\d{4}", d) for d in descriptions) else None,
        "type": band.DataType,
        "nodata": band.GetNoDataValue(),
        "block": band.GetBlockSize(),
        "compression": ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION"),
        "unit": band.GetUnitType(),
    }


def _read(path: Path) -> np.ndarray:
    return gdal.Open(str(path)).ReadAsArray()


def _raw_bytes(path: Path) -> bytes:
    return gdal.Open(str(path)).ReadRaster()


def _raster_files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*.tif"))


def _layer_info(path: Path) -> dict:
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    return {"name": layer.GetName(), "epsg": _epsg(layer.GetSpatialRef().ExportToWkt()),
            "fields": [d.GetName() for d in layer.schema], "count": layer.GetFeatureCount()}


def _features(path: Path) -> list[dict]:
    """Attributes and a cloned geometry (``_geom``) of every feature."""
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    names = [d.GetName() for d in layer.schema]
    out = []
    for feature in layer:
        row = {name: feature.GetField(name) for name in names}
        row["_geom"] = feature.GetGeometryRef().Clone()
        out.append(row)
    return out


def _union(geoms: list[ogr.Geometry]) -> ogr.Geometry:
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for i in range(g.GetGeometryCount()):
            multi.AddGeometry(g.GetGeometryRef(i))
    return multi.UnionCascaded()


def _county_zones(folder: Path) -> np.ndarray:
    """1-based county index (layer order) at each cell centre of the 1 km grid; 0 outside."""
    like = gdal.Open(str(folder / "ntl.tif"))
    mem = gdal.GetDriverByName("MEM").Create("", like.RasterXSize, like.RasterYSize, 1, gdal.GDT_Int32)
    mem.SetGeoTransform(like.GetGeoTransform())
    mem.SetProjection(like.GetProjection())
    vds = ogr.GetDriverByName("Memory").CreateDataSource("zones")
    layer = vds.CreateLayer("zones", like.GetSpatialRef(), ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("zone", ogr.OFTInteger))
    for i, county in enumerate(_features(folder / "counties.gpkg")):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("zone", i + 1)
        feature.SetGeometry(county["_geom"])
        layer.CreateFeature(feature)
    gdal.RasterizeLayer(mem, [1], layer, options=["ATTRIBUTE=zone"])
    return mem.ReadAsArray()


def _climate_on_grid(folder: Path, name: str, bands: list[int]) -> np.ndarray:
    """Some bands of a climate raster warped (bilinear) onto the 1 km grid."""
    ref = gdal.Open(str(folder / "ntl.tif"))
    gt, width, height = ref.GetGeoTransform(), ref.RasterXSize, ref.RasterYSize
    bounds = (gt[0], gt[3] + height * gt[5], gt[0] + width * gt[1], gt[3])
    subset = gdal.Translate("", str(folder / name), format="VRT", bandList=bands)
    warped = gdal.Warp("", subset, format="MEM", outputBounds=bounds, width=width, height=height,
                       dstSRS=ref.GetProjection(), resampleAlg="bilinear")
    return warped.ReadAsArray().astype(float)


def _city_co2_mt(folder: Path) -> dict[int, dict[str, float]]:
    out: dict[int, dict[str, float]] = {}
    with open(folder / "energy_city.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            t = sum(float(row[k]) * (1.0 if k == "natural_gas" else 1e4) * v for k, v in FACTORS.items())
            out.setdefault(int(row["year"]), {})[row["city_code"]] = t / 1e6
    return out


# ---------------------------------------------------------------------------------------------- tests


def test_deterministic_from_a_fresh_interpreter(sample_dir, tmp_path):
    """The command line (as the demo runs it, no carbon_budget on the path) repeats the same data.
    (Its speed, about 5 s, is a benchmark figure, not a test: see docs/BENCHMARKS.md, the demo.)"""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CARBON_PLUGINS_DIR")}
    subprocess.run([sys.executable, str(MAKE_SAMPLE), str(tmp_path / "again")], check=True, cwd=tmp_path,
                   env=env, capture_output=True)
    again = tmp_path / "again"
    assert _raster_files(again) == _raster_files(sample_dir)
    for rel in _raster_files(sample_dir):
        assert repr(_info(sample_dir / rel)) == repr(_info(again / rel)), rel  # repr: nan == nan
        assert _raw_bytes(sample_dir / rel) == _raw_bytes(again / rel), rel
    for name in ("energy_city.csv", "gdp_county.csv", "emissions_county.csv"):
        assert (sample_dir / name).read_bytes() == (again / name).read_bytes(), name
    for name in ("counties.gpkg", "counties_4326.gpkg", "cities.gpkg"):
        fa, fb = _features(sample_dir / name), _features(again / name)
        assert len(fa) == len(fb)
        for ra, rb in zip(fa, fb):
            assert ra.pop("_geom").ExportToWkb() == rb.pop("_geom").ExportToWkb(), name
            assert ra == rb, name


def test_every_documented_file_exists(sample_dir):
    doc = (REPO / "docs" / "SAMPLE_DATA.md").read_text(encoding="utf-8")
    names = re.findall(r"^\| `([^`]+)`", doc, flags=re.M)
    assert len(names) >= 11
    for name in names:
        for concrete in ([name.replace("<year>", str(y)) for y in YEARS] if "<year>" in name else [name]):
            assert (sample_dir / concrete).is_file(), concrete


def test_yearly_rasters_follow_the_time_series_contract(sample_dir):
    reference = _info(sample_dir / "ntl.tif")
    gt = reference["geotransform"]
    assert gt[1] == 1000 and gt[5] == -1000 and reference["epsg"] == 32650
    for name, dtype, nodata in (("ntl.tif", gdal.GDT_Float32, None), ("landuse.tif", gdal.GDT_Byte, 0)):
        info = _info(sample_dir / name)
        assert info["count"] == 20 and info["years"] == YEARS
        assert info["geotransform"] == gt and info["epsg"] == 32650
        assert info["type"] == dtype and info["block"] == [256, 256] and info["compression"] == "DEFLATE"
        if nodata is None:
            assert math.isnan(info["nodata"])
        else:
            assert info["nodata"] == nodata
    lu = _read(sample_dir / "landuse.tif")
    assert set(np.unique(lu).tolist()) == {0, 1, 2, 3, 4, 5, 6}
    inside = lu[0] > 0
    assert ((lu[0] == 1).sum() / inside.sum()) > 0.5  # cropland majority
    assert ((lu > 0) == inside).all()  # the same province every year
    built = (lu == 5).sum(axis=(1, 2))
    assert (np.diff(built) >= 0).all() and built[-1] > 1.5 * built[0]  # built-up expands

    pop = _info(sample_dir / "population.tif")
    assert pop["count"] == 1 and pop["geotransform"] == gt and pop["type"] == gdal.GDT_Float32
    people = _read(sample_dir / "population.tif")
    assert (np.isnan(people) == ~inside).all()
    assert 20e6 < np.nansum(people) < 60e6


def test_npp_files_are_mod17a3_like_with_fill_on_water(sample_dir):
    grid = _info(sample_dir / "landuse.tif")["geotransform"]
    lu = _read(sample_dir / "landuse.tif")
    paths = [sample_dir / "npp" / f"MOD17A3HGF_NPP_{y}.tif" for y in YEARS]
    for j, path in enumerate(paths):
        info = _info(path)
        assert info["count"] == 1 and info["type"] == gdal.GDT_Int16
        assert info["nodata"] == NPP_FILL and info["descriptions"] == [""]
        assert info["geotransform"] == grid and info["epsg"] == 32650
        dn = _read(path)
        assert (dn[(lu[j] == 4) | (lu[j] == 0)] == NPP_FILL).all()
        land = (lu[j] > 0) & (lu[j] != 4)
        assert (dn[land] >= 0).all() and (dn[land] <= 32700).all()
        assert 300 < dn[land].mean() * 0.1 < 700
        forest, crop, built = (dn[land & (lu[j] == k)].mean() * 0.1 for k in (2, 1, 5))
        assert forest > crop > built
    # the engine reads the 20 files as a series, years from the file names
    assert open_time_series([str(p) for p in paths], role="NPP").years == YEARS


def test_monthly_climate(sample_dir):
    ntl = _info(sample_dir / "ntl.tif")
    gt, (width, height) = ntl["geotransform"], ntl["size"]
    utm = osr.SpatialReference()
    utm.ImportFromWkt(ntl["wkt"])
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs = osr.CoordinateTransformation(utm, _wgs84())
    corners = [to_wgs.TransformPoint(gt[0] + i * gt[1] * width, gt[3] + j * gt[5] * height)
               for i in (0, 1) for j in (0, 1)]
    for name, unit in (("temperature_monthly.tif", "deg C"), ("precipitation_monthly.tif", "mm")):
        info = _info(sample_dir / name)
        assert info["epsg"] == 4326 and info["count"] == 240 and info["descriptions"] == MONTHS
        assert info["unit"] == unit and info["type"] == gdal.GDT_Float32
        cgt = info["geotransform"]
        assert cgt[1] == pytest.approx(0.05) and cgt[5] == pytest.approx(-0.05)
        west, north = cgt[0], cgt[3]
        east, south = west + cgt[1] * info["size"][0], north + cgt[5] * info["size"][1]
        for lon, lat, _ in corners:  # covers the whole 1 km grid
            assert west < lon < east and south < lat < north
        values = _read(sample_dir / name)
        assert np.isfinite(values).all()
        if unit == "deg C":
            jan, jul = values[0::12].mean(), values[6::12].mean()
            assert -3 < jan < 3 and 24 < jul < 30
            assert values[-12:].mean() > values[:12].mean()  # warming
        else:
            assert (values >= 0).all()
            annual = values.reshape(20, 12, *values.shape[1:]).sum(axis=1).mean()
            assert 600 < annual < 900
            assert values[6::12].mean() > 5 * values[0::12].mean()  # summer monsoon


def test_annual_climate_summarises_the_months(sample_dir):
    """Annual mean temperature = mean of the year's 12 months, annual precipitation = their sum."""
    for name, monthly, reduce, unit in (("temperature_annual.tif", "temperature_monthly.tif", np.mean, "deg C"),
                                        ("precipitation_annual.tif", "precipitation_monthly.tif", np.sum, "mm")):
        info, months = _info(sample_dir / name), _info(sample_dir / monthly)
        assert info["count"] == 20 and info["years"] == YEARS and info["unit"] == unit
        assert info["geotransform"] == months["geotransform"] and info["epsg"] == 4326
        assert info["type"] == gdal.GDT_Float32
        values = _read(sample_dir / monthly).astype(np.float64)
        expected = reduce(values.reshape(20, 12, *values.shape[1:]), axis=1)
        np.testing.assert_allclose(_read(sample_dir / name), expected, rtol=1e-6)


def test_county_emission_table_adds_up_to_the_cities(sample_dir):
    """emissions_county.csv: 30 counties x 20 years, long (code, name_zh, year, co2_t); the counties of a
    city sum to the city's CO2 of energy_city.csv (within 1e-6); a county's share follows its night light."""
    counties = {c["code"]: c for c in _features(sample_dir / "counties.gpkg")}
    with open(sample_dir / "emissions_county.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["code", "name_zh", "year", "co2_t"]
        rows = list(reader)
    assert len(rows) == 600 and {r["code"] for r in rows} == set(counties)
    assert all(r["name_zh"] == counties[r["code"]]["name_zh"] for r in rows)
    city_co2 = _city_co2_mt(sample_dir)
    sums: dict[tuple[int, str], float] = {}
    for r in rows:
        key = (int(r["year"]), counties[r["code"]]["city_code"])
        sums[key] = sums.get(key, 0.0) + float(r["co2_t"])
        assert float(r["co2_t"]) > 0
    assert sorted(sums) == sorted((y, c) for y in YEARS for c in city_co2[y])
    for (year, city), total in sums.items():
        assert total / 1e6 == pytest.approx(city_co2[year][city], rel=1e-6)
    # the capital's urban districts (night-light cores) emit more per km2 than its rural counties
    area = {code: c["_geom"].GetArea() / 1e6 for code, c in counties.items()}
    per_km2 = {r["code"]: float(r["co2_t"]) / area[r["code"]] for r in rows if r["year"] == "2020"}
    assert min(per_km2["419102"], per_km2["419103"]) > 3 * per_km2["419121"]


def test_counties_tile_the_province(sample_dir):
    info = _layer_info(sample_dir / "counties.gpkg")
    assert info["name"] == "counties" and info["epsg"] == 32650 and info["fields"] == COUNTY_FIELDS
    counties = _features(sample_dir / "counties.gpkg")
    assert 28 <= len(counties) <= 32
    codes = [c["code"] for c in counties]
    assert len(set(codes)) == len(codes) and all(re.fullmatch(r"\d{6}", c) for c in codes)
    assert all(c["code"].startswith(c["city_code"]) and re.fullmatch(r"\d{4}", c["city_code"]) for c in counties)
    assert len({c["name_zh"] for c in counties}) == len(counties)
    assert all(CJK.search(c["name_zh"]) and CJK.search(c["city_zh"]) for c in counties)
    assert all(c["name_py"].isascii() and c["city_py"].isascii() for c in counties)
    assert len({c["city_code"] for c in counties}) == 5
    geoms = [c["_geom"] for c in counties]
    assert all(g.IsValid() for g in geoms)
    total = sum(g.GetArea() for g in geoms)
    province = _union(geoms)
    assert abs(total - province.GetArea()) <= 1e-6 * province.GetArea()  # no overlaps
    assert province.GetGeometryName() == "POLYGON" and province.GetGeometryCount() == 1  # no gaps
    assert 55_000 < province.GetArea() / 1e6 < 80_000

    info = _layer_info(sample_dir / "cities.gpkg")
    assert info["name"] == "cities" and info["epsg"] == 32650
    assert info["fields"] == ["city_code", "city_zh", "city_py"]
    cities = _features(sample_dir / "cities.gpkg")
    assert sorted(c["city_code"] for c in cities) == sorted({c["city_code"] for c in counties})
    for city in cities:
        members = [c for c in counties if c["city_code"] == city["city_code"]]
        assert {c["city_zh"] for c in members} == {city["city_zh"]}
        assert city["_geom"].GetArea() == pytest.approx(sum(c["_geom"].GetArea() for c in members), rel=1e-9)
    assert _union([c["_geom"] for c in cities]).GetArea() == pytest.approx(province.GetArea(), rel=1e-9)

    info = _layer_info(sample_dir / "counties_4326.gpkg")
    assert info["name"] == "counties" and info["epsg"] == 4326 and info["fields"] == COUNTY_FIELDS
    wgs = _features(sample_dir / "counties_4326.gpkg")
    assert [c["code"] for c in wgs] == codes
    for row in wgs:
        assert row["_geom"].IsValid()
        west, east, south, north = row["_geom"].GetEnvelope()
        assert 111.5 < west < east < 117.0 and 32.5 < south < north < 36.0


def test_gdp_fields_match_the_table(sample_dir):
    counties = {c["code"]: c for c in _features(sample_dir / "counties.gpkg")}
    with open(sample_dir / "gdp_county.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["code", "year", "gdp"]
    assert len(rows) == 20 * len(counties)
    for row in rows:
        assert counties[row["code"]][f"GDP_{row['year']}"] == pytest.approx(float(row["gdp"]), abs=1e-9)
    total = {y: sum(c[f"GDP_{y}"] for c in counties.values()) for y in (2001, 2020)}
    growth = (total[2020] / total[2001]) ** (1 / 19) - 1
    assert 0.07 < growth < 0.11


def test_ntl_bright_cores_dark_water_brightening(sample_dir):
    ntl = _read(sample_dir / "ntl.tif")
    lu = _read(sample_dir / "landuse.tif")
    assert (np.isnan(ntl) == (lu == 0)).all()
    assert (ntl[lu == 4] == 0).all()
    assert np.nanmax(ntl) <= 63.0 and np.nanmin(ntl) >= 0.0
    assert np.nanmean(ntl[-1]) > 1.5 * np.nanmean(ntl[0])
    # urban districts (codes xxxx0y) are lit far brighter than the counties around them
    zone = _county_zones(sample_dir)
    codes = [c["code"] for c in _features(sample_dir / "counties.gpkg")]
    districts = np.isin(zone, [i + 1 for i, c in enumerate(codes) if c[4] == "0"])
    rural = np.isin(zone, [i + 1 for i, c in enumerate(codes) if c[4] != "0"])
    assert districts.sum() > 0 and rural.sum() > 0
    for year_index in (0, 19):
        assert np.nanmean(ntl[year_index][districts]) > 5 * np.nanmean(ntl[year_index][rural])


def test_energy_magnitudes(sample_dir):
    with open(sample_dir / "energy_city.csv", encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == ["city_code", "city_zh", "year", *FACTORS]
    co2 = _city_co2_mt(sample_dir)
    assert sorted(co2) == YEARS
    assert all(len(v) == 5 and min(v.values()) > 0 for v in co2.values())
    assert 80 < sum(co2[2001].values()) < 130
    assert 200 < sum(co2[2020].values()) < 300
    for year in YEARS:
        assert max(co2[year], key=co2[year].get) == "4191"  # the capital emits most
    with open(sample_dir / "energy_city.csv", encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    coal = float(row["raw_coal"]) * 1e4 * FACTORS["raw_coal"] / 1e6
    assert coal / co2[2001][row["city_code"]] > 0.6  # coal dominant


def test_nep_is_a_sink_of_tens_of_mt(sample_dir):
    """NEP = NPP - Rh (Pei et al. 2009, METHODS.md 3) is ~150-250 g C m-2 yr-1 over the province."""
    for j in (0, 9, 19):
        bands = list(range(12 * j + 1, 12 * j + 13))
        t = _climate_on_grid(sample_dir, "temperature_monthly.tif", bands)
        p = _climate_on_grid(sample_dir, "precipitation_monthly.tif", bands)
        rh = (0.22 * (np.exp(0.0913 * t) + np.log(0.3145 * p + 1)) * 30 * 0.465).sum(axis=0)
        dn = _read(sample_dir / "npp" / f"MOD17A3HGF_NPP_{YEARS[j]}.tif")
        valid = dn <= 32700
        nep = dn[valid] * 0.1 - rh[valid]
        assert 150 < nep.mean() < 250
        mt_co2 = nep.sum() * 1e6 / 1e12 * 44 / 12  # g C m-2 x 1e6 m2 per cell -> Mt CO2
        assert 20 < mt_co2 < 90


def test_command_line_usage():
    done = subprocess.run([sys.executable, str(MAKE_SAMPLE)], capture_output=True, text=True)
    assert done.returncode == 2 and "usage" in done.stderr
