"""The engine of Carbon Budget & Imbalance Risk: plain numpy + GDAL, no QGIS import.

One module per stage of the data flow; the QGIS algorithms in ``algorithms/`` are thin adapters.
"""
