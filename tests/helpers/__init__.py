"""Shared test builders, importable from tests/engine and tests/qgis as ``helpers.<module>``.

Engine-safe (numpy + GDAL, no qgis import): ``rasters``, ``vectors``, ``budgets``, ``report_inputs``,
``sample``, ``doclinks``. QGIS-side: ``qgisrun`` (processing.run, layers read through QGIS),
``qgisprocess`` (qgis_process.bin), ``qgis_locale`` (QGIS's UI language).
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
