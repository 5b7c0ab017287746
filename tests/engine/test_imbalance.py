"""carbon_plugin.imbalance on hand-made budgets and the lattice budget (no QGIS)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.budgets import YEARS, ZERO_SINK, lattice_budget

from carbon_budget.carbon_plugin import imbalance, risk
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.imbalance import RiskSettings
from carbon_budget.carbon_plugin.inputs import BudgetTable


def test_engine_by_hand_equal_weights():
    # 3 regions, 4 years, periods of 2; S = 0 for region 2 -> cap
    years = [2001, 2002, 2003, 2004]
    e = np.array([[1.0, 1.0, 2.0, 2.0], [4.0, 4.0, 4.0, 4.0], [1.0, 1.0, 1.0, 1.0]])
    s = np.array([[2.0, 2.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0], [0.0, 0.0, 0.0, 0.0]])
    cap = 10.0
    result = imbalance.assess_risk(BudgetTable(e, s, years), RiskSettings(
        "relative", weight_mode="equal", cap=cap, period_length=2, price=2.0))
    # capped CSR (regions, periods): period 1: 0.5, 4, 10; period 2: 1, 2, 10
    np.testing.assert_allclose(result.csr, [[0.5, 1.0], [4.0, 2.0], [10.0, 10.0]])
    state = np.log(result.csr)
    state = (state - state.min()) / (state.max() - state.min())
    # trend: first period Sen slope of annual capped CSR (0 for all: constant within the period) x 2;
    # second period: change 0.5, -2, 0
    trend = np.array([[0.0, 0.5], [0.0, -2.0], [0.0, 0.0]])
    trend = (trend + 2.0) / 2.5
    np.testing.assert_allclose(result.index, (state + trend) / 2)
    assert result.weights == {"state": 0.5, "trend": 0.5}
    assert result.level.tolist() == risk.risk_levels(result.index).tolist()
    # compensation: period 1 E = (1, 4, 1), S = (2, 1, 0), S_R / E_R = 3/6 -> (1.5, -1, -0.5) x 2
    np.testing.assert_allclose(result.compensation[:, 0], [3.0, -2.0, -1.0])
    assert result.summaries[0].regions == 3
    assert sum(result.summaries[0].counts.values()) == 3


def test_engine_zero_sink_gets_cap_and_top_state():
    emission, sink = lattice_budget()
    result = imbalance.assess_risk(BudgetTable(emission, sink, YEARS, np.full(16, 100.0)),
                                   RiskSettings(components=("state", "trend", "pressure")))
    assert np.all(result.csr[ZERO_SINK] == 100.0)
    assert not np.isnan(result.index).any()
    assert np.all(result.components.values[0][ZERO_SINK] == 1.0)  # highest state score
    assert np.all((result.index >= 0) & (result.index <= 1))
    assert sum(result.weights.values()) == pytest.approx(1.0)
    np.testing.assert_allclose(np.nansum(result.compensation, axis=0), 0.0, atol=1e-6 * np.abs(
        result.compensation).sum(axis=0).max())


def test_engine_bad_input():
    budget = BudgetTable(*lattice_budget(), YEARS)
    with pytest.raises(CarbonInputError, match="needs the region areas"):
        imbalance.assess_risk(budget, RiskSettings(components=("pressure",)))
    with pytest.raises(CarbonInputError, match="must not be negative"):
        RiskSettings(weight_mode="user", user_weights=[1.5, -0.5])
    with pytest.raises(CarbonInputError, match="4 increasing numbers"):
        RiskSettings(level_breaks=(0.2, 0.4, 0.6))
    with pytest.raises(CarbonInputError, match="Components must be"):
        RiskSettings(components=("stat",))
    with pytest.raises(CarbonInputError, match="carbon price must be >= 0"):
        RiskSettings(price=-1.0)
