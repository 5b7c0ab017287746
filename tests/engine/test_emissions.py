"""Energy accounting: the factor tables reproduce the published factors; the engine on records (the
algorithm: tests/qgis/test_emissions_alg.py)."""

from __future__ import annotations

import pytest

from carbon_budget.carbon_plugin.emissions import (
    PRESETS,
    EmissionOptions,
    EnergyTable,
    energy_emissions,
    factors_per_unit,
    load_factors,
    quantity_unit,
)
from carbon_budget.carbon_plugin.errors import CarbonInputError

# t CO2 per physical unit, METHODS.md section 1 (natural gas per 10^4 m3, the others per t)
PUBLISHED = {
    "raw_coal": 1.9003, "coke": 2.8604, "crude_oil": 3.0202, "gasoline": 2.9251, "kerosene": 3.0179,
    "diesel": 3.0959, "fuel_oil": 3.1705, "lpg": 3.1013, "natural_gas": 21.622,
}
SAMPLE_COLUMNS = ["raw_coal", "coke", "crude_oil", "gasoline", "kerosene", "diesel", "fuel_oil", "lpg",
                  "natural_gas"]


# -- the factor tables ------------------------------------------------------------------------

def test_default_table_reproduces_the_published_factors():
    factors = load_factors()
    assert list(factors) == SAMPLE_COLUMNS
    for fuel, published in PUBLISHED.items():
        unit = "10^4 m3" if fuel == "natural_gas" else "t"
        got = factors[fuel].t_co2_per_unit(unit)
        decimals = 3 if fuel == "natural_gas" else 4
        assert round(got, decimals) == pytest.approx(published, abs=1e-12), fuel
    # the headline values, spelled out: 20 908 kJ/kg = 0.020908 TJ/t; x 26.37 x 0.94 x 44/12
    assert 0.020908 * 26.37 * 0.94 * 44 / 12 == pytest.approx(1.9003, abs=5e-5)
    assert 0.38931 * 15.30 * 0.99 * 44 / 12 == pytest.approx(21.622, abs=5e-4)


def test_default_quantity_units_are_the_yearbook_convention():
    per_unit = factors_per_unit(load_factors())  # 10^4 t, gas 10^4 m3
    assert per_unit["raw_coal"] == pytest.approx(1e4 * load_factors()["raw_coal"].t_co2_per_unit("t"))
    assert per_unit["natural_gas"] == pytest.approx(load_factors()["natural_gas"].t_co2_per_unit("10^4 m3"))
    t_m3 = factors_per_unit(load_factors(), "t, m3")
    assert t_m3["natural_gas"] * 1e4 == pytest.approx(per_unit["natural_gas"])
    e8 = factors_per_unit(load_factors(), "10^4 t, 10^8 m3")
    assert e8["natural_gas"] == pytest.approx(1e4 * per_unit["natural_gas"])


def test_ipcc_variant_has_oxidation_factor_one():
    china, ipcc = load_factors(), load_factors(preset="ipcc_of1")
    for fuel in china:
        assert ipcc[fuel].oxidation_rate == 1.0
        ratio = ipcc[fuel].t_co2_per_unit() / china[fuel].t_co2_per_unit()
        assert ratio == pytest.approx(1.0 / china[fuel].oxidation_rate)
    assert set(PRESETS) == {"china", "ipcc_of1"}


def test_quantity_unit_spellings():
    assert quantity_unit("10^4 t") == quantity_unit("万吨") == quantity_unit("10000 t") == "10^4 t"
    assert quantity_unit("亿立方米") == "10^8 m3"
    with pytest.raises(CarbonInputError, match="Unknown quantity unit 'barrel'"):
        quantity_unit("barrel")


def test_bad_factor_tables_are_refused(tmp_path):
    header = "fuel,name,ncv,ncv_unit,carbon_content_t_c_per_tj,oxidation_rate,quantity_unit\n"
    cases = {
        "missing.csv": ("fuel,name,ncv\ncoal,Coal,1\n", "lacks the columns"),
        "ncv.csv": (header + "coal,Coal,abc,kJ/kg,26,0.9,t\n", "ncv 'abc' is not a number"),
        "of.csv": (header + "coal,Coal,20000,kJ/kg,26,1.5,t\n", "oxidation_rate = 1.5 is outside"),
        "kind.csv": (header + "gas,Gas,38931,kJ/m3,15.3,0.99,t\n", "NCV per m3"),
        "twice.csv": (header + "coal,Coal,1,kJ/kg,1,1,t\nCoal,Coal,1,kJ/kg,1,1,t\n", "appears twice"),
        "unit.csv": (header + "coal,Coal,1,kcal/kg,1,1,t\n", "unknown ncv_unit"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CarbonInputError, match=message):
            load_factors(path)


# -- the engine on records ----------------------------------------------------------------------

def test_one_row_by_hand():
    factors = load_factors()
    record = {"city": "4101", "year": 2001, "raw_coal": 100.0, "natural_gas": 50.0}
    table = energy_emissions(
        EnergyTable([record], "city", "year", fuel_columns={"raw_coal": "raw_coal", "natural_gas": "natural_gas"}),
        factors)
    # 100 x 10^4 t raw coal: 1e6 t x 0.020908 TJ/t x 26.37 t C/TJ x 0.94 x 44/12 = 1 900 298.9 t CO2
    coal = 1e6 * 0.020908 * 26.37 * 0.94 * 44 / 12
    # 50 x 10^4 m3 gas: 50 x 0.38931 TJ x 15.30 x 0.99 x 44/12 = 1081.09 t CO2
    gas = 50 * 0.38931 * 15.30 * 0.99 * 44 / 12
    assert coal == pytest.approx(1_900_298.9, abs=0.1)
    assert gas == pytest.approx(1081.09, abs=0.01)
    assert table.columns == ["city", "year", "CO2_T", "raw_coal", "natural_gas"]
    region, year, total, c, g = table.rows[0]
    assert (region, year) == ("4101", 2001)
    assert c == pytest.approx(coal, rel=1e-12)
    assert g == pytest.approx(gas, rel=1e-12)
    assert total == pytest.approx(coal + gas, rel=1e-12)


def test_long_layout_t_c_units_and_cement():
    factors = load_factors()
    records = [
        {"r": "A", "y": "2005", "fuel": "Raw coal", "q": "2", "clinker": 1},
        {"r": "A", "y": "2005", "fuel": "raw_coal", "q": "3", "clinker": 0},
        {"r": "A", "y": "2005", "fuel": "natural gas", "q": "1", "clinker": None},
    ]
    table = energy_emissions(
        EnergyTable(records, "r", "y", "long", fuel_field="fuel", quantity_field="q", cement_field="clinker"),
        factors, EmissionOptions(quantity_units="t, m3", units="t C"))
    coal_c = 5 * factors["raw_coal"].t_co2_per_unit("t") * 12 / 44
    gas_c = factors["natural_gas"].t_co2_per_unit("m3") * 12 / 44
    assert table.columns == ["r", "year", "C_T", "raw_coal", "natural_gas", "CEMENT_T", "TOTAL_T"]
    row = table.rows[0]
    assert row[2] == pytest.approx(coal_c + gas_c)
    assert row[5] == pytest.approx(1 * 0.52 * 12 / 44)  # 1 t clinker in "t, m3" units
    assert row[6] == pytest.approx(row[2] + row[5])


def test_engine_errors_name_the_problem():
    factors = load_factors()

    def wide(records):
        return EnergyTable(records, "r", "y", fuel_columns={"raw_coal": "raw_coal"})

    with pytest.raises(CarbonInputError, match=r"Negative quantity -5 in column 'raw_coal' \(row 2, region 'B', "
                                               r"year 2002\)"):
        energy_emissions(wide([{"r": "A", "y": 2001, "raw_coal": 1}, {"r": "B", "y": 2002, "raw_coal": -5}]),
                         factors)
    with pytest.raises(CarbonInputError, match=r"'12,5' in column 'raw_coal' \(row 1, region 'A', year 2001\)"):
        energy_emissions(wide([{"r": "A", "y": 2001, "raw_coal": "12,5"}]), factors)
    with pytest.raises(CarbonInputError, match="region field 'r' is empty at row 1"):
        energy_emissions(wide([{"r": None, "y": 2001, "raw_coal": 1}]), factors)
    with pytest.raises(CarbonInputError, match="Unknown fuels in field 'fuel': 'peat' \\(row 1\\)"):
        energy_emissions(EnergyTable([{"r": "A", "y": 2001, "fuel": "peat", "q": 1}], "r", "y", "long",
                                     fuel_field="fuel", quantity_field="q"), factors)
