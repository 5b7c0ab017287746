"""The report draws in the colours of the layer styles (issue 13), both read from one table,
``carbon_plugin/legend.py``.

For every kind the report maps (risk level, balance state with its neutral state, Gi* bin, PH
class), a row of squares, one per class of the table and one without a value, is styled with
``algorithms/styles.py`` and drawn by the report's ``render_map``: the style's categories, the
pixels of the map and the table must agree class by class. The histogram's bars must have the
colours the risk level and risk index styles give the middle of their bin.
"""

from __future__ import annotations

import re
import sys

import numpy as np
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from carbon_budget.algorithms import styles
from carbon_budget.algorithms.report import map_frame, render_map
from carbon_budget.algorithms.vectors import LayerData
from carbon_budget.carbon_plugin import legend
from carbon_budget.carbon_plugin.reporting import document, model
from carbon_budget.carbon_plugin.risk import risk_levels

MAPPED_KINDS = (legend.RISK_LEVEL, legend.BALANCE_STATE, legend.GI_BIN, legend.HIGH_RISK_PROBABILITY)
SIDE = 100.0  # m: the side of a square


def row_of_squares(values: list, field_type: str = "integer") -> QgsVectorLayer:
    """Squares side by side, west to east, with ``values`` (None: NULL) in the field ``value``."""
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:32650&field=value:{field_type}", "row", "memory")
    features = []
    for k, value in enumerate(values):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(k * SIDE, 0.0, (k + 1) * SIDE, SIDE)))
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def table_colours(kind: str) -> dict:
    """{value: colour} of the table, None for no data."""
    return {**legend.colours(kind), None: legend.NO_DATA_COLOUR}


def style_colours(layer: QgsVectorLayer, kind: str) -> dict:
    """{value: colour} of the categories of the layer styled as ``kind`` (None: its 'No data')."""
    styles.apply_style(layer, kind, "value")
    return {None if c.value() == "" else int(c.value()): c.symbol().color().name()
            for c in layer.renderer().categories()}


def map_colours(layer: QgsVectorLayer, kind: str, values: list) -> dict:
    """{value: colour of the pixel at the centre of its square} in the report's map of the layer."""
    data = LayerData(layer.fields(), list(layer.getFeatures()))
    classes = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    image = QImage.fromData(render_map(data, layer.crs(), classes, kind, kind), "PNG")
    extent, (x, y, width, height) = map_frame(layer.extent())

    def centre(k: int) -> str:
        column = x + ((k + 0.5) * SIDE - extent.xMinimum()) / extent.width() * width
        row = y + (extent.yMaximum() - SIDE / 2) / extent.height() * height
        return QColor(image.pixel(int(column), int(row))).name()

    return {value: centre(k) for k, value in enumerate(values)}


@pytest.mark.parametrize("kind", MAPPED_KINDS)
def test_report_maps_have_the_colours_of_the_layer_styles(qgis_app, kind):
    values = [c.value for c in legend.every_class(kind)] + [None]
    layer = row_of_squares(values)
    expected = table_colours(kind)
    assert style_colours(layer, kind) == expected
    assert map_colours(layer, kind, values) == expected


def test_histogram_bars_have_the_colours_of_the_risk_layers(qgis_app, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # the SVG chart: its bars' colours are in the HTML
    middles = (np.arange(model.HISTOGRAM_BINS) + 0.5) / model.HISTOGRAM_BINS
    text = document.build_html(model.Report("bins", periods=[model.PeriodSection("p", 2001, index=middles)]))
    bars = re.findall(r'<rect class="bar" [^>]*fill="(#[0-9a-f]{6})"', text)
    levels = [int(level) for level in risk_levels(middles)]
    level_style = style_colours(row_of_squares(levels), legend.RISK_LEVEL)
    index_layer = row_of_squares([float(v) for v in middles], "double")
    styles.apply_style(index_layer, "risk_index", "value")
    index_style = [next(r.symbol().color().name() for r in index_layer.renderer().ranges()
                        if r.lowerValue() <= v <= r.upperValue()) for v in middles]
    assert bars == [level_style[level] for level in levels] == index_style
    assert bars == [table_colours(legend.RISK_LEVEL)[level] for level in levels]
