"""Engine tests for carbon_plugin.files: text numbers, and GB18030 tables as Chinese Excel saves them (the
algorithms' side: tests/qgis/test_safe_writes.py)."""

from __future__ import annotations

import numpy as np
import pytest

from carbon_budget.carbon_plugin.files import parse_number, read_csv
from carbon_budget.carbon_plugin.landuse import load_coefficients


def test_gb18030_coefficient_and_factor_csv_are_read(tmp_path):
    path = tmp_path / "coefficients.csv"
    path.write_bytes("code,name,t_c_ha_yr\n11,水田,0.5\n21,有林地,1.2\n".encode("gb18030"))
    header, rows = read_csv(path, "land-use coefficient CSV")
    assert header == ["code", "name", "t_c_ha_yr"]
    assert [row["name"] for _, row in rows] == ["水田", "有林地"]
    classes = load_coefficients(path)
    assert classes[21].name == "有林地" and classes[21].t_c_ha_yr == 1.2


def test_parse_number_reads_text_numbers():
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("１２３４") == 1234.0
    assert np.isnan(parse_number(""))
    with pytest.raises(ValueError):
        parse_number("1.234,5")
