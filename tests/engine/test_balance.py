"""Engine tests for carbon_plugin.balance: periods, states, trends and province totals on regional budgets,
and the per-cell trend windows (the algorithms: tests/qgis/test_balancetrend.py, test_rastertrend.py)."""

from __future__ import annotations

import math

import numpy as np
import pymannkendall
import pytest
from helpers.budgets import YEARS, lattice_budget

from carbon_budget.carbon_plugin import balance, blockio
from carbon_budget.carbon_plugin.balance import BalanceOptions
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.inputs import BudgetTable


def test_engine_periods_states_and_trends_by_hand():
    # 2 regions, 6 years, periods of 3: region 0 E 4,5,6 | 9,9,9 ; S 2,2,2 | 1,1,1
    years = [2001, 2002, 2003, 2004, 2005, 2006]
    e = np.array([[4.0, 5.0, 6.0, 9.0, 9.0, 9.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]])
    s = np.array([[2.0, 2.0, 2.0, 1.0, 1.0, 1.0], [2.0, 0.0, 2.0, 0.0, 0.0, 0.0]])
    result = balance.balance_trend(BudgetTable(e, s, years), BalanceOptions(period_length=3))
    assert result.first_years == [2001, 2004]
    # region 0: mean E 5 / mean S 2 = 2.5 (moderate), then 9 (extreme); region 1: 1 / (4/3) = 0.75, S = 0
    np.testing.assert_allclose(result.csr[0], [2.5, 9.0])
    assert result.csr[1, 0] == pytest.approx(0.75) and math.isnan(result.csr[1, 1])
    assert result.state.tolist() == [[3.0, 5.0], [1.0, 5.0]]  # (regions, periods)
    assert result.change.label.tolist() == [["imbalancing"], ["imbalancing"]]
    assert result.change.crossing.tolist() == [[0], [1]]
    # annual CSR of region 0 in period 1: 2, 2.5, 3 -> Sen slope 0.5 per year
    assert result.sen[0, 0] == pytest.approx(0.5)
    # region 1 has only 2 annual CSR values in period 1 (S = 0 in 2002): no trend
    assert math.isnan(result.sen[1, 0]) and math.isnan(result.mkp[1, 0])
    assert result.transitions[0][2][2, 4] == 1  # moderate -> extreme


def test_engine_trends_equal_pymannkendall():
    emission, sink = lattice_budget()
    result = balance.balance_trend(BudgetTable(emission, sink, YEARS))
    with np.errstate(divide="ignore"):
        annual = emission / sink
    for k in (1, 7, 12):
        for b, cols in enumerate((slice(0, 5), slice(5, 10))):
            ref = pymannkendall.original_test(annual[k, cols])
            assert result.sen[k, b] == pytest.approx(ref.slope, abs=1e-9)
            assert result.mkp[k, b] == pytest.approx(ref.p, abs=1e-9)
            assert result.mkz[k, b] == pytest.approx(ref.z, abs=1e-9)
        ref = pymannkendall.original_test(annual[k])
        assert (result.sen_all[k], result.mkp_all[k]) == (pytest.approx(ref.slope), pytest.approx(ref.p))
        assert result.mkz_all[k] == pytest.approx(ref.z, abs=1e-9)


def test_engine_budget_fields_and_bad_input():
    names = ["NAME", "EMI_2001", "SNK_2001", "emi_2002", "snk_2002", "EMI_2003", "SNK_2003", "EMI_2004"]
    fields = balance.budget_fields(names)
    assert fields.years == [2001, 2002, 2003]
    assert fields.emission[1] == "emi_2002"
    with pytest.raises(CarbonInputError, match="no pairs of year fields"):
        balance.budget_fields(["NAME", "POP_2001"])
    with pytest.raises(CarbonInputError, match="at least 3 years"):
        balance.budget_fields(["EMI_2001", "SNK_2001", "EMI_2002", "SNK_2002"])
    with pytest.raises(CarbonInputError, match="Period length 11"):
        balance.balance_trend(BudgetTable(np.ones((2, 10)), np.ones((2, 10)), YEARS), BalanceOptions(period_length=11))


def test_province_totals_skip_regions_with_missing_values():
    e = np.array([[1.0, 2.0, 3.0], [10.0, math.nan, 30.0]])
    s = np.array([[1.0, 1.0, 1.0], [4.0, 4.0, 4.0]])
    totals = balance.province_totals(e, s, [2001, 2002, 2003])
    np.testing.assert_allclose(totals.emission, [11.0, 2.0, 33.0])
    np.testing.assert_allclose(totals.sink, [5.0, 1.0, 5.0])
    np.testing.assert_allclose(totals.csr, [2.2, 2.0, 6.6])
    assert totals.regions.tolist() == [2, 1, 2]


def test_windows_cover_the_raster_once_and_follow_tiles():
    windows = balance.trend_windows(5000, 6000, 20, blockio.BUDGET_BYTES)
    cover = np.zeros((5000, 6000), dtype=np.int8)
    for row0, nrows, col0, ncols in windows:
        cover[row0:row0 + nrows, col0:col0 + ncols] += 1
        assert row0 % 256 == 0 and col0 % 256 == 0
        assert nrows * ncols * 20 * 8 <= blockio.BUDGET_BYTES
    assert (cover == 1).all()
    assert balance.trend_windows(23, 5, 12, 480)[:2] == [(0, 5, 0, 1), (0, 5, 1, 1)]
