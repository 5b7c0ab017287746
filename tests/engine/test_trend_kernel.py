"""trend.trend_cells, the per-cell kernel of rastertrend (issue 15): Mann-Kendall identical to
``mann_kendall_cells`` and pymannkendall, Sen slope to float32 precision, any threads or chunks."""

from __future__ import annotations

import numpy as np
import pymannkendall
import pytest

from carbon_budget.carbon_plugin import trend

FIELDS = ("s", "var_s", "z", "p", "tau", "n")


def _block(n_years=20, rows=40, cols=50, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(n_years, dtype=np.float32)[:, None, None]
    base = 10 + 5 * rng.random((1, rows, cols), dtype=np.float32)
    slope = 0.05 * rng.standard_normal((1, rows, cols)).astype(np.float32)
    block = (base * (1 + slope * t) * (0.9 + 0.2 * rng.random((n_years, rows, cols), dtype=np.float32)))
    block = block.astype(np.float32)
    block[:, :, :10] = np.round(block[:, :, :10])  # ties
    block[:, :, 10:12] = 7.0  # all tied: S = 0
    block[rng.random(block.shape) < 0.05] = np.nan  # gaps
    block[:, :3, :3] = np.nan  # no data
    block[: n_years - 2, 5, 5:8] = np.nan  # two values: too few
    block[: n_years - 3, 6, 5:8] = np.nan  # three values
    return block.astype(np.float64)  # as read_window gives a Float32 raster


def _middle_slopes(series, x):
    keep = ~np.isnan(series)
    y, xs = series[keep], x[keep]
    i, j = np.triu_indices(len(y), 1)
    slopes = np.sort((y[j] - y[i]) / (xs[j] - xs[i]))
    m = len(slopes)
    return slopes[(m - 1) // 2], slopes[m // 2]


@pytest.mark.parametrize("budget", [None, 190 * 7])  # the default chunks, and 7 cells per chunk
@pytest.mark.parametrize("n_years", [3, 4, 11, 20, 25])  # 25 years: 300 pairs, more than a uint8 count
def test_mann_kendall_identical_to_mann_kendall_cells(n_years, budget, monkeypatch):
    if budget:
        monkeypatch.setattr(trend, "FAST_PAIR_BUDGET", budget)
    block = _block(n_years)
    x = np.arange(2001, 2001 + n_years, dtype=np.float64)
    _, got = trend.trend_cells(block, x)
    ref = trend.mann_kendall_cells(block)
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(got, name), getattr(ref, name), err_msg=name)


@pytest.mark.parametrize("budget", [None, 190 * 7])
@pytest.mark.parametrize("n_years", [3, 4, 11, 20, 25])
def test_sen_slope_within_float32_precision_of_the_float64_median(n_years, budget, monkeypatch):
    if budget:
        monkeypatch.setattr(trend, "FAST_PAIR_BUDGET", budget)
    block = _block(n_years, seed=n_years)
    x = np.arange(2001, 2001 + n_years, dtype=np.float64)
    got, _ = trend.trend_cells(block, x)
    ref = trend.sen_slope_cells(block, x)
    np.testing.assert_array_equal(np.isnan(got), np.isnan(ref))
    cells = block.reshape(n_years, -1).T
    for k in np.flatnonzero(~np.isnan(ref.ravel())):
        lo, hi = _middle_slopes(cells[k], x)
        # each float32 slope is within 2^-23 of its float64 value; the median (or the mean of the
        # two middle ones) within 2^-23 of their magnitude: 2.4e-7, below the 1e-6 tolerance
        bound = 2.0 ** -22 * max(abs(lo), abs(hi))
        assert abs(got.ravel()[k] - ref.ravel()[k]) <= bound, k
        if lo * hi > 0:  # no cancellation: within 1e-6 relative
            assert abs(got.ravel()[k] - ref.ravel()[k]) <= 1e-6 * abs(ref.ravel()[k])


def test_against_pymannkendall():
    block = _block(20, rows=12, cols=15, seed=4)
    x = np.arange(2001, 2021, dtype=np.float64)
    slope, mk = trend.trend_cells(block, x)
    cells = block.reshape(20, -1).T
    checked = 0
    for k, series in enumerate(cells):
        valid = ~np.isnan(series)
        if valid.sum() < 3:
            assert np.isnan(mk.z.ravel()[k]) and np.isnan(slope.ravel()[k])
            continue
        ref = pymannkendall.original_test(series[valid])
        assert mk.s.ravel()[k] == ref.s  # an integer count: exactly
        assert mk.var_s.ravel()[k] == ref.var_s
        assert mk.z.ravel()[k] == pytest.approx(ref.z, abs=1e-12)
        assert mk.p.ravel()[k] == pytest.approx(ref.p, abs=1e-9)
        checked += 1
    assert checked > 150


def test_threads_and_chunks_do_not_change_anything(monkeypatch):
    block = _block(20, seed=7)
    x = np.arange(20, dtype=np.float64)
    one = trend.trend_cells(block, x, threads=1)
    monkeypatch.setattr(trend, "FAST_PAIR_BUDGET", 190 * 7)  # 7 cells per chunk
    for threads in (2, 3):
        other = trend.trend_cells(block, x, threads=threads)
        np.testing.assert_array_equal(other[0], one[0])
        for name in FIELDS:
            np.testing.assert_array_equal(getattr(other[1], name), getattr(one[1], name))


def test_a_float32_block_gives_what_its_float64_copy_gives():
    block = _block(20, seed=3)
    x = np.arange(20, dtype=np.float64)
    single = trend.trend_cells(block.astype(np.float32), x)
    double = trend.trend_cells(block, x)
    np.testing.assert_array_equal(single[0], double[0])
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(single[1], name), getattr(double[1], name), err_msg=name)


@pytest.mark.parametrize("value", [None, 1e39, -1e39, 0.1])  # float32 would make them +-inf, or round them
def test_one_value_not_float32_sends_the_block_to_the_float64_functions(value, monkeypatch):
    calls = []
    for name in ("sen_slope_cells", "mann_kendall_cells"):
        original = getattr(trend, name)
        monkeypatch.setattr(trend, name, lambda *args, f=original, n=name: calls.append(n) or f(*args))
    block = _block(6, seed=2)
    if value is not None:
        block[3, 4, 4] = value
    trend.trend_cells(block, np.arange(6, dtype=np.float64))
    assert calls == ([] if value is None else ["sen_slope_cells", "mann_kendall_cells"])


def test_values_not_float32_use_the_float64_functions():
    block = _block(12, seed=9) + 1e-9  # not float32 values any more
    x = np.arange(12, dtype=np.float64)
    slope, mk = trend.trend_cells(block, x)
    np.testing.assert_array_equal(slope, trend.sen_slope_cells(block, x))
    ref = trend.mann_kendall_cells(block)
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(mk, name), getattr(ref, name))


def test_all_nodata_block():
    slope, mk = trend.trend_cells(np.full((5, 3, 4), np.nan))
    assert np.isnan(slope).all() and np.isnan(mk.p).all() and (mk.n == 0).all()


def test_sign_counts_do_not_wrap_for_long_series(monkeypatch):
    """S of 370 increasing years is 68 265 (more than a uint16): the counts' type grows with the pairs."""
    y = np.arange(370, dtype=np.float32).reshape(370, 1, 1)
    _, mk = trend.trend_cells(y, np.arange(370.0))
    assert mk.s[0, 0] == 370 * 369 // 2
    assert mk.p[0, 0] == trend.mann_kendall(y.ravel()).p


def test_p_table_is_built_once_and_not_for_long_series(monkeypatch):
    trend._p_table.cache_clear()
    block = _block(20, rows=8, cols=12)
    for _ in range(3):
        trend.trend_cells(block, np.arange(20.0))
    assert trend._p_table.cache_info().misses == 1
    long = _block(trend.P_TABLE_YEARS + 1, rows=8, cols=12)
    _, mk = trend.trend_cells(long, np.arange(trend.P_TABLE_YEARS + 1.0))
    np.testing.assert_array_equal(mk.p, trend.mann_kendall_cells(long).p)
    assert trend._p_table.cache_info().misses == 1


def test_values_whose_float32_slopes_would_overflow_use_the_float64_functions():
    block = np.array([-3e38, -2.9e38, 3.3e38], dtype=np.float32).reshape(3, 1, 1)
    slope, _ = trend.trend_cells(block, np.arange(3.0))
    assert np.isfinite(slope[0, 0])
    assert slope[0, 0] == trend.sen_slope_cells(block, np.arange(3.0))[0, 0]
