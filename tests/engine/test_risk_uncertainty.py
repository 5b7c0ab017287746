"""carbon_plugin.uncertainty: Monte Carlo of the risk index (no QGIS)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.budgets import YEARS, lattice_budget

from carbon_budget.carbon_plugin import imbalance, uncertainty
from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.imbalance import RiskSettings
from carbon_budget.carbon_plugin.inputs import BudgetTable
from carbon_budget.carbon_plugin.uncertainty import UncertaintyOptions

SETTINGS = [
    RiskSettings(),
    RiskSettings("relative"),
    RiskSettings("absolute", ("state", "trend", "pressure"), "entropy"),
]


def lattice(settings: RiskSettings) -> BudgetTable:
    """The lattice budget, with region areas when the pressure component needs them."""
    e, s = lattice_budget()
    return BudgetTable(e, s, YEARS, np.full(len(e), 100.0) if "pressure" in settings.components else None)


def run_mc(settings: RiskSettings, budget_bytes: int | None = None, **options):
    options.setdefault("draws", 200)
    return uncertainty.risk_uncertainty(lattice(settings), UncertaintyOptions(settings, **options),
                                        budget_bytes=budget_bytes)


@pytest.mark.parametrize("settings", SETTINGS)
def test_zero_rsd_gives_the_deterministic_index_in_every_draw(settings):
    expected = imbalance.assess_risk(lattice(settings), settings)
    # a small chunk budget: several chunks of draws
    result = run_mc(settings, budget_bytes=50_000, emission_rsd=0.0, sink_rsd=0.0, draws=30, seed=5)
    for values in (result.median, result.low, result.high):
        np.testing.assert_array_equal(values, expected.index)
    np.testing.assert_array_equal(result.p_high, (expected.index >= 0.6).astype(float))
    np.testing.assert_array_equal(result.likely_level, expected.level)
    assert np.all(result.p_level == 1.0)
    assert result.uncertain_count(0) == 0


def test_seed_reproduces_and_differs():
    a = run_mc(SETTINGS[0], seed=11)
    b = run_mc(SETTINGS[0], seed=11)
    c = run_mc(SETTINGS[0], seed=12)
    np.testing.assert_array_equal(a.median, b.median)
    np.testing.assert_array_equal(a.p_level, b.p_level)
    assert not np.array_equal(a.low, c.low)


def test_interval_widens_with_the_rsd():
    widths = [float(np.mean(r.high - r.low)) for r in
              (run_mc(SETTINGS[0], emission_rsd=v, sink_rsd=v, seed=3) for v in (0.05, 0.2, 0.6))]
    assert widths[0] < widths[1] < widths[2]


def test_summaries_are_consistent():
    result = run_mc(SETTINGS[0], seed=1)
    assert np.all(result.low <= result.median) and np.all(result.median <= result.high)
    assert np.all((result.p_high >= 0) & (result.p_high <= 1))
    assert np.all((result.p_level >= 0.2) & (result.p_level <= 1))  # the mode of 5 levels has >= 1/5
    assert set(np.unique(result.likely_level)) <= {1, 2, 3, 4, 5}


def test_error_factors_have_mean_one_and_the_rsd():
    rng = np.random.default_rng(0)
    f = uncertainty.error_factors(rng, (20000, 3, 4), 0.3, 0.5)
    assert f.mean() == pytest.approx(1.0, abs=0.01)
    assert f.std() == pytest.approx(0.3, abs=0.01)
    # the shared share is the correlation of the log errors of two years of a region
    logs = np.log(f)
    assert np.corrcoef(logs[:, 0, 0], logs[:, 0, 1])[0, 1] == pytest.approx(0.5, abs=0.03)


def test_region_without_data_stays_empty():
    e, s = lattice_budget()
    e[3] = np.nan
    result = uncertainty.risk_uncertainty(BudgetTable(e, s, YEARS), UncertaintyOptions(draws=20, seed=1))
    assert np.isnan(result.median[3]).all() and np.isnan(result.p_high[3]).all()
    assert (result.likely_level[3] == 0).all()


def test_bad_parameters():
    with pytest.raises(CarbonInputError, match="between 0 and 5"):
        UncertaintyOptions(sink_rsd=-0.1)
    with pytest.raises(CarbonInputError, match="between 0 and 1"):
        UncertaintyOptions(shared=1.5)
    with pytest.raises(CarbonInputError, match="at least 2 draws"):
        UncertaintyOptions(draws=1)
