"""carbonbudget:energyemissions: tables in, CO2 per region and year out (the engine: tests/engine/test_emissions.py)."""

from __future__ import annotations

import csv
import math

import pytest
from helpers.qgisrun import features, run
from helpers.sample import sample_dir  # noqa: F401
from helpers.tables import write_csv
from qgis.core import QgsProcessingException

from carbon_budget.carbon_plugin.emissions import factors_per_unit, load_factors

SAMPLE_COLUMNS = ["raw_coal", "coke", "crude_oil", "gasoline", "kerosene", "diesel", "fuel_oil", "lpg",
                  "natural_gas"]


def test_algorithm_one_row_by_hand_and_chinese_text(provider, tmp_path):
    table = write_csv(tmp_path / "energy.csv", ["city_code", "city_zh", "year", "raw_coal", "natural_gas"],
                      [["4101", "郑州市", "2001", "100", "50"]])
    out = tmp_path / "co2.csv"
    result = run("energyemissions", {"INPUT": table, "REGION_FIELD": "city_code", "OUTPUT": str(out)})
    assert result["ROW_COUNT"] == 1 and result["YEARS_OUT"] == "2001"
    rows = features(out)
    assert list(rows[0]) == ["city_code", "year", "CO2_T", "raw_coal", "natural_gas"]
    expected = 1e6 * 0.020908 * 26.37 * 0.94 * 44 / 12 + 50 * 0.38931 * 15.30 * 0.99 * 44 / 12
    assert float(rows[0]["CO2_T"]) == pytest.approx(expected, rel=1e-9)
    assert str(rows[0]["city_code"]) == "4101" and int(rows[0]["year"]) == 2001


def test_algorithm_long_layout_and_ipcc_preset(provider, tmp_path):
    table = write_csv(tmp_path / "long.csv", ["region", "year", "fuel", "amount"],
                      [["北区", "2010", "raw_coal", "1"], ["北区", "2010", "coke", "2"], ["南区", "2010", "lpg", "0"]])
    out = tmp_path / "co2.gpkg"
    run("energyemissions", {"INPUT": table, "REGION_FIELD": "region", "LAYOUT": 1, "FUEL_FIELD": "fuel",
                            "QUANTITY_FIELD": "amount", "QUANTITY_UNITS": 1, "FACTOR_PRESET": 1, "OUTPUT": str(out)})
    got = {r["region"]: r for r in features(out)}
    f = load_factors(preset="ipcc_of1")
    expected = f["raw_coal"].t_co2_per_unit("t") + 2 * f["coke"].t_co2_per_unit("t")
    assert got["北区"]["CO2_T"] == pytest.approx(expected, rel=1e-12)
    assert got["南区"]["CO2_T"] == 0


def test_algorithm_own_factor_table_and_cement(provider, tmp_path):
    factors = tmp_path / "f.csv"
    factors.write_text("fuel,name,ncv,ncv_unit,carbon_content_t_c_per_tj,oxidation_rate,quantity_unit\n"
                       "peat,Peat,10000,kJ/kg,30,1,t\n", encoding="utf-8")
    table = write_csv(tmp_path / "e.csv", ["code", "year", "Peat", "clinker"], [["1", "2001", "10", "2"]])
    out = tmp_path / "o.csv"
    run("energyemissions", {"INPUT": table, "REGION_FIELD": "code", "FACTORS": str(factors), "CEMENT_FIELD": "clinker",
                            "CEMENT_FACTOR": 0.5, "OUTPUT": str(out)})
    rows = features(out)
    assert list(rows[0]) == ["code", "year", "CO2_T", "peat", "CEMENT_T", "TOTAL_T"]
    peat = 10 * 0.010 * 30 * 44 / 12  # 10 t x 0.01 TJ/t x 30 t C/TJ x 44/12 = 11 t CO2
    assert float(rows[0]["CO2_T"]) == pytest.approx(peat)
    assert float(rows[0]["CEMENT_T"]) == pytest.approx(2e4 * 0.5)  # clinker in 10^4 t (table units)
    assert float(rows[0]["TOTAL_T"]) == pytest.approx(peat + 1e4)


@pytest.mark.parametrize("header, rows, message", [
    (["code", "year", "raw_coal", "heating_oil", "city_zh"], [["4101", "2001", "1", "3", "郑州"]],
     r"Unknown fuel columns: heating_oil\."),
    (["code", "year", "raw_coal"], [["4101", "2001", "-1"]],
     r"Negative quantity -1 in column 'raw_coal' \(row 1, region '4101', year 2001\)"),
    (["code", "year", "raw_coal"], [["4101", "2001", "1"], ["4102", "2002", "n.a."]],
     r"'n.a.' in column 'raw_coal' \(row 2, region '4102', year 2002\) is not a number"),
    (["code", "year", "raw_coal"], [["4101", "2001", "1"], ["", "2001", "1"]],
     r"region field 'code' is empty at row 2"),
    (["code", "year", "raw_coal"], [["4101", "2001.5", "1"]], r"'2001.5' in field 'year'"),
])
def test_algorithm_bad_input(provider, tmp_path, header, rows, message):
    table = write_csv(tmp_path / "bad.csv", header, rows)
    with pytest.raises(QgsProcessingException, match=message):
        run("energyemissions", {"INPUT": table, "REGION_FIELD": "code", "OUTPUT": str(tmp_path / "o.csv")})


def test_sample_energy_table_totals(provider, sample_dir, tmp_path):  # noqa: F811
    out = tmp_path / "co2.csv"
    run("energyemissions", {"INPUT": str(sample_dir / "energy_city.csv"), "REGION_FIELD": "city_code",
                            "OUTPUT": str(out)})
    rows = features(out)
    names = list(rows[0])
    assert names[:3] == ["city_code", "year", "CO2_T"] and names[3:] == SAMPLE_COLUMNS
    assert len(rows) == 5 * 20
    per_unit = factors_per_unit(load_factors())
    with open(sample_dir / "energy_city.csv", encoding="utf-8") as f:
        source = list(csv.DictReader(f))
    for got, src in zip(sorted(rows, key=lambda r: (str(r["city_code"]), int(r["year"]))),
                        sorted(source, key=lambda r: (r["city_code"], int(r["year"])))):
        expected = math.fsum(float(src[c]) * per_unit[c] for c in SAMPLE_COLUMNS)
        assert float(got["CO2_T"]) == pytest.approx(expected, rel=1e-9)

