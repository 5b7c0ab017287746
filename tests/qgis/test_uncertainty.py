"""carbonbudget:riskuncertainty: Monte Carlo of the risk index (the engine: tests/engine/test_risk_uncertainty.py)."""

from __future__ import annotations

import math

import numpy as np
from helpers.budgets import NAMES, YEARS
from helpers.qgisrun import features, run

from carbon_budget.carbon_plugin import uncertainty
from carbon_budget.carbon_plugin.inputs import BudgetTable


def test_layer_fields_and_reproducible_default_seed(provider, budget_gpkg, tmp_path):
    path, emission, sink = budget_gpkg
    first = run("riskuncertainty", {"INPUT": path, "DRAWS": 300, "OUTPUT": str(tmp_path / "u1.gpkg")})
    second = run("riskuncertainty", {"INPUT": path, "DRAWS": 300, "OUTPUT": str(tmp_path / "u2.shp")})
    rows, again = features(first["OUTPUT"]), features(second["OUTPUT"])
    assert [r["NAME"] for r in rows] == NAMES and [r["NAME"] for r in again] == NAMES
    engine = uncertainty.risk_uncertainty(BudgetTable(emission, sink, YEARS),
                                          uncertainty.UncertaintyOptions(draws=300, seed=1))
    for b, first_year in enumerate((2001, 2006)):
        for name, values in (("RIM", engine.median), ("RIL", engine.low), ("RIH", engine.high),
                             ("PH", engine.p_high), ("PL", engine.p_level)):
            got = np.array([r[f"{name}_{first_year}"] for r in rows], dtype=float)
            np.testing.assert_allclose(got, values[:, b], atol=1e-12)
            np.testing.assert_allclose([r[f"{name}_{first_year}"] for r in again], got, atol=1e-12)
        assert [r[f"RLM_{first_year}"] for r in rows] == engine.likely_level[:, b].tolist()
    assert first["UNCERTAIN_COUNT"] == engine.uncertain_count(1)
    assert all(len(name) <= 10 for name in again[0])
    assert not math.isnan(rows[0]["RIM_2006"])


def test_zero_rsd_layer_equals_imbalancerisk(provider, budget_gpkg, tmp_path):
    path, _, _ = budget_gpkg
    params = {"INPUT": path, "NORMALISATION": 1, "COMPONENTS": [0, 1, 2]}
    mc = run("riskuncertainty", {**params, "EMISSION_RSD": 0, "SINK_RSD": 0, "DRAWS": 10,
                                 "OUTPUT": str(tmp_path / "u.gpkg")})
    risk = run("imbalancerisk", {**params, "OUTPUT": str(tmp_path / "r.gpkg"), "OUTPUT_SUMMARY": None})
    for a, b in zip(features(mc["OUTPUT"]), features(risk["OUTPUT"])):
        assert a["RIM_2006"] == b["RI_2006"] and a["RLM_2006"] == b["RL_2006"]
