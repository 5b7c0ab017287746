"""End to end: the bundled model carbonbudget:riskworkflow on the sample province via qgis_process.bin."""

from __future__ import annotations

import csv

import pytest
from helpers.qgisprocess import enable_plugin, qgis_process, run_algorithm
from helpers.rasters import raster_totals
from helpers.sample import sample_dir  # noqa: F401
from helpers.vectors import layer_rows

pytestmark = pytest.mark.e2e


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def workflow(sample_dir, plugins_dir, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("workflow")
    profile = tmp_path_factory.mktemp("profile")
    enable_plugin(plugins_dir, profile)
    listed = qgis_process(["list"], plugins_dir, profile).stdout
    assert "carbonbudget:riskworkflow" in listed
    s = sample_dir
    results = run_algorithm("carbonbudget:riskworkflow", {
        "energy_table": s / "energy_city.csv", "energy_region_field": "city_code",
        "cities": s / "cities.gpkg", "city_field": "city_code", "nightlights": s / "ntl.tif",
        "npp": sorted(str(p) for p in (s / "npp").glob("*.tif")), "npp_scale": 0.1, "npp_valid_max": 32700,
        "temperature": s / "temperature_monthly.tif", "precipitation": s / "precipitation_monthly.tif",
        "counties": s / "counties.gpkg", "county_field": "code", "county_name_field": "name_zh",
        "energyemissions:emission_statistics": out / "emissions.csv",
        "gridemissions:emission": out / "emission.tif", "nepsink:sink": out / "sink.tif",
        "zonalbudget:budget": out / "budget.gpkg", "balancetrend:province": out / "province.csv",
        "imbalancerisk:risk": out / "risk.gpkg", "imbalancerisk:risk_summary": out / "risk_summary.csv",
        "riskuncertainty:uncertainty": out / "uncertainty.gpkg",
        "hotspots:hotspots": out / "hotspots.gpkg", "report:report": out / "report.html",
    }, plugins_dir, profile)
    return out, results


def test_gridded_emissions_equal_the_statistics(workflow):
    out, _ = workflow
    by_year: dict[int, float] = {}
    for row in read_csv(out / "emissions.csv"):
        by_year[int(row["year"])] = by_year.get(int(row["year"]), 0.0) + float(row["CO2_T"])
    totals = raster_totals(out / "emission.tif")
    assert len(totals) == 20
    for total, year in zip(totals, sorted(by_year)):
        assert total == pytest.approx(by_year[year], rel=1e-6)


def test_county_sums_add_up_to_the_province(workflow, sample_dir, provider):  # noqa: F811
    """Counties add up to their union: the same rasters summed over the 5 cities (the dissolved
    counties) give the same totals; the province table is the sum of the counties."""
    import processing

    out, _ = workflow
    counties = layer_rows(out / "budget.gpkg")
    assert len(counties) == 30
    cities_out = processing.run("carbonbudget:zonalbudget", {
        "REGIONS": str(sample_dir / "cities.gpkg"), "REGION_FIELD": "city_code",
        "EMISSIONS": [str(out / "emission.tif")], "SINKS": [str(out / "sink.tif")],
        "OUTPUT": str(out / "cities_budget.gpkg")})["OUTPUT"]
    cities = layer_rows(cities_out)
    emission_totals = raster_totals(out / "emission.tif")
    for k, row in enumerate(read_csv(out / "province.csv")):
        year = int(row["year"])
        for prefix, column in (("EMI_", "emission"), ("SNK_", "sink")):
            county_sum = sum(c[f"{prefix}{year}"] for c in counties)
            assert county_sum == pytest.approx(sum(c[f"{prefix}{year}"] for c in cities), rel=1e-9)
            assert float(row[column]) == pytest.approx(county_sum, rel=1e-9)
        # the gridded raster holds the statistics exactly; summed back over the province with exact
        # coverage, cells cut by the outer border count only their covered part (docs/BENCHMARKS.md)
        county_e = sum(c[f"EMI_{year}"] for c in counties)
        assert emission_totals[k] * (1 - 2e-3) < county_e <= emission_totals[k] * (1 + 1e-9)


def test_risk_summary_counts_equal_the_layer(workflow):
    out, _ = workflow
    risk = layer_rows(out / "risk.gpkg")
    summary = read_csv(out / "risk_summary.csv")
    assert [r["period"] for r in summary] == ["2001-2005", "2006-2010", "2011-2015", "2016-2020"]
    for row in summary:
        first = int(row["year"])
        levels = [r[f"RL_{first}"] for r in risk]
        assert [int(row[f"n_l{k}"]) for k in range(1, 6)] == [levels.count(k) for k in range(1, 6)]
        assert int(row["n_high"]) == sum(r[f"RI_{first}"] >= 0.6 for r in risk)
    hot = layer_rows(out / "hotspots.gpkg")
    assert len(hot) == 30 and {"GI_Z", "GI_BIN", "LISA_CL"} <= set(hot[0])


def test_risk_is_the_absolute_index_with_its_uncertainty(workflow):
    """The model runs the default (absolute) index, and the Monte Carlo layer brackets it per region."""
    out, results = workflow
    summary = read_csv(out / "risk_summary.csv")
    assert {r["normalis"] for r in summary} == {"absolute"}
    assert {r["weighting"] for r in summary} == {"equal"}  # WEIGHTS left empty: equal for absolute
    assert results["riskuncertainty:uncertainty"] == str(out / "uncertainty.gpkg")
    rows = layer_rows(out / "uncertainty.gpkg")
    assert len(rows) == 30
    for first in (int(r["year"]) for r in summary):
        for prefix in ("RIM", "RIL", "RIH", "PH", "RLM", "PL"):
            assert f"{prefix}_{first}" in rows[0], (prefix, first)
        for r in rows:
            assert r[f"RIL_{first}"] <= r[f"RIM_{first}"] <= r[f"RIH_{first}"]
            assert 0.0 <= r[f"PH_{first}"] <= 1.0
            assert 0.0 < r[f"PL_{first}"] <= 1.0  # the most likely level has at least 1/5 of the draws
    # the report names the method and counts the uncertain levels of the same layer
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Risk index method: Absolute index, Equal weights." in html
    uncertain = {r["period"]: sum(u["PL_" + r["year"]] < 0.6 for u in rows) for r in summary}
    counts = "; ".join(f"{period}: {n} of {len(rows)}" for period, n in uncertain.items())
    assert counts in html
    assert f"Probability of a high risk index (0.6 or more), {summary[-1]['period']}" in html


@pytest.mark.parametrize("name", ["riskworkflow", "riskworkflow_statistics", "riskworkflow_landuse"])
def test_model_file_runs_the_default_index_and_lays_out_its_boxes(provider, name):
    """Every bundled model: imbalancerisk with NORMALISATION 0 and no stale WEIGHTS, riskuncertainty
    after it on the balance layer, and no two boxes of the modeler overlapping."""
    from qgis.core import QgsProcessingModelAlgorithm
    from qgis.PyQt.QtCore import QRectF

    from carbon_budget.algorithms.compat import MODEL_SOURCE_CHILD_OUTPUT
    from carbon_budget.algorithms.provider import MODELS_DIR

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODELS_DIR / f"{name}.model3"))
    risk = model.childAlgorithm("imbalancerisk").parameterSources()
    assert "WEIGHTS" not in risk and "USER_WEIGHTS" not in risk
    assert [s.staticValue() for s in risk["NORMALISATION"]] == [0]
    uncertainty = model.childAlgorithm("riskuncertainty")
    (source,) = uncertainty.parameterSources()["INPUT"]
    assert source.source() == MODEL_SOURCE_CHILD_OUTPUT
    assert (source.outputChildId(), source.outputName()) == ("balancetrend", "OUTPUT")
    assert [d.childId for d in uncertainty.dependencies()] == ["imbalancerisk"]
    assert "uncertainty" in uncertainty.modelOutputs()
    boxes = []
    for component_name in model.parameterComponents():
        component = model.parameterComponent(component_name)
        boxes.append((component_name, component.position(), component.size()))
    for child_id, child in model.childAlgorithms().items():
        boxes.append((child_id, child.position(), child.size()))
        boxes += [(f"{child_id}:{n}", o.position(), o.size()) for n, o in child.modelOutputs().items()]
    rects = [(box, QRectF(p.x() - s.width() / 2, p.y() - s.height() / 2, s.width(), s.height()))
             for box, p, s in boxes]
    overlapping = [(a, b) for k, (a, ra) in enumerate(rects) for b, rb in rects[k + 1:] if ra.intersects(rb)]
    assert overlapping == []
    assert len(boxes) > 30


def test_report_names_every_period(workflow):
    out, results = workflow
    html = (out / "report.html").read_text(encoding="utf-8")
    assert results["report:report"] == str(out / "report.html")
    for period in ("2001-2005", "2006-2010", "2011-2015", "2016-2020"):
        assert period in html
    # the counties' name field reaches the report: its tables name counties, not codes
    names = {r["name_zh"] for r in layer_rows(out / "risk.gpkg")}
    assert sum(n in html for n in names) >= 5
    assert html.count("data:image/png;base64,") >= 9  # a state and a risk map per period, the hot spots


def test_zonalbudget_alone_through_qgis_process(workflow, sample_dir, plugins_dir, tmp_path):  # noqa: F811
    """The zonal budget as an analyst scripts it; the result opens in QGIS with the contract's fields."""
    from qgis.core import QgsVectorLayer

    out, _ = workflow
    profile = tmp_path / "profile"
    profile.mkdir()
    enable_plugin(plugins_dir, profile)
    result = run_algorithm("carbonbudget:zonalbudget", {
        "REGIONS": sample_dir / "counties_4326.gpkg", "REGION_FIELD": "code", "EMISSIONS": out / "emission.tif",
        "SINKS": out / "sink.tif", "GDP_FIELD_PREFIX": "GDP_", "OUTPUT": tmp_path / "budget.shp",
    }, plugins_dir, profile)
    layer = QgsVectorLayer(result["OUTPUT"], "budget", "ogr")
    assert layer.isValid() and layer.featureCount() == 30
    names = set(layer.fields().names())
    assert {"code", "name_zh", "AREA_KM2", "EMI_2001", "SNK_2020", "NET_2010", "RAT_2015", "ECC_2020",
            "ESC_2001"} <= names
    assert {f["name_zh"] for f in layer.getFeatures()} == {r["name_zh"] for r in layer_rows(out / "budget.gpkg")}
    # the same counties delivered in EPSG:4326 give the same totals as the projected ones (1e-4)
    projected = {r["code"]: r for r in layer_rows(out / "budget.gpkg")}
    for feature in layer.getFeatures():
        assert feature["EMI_2020"] == pytest.approx(projected[feature["code"]]["EMI_2020"], rel=1e-4)
