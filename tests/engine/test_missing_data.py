"""One missing-data rule through the chain: no data is NULL (NaN), never 0, and is counted as
"no data" alike by balancetrend, imbalancerisk and the report (issue 14)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from carbon_budget.carbon_plugin import balance, budget, imbalance
from carbon_budget.carbon_plugin.imbalance import RiskSettings
from carbon_budget.carbon_plugin.inputs import BudgetTable
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.reporting import model as report

YEARS = list(range(2001, 2011))
BLOCKS = [(2001, YEARS[:5]), (2006, YEARS[5:])]


@st.composite
def budgets_with_gaps(draw):
    n = draw(st.integers(2, 7))
    emission = draw(hnp.arrays(float, (n, 10), elements=st.floats(1.0, 1e6)))
    sink = draw(hnp.arrays(float, (n, 10), elements=st.one_of(st.just(0.0), st.floats(1.0, 1e6))))
    gaps = draw(hnp.arrays(bool, (n, 10), elements=st.booleans()))
    no_flux = draw(hnp.arrays(bool, (n, 10), elements=st.sampled_from([False, False, False, True])))
    emission = np.where(gaps, np.nan, emission)
    emission = np.where(no_flux, 0.0, emission)
    sink = np.where(no_flux, 0.0, sink)
    return emission, sink


def expected_missing(emission, sink) -> np.ndarray:
    """(regions, periods): True where a period has no year with both E and S and some flux."""
    usable = ~np.isnan(emission) & ~np.isnan(sink) & ~((emission == 0) & (sink == 0))
    return np.stack([~usable[:, :5].any(axis=1), ~usable[:, 5:].any(axis=1)], axis=1)


@settings(max_examples=150, deadline=None)
@given(budgets_with_gaps(), st.sampled_from(["absolute", "relative"]))
def test_null_exactly_where_data_is_missing_in_every_stage(data, normalisation):
    emission, sink = data
    missing = expected_missing(emission, sink)
    states = balance.balance_trend(BudgetTable(emission, sink, YEARS)).state
    np.testing.assert_array_equal(np.isnan(states), missing)
    if normalisation == "relative" and missing.all():
        return  # nothing to normalise over
    result = imbalance.assess_risk(BudgetTable(emission, sink, YEARS),
                                   RiskSettings(normalisation, ("state",), "equal"), progress=Progress())
    np.testing.assert_array_equal(np.isnan(result.index), missing)
    np.testing.assert_array_equal(result.level == 0, missing)
    rows = report.risk_summary_from_layer(result.index, result.level, ["2001-2005", "2006-2010"], [2001, 2006])
    for b, (summary, row) in enumerate(zip(result.summaries, rows)):
        assert summary.counts[0] == row.nodata == int(missing[:, b].sum())
        assert summary.regions == row.regions == int((~missing[:, b]).sum())


def test_zero_sink_with_emission_is_the_worst_state_not_missing():
    e = np.full((1, 10), 5.0)
    s = np.zeros((1, 10))
    assert (balance.balance_trend(BudgetTable(e, s, YEARS)).state == 5).all()
    assert (imbalance.assess_risk(BudgetTable(e, s, YEARS)).components.values[0] == 1.0).all()  # D = 1


def test_no_flux_at_all_is_no_data():
    e = np.zeros((2, 10))
    s = np.zeros((2, 10))
    e[1], s[1] = 4.0, 2.0
    result = imbalance.assess_risk(BudgetTable(e, s, YEARS))
    assert np.isnan(result.index[0]).all() and not np.isnan(result.index[1]).any()
    assert np.isnan(balance.province_totals(e[:1], s[:1], YEARS).emission).all()


def test_identical_regions_are_reported():
    progress = Progress()
    e = np.full((3, 10), 10.0)
    imbalance.assess_risk(BudgetTable(e, e, YEARS), RiskSettings(weight_mode="entropy"), progress=progress)
    assert any("same risk index 0.250" in w for w in progress.warnings)
    assert any("entropy weights carry no information" in w for w in progress.warnings)


def test_shares_leave_out_regions_without_data():
    e = np.array([[2.0], [2.0], [np.nan]])
    s = np.array([[1.0], [3.0], [5.0]])
    esc = budget.region_budget(e, s, np.ones(3))["esc"]
    # regions 1-2: S shares 1/4, 3/4 over E shares 1/2, 1/2; region 3 has no emission: no share
    np.testing.assert_allclose(esc[:2, 0], [0.5, 1.5])
    assert np.isnan(esc[2, 0])
