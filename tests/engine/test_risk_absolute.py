"""The absolute risk index (METHODS section 6): hand anchors, pymannkendall, invariance, monotonicity."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pymannkendall
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from carbon_budget.carbon_plugin import imbalance, risk
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.imbalance import RiskSettings
from carbon_budget.carbon_plugin.inputs import BudgetTable

YEARS = [2016, 2017, 2018, 2019, 2020]


def one_region(emission, sink) -> float:
    result = imbalance.assess_risk(BudgetTable(np.atleast_2d(emission), np.atleast_2d(sink), YEARS))
    return float(result.index[0, 0])


def test_anchor_sink_covers_emission_without_trend():
    # D = 0 (S >= E), no trend: T = Phi(0) = 0.5, RI = 0.5 x 0 + 0.5 x 0.5
    assert one_region([10.0] * 5, [12.0] * 5) == 0.25


def test_anchor_csr_5_without_trend():
    # D = 1 - 1/5 = 0.8, T = 0.5: RI = 0.4 + 0.25
    assert one_region([10.0] * 5, [2.0] * 5) == pytest.approx(0.65, abs=1e-15)


def test_anchor_csr_5_rising_uses_the_mann_kendall_z():
    emission = np.array([8.0, 9.0, 10.0, 11.0, 12.0])  # mean 10, S = 2: period CSR 5
    sink = np.full(5, 2.0)
    z = pymannkendall.original_test(emission / sink).z
    expected = 0.5 * 0.8 + 0.5 * NormalDist().cdf(z)
    assert one_region(emission, sink) == pytest.approx(expected, abs=1e-12)
    assert 0.85 < expected < 0.95  # METHODS: "about 0.9"


def test_degree_edge_cases():
    e = np.array([10.0, 10.0, 0.0, -1.0, np.nan, 10.0])
    s = np.array([20.0, 0.0, 5.0, 5.0, 1.0, -3.0])
    np.testing.assert_array_equal(risk.imbalance_degree(e, s), [0.0, 1.0, 0.0, 0.0, np.nan, 1.0])


def test_zero_sink_every_year_has_full_degree_and_no_trend():
    # S = 0: no annual CSR, so no Z: T = 0.5 and a log line; D = 1
    from carbon_budget.carbon_plugin.progress import Progress

    progress = Progress()
    result = imbalance.assess_risk(BudgetTable(np.array([[5.0] * 5]), np.zeros((1, 5)), YEARS), progress=progress)
    assert result.index[0, 0] == 0.75
    assert any("trend score 0.5" in w for w in progress.warnings)


def test_missing_years_and_regions_without_data():
    e = np.array([[10.0, np.nan, 10.0, 10.0, 10.0], [np.nan] * 5])
    s = np.array([[2.0, 2.0, 2.0, np.nan, 2.0], [1.0] * 5])
    result = imbalance.assess_risk(BudgetTable(e, s, YEARS))
    assert result.index[0, 0] == pytest.approx(0.65)  # three years with both: no trend, CSR 5
    assert np.isnan(result.index[1, 0]) and result.level[1, 0] == 0
    assert result.summaries[0].regions == 1 and result.summaries[0].counts[0] == 1
    # with the trend alone too: no data is no index, not the 0.5 of "no trend"
    trend_only = imbalance.assess_risk(BudgetTable(e, s, YEARS), RiskSettings(components=("trend",)))
    assert trend_only.index[0, 0] == 0.5 and np.isnan(trend_only.index[1, 0])
    assert trend_only.summaries[0].counts[0] == 1


def test_pressure_with_a_reference_density():
    e = np.array([[300.0] * 5])
    s = np.array([[600.0] * 5])
    result = imbalance.assess_risk(BudgetTable(e, s, YEARS, np.ones(1)), RiskSettings(
        components=("state", "trend", "pressure"), reference_density=100.0))
    # D 0, T 0.5, P = 300 / (300 + 100) = 0.75, equal weights 1/3
    assert result.index[0, 0] == pytest.approx((0.0 + 0.5 + 0.75) / 3, abs=1e-12)
    with pytest.raises(CarbonInputError, match="reference emission density must be positive"):
        RiskSettings(components=("pressure",), reference_density=0.0)


def test_pressure_median_reference_is_logged_as_relative():
    from carbon_budget.carbon_plugin.progress import Progress

    progress = Progress()
    e = np.array([[100.0] * 5, [300.0] * 5, [900.0] * 5])
    result = imbalance.assess_risk(BudgetTable(e, e * 2, YEARS, np.ones(3)), RiskSettings(components=("pressure",)),
                                   progress=progress)
    assert result.reference_density == 300.0
    np.testing.assert_allclose(result.index[:, 0], [0.25, 0.5, 0.75])
    assert any("relative to this set of regions" in w for w in progress.warnings)


def test_z_from_a_balance_layer_replaces_the_computed_one():
    e = np.array([[8.0, 9.0, 10.0, 11.0, 12.0]])
    s = np.full((1, 5), 2.0)
    assert imbalance.assess_risk(BudgetTable(e, s, YEARS), mk_z=np.zeros((1, 1))).index[0, 0] == pytest.approx(0.65)


def test_default_weights_follow_the_normalisation():
    assert RiskSettings("absolute").weight_mode == "equal"
    assert RiskSettings("relative").weight_mode == "entropy"
    with pytest.raises(CarbonInputError, match="Unknown normalisation"):
        RiskSettings("z-score")


# ---------------------------------------------------------------------------------------------
# Invariance and monotonicity (hypothesis)

TONNES = st.one_of(st.just(0.0), st.floats(1e-3, 1e7))  # t per year: zero or physically meaningful
BUDGET = st.integers(2, 8).flatmap(lambda n: st.tuples(
    hnp.arrays(float, (n, 10), elements=TONNES),
    hnp.arrays(float, (n, 10), elements=TONNES),
    hnp.arrays(float, n, elements=st.floats(1.0, 1e4)),
    st.integers(0, n - 1),
))
SETTINGS = st.sampled_from([
    RiskSettings(),
    RiskSettings(weight_mode="user", user_weights=[0.7, 0.3]),
    RiskSettings(components=("state", "trend", "pressure"), reference_density=1000.0),
    RiskSettings(components=("state", "trend", "pressure"), reference_density=50.0, weight_mode="user",
                 user_weights=[1.0, 2.0, 1.0]),
])
TEN_YEARS = list(range(2001, 2011))


def index_of(e, s, area, options: RiskSettings):
    return imbalance.assess_risk(BudgetTable(e, s, TEN_YEARS, area), options).index


@settings(max_examples=120, deadline=None)
@given(BUDGET, SETTINGS)
def test_other_regions_never_change_a_region_index(budget, options):
    e, s, area, k = budget
    full = index_of(e, s, area, options)
    keep = np.arange(len(e)) != k
    # removing region k
    np.testing.assert_array_equal(index_of(e[keep], s[keep], area[keep], options), full[keep])
    # adding a copy of every region
    doubled = index_of(np.vstack([e, e * 3]), np.vstack([s, s]), np.concatenate([area, area]), options)
    np.testing.assert_array_equal(doubled[:len(e)], full)
    # one region's emission x 1000 (an outlier)
    outlier = e.copy()
    outlier[k] *= 1000.0
    np.testing.assert_array_equal(index_of(outlier, s, area, options)[keep], full[keep])


@settings(max_examples=120, deadline=None)
@given(BUDGET, SETTINGS, st.sampled_from([2.0, 4.0, 1024.0]))
def test_raising_a_region_emission_never_lowers_its_index(budget, options, factor):
    e, s, area, k = budget
    before = index_of(e, s, area, options)[k]
    raised = e.copy()
    raised[k] *= factor  # a power of 2: exact, so the order of the years (and the trend) is kept
    after = index_of(raised, s, area, options)[k]
    known = ~np.isnan(before)
    assert np.all(after[known] >= before[known])
