"""Shared test builders, importable from tests/engine and tests/qgis as ``helpers.<module>``.

Engine-safe (numpy + GDAL, no qgis import): ``rasters`` (GeoTIFFs; the default 1 km grid at X0, Y0),
``vectors`` (layers, ``rect`` in cells of that grid), ``tables`` (CSV), ``climate`` (Rh by hand, monthly
climate, the NEP hand case), ``budgets``, ``report_inputs``, ``sample``, ``doclinks``, ``params`` (the
algorithms' usual parameter dicts). QGIS-side: ``qgisrun`` (processing.run, layers read through QGIS, the
``Recorder`` feedback), ``qgisprocess`` (qgis_process.bin), ``qgis_locale`` (QGIS's UI language).

Engine tests (tests/engine) are named after the engine module they test; algorithm tests (tests/qgis) after
the algorithm, with ``_alg`` where the two names would be the same (pytest needs distinct file names).
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
