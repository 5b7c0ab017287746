"""The bundled models for the data analysts have: riskworkflow_statistics (an emission statistics table
per county and year, annual climate) and riskworkflow_landuse (the land-use sink) run end to end on the
sample province through qgis_process.bin; every bundled model's file is checked as the modeler shows it."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from helpers.qgis_locale import ui_locale
from helpers.qgisprocess import enable_plugin, run_algorithm
from helpers.rasters import raster_totals
from helpers.sample import sample_dir  # noqa: F401
from helpers.vectors import layer_rows
from osgeo import gdal, ogr

pytestmark = pytest.mark.e2e
MODELS = ["riskworkflow", "riskworkflow_statistics", "riskworkflow_landuse"]
PERIODS = ("2001-2005", "2006-2010", "2011-2015", "2016-2020")
MODIS_HINT = "MODIS MOD17A3 digital numbers: set scale 0.1 and valid maximum 32700"
CNLUCC_T_C_HA = {1: 0.0, 2: 0.644, 3: 0.021, 4: 0.253, 5: 0.0, 6: 0.005}  # docs/algorithms/landusesink.md


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def county_statistics(sample: Path) -> dict[tuple[str, int], float]:
    return {(r["code"], int(r["year"])): float(r["co2_t"]) for r in read_csv(sample / "emissions_county.csv")}


def province_share(sample: Path) -> np.ndarray:
    """Share of every 1 km cell of the sample grid inside the counties, from 250 m cell centres."""
    like = gdal.Open(str(sample / "ntl.tif"))
    gt = list(like.GetGeoTransform())
    gt[1], gt[5] = gt[1] / 4, gt[5] / 4
    fine = gdal.GetDriverByName("MEM").Create("", like.RasterXSize * 4, like.RasterYSize * 4, 1, gdal.GDT_Byte)
    fine.SetGeoTransform(gt)
    fine.SetProjection(like.GetProjection())
    counties = ogr.Open(str(sample / "counties.gpkg"))
    gdal.RasterizeLayer(fine, [1], counties.GetLayer(0), burn_values=[1])
    inside = fine.ReadAsArray().astype(np.float64)
    rows, cols = like.RasterYSize, like.RasterXSize
    counties = fine = like = None
    return inside.reshape(rows, 4, cols, 4).mean(axis=(1, 3))


def emission_inputs(s: Path) -> dict:
    return {
        "emission_table": s / "emissions_county.csv", "emission_region_field": "code",
        "emission_year_field": "year", "emission_value_field": "co2_t",
        "counties": s / "counties.gpkg", "county_field": "code", "county_name_field": "name_zh",
        "county_emission_field": "code", "nightlights": s / "ntl.tif",
    }


def common_outputs(out: Path) -> dict:
    return {
        "gridemissions:emission": out / "emission.tif", "gridemissions:emission_check": out / "check.csv",
        "zonalbudget:budget": out / "budget.gpkg", "balancetrend:province": out / "province.csv",
        "imbalancerisk:risk": out / "risk.gpkg", "imbalancerisk:risk_summary": out / "risk_summary.csv",
        "report:report": out / "report.html",
    }


@pytest.fixture(scope="module")
def profile(plugins_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("profile")
    enable_plugin(plugins_dir, folder)
    return folder


@pytest.fixture(scope="module")
def statistics_run(sample_dir, plugins_dir, profile, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("statistics")
    s = sample_dir
    results = run_algorithm("carbonbudget:riskworkflow_statistics", {
        **emission_inputs(s), "npp": sorted(str(p) for p in (s / "npp").glob("*.tif")),
        "temperature": s / "temperature_annual.tif", "precipitation": s / "precipitation_annual.tif",
        "npp_scale": 0.1, "npp_valid_max": 32700, "title": "Statistics workflow",
        **common_outputs(out), "nepsink:sink": out / "sink.tif",
    }, plugins_dir, profile)
    return out, results


@pytest.fixture(scope="module")
def landuse_run(sample_dir, plugins_dir, profile, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("landuse")
    s = sample_dir
    results = run_algorithm("carbonbudget:riskworkflow_landuse", {
        **emission_inputs(s), "landuse": s / "landuse.tif", **common_outputs(out),
        "landusesink:sink": out / "sink.tif",
    }, plugins_dir, profile)
    return out, results


# ---------------------------------------------------------------------------------------------- shared checks


def check_emissions(out: Path, sample: Path) -> None:
    """The gridded emission holds the county statistics: every yearly raster total equals the sum of the
    table (1e-6); every county-year statistic reaches gridemissions unchanged; the county's exact zonal sum
    (zonalbudget) equals gridemissions' own round trip and stays within the documented split-cell error."""
    stats = county_statistics(sample)
    years = sorted({y for _, y in stats})
    totals = raster_totals(out / "emission.tif")
    assert len(totals) == len(years) == 20
    for total, year in zip(totals, years):
        assert total == pytest.approx(sum(v for (_, y), v in stats.items() if y == year), rel=1e-6)
    check = read_csv(out / "check.csv")
    assert len(check) == len(stats) == 600
    budget = {r["code"]: r for r in layer_rows(out / "budget.gpkg")}
    for row in check:
        key, year = row["region"], int(row["year"])
        assert float(row["STAT_T"]) == pytest.approx(stats[(key, year)], rel=1e-9)
        assert abs(float(row["ERR_REL"])) < 2.7e-2  # docs/algorithms/gridemissions.md (county level, 1 km)
        assert budget[key][f"EMI_{year}"] == pytest.approx(float(row["GRID_T"]), rel=1e-5)


def check_risk_and_report(out: Path, results: dict) -> None:
    risk = layer_rows(out / "risk.gpkg")
    assert len(risk) == 30
    summary = read_csv(out / "risk_summary.csv")
    assert [r["period"] for r in summary] == list(PERIODS)
    for row in summary:
        first = int(row["year"])
        levels = [r[f"RL_{first}"] for r in risk]
        assert [int(row[f"n_l{k}"]) for k in range(1, 6)] == [levels.count(k) for k in range(1, 6)]
        assert int(row["n_high"]) == sum(r[f"RI_{first}"] >= 0.6 for r in risk)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert results["report:report"] == str(out / "report.html")
    for period in PERIODS:
        assert period in html
    # the highest-risk table names counties (name field), not codes
    last = int(summary[-1]["year"])
    top = max(risk, key=lambda r: r[f"RI_{last}"])
    assert top["name_zh"] in html


# ---------------------------------------------------------------------------------------------- statistics model


def test_statistics_model_grids_the_county_table(statistics_run, sample_dir):  # noqa: F811
    out, _ = statistics_run
    check_emissions(out, sample_dir)


def test_statistics_model_counts_and_report(statistics_run):
    out, results = statistics_run
    check_risk_and_report(out, results)
    province = read_csv(out / "province.csv")
    budget = layer_rows(out / "budget.gpkg")
    for row in province:
        year = int(row["year"])
        assert float(row["sink"]) == pytest.approx(sum(c[f"SNK_{year}"] for c in budget), rel=1e-9)


def test_statistics_model_uses_annual_climate(statistics_run, sample_dir, provider, tmp_path):  # noqa: F811
    """The sink comes from the annual climate: equal to nepsink run alone in annual mode, and larger than
    the monthly-climate sink every year (the annual approximation underestimates Rh; docs/algorithms/nepsink.md)."""
    import processing

    out, _ = statistics_run
    s = sample_dir
    npp = sorted(str(p) for p in (s / "npp").glob("*.tif"))
    common = {"NPP": npp, "NPP_SCALE": 0.1, "NPP_VALID_MAX": 32700}
    annual = processing.run("carbonbudget:nepsink", {
        **common, "TEMPERATURE": [str(s / "temperature_annual.tif")],
        "PRECIPITATION": [str(s / "precipitation_annual.tif")], "CLIMATE_TIMESTEP": 1,
        "OUTPUT": str(tmp_path / "annual.tif")})["OUTPUT"]
    monthly = processing.run("carbonbudget:nepsink", {
        **common, "TEMPERATURE": [str(s / "temperature_monthly.tif")],
        "PRECIPITATION": [str(s / "precipitation_monthly.tif")], "CLIMATE_TIMESTEP": 0,
        "OUTPUT": str(tmp_path / "monthly.tif")})["OUTPUT"]
    model_sink = raster_totals(out / "sink.tif")
    np.testing.assert_allclose(model_sink, raster_totals(annual), rtol=1e-9)
    for a, m in zip(model_sink, raster_totals(monthly)):
        assert m < a < 1.5 * m


# ---------------------------------------------------------------------------------------------- land-use model


def test_landuse_model_sink_is_area_times_coefficient(landuse_run, sample_dir):  # noqa: F811
    """The sink raster equals, per year, the class areas (1 km2 = 100 ha cells in UTM) times the CNLUCC
    coefficients x 44/12, counted independently from landuse.tif; the counties hold it up to split cells."""
    out, _ = landuse_run
    ds = gdal.Open(str(sample_dir / "landuse.tif"))
    expected = []
    for b in range(ds.RasterCount):
        classes = ds.GetRasterBand(b + 1).ReadAsArray()
        expected.append(sum(np.count_nonzero(classes == code) * 100.0 * t for code, t in CNLUCC_T_C_HA.items())
                        * 44 / 12)
    ds = None
    totals = raster_totals(out / "sink.tif")
    np.testing.assert_allclose(totals, expected, rtol=1e-6)
    # the counties are polygons of a 250 m raster aligned with the 1 km grid, so the share of a 1 km cell
    # inside the province is exactly (250 m cells inside) / 16: the counties' exact zonal sums add up to
    # the sink x that share (border cells, often forest in the hills, count only their inside part)
    share = province_share(sample_dir)
    ds = gdal.Open(str(out / "sink.tif"))
    budget = layer_rows(out / "budget.gpkg")
    for k, year in enumerate(range(2001, 2021)):
        sink = ds.GetRasterBand(k + 1).ReadAsArray().astype(np.float64)
        inside = float(np.nansum(sink * share))
        assert sum(c[f"SNK_{year}"] for c in budget) == pytest.approx(inside, rel=1e-6)
    ds = None


def test_landuse_model_emissions_risk_and_report(landuse_run, sample_dir):  # noqa: F811
    out, results = landuse_run
    check_emissions(out, sample_dir)
    check_risk_and_report(out, results)


# ---------------------------------------------------------------------------------------------- the model files


def load(name: str):
    from qgis.core import QgsProcessingModelAlgorithm

    from carbon_budget.algorithms.provider import MODELS_DIR

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODELS_DIR / f"{name}.model3"))
    return model


@pytest.mark.parametrize("name", MODELS)
def test_model_validates_with_ordered_analyst_named_inputs(provider, name):
    """Valid (no missing algorithm or input); inputs in the order an analyst fills them: tables and their
    fields, the polygons and their fields, rasters, then options; no internal ids in the labels or boxes."""
    model = load(name)
    valid, errors = model.validate()
    assert valid, errors
    bundled = next(a for a in provider.algorithms() if a.name() == name)
    assert bundled.create().validate()[0]
    inputs = [p for p in model.parameterDefinitions() if not p.isDestination()]
    kinds = [p.type() for p in inputs]
    rank = {"source": 0, "field": 0, "raster": 1, "multilayer": 1, "number": 2, "enum": 2, "string": 2}
    assert [rank[k] for k in kinds] == sorted(rank[k] for k in kinds), kinds
    seen = set()
    for p in inputs:
        if p.type() == "field":
            assert p.parentLayerParameterName() in seen, p.name()  # a field right after its table
        seen.add(p.name())
        assert p.description() != p.name() and "_" not in p.description(), p.description()
    assert [p.type() for p in inputs[:2]] == ["source", "field"]
    assert inputs[-1].name() == "title"
    for child_id, child in model.childAlgorithms().items():
        assert child.description() != child_id and child.description().endswith(f"({child_id})")
    (name_source,) = model.childAlgorithm("report").parameterSources()["NAME_FIELD"]
    assert name_source.parameterName() == "county_name_field"
    assert model.parameterDefinition("county_name_field").parentLayerParameterName() == "counties"


@pytest.mark.parametrize("name", ["riskworkflow", "riskworkflow_statistics"])
def test_npp_defaults_are_g_c_like_nepsink(provider, name):
    """NPP scale 1 and no valid maximum, as nepsink: NPP in g C m-2 yr-1 gives the same sink with the
    defaults; the help says what to set for MODIS digital numbers."""
    from qgis.core import QgsApplication

    model = load(name)
    nepsink = QgsApplication.processingRegistry().algorithmById("carbonbudget:nepsink")
    scale = nepsink.parameterDefinition("NPP_SCALE").defaultValue()
    assert model.parameterDefinition("npp_scale").defaultValue() == scale == 1.0
    assert model.parameterDefinition("npp_valid_max").defaultValue() is None
    assert nepsink.parameterDefinition("NPP_VALID_MAX").defaultValue() is None
    assert MODIS_HINT in model.helpContent()["ALG_DESC"]
    timestep = model.childAlgorithm("nepsink").parameterSources()["CLIMATE_TIMESTEP"][0].staticValue()
    assert timestep == (0 if name == "riskworkflow" else 1)  # monthly, annual
    assert "Annual" in model.parameterDefinition("temperature").description() or name == "riskworkflow"


@pytest.mark.parametrize("name", MODELS)
def test_provider_shows_each_model_with_name_help_and_page(provider, name):
    from qgis.PyQt.QtCore import QUrl

    from carbon_budget.algorithms.help_text import SUMMARY
    from carbon_budget.algorithms.provider import MODEL_DISPLAY_NAMES

    bundled = next(a for a in provider.algorithms() if a.name() == name)
    assert bundled.displayName() == MODEL_DISPLAY_NAMES[name]
    assert bundled.group() == "Workflow"
    help_text = bundled.shortHelpString()
    assert help_text.startswith(SUMMARY[name].replace("->", "-&gt;"))  # the whole summary, HTML-safe
    page = Path(QUrl(bundled.helpUrl()).toLocalFile())
    assert page.is_file() and page.stem == name


@pytest.fixture
def zh_cn(qgis_app):
    with ui_locale("zh_CN"):
        yield


def test_every_model_is_chinese_with_zh_cn(zh_cn):
    """Names, inputs, help and the modeler's box titles of every bundled model in Chinese."""
    import re

    import carbon_budget
    from carbon_budget.algorithms.provider import CarbonProvider

    cjk = re.compile(r"[\u4e00-\u9fff]")
    plugin = carbon_budget.classFactory(None)
    provider = CarbonProvider()  # not registered: the session's provider stays as it is
    try:
        provider.refreshAlgorithms()
        models = {alg.name(): alg for alg in provider.algorithms() if alg.name() in MODELS}
        assert sorted(models) == sorted(MODELS)
        english = []
        for name, model in models.items():
            shown = [model.displayName(), model.group(), model.shortHelpString()]
            shown += [p.description() for p in model.parameterDefinitions()]
            shown += [model.childAlgorithm(c).description() for c in model.childAlgorithms()]
            english += [f"{name}: {text}" for text in shown if not cjk.search(text)]
        assert english == []
    finally:
        plugin.unload()
