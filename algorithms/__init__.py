"""The QGIS layer: the Processing provider and one thin adapter per algorithm."""
