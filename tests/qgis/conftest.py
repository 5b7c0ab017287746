"""QGIS fixtures: the plugin's provider registered in the pytest-qgis application, shared inputs."""

from __future__ import annotations

import pytest
from helpers.budgets import lattice_budget, write_budget_layer
from helpers.report_inputs import report_inputs


@pytest.fixture(scope="session")
def provider(qgis_app, qgis_processing):
    """The plugin loaded as QGIS loads it, with its provider registered."""
    from qgis.core import QgsApplication

    import carbon_budget

    plugin = carbon_budget.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("carbonbudget")
    plugin.unload()


@pytest.fixture
def budget_gpkg(tmp_path):
    """The lattice budget layer of helpers.budgets: its path, and E and S (16 regions x 10 years, t CO2)."""
    emission, sink = lattice_budget()
    return write_budget_layer(tmp_path / "budget.gpkg", emission, sink), emission, sink


@pytest.fixture
def inputs(tmp_path) -> dict[str, str]:
    """The report's hand-made inputs (``helpers.report_inputs``): risk, balance and hot-spot layers, 3 tables."""
    return report_inputs(tmp_path)
