#!/usr/bin/env python3
"""Generate the fictional sample province "Zhongyuan" (中原省), 2001-2020, deterministically.

    python scripts/make_sample.py OUTDIR

or, from Python, ``make_sample(Path(OUTDIR))`` which returns the written paths by name. The files
and their fields are the contract in docs/SAMPLE_DATA.md. Only numpy, GDAL/OGR/OSR and the standard
library are used (the demo runs this on a fresh machine); the yearly multi-band rasters are written
with the plugin's own ``TimeSeriesWriter`` so that they follow the time-series contract.

How the province is built (all lengths in km, every random draw from a fixed seed):
- A smooth "warp" (two shears, always one-to-one) bends straight lines into natural-looking
  boundaries. Everything below is defined in warped coordinates (u, v) around the centre.
- The province is a noisy super-ellipse; the 5 cities are a power diagram of their centres; the
  6 counties of a city are a power diagram of seeds spread by farthest-point sampling and Lloyd
  relaxation (urban districts are small cells around the city centre). Assignments are made on a
  250 m raster and polygonised, so counties tile the province exactly and county borders cut
  through the 1 km cells of the rasters (as real borders do).
- Hills in the west/south-west carry forest and a reservoir; a river crosses the north.
- Nighttime light, population and built-up land decay exponentially from the city cores and
  along the roads between cities, and grow over the years; NPP depends on the land-use class.
"""

from __future__ import annotations

import atexit
import csv
import importlib
import math
import os
import shutil
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

REPO = Path(__file__).resolve().parent.parent
SEED = 20010101
YEARS = list(range(2001, 2021))

# The 1 km grid in EPSG:32650 (UTM 50N): 360 x 300 km around (247 km E, 3793 km N) ~ 114.25E 34.25N
EPSG = 32650
CELL = 1000.0
FINE = 4  # county/city boundaries are drawn on a 250 m raster aligned with the 1 km grid
WIDTH, HEIGHT = 360, 300
CX, CY = 247000.0, 3793000.0
X0, Y0 = CX - WIDTH / 2 * CELL, CY + HEIGHT / 2 * CELL
CLIMATE_STEP = 0.05  # degrees

# Province shape in warped km: super-ellipse half-axes and exponent
HALF_U, HALF_V, SUPER = 152.0, 124.0, 3.0
DISTRICT_WEIGHT = -450.0  # km2: power-diagram weight that keeps urban districts small
CAPITAL_WEIGHT = 700.0  # km2: the capital's city region is a little larger

NPP_FILL = 32767
WATER, CROPLAND, FOREST, GRASSLAND, BUILT, UNUSED = 4, 1, 2, 3, 5, 6

# (code, name_zh, name_py, centre (u, v) km, district names, county names, county-level city name)
CITIES = [
    ("4191", "中州市", "Zhongzhou Shi", (10.0, 35.0),
     [("东城区", "Dongcheng Qu"), ("西城区", "Xicheng Qu")],
     [("河阳县", "Heyang Xian"), ("平原县", "Pingyuan Xian"), ("临河县", "Linhe Xian")],
     ("安平市", "Anping Shi")),
    ("4192", "西岭市", "Xiling Shi", (-95.0, 25.0),
     [("岭南区", "Lingnan Qu")],
     [("青山县", "Qingshan Xian"), ("松林县", "Songlin Xian"), ("石门县", "Shimen Xian"),
      ("云台县", "Yuntai Xian")],
     ("龙泉市", "Longquan Shi")),
    ("4193", "东原市", "Dongyuan Shi", (95.0, 40.0),
     [("滨河区", "Binhe Qu"), ("新华区", "Xinhua Qu")],
     [("丰乐县", "Fengle Xian"), ("永宁县", "Yongning Xian"), ("长丰县", "Changfeng Xian")],
     ("东平市", "Dongping Shi")),
    ("4194", "南湖市", "Nanhu Shi", (-55.0, -65.0),
     [("湖滨区", "Hubin Qu")],
     [("白水县", "Baishui Xian"), ("桃源县", "Taoyuan Xian"), ("方山县", "Fangshan Xian"),
      ("宁远县", "Ningyuan Xian")],
     ("湖口市", "Hukou Shi")),
    ("4195", "信川市", "Xinchuan Shi", (70.0, -60.0),
     [("信城区", "Xincheng Qu")],
     [("潢水县", "Huangshui Xian"), ("息川县", "Xichuan Xian"), ("光明县", "Guangming Xian"),
      ("桐林县", "Tonglin Xian")],
     ("固城市", "Gucheng Shi")),
]
ROADS = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 3), (2, 4), (3, 4)]  # city index pairs
CITY_ENERGY_SHARE = np.array([0.29, 0.22, 0.20, 0.13, 0.16])  # of provincial CO2 (2001)
CITY_ENERGY_DRIFT = np.array([0.02, -0.02, 0.01, -0.01, 0.0])  # change of share by 2020

FUELS = ["raw_coal", "coke", "crude_oil", "gasoline", "kerosene", "diesel", "fuel_oil", "lpg",
         "natural_gas"]
# t CO2 per t (natural gas: per 10^4 m3); used only to size the quantities (METHODS.md section 1)
FUEL_FACTORS = np.array([1.9003, 2.8604, 3.0202, 2.9251, 3.0179, 3.0959, 3.1705, 3.1013, 21.622])
# shares of CO2 by fuel in 2001 and 2020 (coal takes the rest)
FUEL_SHARE_2001 = np.array([0.0, 0.080, 0.040, 0.025, 0.002, 0.045, 0.010, 0.004, 0.010])
FUEL_SHARE_2020 = np.array([0.0, 0.090, 0.045, 0.045, 0.006, 0.060, 0.005, 0.006, 0.050])
# per-city tilt of the fuel mix: the capital burns more gas and kerosene, the west more coal/coke
CITY_FUEL_TILT = {
    "4191": {"natural_gas": 1.6, "kerosene": 2.5, "gasoline": 1.2},
    "4192": {"raw_coal": 1.08, "coke": 1.5},
    "4193": {"crude_oil": 1.6, "fuel_oil": 1.3},
    "4194": {},
    "4195": {"diesel": 1.2},
}


# ----------------------------------------------------------------------------------------------
# helpers


def _rng(name: str) -> np.random.Generator:
    """An independent, reproducible random stream per component (changing one leaves the rest)."""
    return np.random.default_rng([SEED, zlib.crc32(name.encode())])


def _engine_timeseries():
    """The plugin's timeseries module, reached through a link named ``carbon_budget`` (the plugin
    uses relative imports and the checkout's folder name is arbitrary)."""
    loaded = sys.modules.get("carbon_budget")
    try:
        import carbon_budget

        if Path(carbon_budget.__file__).resolve().parent == REPO:
            return importlib.import_module("carbon_budget.carbon_plugin.timeseries")
    except ImportError:
        pass
    # another copy is already loaded (e.g. the installed plugin inside QGIS): leave it alone
    name = "carbon_budget" if loaded is None else "carbon_budget_sample"
    if loaded is None:
        sys.modules.pop("carbon_budget", None)  # a failed or foreign import above
    folder = Path(tempfile.mkdtemp(prefix="carbon_plugins_"))
    link = folder / name
    link.symlink_to(REPO, target_is_directory=True)

    def _cleanup() -> None:
        link.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(_cleanup)
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    return importlib.import_module(f"{name}.carbon_plugin.timeseries")


class Noise:
    """A smooth random field: a sum of plane waves, about N(0, 1); the same at any resolution."""

    def __init__(self, rng: np.random.Generator, n: int = 16, wavelengths=(15.0, 120.0)) -> None:
        k = 2 * np.pi / rng.uniform(*wavelengths, n)
        angle = rng.uniform(0, 2 * np.pi, n)
        self.kx, self.ky = k * np.cos(angle), k * np.sin(angle)
        self.phase = rng.uniform(0, 2 * np.pi, n)

    def __call__(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        out = np.zeros(np.broadcast(u, v).shape)
        for kx, ky, ph in zip(self.kx, self.ky, self.phase):
            out += np.cos(kx * u + ky * v + ph)
        return out * math.sqrt(2.0 / len(self.phase))


def _centres(width: int, height: int, step: float) -> tuple[np.ndarray, np.ndarray]:
    """Cell-centre coordinates in km from the province centre (x east, y north)."""
    xs = (X0 + (np.arange(width) + 0.5) * step - CX) / 1000.0
    ys = (Y0 - (np.arange(height) + 0.5) * step - CY) / 1000.0
    return np.meshgrid(xs, ys)


def _segment_distance(u, v, a, b) -> np.ndarray:
    """Distance from points (u, v) to the segment a-b."""
    (au, av), (bu, bv) = a, b
    du, dv = bu - au, bv - av
    t = np.clip(((u - au) * du + (v - av) * dv) / (du * du + dv * dv), 0.0, 1.0)
    return np.hypot(u - (au + t * du), v - (av + t * dv))


def _utm_srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _wgs84_srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _write_tif(path: Path, bands: np.ndarray, geotransform, wkt: str, data_type: int, nodata: float,
               descriptions=None, unit: str | None = None, block: int = 256) -> None:
    """A tiled, DEFLATE-compressed GeoTIFF from a (bands, rows, cols) array."""
    bands = np.asarray(bands)
    if bands.ndim == 2:
        bands = bands[None]
    predictor = "3" if data_type in (gdal.GDT_Float32, gdal.GDT_Float64) else "2"
    options = ["TILED=YES", f"BLOCKXSIZE={block}", f"BLOCKYSIZE={block}", "COMPRESS=DEFLATE",
               f"PREDICTOR={predictor}", "INTERLEAVE=BAND"]
    if path.exists():
        gdal.GetDriverByName("GTiff").Delete(str(path))
    ds = gdal.GetDriverByName("GTiff").Create(str(path), bands.shape[2], bands.shape[1], bands.shape[0],
                                              data_type, options)
    ds.SetGeoTransform(geotransform)
    ds.SetProjection(wkt)
    for i in range(bands.shape[0]):
        band = ds.GetRasterBand(i + 1)
        band.SetNoDataValue(nodata)
        if descriptions is not None:
            band.SetDescription(descriptions[i])
        if unit:
            band.SetUnitType(unit)
        band.WriteArray(bands[i])
    ds.FlushCache()
    ds = None


# ----------------------------------------------------------------------------------------------
# the province: shape, cities, counties


class Province:
    """The geometry of the province, in warped km coordinates (u, v)."""

    def __init__(self) -> None:
        rng = _rng("shape")
        self.warp_phase = rng.uniform(0, 2 * np.pi, 4)
        self.edge_phase = rng.uniform(0, 2 * np.pi, 5)
        self.hill_noise = Noise(_rng("hills"), 14, (25.0, 90.0))
        self.urban_noise = Noise(_rng("urban"), 20, (4.0, 20.0))
        self.cover_noise = Noise(_rng("cover"), 20, (3.0, 25.0))
        rng = _rng("river")
        self.river_phase = rng.uniform(0, 2 * np.pi, 2)
        self.centres = np.array([c[3] for c in CITIES])
        self.lake = (-85.0, -50.0, 9.0, 4.5, math.radians(30))  # centre u, v, half-axes, rotation

    # -- coordinates
    def warp(self, x, y):
        """Two shears: always one-to-one, so convex cells in (u, v) stay connected in (x, y)."""
        p = self.warp_phase
        u = x + 6.0 * np.sin(2 * np.pi * y / 70.0 + p[0]) + 1.5 * np.sin(2 * np.pi * y / 23.0 + p[1])
        v = y + 5.0 * np.sin(2 * np.pi * u / 80.0 + p[2]) + 1.2 * np.sin(2 * np.pi * u / 27.0 + p[3])
        return u, v

    def inside(self, u, v) -> np.ndarray:
        p = self.edge_phase
        theta = np.arctan2(v / HALF_V, u / HALF_U)
        radius = (1.0 + 0.045 * np.sin(2 * theta + p[0]) + 0.035 * np.sin(3 * theta + p[1])
                  + 0.02 * np.sin(5 * theta + p[2]) + 0.012 * np.sin(8 * theta + p[3])
                  + 0.006 * np.sin(13 * theta + p[4]))
        r = (np.abs(u / HALF_U) ** SUPER + np.abs(v / HALF_V) ** SUPER) ** (1.0 / SUPER)
        return r < radius

    # -- landscape
    def hills(self, u, v) -> np.ndarray:
        """0 (plain) .. 1 (forested hills), rising towards the west-south-west."""
        s = -(u * 0.94 + v * 0.34)
        return 1.0 / (1.0 + np.exp(-(s - 82.0 + 14.0 * self.hill_noise(u, v)) / 7.0))

    def river_distance(self, u, v) -> np.ndarray:
        p = self.river_phase
        line = 58.0 + 10.0 * np.sin(2 * np.pi * u / 120.0 + p[0]) + 3.0 * np.sin(2 * np.pi * u / 45.0 + p[1])
        slope = (10.0 * 2 * np.pi / 120.0 * np.cos(2 * np.pi * u / 120.0 + p[0])
                 + 3.0 * 2 * np.pi / 45.0 * np.cos(2 * np.pi * u / 45.0 + p[1]))
        return np.abs(v - line) / np.sqrt(1.0 + slope * slope)

    def lake_mask(self, u, v) -> np.ndarray:
        lu, lv, a, b, rot = self.lake
        du, dv = u - lu, v - lv
        cu, cv = du * math.cos(rot) + dv * math.sin(rot), -du * math.sin(rot) + dv * math.cos(rot)
        return (cu / a) ** 2 + (cv / b) ** 2 < 1.0

    # -- partition
    def city_of(self, u, v) -> np.ndarray:
        weights = np.zeros(len(CITIES))
        weights[0] = CAPITAL_WEIGHT
        power = [(u - cu) ** 2 + (v - cv) ** 2 - w for (cu, cv), w in zip(self.centres, weights)]
        return np.argmin(np.stack(power), axis=0)

    def place_seeds(self, u, v, inside) -> None:
        """County seeds per city: districts near the centre, counties spread by Lloyd relaxation."""
        city = self.city_of(u, v)
        rng = _rng("districts")
        self.seeds: list[np.ndarray] = []
        self.seed_weights: list[np.ndarray] = []
        for c, spec in enumerate(CITIES):
            n_districts, n_counties = len(spec[4]), len(spec[5]) + 1
            cu, cv = self.centres[c]
            if n_districts == 1:
                districts = [(cu, cv)]
            else:
                a = rng.uniform(0, np.pi)
                districts = [(cu + 5 * math.cos(a), cv + 5 * math.sin(a)),
                             (cu - 5 * math.cos(a), cv - 5 * math.sin(a))]
            pu, pv = u[inside & (city == c)], v[inside & (city == c)]
            seeds = list(districts)
            for _ in range(n_counties):  # farthest-point sampling
                d2 = np.min([(pu - su) ** 2 + (pv - sv) ** 2 for su, sv in seeds], axis=0)
                k = int(np.argmax(d2))
                seeds.append((float(pu[k]), float(pv[k])))
            seeds = np.array(seeds)
            weights = np.array([DISTRICT_WEIGHT] * n_districts + [0.0] * n_counties)
            for _ in range(12):  # Lloyd relaxation of the county seeds (districts stay)
                owner = self._power_owner(pu, pv, seeds, weights)
                for k in range(n_districts, len(seeds)):
                    mine = owner == k
                    if mine.any():
                        seeds[k] = (pu[mine].mean(), pv[mine].mean())
            self.seeds.append(seeds)
            self.seed_weights.append(weights)

    @staticmethod
    def _power_owner(u, v, seeds, weights) -> np.ndarray:
        return np.argmin(np.stack([(u - su) ** 2 + (v - sv) ** 2 - w
                                   for (su, sv), w in zip(seeds, weights)]), axis=0)

    def county_of(self, u, v, city) -> np.ndarray:
        """0-based county index over the whole province (city by city, districts first)."""
        out = np.zeros(u.shape, dtype=np.int32)
        first = 0
        for c, seeds in enumerate(self.seeds):
            sel = city == c
            out[sel] = first + self._power_owner(u[sel], v[sel], seeds, self.seed_weights[c])
            first += len(seeds)
        return out

    def county_order(self) -> list[tuple[int, int]]:
        """(city index, seed index) in code order: districts, then counties clockwise from north,
        the last county being the county-level city."""
        order = []
        for c, seeds in enumerate(self.seeds):
            nd = len(CITIES[c][4])
            cu, cv = self.centres[c]
            rest = list(range(nd, len(seeds)))
            bearing = [math.atan2(seeds[k][0] - cu, seeds[k][1] - cv) % (2 * np.pi) for k in rest]
            rest = [k for _, k in sorted(zip(bearing, rest))]
            order += [(c, k) for k in range(nd)] + [(c, k) for k in rest]
        return order


# ----------------------------------------------------------------------------------------------
# vectors


def _polygonize(ids: np.ndarray, geotransform, srs) -> dict[int, ogr.Geometry]:
    """Polygons of a raster of ids (0 = outside), one (multi)polygon per id."""
    mem = gdal.GetDriverByName("MEM").Create("", ids.shape[1], ids.shape[0], 1, gdal.GDT_Int32)
    mem.SetGeoTransform(geotransform)
    band = mem.GetRasterBand(1)
    band.WriteArray(ids)
    band.SetNoDataValue(0)
    vds = ogr.GetDriverByName("Memory").CreateDataSource("polys")
    layer = vds.CreateLayer("polys", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    gdal.Polygonize(band, band.GetMaskBand(), layer, 0, [])
    parts: dict[int, list[ogr.Geometry]] = {}
    for feature in layer:
        parts.setdefault(feature.GetField("id"), []).append(feature.GetGeometryRef().Clone())
    feature = None  # a feature must not outlive its data source (its definition dies with it)
    out = {}
    for key, polys in parts.items():
        multi = ogr.Geometry(ogr.wkbMultiPolygon)
        for p in polys:
            multi.AddGeometry(p)
        out[key] = ogr.ForceToMultiPolygon(multi.UnionCascaded() if len(polys) > 1 else multi)
    return out


def _sieve(ids: np.ndarray, pixels: int = 400) -> np.ndarray:
    """Merge the few stray pixels left at the triple points of the power diagram into a neighbour."""
    mem = gdal.GetDriverByName("MEM").Create("", ids.shape[1], ids.shape[0], 1, gdal.GDT_Int32)
    band = mem.GetRasterBand(1)
    band.WriteArray(ids)
    band.SetNoDataValue(0)
    gdal.SieveFilter(band, band.GetMaskBand(), band, pixels, 4)
    return band.ReadAsArray()


def _new_gpkg(path: Path, layer_name: str, srs, fields) -> tuple[ogr.DataSource, ogr.Layer]:
    driver = ogr.GetDriverByName("GPKG")
    if path.exists():
        driver.DeleteDataSource(str(path))
    ds = driver.CreateDataSource(str(path))
    layer = ds.CreateLayer(layer_name, srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    for name, kind, width in fields:
        defn = ogr.FieldDefn(name, kind)
        if width:
            defn.SetWidth(width)
        layer.CreateField(defn)
    return ds, layer


def _write_features(path: Path, layer_name: str, srs, fields, rows, transform=None) -> None:
    ds, layer = _new_gpkg(path, layer_name, srs, fields)
    layer.StartTransaction()
    for attrs, geom in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in attrs.items():
            feature.SetField(name, value)
        g = geom.Clone()
        if transform is not None:
            g.Segmentize(200.0)
            g.Transform(transform)
        feature.SetGeometry(g)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    feature = layer = None  # release before the data source: a feature must not outlive it
    ds.FlushCache()
    del ds


# ----------------------------------------------------------------------------------------------
# tables


def _gdp(counties: list[dict]) -> np.ndarray:
    """GDP (100 million yuan) per county and year: districts richer, ~9 %/yr nominal growth."""
    rng = _rng("gdp")
    base_growth = np.array([0.11 if y <= 2011 else 0.085 if y <= 2014 else 0.075 if y <= 2019 else 0.03
                            for y in YEARS[1:]])
    out = np.zeros((len(counties), len(YEARS)))
    for i, county in enumerate(counties):
        kind = county["kind"]
        if kind == "district":
            start = rng.uniform(140, 220) if county["city"] == 0 else rng.uniform(80, 130)
            offset = 0.006
        elif kind == "city":
            start, offset = rng.uniform(65, 100), 0.003
        else:
            start, offset = rng.uniform(35, 75), 0.0
        growth = base_growth + offset + rng.normal(0, 0.007) + rng.normal(0, 0.008, len(base_growth))
        out[i] = start * np.concatenate([[1.0], np.cumprod(1.0 + growth)])
    return np.round(out, 2)


def _energy() -> np.ndarray:
    """Fuel quantities [city, year, fuel] in 10^4 t (natural gas 10^4 m3)."""
    rng = _rng("energy")
    t = np.array(YEARS, dtype=float)
    # provincial CO2 (Mt): fast growth in the 2000s, near plateau after 2012, ~100 -> ~250
    total = 95.0 + 140.0 / (1.0 + np.exp(-(t - 2007.5) / 2.0)) + 0.8 * (t - 2001)
    total *= 1.0 + rng.normal(0, 0.012, len(t))
    frac = (t - 2001) / 19.0
    shares = CITY_ENERGY_SHARE[None, :] + frac[:, None] * CITY_ENERGY_DRIFT[None, :]
    shares = shares * (1.0 + rng.normal(0, 0.02, shares.shape))
    shares /= shares.sum(axis=1, keepdims=True)
    out = np.zeros((len(CITIES), len(YEARS), len(FUELS)))
    for c, spec in enumerate(CITIES):
        tilt = np.array([CITY_FUEL_TILT[spec[0]].get(f, 1.0) for f in FUELS])
        for j in range(len(YEARS)):
            mix = (FUEL_SHARE_2001 + frac[j] * (FUEL_SHARE_2020 - FUEL_SHARE_2001)) * tilt
            mix = mix * (1.0 + rng.normal(0, 0.04, len(FUELS)))
            mix[0] = (1.0 - mix[1:].sum()) * tilt[0]
            mix /= mix.sum()
            co2_t = total[j] * shares[j, c] * 1e6 * mix
            quantity = co2_t / FUEL_FACTORS
            quantity[:-1] /= 1e4  # t -> 10^4 t; natural gas factor is already per 10^4 m3
            out[c, j] = quantity
    return np.round(out, 2)


# ----------------------------------------------------------------------------------------------
# main


def make_sample(outdir: Path) -> dict[str, Path]:
    """Write the sample province into ``outdir``; returns the paths by name (``npp`` is the folder)."""
    outdir = Path(outdir)
    (outdir / "npp").mkdir(parents=True, exist_ok=True)
    prov = Province()
    counties, county_ids, valid, u, v = _partition(prov)
    gdp = _gdp(counties)
    paths = _write_vectors(outdir, counties, county_ids, gdp)
    paths.update(_write_tables(outdir, counties, gdp))
    light: list[np.ndarray] = []
    paths.update(_write_rasters(outdir, prov, counties, valid, u, v, light))
    paths.update(_write_county_emissions(outdir, counties, county_ids, light))
    return paths


def _write_county_emissions(outdir: Path, counties: list[dict], county_ids: np.ndarray,
                            light: list[np.ndarray]) -> dict[str, Path]:
    """``emissions_county.csv``: a published-statistics-like table (code, name_zh, year, co2_t),
    each city's CO2 (its energy_city.csv quantities x FUEL_FACTORS) split among its counties by
    their share of the city's night light that year (light over the county's 250 m cells)."""
    energy = _energy()
    scale = np.where(np.array(FUELS) == "natural_gas", 1.0, 1e4)  # 10^4 t -> t; gas is per 10^4 m3
    city_co2 = (energy * scale * FUEL_FACTORS).sum(axis=2)  # [city, year] t CO2
    city_of = np.array([cty["city"] for cty in counties])
    # (1 km cell, county) pairs with the number of 250 m cells the county has in that cell
    cell = np.arange(HEIGHT * WIDTH).reshape(HEIGHT, 1, WIDTH, 1)
    pairs = np.broadcast_to(cell, (HEIGHT, FINE, WIDTH, FINE)).ravel() * (len(counties) + 1) + county_ids.ravel()
    pairs, count = np.unique(pairs, return_counts=True)
    pair_cell, pair_county = np.divmod(pairs, len(counties) + 1)
    path = outdir / "emissions_county.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["code", "name_zh", "year", "co2_t"])
        shares = []
        for dn in light:
            weights = dn.ravel()[pair_cell] * count / (FINE * FINE)
            county_light = np.bincount(pair_county, weights=weights, minlength=len(counties) + 1)[1:]
            city_light = np.bincount(city_of, weights=county_light, minlength=len(CITIES))
            shares.append(county_light / city_light[city_of])
        for i, county in enumerate(counties):
            for j, year in enumerate(YEARS):
                writer.writerow([county["code"], county["name_zh"], year,
                                 f"{city_co2[county['city'], j] * shares[j][i]:.3f}"])
    return {"emissions_county": path}


def _partition(prov: Province):
    """Counties (attributes), the 250 m county raster (1-based, 0 outside), the 1 km province mask
    and the warped coordinates of the 1 km cell centres."""
    xf, yf = _centres(WIDTH * FINE, HEIGHT * FINE, CELL / FINE)
    uf, vf = prov.warp(xf, yf)
    inside_f = prov.inside(uf, vf)
    x, y = _centres(WIDTH, HEIGHT, CELL)
    u, v = prov.warp(x, y)
    prov.place_seeds(u, v, prov.inside(u, v))
    city_f = prov.city_of(uf[inside_f], vf[inside_f])
    county_f = prov.county_of(uf[inside_f], vf[inside_f], city_f)

    # codes: districts 02, 03; counties 21, 22, ...; the county-level city 81
    seed_first = np.cumsum([0] + [len(s) for s in prov.seeds])
    code_order = np.zeros(seed_first[-1], dtype=np.int32)  # seed index -> 1-based county number
    counties: list[dict] = []
    order = prov.county_order()
    for c, (code, city_zh, city_py, _, districts, plain, county_city) in enumerate(CITIES):
        names = ([(f"{code}{2 + i:02d}", *n, "district") for i, n in enumerate(districts)]
                 + [(f"{code}{21 + i:02d}", *n, "county") for i, n in enumerate(plain)]
                 + [(f"{code}81", *county_city, "city")])
        mine = [k for cc, k in order if cc == c]
        for k, (county_code, zh, py, kind) in zip(mine, names):
            code_order[seed_first[c] + k] = len(counties) + 1
            counties.append({"code": county_code, "name_zh": zh, "name_py": py, "city_code": code,
                             "city_zh": city_zh, "city_py": city_py, "kind": kind, "city": c,
                             "seed": prov.seeds[c][k]})
    county_ids = np.zeros(inside_f.shape, dtype=np.int32)
    county_ids[inside_f] = code_order[county_f]
    county_ids = _sieve(county_ids)
    valid = inside_f.reshape(HEIGHT, FINE, WIDTH, FINE).any(axis=(1, 3))
    return counties, county_ids, valid, u, v


def _write_vectors(outdir: Path, counties: list[dict], county_ids: np.ndarray, gdp: np.ndarray
                   ) -> dict[str, Path]:
    utm = _utm_srs()
    gt_fine = (X0, CELL / FINE, 0.0, Y0, 0.0, -CELL / FINE)
    city_of_county = np.array([0] + [cty["city"] + 1 for cty in counties], dtype=np.int32)
    county_geoms = _polygonize(county_ids, gt_fine, utm)
    city_geoms = _polygonize(city_of_county[county_ids], gt_fine, utm)
    if sorted(county_geoms) != list(range(1, len(counties) + 1)):
        raise RuntimeError("a county came out empty; change SEED or the city layout")
    text = ("code", "name_zh", "name_py", "city_code", "city_zh", "city_py")
    widths = {"code": 6, "city_code": 4}
    county_fields = ([(k, ogr.OFTString, widths.get(k, 0)) for k in text]
                     + [(f"GDP_{y}", ogr.OFTReal, 0) for y in YEARS])
    rows = []
    for i, county in enumerate(counties):
        attrs = {k: county[k] for k in text}
        attrs.update({f"GDP_{y}": float(gdp[i, j]) for j, y in enumerate(YEARS)})
        rows.append((attrs, county_geoms[i + 1]))
    paths = {"counties": outdir / "counties.gpkg", "counties_4326": outdir / "counties_4326.gpkg",
             "cities": outdir / "cities.gpkg"}
    _write_features(paths["counties"], "counties", utm, county_fields, rows)
    _write_features(paths["counties_4326"], "counties", _wgs84_srs(), county_fields, rows,
                    osr.CoordinateTransformation(utm, _wgs84_srs()))
    city_fields = [("city_code", ogr.OFTString, 4), ("city_zh", ogr.OFTString, 0), ("city_py", ogr.OFTString, 0)]
    _write_features(paths["cities"], "cities", utm, city_fields,
                    [({"city_code": s[0], "city_zh": s[1], "city_py": s[2]}, city_geoms[c + 1])
                     for c, s in enumerate(CITIES)])
    return paths


def _write_tables(outdir: Path, counties: list[dict], gdp: np.ndarray) -> dict[str, Path]:
    paths = {"gdp": outdir / "gdp_county.csv", "energy": outdir / "energy_city.csv"}
    with open(paths["gdp"], "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["code", "year", "gdp"])
        for i, county in enumerate(counties):
            for j, year in enumerate(YEARS):
                writer.writerow([county["code"], year, f"{gdp[i, j]:.2f}"])
    energy = _energy()
    with open(paths["energy"], "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["city_code", "city_zh", "year", *FUELS])
        for c, spec in enumerate(CITIES):
            for j, year in enumerate(YEARS):
                writer.writerow([spec[0], spec[1], year, *(f"{q:.2f}" for q in energy[c, j])])
    return paths


def _write_rasters(outdir: Path, prov: Province, counties: list[dict], valid: np.ndarray,
                   u: np.ndarray, v: np.ndarray, light: list | None = None) -> dict[str, Path]:
    """The rasters; ``light`` collects the night light of every year (0 outside) when given."""
    ts = _engine_timeseries()
    wkt = _utm_srs().ExportToWkt()
    gt = (X0, CELL, 0.0, Y0, 0.0, -CELL)
    grid = ts.Grid(gt, WIDTH, HEIGHT, wkt)
    paths: dict[str, Path] = {}

    # distances (km) to the city cores, the county seats and the roads between cities
    hills = prov.hills(u, v)
    water = valid & (prov.lake_mask(u, v) | (prov.river_distance(u, v) < 0.75))
    city_d = np.stack([np.hypot(u - cu, v - cv) for cu, cv in prov.centres])
    seats = [cty["seed"] for cty in counties if cty["kind"] != "district"]
    seat_d = np.stack([np.hypot(u - su, v - sv) for su, sv in seats])
    road_d = np.min([_segment_distance(u, v, prov.centres[a], prov.centres[b]) for a, b in ROADS], axis=0)
    core_r = np.array([6.0, 4.5, 4.5, 4.0, 4.0])[:, None, None]
    urban_noise = prov.urban_noise(u, v)
    cover = prov.cover_noise(u, v)

    # ---- land use (CNLUCC first-level classes); built-up grows from the cores and in villages
    urban = (np.exp(-city_d / core_r).sum(axis=0) + 0.7 * np.exp(-seat_d / 1.6).sum(axis=0)
             + 0.12 * np.exp(-road_d / 1.0) + 0.06 * urban_noise)
    river_d = prov.river_distance(u, v)
    unused = ((river_d > 0.75) & (river_d < 3.0) & (cover > 1.3)) | ((hills > 0.8) & (cover < -1.7))
    villages = _rng("villages").random(u.shape)
    base = np.full(u.shape, CROPLAND, dtype=np.uint8)
    base[(hills > 0.35) & (cover > -0.2)] = GRASSLAND
    base[(hills > 0.62) | ((hills > 0.35) & (cover > 1.0))] = FOREST
    base[(hills > 0.62) & (cover < -1.0)] = GRASSLAND
    base[unused] = UNUSED
    landuse = np.zeros((len(YEARS), HEIGHT, WIDTH), dtype=np.uint8)
    for j in range(len(YEARS)):
        g = j / 19.0
        year_lu = base.copy()
        year_lu[(urban > 0.30 - 0.18 * g) | ((base == CROPLAND) & (villages < 0.025 + 0.015 * g))] = BUILT
        year_lu[water] = WATER
        year_lu[~valid] = 0
        landuse[j] = year_lu
    paths["landuse"] = outdir / "landuse.tif"
    with ts.TimeSeriesWriter(str(paths["landuse"]), grid, YEARS, data_type=gdal.GDT_Byte, nodata=0) as out:
        for j in range(len(YEARS)):
            out.write(j, 0, landuse[j])

    # ---- nighttime light (DMSP-like DN, saturating at 63), brightening and spreading over the years
    rng = _rng("ntl")
    amp = np.array([95.0, 60.0, 65.0, 50.0, 55.0])[:, None, None]
    background = np.clip(1.0 + 0.5 * urban_noise, 0.0, None) * (1.0 - 0.95 * hills)  # dark forested hills
    paths["ntl"] = outdir / "ntl.tif"
    with ts.TimeSeriesWriter(str(paths["ntl"]), grid, YEARS) as out:
        for j in range(len(YEARS)):
            g = j / 19.0
            lit = ((amp * (1.0 + 0.9 * g)) * np.exp(-city_d / (core_r * (0.9 + 0.6 * g)))).sum(axis=0)
            lit += 18.0 * (1.0 + 1.2 * g) * np.exp(-seat_d / (1.8 * (1.0 + 0.5 * g))).sum(axis=0)
            lit += 5.0 * (0.3 + 0.7 * g) * np.exp(-road_d / 1.5)
            lit += (0.3 + 1.2 * g) * background
            dn = np.clip(63.0 * (1.0 - np.exp(-lit / 45.0)) + rng.normal(0, 0.25, lit.shape), 0.0, 63.0)
            dn[water] = 0.0
            out.write(j, 0, np.where(valid, dn, np.nan).astype(np.float32))
            if light is not None:
                light.append(np.where(valid, dn.astype(np.float32).astype(np.float64), 0.0))

    # ---- population (persons per 1 km cell), dense urban cores
    rng = _rng("population")
    pop = 520.0 * (1.0 - 0.65 * hills) * np.exp(0.125 * cover)
    pop += sum(a * np.exp(-city_d[c] / r) for c, (a, r) in
               enumerate(zip([20000.0, 14000.0, 15000.0, 11000.0, 12000.0], [5.0, 3.8, 3.8, 3.4, 3.4])))
    pop += 4000.0 * np.exp(-seat_d / 1.5).sum(axis=0)
    pop *= rng.lognormal(0.0, 0.15, pop.shape)
    pop[water] = 0.0
    pop = np.where(valid, np.round(pop), np.nan).astype(np.float32)
    paths["population"] = outdir / "population.tif"
    _write_tif(paths["population"], pop, gt, wkt, gdal.GDT_Float32, float("nan"), unit="persons")

    # ---- climate on a 0.05 degree lon/lat grid covering the whole 1 km grid plus a margin
    temp, prec, cgt, precip_year = _climate(prov)
    wgs_wkt = _wgs84_srs().ExportToWkt()
    months = [f"{y}-{m:02d}" for y in YEARS for m in range(1, 13)]
    paths["temperature"] = outdir / "temperature_monthly.tif"
    _write_tif(paths["temperature"], temp, cgt, wgs_wkt, gdal.GDT_Float32, float("nan"), months, "deg C", 128)
    paths["precipitation"] = outdir / "precipitation_monthly.tif"
    _write_tif(paths["precipitation"], prec, cgt, wgs_wkt, gdal.GDT_Float32, float("nan"), months, "mm", 128)
    # annual climate as many data sets deliver it: mean temperature and total precipitation per year
    # (from the stored Float32 months, accumulated in float64)
    years = [str(y) for y in YEARS]
    by_year = (len(YEARS), 12, *temp.shape[1:])
    paths["temperature_annual"] = outdir / "temperature_annual.tif"
    _write_tif(paths["temperature_annual"], temp.astype(np.float64).reshape(by_year).mean(axis=1).astype(np.float32),
               cgt, wgs_wkt, gdal.GDT_Float32, float("nan"), years, "deg C", 128)
    paths["precipitation_annual"] = outdir / "precipitation_annual.tif"
    _write_tif(paths["precipitation_annual"], prec.astype(np.float64).reshape(by_year).sum(axis=1).astype(np.float32),
               cgt, wgs_wkt, gdal.GDT_Float32, float("nan"), years, "mm", 128)

    # ---- NPP, MOD17A3HGF-like: Int16 DN = g C m-2 yr-1 x 10, fill 32767 on water and outside
    rng = _rng("npp")
    npp_class = np.array([0.0, 470.0, 660.0, 380.0, 0.0, 150.0, 90.0])  # by land-use class
    spatial = 35.0 * Noise(_rng("npp_field"), 16, (10.0, 80.0))(u, v)
    paths["npp"] = outdir / "npp"
    for j, year in enumerate(YEARS):
        anomaly = 1.0 + 0.004 * (j - 9.5) + 0.25 * precip_year[j]  # slight greening, wet years grow more
        npp = (npp_class[landuse[j]] + spatial) * anomaly + rng.normal(0, 12.0, u.shape)
        dn = np.clip(np.round(npp * 10.0), 0, 32700).astype(np.int16)
        dn[(landuse[j] == WATER) | ~valid] = NPP_FILL
        _write_tif(outdir / "npp" / f"MOD17A3HGF_NPP_{year}.tif", dn, gt, wkt, gdal.GDT_Int16, NPP_FILL)
    return paths


def _climate(prov: Province):
    """Monthly temperature and precipitation (240 bands) and the annual precipitation anomaly."""
    utm, wgs = _utm_srs(), _wgs84_srs()
    to_wgs = osr.CoordinateTransformation(utm, wgs)
    edge = [(X0 + f * WIDTH * CELL, Y0 - g * HEIGHT * CELL) for f in np.linspace(0, 1, 41)
            for g in (0.0, 1.0)] + [(X0 + f * WIDTH * CELL, Y0 - g * HEIGHT * CELL)
                                    for g in np.linspace(0, 1, 41) for f in (0.0, 1.0)]
    lonlat = np.array(to_wgs.TransformPoints(edge))[:, :2]
    step = CLIMATE_STEP
    lon0 = math.floor((lonlat[:, 0].min() - 0.1) / step) * step
    lon1 = math.ceil((lonlat[:, 0].max() + 0.1) / step) * step
    lat0 = math.floor((lonlat[:, 1].min() - 0.1) / step) * step
    lat1 = math.ceil((lonlat[:, 1].max() + 0.1) / step) * step
    ncol, nrow = round((lon1 - lon0) / step), round((lat1 - lat0) / step)
    lon0, lat1 = round(lon0, 2), round(lat1, 2)
    cgt = (lon0, step, 0.0, lat1, 0.0, -step)
    lon = lon0 + (np.arange(ncol) + 0.5) * step
    lat = lat1 - (np.arange(nrow) + 0.5) * step
    lon, lat = np.meshgrid(lon, lat)
    to_utm = osr.CoordinateTransformation(wgs, utm)
    xy = np.array(to_utm.TransformPoints(np.column_stack([lon.ravel(), lat.ravel()]).tolist()))
    x = ((xy[:, 0] - CX) / 1000.0).reshape(lon.shape)
    y = ((xy[:, 1] - CY) / 1000.0).reshape(lon.shape)
    u, v = prov.warp(x, y)
    hills = prov.hills(u, v)

    rng = _rng("climate")
    n = len(YEARS) * 12
    month = np.arange(n) % 12 + 1
    year_index = np.arange(n) // 12
    # temperature: Jan ~0 C, Jul ~27 C; cooler north and in the hills; +0.03 C/yr
    t_anom = rng.normal(0, 0.8, n)
    grad = rng.normal(0, 0.25, n)
    season = -13.5 * np.cos(2 * np.pi * (month - 1) / 12.0 - 0.05)
    temp = (14.0 + season[:, None, None] + 0.03 * year_index[:, None, None] + t_anom[:, None, None]
            - 0.9 * (lat - 34.25)[None] - 3.5 * hills[None]
            + grad[:, None, None] * ((lon - 114.25) / 2.0)[None])
    # precipitation: ~620 mm north to ~880 mm south, wetter hills; monsoon peak in July
    annual = 715.0 + 100.0 * (34.25 - lat) + 60.0 * hills
    weights = 0.025 + np.exp(-0.5 * ((np.arange(1, 13) - 7.2) / 1.6) ** 2)
    weights /= weights.sum()
    year_factor = rng.lognormal(-0.12**2 / 2, 0.12, len(YEARS))  # mean 1
    month_factor = rng.lognormal(-0.35**2 / 2, 0.35, n)
    tilt = rng.normal(0, 0.15, n)
    prec = (annual[None] * weights[month - 1][:, None, None] * (year_factor[year_index] * month_factor)[:, None, None]
            * np.clip(1.0 + tilt[:, None, None] * ((lat - 34.25) / 1.25)[None], 0.3, None))
    precip_year = np.log(year_factor) - np.log(year_factor).mean()
    return temp.astype(np.float32), prec.astype(np.float32), cgt, precip_year


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print("usage: make_sample.py OUTDIR\n\nWrites the sample province (docs/SAMPLE_DATA.md) into OUTDIR.",
              file=sys.stderr)
        return 2
    start = time.perf_counter()
    paths = make_sample(Path(argv[0]))
    print(f"sample province written to {os.path.abspath(argv[0])} in {time.perf_counter() - start:.1f} s")
    for name, path in paths.items():
        print(f"  {name:14s} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
