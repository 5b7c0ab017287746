"""Engine tests for carbon_plugin.sinks: Rh (Pei et al. 2009), NPP scaling, monthly climate layouts and the
streamed NEP sink (the algorithm: tests/qgis/test_sinks_alg.py; the climate's warp: test_warp.py)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.climate import monthly_stack, nep_hand_case, rh_hand
from helpers.rasters import read_all, write_raster

from carbon_budget.carbon_plugin import blockio
from carbon_budget.carbon_plugin.errors import Cancelled, CarbonInputError
from carbon_budget.carbon_plugin.progress import Progress
from carbon_budget.carbon_plugin.raster import open_raster
from carbon_budget.carbon_plugin.sinks import (
    SinkRasters,
    compute_nep_sink,
    monthly_slots,
    npp_gc_m2,
    rh_annual_from_annual_gc_m2,
    rh_annual_from_months_gc_m2,
    rh_monthly_gc_m2,
)

# ---------------------------------------------------------------------------------------- Rh


def test_rh_monthly_hand_values():
    # 20 C, 100 mm: exp(0.0913 x 20) = exp(1.826) = 6.20894; ln(0.3145 x 100 + 1) = ln(32.45) = 3.47970
    #   0.22 x (6.20894 + 3.47970) x 30 x 0.465 = 0.22 x 9.68864 x 13.95 = 29.7346 g C m-2
    assert rh_monthly_gc_m2(20.0, 100.0) == pytest.approx(29.7346, abs=1e-4)
    assert round(rh_monthly_gc_m2(20.0, 100.0), 2) == 29.73
    # 0 C, 10 mm: exp(0) = 1; ln(0.3145 x 10 + 1) = ln(4.145) = 1.42190
    #   0.22 x (1 + 1.42190) x 13.95 = 0.22 x 2.42190 x 13.95 = 7.4328 g C m-2
    assert rh_monthly_gc_m2(0.0, 10.0) == pytest.approx(7.4328, abs=1e-4)
    assert round(rh_monthly_gc_m2(0.0, 10.0), 2) == 7.43
    # the whole bracket is multiplied: not 0.22 x exp(...) + ln(...)
    assert rh_monthly_gc_m2(20.0, 100.0) != pytest.approx(0.22 * 6.20894 + 3.47970 * 13.95, rel=1e-3)


def test_rh_on_arrays_keeps_nan_and_refuses_negative_precipitation():
    rh = rh_monthly_gc_m2(np.array([20.0, np.nan, 0.0]), np.array([100.0, 5.0, 10.0]))
    np.testing.assert_allclose(rh[[0, 2]], [rh_hand(20, 100), rh_hand(0, 10)], rtol=1e-12)
    assert np.isnan(rh[1])
    with pytest.raises(CarbonInputError, match="Negative precipitation"):
        rh_monthly_gc_m2(np.array([10.0, 10.0]), np.array([5.0, -0.5]))


def test_twelve_identical_months_give_twelve_times_and_the_annual_approximation():
    t, p = np.full(12, 20.0), np.full(12, 100.0)
    assert rh_annual_from_months_gc_m2(t, p) == pytest.approx(12 * 29.7346, abs=1e-3)
    # annual climate: mean T 20 C, total P 1200 mm -> 12 x Rh_m(20, 100), the same for flat months
    assert rh_annual_from_annual_gc_m2(20.0, 1200.0) == pytest.approx(12 * rh_hand(20, 100), rel=1e-12)
    # with seasonal climate the approximation differs from the monthly sum (convex in T)
    seasonal_t = 15 + 12 * np.sin(np.arange(12) / 12 * 2 * np.pi)
    assert rh_annual_from_months_gc_m2(seasonal_t, p) > rh_annual_from_annual_gc_m2(seasonal_t.mean(), 1200.0)


def test_annual_rh_from_months_is_the_sum_of_the_monthly_formula():
    # the engine sums exp terms and takes one log of the product of (0.3145 R + 1): same value
    rng = np.random.default_rng(3)
    t = (rng.random((12, 50)) * 60 - 25).astype(np.float32)
    p = (rng.random((12, 50)) * 1500).astype(np.float32)
    p[:, 0] = 0.0
    t[3, 1] = np.nan
    expected = sum(rh_monthly_gc_m2(t[m], p[m]) for m in range(12))
    got = rh_annual_from_months_gc_m2(t, p)
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    assert np.isnan(got[1]) and np.isfinite(got[[0, 2]]).all()


def test_npp_scale_and_valid_max_apply_to_raw_values():
    dn = np.array([5000, 32767, -100, 32700], dtype=np.int16)
    npp = npp_gc_m2(dn, 0.1, 32700)
    np.testing.assert_allclose(npp[[0, 2, 3]], [500.0, -10.0, 3270.0])
    assert np.isnan(npp[1])


# ---------------------------------------------------------------------------------------- climate input


def test_monthly_band_layouts(tmp_path):
    z = np.zeros((2, 2), np.float32)
    described = monthly_stack(tmp_path / "t.tif", lambda y, m: z, [2001, 2002])
    plain = monthly_stack(tmp_path / "plain.tif", lambda y, m: z, [2001, 2002], descriptions=False)
    per_year = [monthly_stack(tmp_path / f"tmp_{y}.tif", lambda y, m: z, [y], descriptions=False) for y in (2003, 2004)]
    per_month = [write_raster(tmp_path / f"pre_2005{m:02d}.tif", z) for m in range(1, 13)]
    annual = write_raster(tmp_path / "annual.tif", np.zeros((3, 2, 2)), descriptions=["2001", "2002", "2003"])
    thirteen = write_raster(tmp_path / "thirteen.tif", np.zeros((13, 2, 2)))

    def slots(paths, start_year=None):
        return monthly_slots(paths, {p: open_raster(p) for p in paths}, start_year, "temperature")

    assert slots([described]) == [(y, m) for y in (2001, 2002) for m in range(1, 13)]
    assert slots([plain], 1999) == [(y, m) for y in (1999, 2000) for m in range(1, 13)]
    assert slots(per_year) == [(y, m) for y in (2003, 2004) for m in range(1, 13)]
    assert slots(per_month) == [(2005, m) for m in range(1, 13)]
    with pytest.raises(CarbonInputError, match="START_YEAR"):
        slots([plain])
    with pytest.raises(CarbonInputError, match=r"3 bands described as years.*looks like annual climate"):
        slots([annual])
    with pytest.raises(CarbonInputError, match="13 bands, not 12 x years"):
        slots([thirteen], 2001)


# ---------------------------------------------------------------------------------------- the streamed NEP sink


def test_strips_and_years_stream_with_the_same_result(tmp_path, monkeypatch):
    """Many small strips (climate warped per strip) give exactly what one strip gives."""
    rng = np.random.default_rng(5)
    npp = write_raster(tmp_path / "npp.tif", (300 + 400 * rng.random((3, 23, 17))).astype(np.float32),
                       descriptions=["2001", "2002", "2003"])
    clim_gt = (116.9, 0.05, 0, 34.4, 0, -0.05)
    t = monthly_stack(tmp_path / "t.tif", lambda y, m: 10 + 10 * rng.random((12, 14)), [2001, 2002, 2003],
                      clim_gt, 4326)
    p = monthly_stack(tmp_path / "p.tif", lambda y, m: 80 * rng.random((12, 14)), [2001, 2002, 2003],
                      clim_gt, 4326)
    compute_nep_sink([npp], [t], [p], SinkRasters(str(tmp_path / "one.tif")))
    bytes_per_row = 17 * (2 * 12 * 4 + 8 * 8)
    monkeypatch.setattr(blockio, "TILE", 1)
    summary = compute_nep_sink([npp], [t], [p], SinkRasters(str(tmp_path / "many.tif")), budget_bytes=3 * bytes_per_row)
    one, many = read_all(tmp_path / "one.tif"), read_all(tmp_path / "many.tif")
    assert np.isfinite(one).all()
    np.testing.assert_allclose(many, one, rtol=1e-6)
    assert summary.total[2002] == pytest.approx(float(one[1].astype(np.float64).sum()), rel=1e-6)


def test_cancel_leaves_no_output(tmp_path):
    npp_path, t_path, p_path, _, _ = nep_hand_case(tmp_path)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # after the first year of the first strip

    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(Cancelled):
        compute_nep_sink([npp_path], [t_path], [p_path], SinkRasters(str(tmp_path / "s.tif"), str(tmp_path / "rh.tif")),
                         progress=Progress(is_cancelled=cancelled))
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".aux.xml")) == \
        [n for n in before if not n.endswith(".aux.xml")]
