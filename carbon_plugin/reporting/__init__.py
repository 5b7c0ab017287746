"""The HTML report of an analysis, outside the engine's stages (no QGIS import).

``model`` (what the report shows, built from the stages' layer columns and tables), ``charts``
(matplotlib or built-in SVG), ``document`` (the HTML, rendered from ``templates/report.html.j2`` with
Jinja2) and ``texts`` (the literals the document translates, marked for extraction). The maps are
drawn by the adapter, ``algorithms/report.py``, with the layer styles.
"""
