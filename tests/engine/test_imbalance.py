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


def test_period_summary_counts_regions_without_an_index_as_no_data():
    """The one rule of every risk summary: a region has an index when RI is a number; regions without one are
    "no data" (counts[0]) and in no share, whatever their level says; the report counts a layer the same way."""
    from carbon_budget.carbon_plugin.reporting import model

    index = np.array([0.1, 0.65, 0.9, np.nan, np.nan, 0.7, 0.3, 0.6])
    # a layer after an edit: region 3 has level 5 but no index (a field calculator CASE ... ELSE 5 on NULL),
    # region 4 nothing, region 5 an index but RL NULL, region 6 RL 0
    level = np.array([1, 4, 5, 5, np.nan, np.nan, 0, 4])
    s = imbalance.period_summary(2016, "2016-2020", index, level)
    assert s.regions == 6 and s.counts[0] == 2  # the denominator: regions with an index; no data apart
    assert s.counts == {0: 2, 1: 1, 2: 1, 3: 0, 4: 3, 5: 1}  # region 5 at the level of 0.7, region 6 of 0.3
    assert sum(s.counts.values()) == len(index)
    assert s.high_count == 4 and s.high_share == pytest.approx(4 / 6)  # 0.65, 0.9, 0.7, 0.6 (on the break)
    assert sum(s.shares.values()) == pytest.approx(1.0)
    # the same numbers whether the levels are given or derived from the index
    derived = imbalance.period_summary(2016, "2016-2020", index)
    assert (derived.regions, derived.counts, derived.high_count) == (s.regions, s.counts, s.high_count)
    np.testing.assert_array_equal(imbalance.summary_levels(index, level), [1, 4, 5, 0, 0, 4, 2, 4])
    # the report's summary of the same columns is the engine's, row for row
    (row,) = model.risk_summary_from_layer(index[:, None], level[:, None], ["2016-2020"], [2016])
    assert (row.period, row.year, row.regions, row.nodata, row.high_count) == ("2016-2020", 2016, 6, 2, 4)
    assert row.counts == {k: s.counts[k] for k in range(1, 6)} and row.high_share == s.high_share
    # no region with an index: shares are not numbers, not 0 %
    empty = imbalance.period_summary(2016, "2016-2020", np.full(3, np.nan), np.array([5, 5, np.nan]))
    assert empty.regions == 0 and empty.counts[0] == 3 and np.isnan(empty.high_share)


def test_assess_risk_summary_with_a_region_without_data():
    emission, sink = lattice_budget()
    emission[3, 5:] = np.nan  # region 3: no year with both E and S in 2006-2010
    result = imbalance.assess_risk(BudgetTable(emission, sink, YEARS))
    last = result.summaries[-1]
    assert np.isnan(result.index[3, 1]) and result.level[3, 1] == 0
    assert (last.regions, last.counts[0]) == (15, 1) and sum(last.counts.values()) == 16
    assert last.high_share == pytest.approx(last.high_count / 15)
    assert last.label == "2006-2010" and last.first_year == 2006
