"""Engine tests for carbon_plugin.schema: field names built and read back, years, region keys."""

from __future__ import annotations

import math

import numpy as np
import pytest

from carbon_budget.carbon_plugin import schema

PER_YEAR = (schema.EMISSION, schema.SINK, schema.NET, schema.RATIO, schema.ECC, schema.ESC, schema.GDP)
PER_PERIOD = (schema.CSR, schema.STATE, schema.CHANGE, schema.CROSSING, schema.SEN, schema.MKZ, schema.MKP,
              schema.TREND_CLASS, schema.RISK_INDEX, schema.RISK_LEVEL, schema.COMPENSATION, schema.RI_MEDIAN,
              schema.RI_LOW, schema.RI_HIGH, schema.P_HIGH, schema.LIKELY_LEVEL, schema.P_LEVEL)


@pytest.mark.parametrize("prefix", PER_YEAR + PER_PERIOD)
def test_names_round_trip_and_fit_a_shapefile(prefix):
    names = [schema.field(prefix, y) for y in (2001, 2006, 2016)] + [schema.all_field(prefix), "NAME", "AREA_KM2"]
    assert schema.years_of(names, prefix) == {2001: f"{prefix}2001", 2006: f"{prefix}2006", 2016: f"{prefix}2016"}
    assert schema.latest(names, prefix) == f"{prefix}2016"
    assert schema.year_of(schema.field(prefix, 1999), prefix) == 1999
    assert schema.year_of(schema.all_field(prefix), prefix) is None
    assert all(len(n) <= 10 for n in names)


def test_names_are_read_without_case_and_prefixes_do_not_overlap():
    names = ["emi_2001", "SNK_2001", "EMI_2002", "RI_2001", "RIM_2001", "RIL_2001", "RL_2001", "RLM_2001",
             "PH_2001", "PL_2001", "EMI_20011", "EMI_1799", "EMI_x001"]
    assert schema.years_of(names, schema.EMISSION) == {2001: "emi_2001", 2002: "EMI_2002"}
    assert schema.common_years(names, schema.EMISSION, schema.SINK) == [2001]
    found = schema.fields_by_prefix(names, (schema.RISK_INDEX, schema.RISK_LEVEL, schema.RI_MEDIAN, schema.P_HIGH))
    assert found == {"RI_": {2001: "RI_2001"}, "RL_": {2001: "RL_2001"}, "RIM_": {2001: "RIM_2001"},
                     "PH_": {2001: "PH_2001"}}
    assert schema.latest(["NAME"], schema.RISK_INDEX) is None


def test_period_fields_and_summary_columns():
    assert schema.period_fields(2006, schema.RISK_FIELDS) == [("RI_2006", "double"), ("RL_2006", "int"),
                                                             ("CV_2006", "double")]
    columns = [name for name, _ in schema.summary_columns(["state", "trend"])]
    assert columns[:6] == ["period", "year", "normalis", "weighting", "regions", "n_nodata"]
    assert columns[6:11] == [f"n_l{k}" for k in range(1, 6)] and columns[11:16] == [f"sh_l{k}" for k in range(1, 6)]
    assert columns[16:] == ["n_high", "high_share", "w_state", "w_trend"]
    row = {"w_state": 0.6123456, "w_trend": "0.3876544", "w_pressure": None}
    assert schema.weights_of_row(row, ("state", "trend", "pressure")) == {"state": 0.6123456, "trend": 0.3876544}


@pytest.mark.parametrize("text, year", [
    ("2001", 2001), (" 2001 ", 2001), ("2001.0", 2001), ("y2001", 2001), ("npp_2005.tif", 2005), (2001, 2001),
    (2001.0, 2001), (np.int64(2020), 2020), ("1800", 1800), ("2099", 2099),
    ("1799", None), ("2100", None), (1799, None), (2100, None), (2001.5, None), (math.nan, None), (None, None),
    ("", None), ("band 1", None), ("20011", None), ("npp_2003_1000m_2020release", None),
])
def test_parse_year(text, year):
    assert schema.parse_year(text) == year


def test_parse_year_whole_and_candidates():
    assert schema.parse_year("y2001", whole=True) is None
    assert schema.parse_year("2001", whole=True) == 2001
    assert schema.year_candidates("npp_2003_1000m_2020release") == ["2003", "2020"]
    assert schema.year_candidates("npp_1799_2100") == []


class Null:
    """A QVariant NULL as PyQGIS gives it."""

    def isNull(self):
        return True


@pytest.mark.parametrize("value, key", [
    (4101, "4101"), (4101.0, "4101"), ("4101", "4101"), (" 4101 ", "4101"), (np.float64(4101.0), "4101"),
    (np.float32(4101.0), "4101"), (np.int32(4101), "4101"), (4101.5, "4101.5"), ("4101.0", "4101.0"),
    ("郑州市", "郑州市"), (None, None), (math.nan, None), ("", None), ("  ", None), (Null(), None),
])
def test_region_key_rule(value, key):
    assert schema.region_key(value) == key


def test_repeated_keys():
    keys = [schema.region_key(v) for v in (4101, "4101", 4102.0, None, None, "a", " a")]
    assert schema.repeated_keys(keys) == ["4101", "a"]
    assert schema.repeated_keys(["1", "2"]) == []


def test_schema_imports_neither_gdal_nor_qgis():
    source = (schema.__file__ and open(schema.__file__, encoding="utf-8").read())
    assert "osgeo" not in source and "qgis" not in source.replace("QGIS", "")
