"""carbonbudget:imbalancerisk on the hand-made lattice budget layer (the engine: tests/engine/test_imbalance.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers.budgets import NAMES, YEARS, ZERO_SINK, lattice_budget, write_budget_layer
from helpers.qgisrun import Recorder, features, run
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin import imbalance, risk
from carbon_budget.carbon_plugin.imbalance import RiskSettings
from carbon_budget.carbon_plugin.inputs import BudgetTable


def test_layer_and_summary_are_consistent(provider, budget_gpkg, tmp_path):
    path, emission, sink = budget_gpkg
    result = run("imbalancerisk", {"INPUT": path, "COMPONENTS": [0, 1, 2], "OUTPUT": str(tmp_path / "risk.gpkg"),
                  "OUTPUT_SUMMARY": str(tmp_path / "summary.gpkg")})
    rows = features(result["OUTPUT"])
    assert [r["NAME"] for r in rows] == NAMES
    engine = imbalance.assess_risk(BudgetTable(emission, sink, YEARS, np.full(16, 100.0)),
                                   RiskSettings(components=("state", "trend", "pressure")))
    summary = features(result["OUTPUT_SUMMARY"])
    assert [s["period"] for s in summary] == ["2001-2005", "2006-2010"]
    for b, first in enumerate((2001, 2006)):
        ri = np.array([r[f"RI_{first}"] for r in rows], dtype=float)
        rl = [r[f"RL_{first}"] for r in rows]
        cv = np.array([r[f"CV_{first}"] for r in rows], dtype=float)
        np.testing.assert_allclose(ri, engine.index[:, b], atol=1e-12)
        assert np.all((ri >= 0) & (ri <= 1))
        assert rl == risk.risk_levels(ri).tolist()
        assert abs(cv.sum()) <= 1e-6 * np.abs(cv).sum()
        row = summary[b]
        assert row["year"] == first and row["regions"] == 16
        assert sum(row[f"n_l{k}"] for k in range(1, 6)) + row["n_nodata"] == len(rows)
        for k in range(1, 6):
            assert row[f"n_l{k}"] == rl.count(k)
            assert row[f"sh_l{k}"] == pytest.approx(rl.count(k) / 16)
        assert row["n_high"] == int(np.sum(ri >= 0.6))
        assert row["high_share"] == pytest.approx(np.mean(ri >= 0.6))
        assert row["w_state"] + row["w_trend"] + row["w_pressure"] == pytest.approx(1.0)
        assert row["w_state"] == pytest.approx(engine.weights["state"])
    assert rows[ZERO_SINK]["RI_2001"] is not None and rows[ZERO_SINK]["RL_2001"] >= 1
    assert result["HIGH_RISK_SHARE"] == pytest.approx(summary[-1]["high_share"])
    assert "state" in result["WEIGHTS_USED"]
    # the method travels with the outputs: the summary rows and the GeoPackage layer's description
    assert result["METHOD"] == "absolute index, equal weights"
    assert {(row["normalis"], row["weighting"]) for row in summary} == {("absolute", "equal")}
    from osgeo import ogr

    dataset = ogr.Open(result["OUTPUT"].split("|")[0])  # kept alive while its layer is used
    description = dataset.GetLayer(0).GetMetadataItem("DESCRIPTION")
    assert description.startswith("Carbon imbalance risk: absolute index, equal weights")


def test_pressure_without_area_field_uses_geometry(provider, tmp_path):
    emission, sink = lattice_budget()
    path = write_budget_layer(tmp_path / "b.gpkg", emission, sink, extra_fields=False)
    with_area = write_budget_layer(tmp_path / "a.gpkg", emission, sink)
    a = run("imbalancerisk", {"INPUT": path, "COMPONENTS": [2], "OUTPUT": str(tmp_path / "o1.gpkg"),
                              "OUTPUT_SUMMARY": None})
    b = run("imbalancerisk", {"INPUT": with_area, "COMPONENTS": [2], "OUTPUT": str(tmp_path / "o2.gpkg"),
                              "OUTPUT_SUMMARY": None})
    # 10 km squares in UTM: ellipsoidal areas differ from 100 km2 by the scale factor, all alike
    ri_a = [r["RI_2001"] for r in features(a["OUTPUT"])]
    ri_b = [r["RI_2001"] for r in features(b["OUTPUT"])]
    np.testing.assert_allclose(ri_a, ri_b, atol=1e-3)


def test_user_weights_normalised_and_logged(provider, budget_gpkg, tmp_path):
    from qgis.core import QgsProcessingContext

    path, emission, sink = budget_gpkg
    feedback = Recorder()
    result = run("imbalancerisk", {"INPUT": path, "WEIGHTS": 2, "USER_WEIGHTS": "3, 1",
                                   "OUTPUT": str(tmp_path / "r.shp"),
                  "OUTPUT_SUMMARY": str(tmp_path / "s.csv")}, feedback=feedback, context=QgsProcessingContext())
    assert any("normalised to [0.75, 0.25]" in line for line in feedback.lines)
    rows = features(result["OUTPUT"])  # shapefile: names and fields kept
    assert [r["NAME"] for r in rows] == NAMES
    engine = imbalance.assess_risk(BudgetTable(emission, sink, YEARS),
                                   RiskSettings(weight_mode="user", user_weights=[0.75, 0.25]))
    np.testing.assert_allclose([r["RI_2006"] for r in rows], engine.index[:, 1], atol=1e-12)
    assert all(len(name) <= 10 for name in rows[0])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"WEIGHTS": 2, "USER_WEIGHTS": "1.5, -0.5"}, "must not be negative"),
        ({"WEIGHTS": 2, "USER_WEIGHTS": "1"}, "USER_WEIGHTS"),
        ({"LEVEL_BREAKS": "0.2, 0.6, 0.4, 0.8"}, "4 increasing numbers"),
        ({"PERIOD_LENGTH": 12}, "Period length 12"),
    ],
)
def test_bad_parameters(provider, budget_gpkg, tmp_path, params, message):
    path, _, _ = budget_gpkg
    with pytest.raises(QgsProcessingException, match=message):
        run("imbalancerisk", {"INPUT": path, "OUTPUT": str(tmp_path / "o.gpkg"), **params})


def test_layer_without_year_fields(provider, tmp_path):
    path = write_budget_layer(tmp_path / "b.gpkg", np.ones((16, 2)), np.ones((16, 2)), years=[2001, 2002])
    with pytest.raises(QgsProcessingException, match="at least 3 years"):
        run("imbalancerisk", {"INPUT": path, "OUTPUT": str(tmp_path / "o.gpkg")})


def test_balance_layer_as_input_keeps_its_fields(provider, budget_gpkg, tmp_path):
    import processing

    path, _, _ = budget_gpkg
    balance = processing.run("carbonbudget:balancetrend", {"INPUT": path, "OUTPUT": str(tmp_path / "bal.gpkg")})
    result = run("imbalancerisk", {"INPUT": balance["OUTPUT"], "OUTPUT": str(tmp_path / "risk.gpkg")})
    row = features(result["OUTPUT"])[0]
    assert {"ST_2001", "SEN_ALL", "RI_2001", "RL_2006", "CV_2006"} <= set(row)
    # running again on its own output replaces the fields instead of duplicating them
    again = run("imbalancerisk", {"INPUT": result["OUTPUT"], "OUTPUT": str(tmp_path / "risk2.gpkg")})
    names = list(features(again["OUTPUT"])[0])
    assert names.count("RI_2001") == 1
    assert not math.isnan(features(again["OUTPUT"])[0]["RI_2001"])
