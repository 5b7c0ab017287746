"""Carbon Budget & Imbalance Risk: QGIS plugin entry point.

QGIS is imported only inside ``classFactory`` so that the engine (``carbon_plugin``) stays
importable without QGIS.
"""


def classFactory(iface):
    from .plugin import CarbonBudgetPlugin

    return CarbonBudgetPlugin(iface)
