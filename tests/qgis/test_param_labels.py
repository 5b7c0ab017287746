"""Errors name a parameter as the dialog shows it, with the id in brackets for qgis_process users
(issue 12, defect 4): 'Statistics table [STATS]', not 'STATS'. One run per changed message kind."""

from __future__ import annotations

import re

import numpy as np
import pytest
from helpers.rasters import write_raster
from helpers.vectors import square, write_polygons
from qgis.core import QgsProcessingException

X0, Y0 = 500000.0, 3796000.0  # the default raster of tests/rasters.py: 4 x 4 km from (500000, 3800000)


def _label(alg_id: str, name: str) -> str:
    from qgis.core import QgsApplication

    definition = QgsApplication.processingRegistry().algorithmById(alg_id).parameterDefinition(name)
    return f"{definition.description()} [{name}]"


def _fails(alg_id: str, parameters: dict, *labels: str) -> str:
    import processing

    with pytest.raises(QgsProcessingException) as err:
        processing.run(alg_id, parameters)
    message = str(err.value)
    for label in labels:
        assert label in message, (label, message)
    return message


def _regions(tmp_path, **fields) -> str:
    wkts = [square(X0 + 2000 * (k % 2), Y0 + 2000 * (k // 2), 2000) for k in range(4)]
    return write_polygons(tmp_path / "regions.gpkg", wkts, {"code": [1, 2, 3, 4], "name": ["a", "b", "c", "d"],
                                                            **fields})


def test_param_label_is_description_and_id(provider):
    from carbon_budget.algorithms.params import param_label

    alg = provider.algorithm("gridemissions")
    assert param_label(alg, "STATS") == "Emission statistics table (region, year, value) [STATS]"
    assert param_label(alg, "NO_SUCH") == "NO_SUCH"


def test_list_of_numbers_names_the_label(provider, tmp_path):
    """params.parse_numbers: gridbudget STATE_BREAKS."""
    years = ["2001", "2002"]
    emission = write_raster(tmp_path / "e.tif", np.full((2, 4, 4), 10, np.float32), descriptions=years)
    sink = write_raster(tmp_path / "s.tif", np.full((2, 4, 4), 5, np.float32), descriptions=years)
    label = _label("carbonbudget:gridbudget", "STATE_BREAKS")
    message = _fails("carbonbudget:gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "STATE_BREAKS": "1, 2",
                                                 "NET": str(tmp_path / "net.tif")}, label)
    assert re.search(r"\[STATE_BREAKS\]: '1, 2' must be 4 comma-separated numbers", message)


def test_list_of_years_names_the_label(provider, tmp_path):
    """params.parse_years: stackyears YEARS."""
    paths = [write_raster(tmp_path / f"y{k}.tif", np.ones((4, 4), np.float32)) for k in range(2)]
    _fails("carbonbudget:stackyears", {"INPUT": paths, "YEARS": "first, second", "OUTPUT": str(tmp_path / "o.tif")},
           _label("carbonbudget:stackyears", "YEARS") + ": 'first, second' is not a list of years")


def test_missing_statistics_name_both_labels(provider, tmp_path):
    """gridemissions: neither a statistics table nor a field prefix; a prefix matching no field."""
    proxy = write_raster(tmp_path / "ntl.tif", np.ones((4, 4), np.float32), descriptions=["2001"])
    regions = _regions(tmp_path, EMI_2001=[1.0, 2.0, 3.0, 4.0])
    base = {"REGIONS": regions, "REGION_FIELD": "code", "PROXY": proxy, "OUTPUT": str(tmp_path / "g.tif")}
    stats, prefix = _label("carbonbudget:gridemissions", "STATS"), _label("carbonbudget:gridemissions", "FIELD_PREFIX")
    message = _fails("carbonbudget:gridemissions", base, stats, prefix)
    assert "a STATS table" not in message
    _fails("carbonbudget:gridemissions", {**base, "FIELD_PREFIX": "GDP_"},
           prefix + ": the regions have no fields named GDP_yyyy")


def test_user_weights_name_the_label(provider, tmp_path):
    """params.parse_numbers through imbalancerisk USER_WEIGHTS (the message the issue quotes)."""
    fields = {f"{kind}_{year}": [float(v) for v in values] for year in range(2001, 2006)
              for kind, values in (("EMI", (10, 20, 30, 40)), ("SNK", (5, 4, 3, 2)))}
    regions = _regions(tmp_path, **fields)
    _fails("carbonbudget:imbalancerisk", {"INPUT": regions, "WEIGHTS": 2, "USER_WEIGHTS": "0.5",
                                          "OUTPUT": str(tmp_path / "r.gpkg")},
           _label("carbonbudget:imbalancerisk", "USER_WEIGHTS") + ": '0.5' must be 2 comma-separated numbers")


def test_hotspots_field_and_distance_name_the_label(provider, tmp_path):
    regions = _regions(tmp_path, VALUE=[1.0, 2.0, 3.0, 5.0])
    out = str(tmp_path / "h.gpkg")
    _fails("carbonbudget:hotspots", {"INPUT": regions, "FIELD": "name", "OUTPUT": out},
           _label("carbonbudget:hotspots", "FIELD") + ": 'name' is a")
    _fails("carbonbudget:hotspots", {"INPUT": regions, "FIELD": "VALUE", "WEIGHTS": 1, "OUTPUT": out},
           _label("carbonbudget:hotspots", "DISTANCE") + ": give the distance band")


def test_no_label_says_optional_twice(provider):
    """QGIS appends '[optional]' to optional parameters itself: no label carries its own '(optional)'."""
    doubled = [f"{alg.name()}:{p.name()}" for alg in provider.algorithms() if hasattr(alg, "ALG_ID")
               for p in alg.parameterDefinitions() if "optional" in p.description().lower()]
    assert doubled == []
    assert provider.algorithm("gridemissions").parameterDefinition("POINTS").description() == "Point sources"


def test_hotspots_distance_is_a_distance_in_the_layer_units(provider, tmp_path):
    """DISTANCE is a distance parameter tied to INPUT (the dialog shows and converts units); same
    name, no default, so scripts keep working: a band of 2.5 km links the 2 km squares' centroids."""
    import processing

    definition = provider.algorithm("hotspots").parameterDefinition("DISTANCE")
    assert definition.type() == "distance" and definition.parentParameterName() == "INPUT"
    assert definition.defaultValue() is None
    regions = _regions(tmp_path, VALUE=[1.0, 2.0, 3.0, 5.0])
    result = processing.run("carbonbudget:hotspots", {"INPUT": regions, "FIELD": "VALUE", "WEIGHTS": 1,
                                                      "DISTANCE": 2500, "PERMUTATIONS": 9,
                                                      "OUTPUT": str(tmp_path / "h.gpkg")})
    assert result["ISLANDS"] == 0
