"""Engine tests for carbon_plugin.files: text numbers, and GB18030 tables as Chinese Excel saves them (the
algorithms' side: tests/qgis/test_safe_writes.py)."""

from __future__ import annotations

import numpy as np
import pytest

from carbon_budget.carbon_plugin.files import after_run, output_run, parse_number, read_csv, write_text_atomic
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


def test_after_run_is_done_once_the_run_succeeds_and_never_after_a_failure(tmp_path):
    """What is written beside the outputs in place (styles) waits for the run's end: a run that fails
    after asking for it does nothing of it; a nested run's wait for the outer one; outside a run, now."""
    done: list[str] = []
    with output_run():
        write_text_atomic(tmp_path / "a.csv", "a")
        after_run(lambda: done.append("styled"))
        with output_run():
            after_run(lambda: done.append("nested"))
        assert done == []
    assert done == ["styled", "nested"]

    (tmp_path / "b.csv").write_text("older", encoding="utf-8")
    done.clear()
    with pytest.raises(RuntimeError), output_run():
        write_text_atomic(tmp_path / "b.csv", "new")
        after_run(lambda: done.append("styled"))
        raise RuntimeError("a later output failed")
    assert done == [] and (tmp_path / "b.csv").read_text(encoding="utf-8") == "older"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]

    after_run(lambda: done.append("now"))
    assert done == ["now"]
