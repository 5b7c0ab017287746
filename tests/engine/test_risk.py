"""Engine tests for carbon_plugin.risk: entropy weights, risk index, levels, compensation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from carbon_budget.carbon_plugin import risk
from carbon_budget.carbon_plugin.errors import CarbonInputError, fill


def test_entropy_weights_hand_computed():
    matrix = np.array(
        [
            [3.0, 2.0, 1.0],
            [3.0, 2.0, 1.0],
            [3.0, 0.0, 0.0],
            [3.0, 4.0, 0.0],
        ]
    )
    # n = 4, ln n = 2 ln 2.
    # column 1: p = 3/12 = 1/4 each; H = -4 (1/4) ln(1/4) = 2 ln 2; e1 = 1; 1 - e1 = 0
    # column 2: sum 8, p = (1/4, 1/4, 0, 1/2) (0 ln 0 = 0);
    #           H = 2 (1/4) ln 4 + (1/2) ln 2 = ln 2 + 0.5 ln 2 = 1.5 ln 2; e2 = 1.5/2 = 0.75
    # column 3: sum 2, p = (1/2, 1/2, 0, 0); H = ln 2; e3 = 0.5
    # 1 - e = (0, 0.25, 0.5), sum 0.75 -> w = (0, 1/3, 2/3)
    np.testing.assert_allclose(risk.entropy_weights(matrix), [0.0, 1 / 3, 2 / 3], atol=1e-12)


def test_entropy_weights_degenerate_and_bad():
    np.testing.assert_allclose(risk.entropy_weights(np.ones((3, 2))), [0.5, 0.5])
    with pytest.raises(CarbonInputError, match="non-negative"):
        risk.entropy_weights([[1.0, -1.0], [1.0, 2.0]])
    with pytest.raises(CarbonInputError, match="at least 2 observations"):
        risk.entropy_weights([[1.0, 2.0]])


def test_minmax_pooled_and_constant():
    np.testing.assert_allclose(risk.minmax([[1.0, 3.0], [5.0, math.nan]]), [[0.0, 0.5], [1.0, math.nan]])
    np.testing.assert_array_equal(risk.minmax([2.0, 2.0, math.nan]), [0.0, 0.0, math.nan])


PERIOD_SHAPE = st.tuples(st.integers(2, 12), st.integers(1, 4))  # (regions, periods)


@st.composite
def budgets(draw):
    shape = draw(PERIOD_SHAPE)
    ratio = st.one_of(st.floats(0, 1e6), st.just(math.nan))
    csr = draw(hnp.arrays(float, shape, elements=ratio))
    sink = draw(hnp.arrays(float, shape, elements=st.floats(-10, 1e6)))
    slope = draw(hnp.arrays(float, shape[0], elements=st.floats(-50, 50)))
    density = draw(hnp.arrays(float, shape, elements=st.floats(0, 1e5)))
    user = draw(st.lists(st.floats(0, 10), min_size=3, max_size=3).filter(lambda w: sum(w) > 0))
    return csr, sink, slope, density, user


@settings(max_examples=150, deadline=None)
@given(budgets())
def test_risk_index_within_unit_interval(data):
    csr, sink, slope, density, user = data
    components = risk.relative_components(csr, sink, slope, 5, density=density)
    rows = components.values.reshape(3, -1).T  # (region-periods, components)
    known_rows = rows[~np.isnan(rows).any(axis=1)]
    for mode in ("equal", "user", "entropy"):
        matrix = known_rows if mode == "entropy" else None
        if mode == "entropy" and len(known_rows) < 2:
            continue
        weights, _ = risk.resolve_weights(mode, 3, user=user, matrix=matrix)
        index = risk.risk_index(components, weights)
        valid = index[~np.isnan(index)]
        assert ((valid >= 0) & (valid <= 1)).all()
        # NaN only where CSR is unknown with a positive sink, in this or the previous period
        unknown = np.isnan(csr) & ~(sink <= 0)
        unknown[:, 1:] |= unknown[:, :-1]
        np.testing.assert_array_equal(np.isnan(index), unknown)


def test_zero_or_negative_sink_takes_cap():
    csr = np.array([[2.0], [math.nan], [math.nan], [0.5]])  # 4 regions, 1 period
    sink = np.array([[10.0], [0.0], [-3.0], [4.0]])
    np.testing.assert_array_equal(risk.capped_csr(csr, sink, cap=100), [[2.0], [100.0], [100.0], [0.5]])
    components = risk.relative_components(csr, sink, np.zeros(4), 5)
    state = components.values[components.names.index("state")]
    # ln CSR: ln 2, ln 100, ln 100, ln 0.5 -> min-max over pooled values
    expected = (np.log([2.0, 100.0, 100.0, 0.5]) - math.log(0.5)) / (math.log(100) - math.log(0.5))
    np.testing.assert_allclose(state[:, 0], expected)
    index = risk.risk_index(components, [0.5, 0.5])
    assert not np.isnan(index).any()


def test_trend_component_first_period_uses_slope():
    csr = np.array([[1.0, 1.5, 3.0], [2.0, 1.0, 1.0]])  # 2 regions, 3 periods
    sink = np.ones_like(csr)
    components = risk.relative_components(csr, sink, np.array([0.1, -0.2]), 5)
    trend = components.values[components.names.index("trend")]
    raw = np.array([[0.5, 0.5, 1.5], [-1.0, -1.0, 0.0]])  # slope x 5, then CSR differences
    np.testing.assert_allclose(trend, (raw + 1.0) / 2.5)
    assert components.names == ("state", "trend")


def test_resolve_weights_modes_and_messages():
    w, message = risk.resolve_weights("equal", 3)
    np.testing.assert_allclose(w, [1 / 3] * 3)
    assert message is None
    w, message = risk.resolve_weights("user", 2, user=[1.0, 3.0])
    np.testing.assert_allclose(w, [0.25, 0.75])
    assert "normalised" in fill(*message) and "sum to 4" in fill(*message)
    w, message = risk.resolve_weights("user", 2, user=[0.4, 0.6])
    assert message is None
    with pytest.raises(CarbonInputError, match="must not be negative"):
        risk.resolve_weights("user", 2, user=[-0.5, 1.5])
    with pytest.raises(CarbonInputError, match="Give 3 user weights"):
        risk.resolve_weights("user", 3, user=[0.5, 0.5])
    with pytest.raises(CarbonInputError, match="Unknown weight mode"):
        risk.resolve_weights("magic", 3)


def test_risk_index_rejects_bad_weights():
    components = risk.relative_components([[1.0], [2.0]], [[1.0], [1.0]], [0.0, 0.0], 5)
    with pytest.raises(CarbonInputError, match="sum to 1"):
        risk.risk_index(components, [0.5, 0.6])


def test_levels_follow_breaks():
    index = [0.0, 0.1999, 0.2, 0.5, 0.6, 0.79, 0.8, 1.0, math.nan]
    assert risk.risk_levels(index).tolist() == [1, 1, 2, 3, 4, 4, 5, 5, 0]
    assert risk.risk_levels([0.1, 0.3, 0.9], breaks=(0.25, 0.5)).tolist() == [1, 2, 3]
    with pytest.raises(CarbonInputError, match="increase"):
        risk.risk_levels([0.1], breaks=(0.5, 0.2))


def test_high_risk_share():
    index = np.array([[0.6, 0.59, 0.9, math.nan], [0.1, 0.2, 0.3, 0.7]])
    assert risk.high_risk_share(index[0]) == pytest.approx(2 / 3)
    np.testing.assert_allclose(risk.high_risk_share(index, axis=1), [2 / 3, 1 / 4])


@settings(max_examples=100, deadline=None)
@given(
    hnp.arrays(float, st.integers(2, 30), elements=st.floats(1, 1e7)),
    st.floats(-1e6, 1e7),
    st.floats(1, 200),
)
def test_compensation_values_sum_to_zero(emission, sink_scale, price):
    sink = emission[::-1] * sink_scale / 1e6
    values = risk.compensation_values(emission, sink, price)
    scale = price * (np.abs(sink).sum() + emission.sum() * abs(sink.sum()) / emission.sum())
    assert abs(values.sum()) <= 1e-6 * max(scale, 1e-300)


def test_compensation_values_hand_example():
    # E = (10, 30), S = (20, 20): S_R/E_R = 40/40 = 1 -> V = (20 - 10, 20 - 30) x 60
    np.testing.assert_allclose(risk.compensation_values([10.0, 30.0], [20.0, 20.0]), [600.0, -600.0])
    with pytest.raises(CarbonInputError, match="Total emission"):
        risk.compensation_values([0.0, 0.0], [1.0, 2.0])
