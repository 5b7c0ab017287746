"""Engine tests for carbon_plugin.trend: Sen slope, Mann-Kendall, periods and balance states."""

from __future__ import annotations

import functools
import math
import operator

import numpy as np
import pymannkendall
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carbon_budget.carbon_plugin import trend
from carbon_budget.carbon_plugin.errors import CarbonInputError

# few distinct values -> many ties; NaN -> gaps
VALUE = st.one_of(st.sampled_from([0.0, 1.0, 2.0, 2.5, -1.0]), st.floats(-100, 100), st.just(math.nan))


def valid_count(values) -> int:
    return int(np.sum(~np.isnan(np.asarray(values, dtype=float))))


@settings(max_examples=200, deadline=None)
@given(st.lists(VALUE, min_size=3, max_size=30).filter(lambda v: valid_count(v) >= 3))
def test_mann_kendall_and_sen_match_pymannkendall(values):
    ours = trend.mann_kendall(values)
    ref = pymannkendall.original_test(np.array(values))
    assert ours.s == ref.s
    assert ours.var_s == pytest.approx(ref.var_s, abs=1e-9)
    assert ours.z == pytest.approx(ref.z, abs=1e-9)
    assert ours.p == pytest.approx(ref.p, abs=1e-9)
    assert ours.tau == pytest.approx(ref.Tau, abs=1e-9)
    assert (ours.h, ours.trend) == (bool(ref.h), ref.trend)
    assert trend.sen_slope(values) == pytest.approx(ref.slope, abs=1e-9)


def test_mann_kendall_known_series():
    # 1, 2, 3: S = 3, Var = 3*2*11/18 = 11/3, Z = (3 - 1)/sqrt(11/3) = 1.04447...
    result = trend.mann_kendall([1.0, 2.0, 3.0])
    assert (result.s, result.var_s) == (3.0, pytest.approx(11 / 3))
    assert result.z == pytest.approx(2 / math.sqrt(11 / 3))
    assert result.trend == "no trend"


def test_short_series_give_nan():
    assert math.isnan(trend.sen_slope([1.0, math.nan, 2.0]))
    result = trend.mann_kendall([1.0, 2.0, math.nan])
    assert math.isnan(result.p) and result.trend == "no trend" and result.n == 2


def test_sen_slope_uses_x_positions():
    years = [2001, 2002, 2004, 2008]
    values = [1.0, 3.0, 7.0, 15.0]  # exactly 2 per year
    assert trend.sen_slope(values, years) == pytest.approx(2.0)
    with pytest.raises(CarbonInputError, match="strictly increasing"):
        trend.sen_slope(values, [2001, 2001, 2002, 2003])


STACK = st.integers(3, 12).flatmap(
    lambda n: st.tuples(st.integers(1, 4), st.integers(1, 4)).flatmap(
        lambda rc: st.lists(VALUE, min_size=n * rc[0] * rc[1], max_size=n * rc[0] * rc[1]).map(
            lambda v: np.array(v).reshape(n, *rc)
        )
    )
)


@settings(max_examples=100, deadline=None)
@given(STACK)
def test_cells_equal_per_series(stack):
    slopes = trend.sen_slope_cells(stack)
    mk = trend.mann_kendall_cells(stack)
    for r, c in np.ndindex(stack.shape[1:]):
        series = stack[:, r, c]
        one = trend.mann_kendall(series)
        np.testing.assert_array_equal(slopes[r, c], trend.sen_slope(series))
        for field in ("s", "var_s", "z", "p", "tau"):
            np.testing.assert_array_equal(getattr(mk, field)[r, c], getattr(one, field), err_msg=field)
        assert mk.n[r, c] == one.n


def test_sen_slope_cells_chunks_and_x(monkeypatch):
    monkeypatch.setattr(trend, "PAIR_BUDGET", 7)  # force many chunks
    rng = np.random.default_rng(0)
    stack = rng.normal(size=(6, 5, 7))
    years = [2000, 2001, 2003, 2004, 2006, 2010]
    expected = [[trend.sen_slope(stack[:, r, c], years) for c in range(7)] for r in range(5)]
    np.testing.assert_array_equal(trend.sen_slope_cells(stack, years), expected)


def test_classify_trend_codes():
    slope = [math.nan, -1.0, -1.0, 0.0, 1.0, 1.0, 2.0]
    p = [0.01, 0.01, 0.5, 0.01, 0.5, 0.01, math.nan]
    assert trend.classify_trend(slope, p, 0.05).tolist() == [0, 1, 2, 3, 4, 5, 0]


def test_periods_default_and_tails():
    blocks = trend.periods(range(2001, 2021), 5)
    assert [first for first, _ in blocks] == [2001, 2006, 2011, 2016]
    assert blocks[1][1] == [2006, 2007, 2008, 2009, 2010]
    # 2001-2020 in blocks of 6: the last block 2019-2020 has 2 years and is kept
    assert trend.periods(range(2001, 2021), 6)[-1] == (2019, [2019, 2020])
    # 2001-2010 in blocks of 3: 2010 alone is left out
    assert trend.periods(range(2001, 2011), 3)[-1] == (2007, [2007, 2008, 2009])
    # calendar blocks: a missing year does not shift later blocks
    gap = [y for y in range(2001, 2011) if y != 2003]
    assert [first for first, _ in trend.periods(gap, 5)] == [2001, 2006]


def test_periods_bad_input():
    with pytest.raises(CarbonInputError, match="at least 3 years"):
        trend.periods([2001, 2002], 1)
    with pytest.raises(CarbonInputError, match="Period length 6"):
        trend.periods(range(2001, 2006), 6)
    with pytest.raises(CarbonInputError, match="unique"):
        trend.periods([2001, 2001, 2002], 1)


def test_period_means_ignore_nan():
    values = np.array([[1.0, 3.0, 5.0, 7.0], [math.nan, math.nan, 4.0, 8.0]])  # (regions, years)
    blocks = [(2001, [2001, 2002]), (2003, [2003, 2004])]
    means = trend.period_means(values, [2001, 2002, 2003, 2004], blocks)
    np.testing.assert_array_equal(means, [[2.0, 6.0], [math.nan, 6.0]])


def test_period_means_sum_year_by_year():
    # a block of 12 years: the sums run year by year, in order, as the means always were (numpy's
    # pairwise sum of a contiguous last axis would move the last bit of some of them)
    values = np.random.default_rng(3).lognormal(10.0, 1.0, (200, 12))
    means = trend.period_means(values, range(2001, 2013), [(2001, list(range(2001, 2013)))])
    expected = [functools.reduce(operator.add, row) / 12 for row in values.tolist()]
    assert means[:, 0].tolist() == expected


def test_balance_state_breaks_and_sink():
    csr = [0.5, 1.0, 1.5, 2.0, 3.0, 8.0, 9.0, math.nan, math.nan, 5.0]
    sink = [1, 1, 1, 1, 1, 1, 1, 1, 0, -2]
    states = trend.balance_state(csr, sink)
    np.testing.assert_array_equal(states, [1, 1, 2, 2, 3, 4, 5, math.nan, 5, 5])
    neutral = trend.balance_state([0.95, 1.09, 1.2], [1, 1, 1], neutral_band=0.1)
    np.testing.assert_array_equal(neutral, [0, 0, 2])
    with pytest.raises(CarbonInputError, match="4 increasing"):
        trend.balance_state([1.0], [1.0], breaks=(1, 4, 2, 8))


def test_change_class_and_crossing():
    prev = trend.effective_csr([1.0, 2.0, 0.9, 1.2, 3.0, math.nan, 0.0], [1, 1, 1, 1, 0, 1, 1])
    cur = trend.effective_csr([1.2, 2.05, 1.5, 1.0, 3.0, 1.0, 0.0], [1, 1, 1, 1, 1, 1, 1])
    change = trend.change_class(prev, cur, tolerance=0.05)
    assert change.label.tolist() == [
        trend.IMBALANCING, trend.STABLE, trend.IMBALANCING, trend.NEUTRALIZING,
        trend.NEUTRALIZING, None, trend.STABLE,
    ]  # fmt: skip
    assert change.crossing.tolist() == [1, 0, 1, -1, 0, 0, 0]
    assert change.relative[0] == pytest.approx(0.2)


def test_transition_matrix_counts():
    a = [1, 1, 2, 5, math.nan, 3]
    b = [1, 2, 2, 4, 1, 3]
    m = trend.transition_matrix(a, b)
    expected = np.zeros((5, 5), dtype=int)
    expected[0, 0] = expected[0, 1] = expected[1, 1] = expected[4, 3] = expected[2, 2] = 1
    np.testing.assert_array_equal(m, expected)
    assert m.sum() == 5  # the NaN region is not counted
