"""Carbon Budget & Imbalance Risk: QGIS plugin entry point.

QGIS is imported only inside ``classFactory`` so that the engine (``carbon_plugin``) stays
importable without QGIS.
"""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import CarbonBudgetPlugin

    return CarbonBudgetPlugin(iface)
