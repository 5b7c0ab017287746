"""The plugin loads as QGIS loads it and registers the provider with its algorithms."""

from __future__ import annotations


def test_provider_registered(provider):
    assert provider.id() == "carbonbudget"
    assert provider.name() == "Carbon budget & imbalance risk"
    ids = {alg.id() for alg in provider.algorithms()}
    assert "carbonbudget:stackyears" in ids


def test_every_algorithm_has_help_icon_and_group(provider):
    for alg in provider.algorithms():
        if alg.id().startswith("carbonbudget:") and hasattr(alg, "ALG_ID"):
            assert len(alg.shortHelpString()) > 200, alg.id()
            assert alg.group() and alg.groupId()
            assert not alg.icon().isNull()
            assert alg.helpUrl().startswith("file://")
            assert alg.tags()


def test_bundled_models_are_loaded_as_provider_algorithms(qgis_processing, tmp_path):
    """A .model3 in the models folder shows as carbonbudget:<name> and runs its children."""
    from pathlib import Path

    import numpy as np
    import processing
    from qgis.core import QgsApplication
    from rasters import read_all, write_raster

    from carbon_budget.algorithms.provider import CarbonProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("carbonbudget") is None:
        registry.addProvider(CarbonProvider())
    test_provider = CarbonProvider(Path(__file__).parent / "data" / "models")
    test_provider.loadAlgorithms()
    model = next(a for a in test_provider.algorithms() if a.name() == "teststack")
    assert model.id() == "carbonbudget:teststack"
    paths = [write_raster(tmp_path / f"x_{y}.tif", np.full((2, 2), y, np.float32)) for y in (2002, 2001)]
    result = processing.run(model, {"yearly": paths, "stack:stacked": str(tmp_path / "m.tif")})
    assert read_all(result["stack:stacked"])[:, 0, 0].tolist() == [2001.0, 2002.0]
