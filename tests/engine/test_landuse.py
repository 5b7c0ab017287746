"""Engine tests for carbon_plugin.landuse: coefficient presets and tables, the cropland coefficient from crop
yields (the algorithm: tests/qgis/test_sinks_alg.py)."""

from __future__ import annotations

import pytest

from carbon_budget.carbon_plugin.errors import CarbonInputError
from carbon_budget.carbon_plugin.landuse import (
    cropland_coefficient_t_c_ha,
    load_coefficients,
    load_crop_parameters,
    preset_coefficients,
)


def test_presets_load():
    cnlucc = preset_coefficients("cnlucc")
    assert {c: k.t_c_ha_yr for c, k in cnlucc.items()} == {1: 0.0, 2: 0.644, 3: 0.021, 4: 0.253, 5: 0.0, 6: 0.005}
    assert cnlucc[2].name == "forest"
    clcd = preset_coefficients("clcd")
    assert sorted(clcd) == list(range(1, 10))
    assert (clcd[2].t_c_ha_yr, clcd[4].t_c_ha_yr, clcd[5].t_c_ha_yr, clcd[7].t_c_ha_yr) == (0.644, 0.021, 0.253, 0.005)
    assert clcd[8].t_c_ha_yr == 0.0 and clcd[3].name == "shrub"


def test_crop_yields_give_a_cropland_coefficient():
    params = load_crop_parameters()
    assert (params["wheat"].carbon_fraction, params["maize"].harvest_index, params["rice"].water_content) == \
        (0.4853, 0.40, 0.12)
    # wheat 1000 t: 0.4853 x 1000 x (1 - 0.12) / 0.40 = 1067.66 t C
    # maize  500 t: 0.4709 x  500 x (1 - 0.13) / 0.40 =  512.10375 t C; over 1000 ha
    coefficient = cropland_coefficient_t_c_ha({"wheat": 1000.0, "Maize": 500.0}, 1000.0, params)
    assert coefficient == pytest.approx(1.57976375, rel=1e-12)
    with pytest.raises(CarbonInputError, match="No crop parameters for 'sorghum'"):
        cropland_coefficient_t_c_ha({"sorghum": 1.0}, 1.0, params)


def test_a_class_code_twice_in_a_coefficient_table_is_an_error(tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("code,name,t_c_ha_yr\n1,a,0.5\n1,b,0.6\n", encoding="utf-8")
    with pytest.raises(CarbonInputError, match="line 3: class code 1 appears twice"):
        load_coefficients(table)
