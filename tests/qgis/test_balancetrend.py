"""carbonbudget:balancetrend on a hand-made 4 x 4 lattice budget layer (helpers.budgets; the engine:
tests/engine/test_balance.py)."""

from __future__ import annotations

import numpy as np
import pymannkendall
import pytest
from helpers.budgets import NAMES, YEARS, ZERO_SINK, lattice_budget, write_budget_layer
from helpers.qgisrun import features, run
from osgeo import ogr
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin import balance
from carbon_budget.carbon_plugin.inputs import BudgetTable

ogr.UseExceptions()


def test_layer_fields_values_and_tables(provider, budget_gpkg, tmp_path):
    path, emission, sink = budget_gpkg
    out = {"OUTPUT": str(tmp_path / "balance.gpkg"), "OUTPUT_TRANSITIONS": str(tmp_path / "transitions.csv"),
           "OUTPUT_PROVINCE": str(tmp_path / "province.csv")}
    result = run("balancetrend", {"INPUT": path, "PERIOD_LENGTH": 5, **out})
    assert result["PERIODS"] == "2001-2005,2006-2010"
    assert result["REGION_COUNT"] == 16
    rows = features(result["OUTPUT"])
    assert [r["NAME"] for r in rows] == NAMES
    expected = {"CSR_2001", "ST_2001", "SEN_2001", "MKZ_2001", "MKP_2001", "TC_2001", "CSR_2006", "ST_2006",
                "CH_2006", "CX_2006", "SEN_2006", "MKZ_2006", "MKP_2006", "TC_2006", "SEN_ALL", "MKZ_ALL", "MKP_ALL",
                "TC_ALL"}
    assert expected <= set(rows[0]) and "CH_2001" not in rows[0]
    assert all(len(name) <= 10 for name in rows[0])
    engine = balance.balance_trend(BudgetTable(emission, sink, YEARS))
    for k, row in enumerate(rows):
        for b, first in enumerate((2001, 2006)):
            if k == ZERO_SINK:
                assert row[f"CSR_{first}"] is None and row[f"ST_{first}"] == 5
            else:
                assert row[f"CSR_{first}"] == pytest.approx(emission[k, 5 * b:5 * b + 5].mean()
                                                            / sink[k, 5 * b:5 * b + 5].mean(), rel=1e-12)
                assert row[f"ST_{first}"] == engine.state[k, b]
                assert row[f"SEN_{first}"] == pytest.approx(engine.sen[k, b], abs=1e-12)
                # the Mann-Kendall Z the risk index reads, against pymannkendall on the annual CSR
                reference = pymannkendall.original_test(emission[k, 5 * b:5 * b + 5] / sink[k, 5 * b:5 * b + 5])
                assert row[f"MKZ_{first}"] == pytest.approx(reference.z, abs=1e-9)
        if k != ZERO_SINK:
            assert row["MKZ_ALL"] == pytest.approx(pymannkendall.original_test(emission[k] / sink[k]).z, abs=1e-9)
        assert row["CH_2006"] == engine.change.label[k, 0]
    assert rows[0]["ST_2001"] == 1
    assert rows[ZERO_SINK]["CH_2006"] == "stable" and rows[ZERO_SINK]["SEN_ALL"] is None

    transitions = features(result["OUTPUT_TRANSITIONS"])
    assert len(transitions) == 25
    assert sum(int(t["count"]) for t in transitions) == 16
    assert {t["from_per"] for t in transitions} == {"2001-2005"}
    for t in transitions:
        a, b = int(t["from_state"]), int(t["to_state"])
        assert int(t["count"]) == int(np.sum((engine.state[:, 0] == a) & (engine.state[:, 1] == b)))
    province = features(result["OUTPUT_PROVINCE"])
    assert [int(p["year"]) for p in province] == YEARS
    assert float(province[0]["emission"]) == pytest.approx(emission[:, 0].sum())
    assert float(province[0]["csr"]) == pytest.approx(emission[:, 0].sum() / sink[:, 0].sum())


def test_shapefile_output_keeps_names_and_short_fields(provider, budget_gpkg, tmp_path):
    path, _, _ = budget_gpkg
    out = str(tmp_path / "balance.shp")
    run("balancetrend", {"INPUT": path, "PERIOD_LENGTH": 3, "OUTPUT": out, "OUTPUT_TRANSITIONS": None,
                         "OUTPUT_PROVINCE": None})
    rows = features(out)
    assert [r["NAME"] for r in rows] == NAMES
    assert (tmp_path / "balance.cpg").read_text().strip().upper().replace("-", "") == "UTF8"
    assert {"CSR_2007", "ST_2004", "CH_2004", "MKP_2007", "SEN_ALL"} <= set(rows[0])
    assert rows[3]["MKP_2001"] is not None and 0 <= rows[3]["MKP_2001"] <= 1
    assert not (tmp_path / "transitions.csv").exists()


def test_neutral_band_adds_state_zero(provider, tmp_path):
    e = np.full((16, 10), 100.0)
    s = np.full((16, 10), 100.0)
    s[:8] = 50.0  # CSR 2 (mild) for half, 1 (neutral with a band) for the rest
    path = write_budget_layer(tmp_path / "b.gpkg", e, s)
    result = run("balancetrend", {"INPUT": path, "NEUTRAL_BAND": 0.1, "OUTPUT": str(tmp_path / "o.gpkg"),
                  "OUTPUT_TRANSITIONS": str(tmp_path / "t.csv")})
    rows = features(result["OUTPUT"])
    assert [r["ST_2001"] for r in rows] == [2] * 8 + [0] * 8
    transitions = features(result["OUTPUT_TRANSITIONS"])
    assert len(transitions) == 36
    assert {(int(t["from_state"]), int(t["count"])) for t in transitions if int(t["count"])} == {(2, 8), (0, 8)}


def test_missing_years_in_one_region_stay_null(provider, tmp_path):
    emission, sink = lattice_budget()
    emission[2] = np.nan
    path = write_budget_layer(tmp_path / "b.gpkg", emission, sink)
    result = run("balancetrend", {"INPUT": path, "OUTPUT": str(tmp_path / "o.gpkg")})
    rows = features(result["OUTPUT"])
    assert rows[2]["ST_2001"] is None and rows[2]["CSR_2001"] is None
    assert rows[3]["ST_2001"] is not None


@pytest.mark.parametrize(
    ("years", "length", "message"),
    [
        (None, 5, "no pairs of year fields"),
        ([2001, 2002], 1, "at least 3 years"),
        (YEARS, 11, "Period length 11"),
    ],
)
def test_bad_input(provider, tmp_path, years, length, message):
    if years is None:
        layer = write_budget_layer(tmp_path / "b.gpkg", np.ones((16, 1)), np.ones((16, 1)), years=[2001])
        # rename the year fields away
        ds = ogr.Open(layer, 1)
        lyr = ds.GetLayer(0)
        for name in ("EMI_2001", "SNK_2001"):
            defn = ogr.FieldDefn("X" + name, ogr.OFTReal)
            lyr.AlterFieldDefn(lyr.GetLayerDefn().GetFieldIndex(name), defn, ogr.ALTER_NAME_FLAG)
        ds = None
    else:
        layer = write_budget_layer(tmp_path / "b.gpkg", np.ones((16, len(years))), np.ones((16, len(years))),
                                   years=years)
    with pytest.raises(QgsProcessingException, match=message):
        run("balancetrend", {"INPUT": layer, "PERIOD_LENGTH": length, "OUTPUT": str(tmp_path / "o.gpkg")})
