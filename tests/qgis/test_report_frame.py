"""Report details of issue 12 item 8: the HTML lang attribute and map frames filled by the map."""

from __future__ import annotations

import pytest
from helpers.qgisrun import run
from qgis.PyQt.QtCore import QSettings, QSize


@pytest.fixture
def ui_language(qgis_app):
    settings = QSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))

    def choose(locale: str) -> None:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale)

    yield choose
    settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
    settings.setValue("locale/userLocale", saved[1] or "")


@pytest.mark.parametrize(("locale", "lang"), [("C", "en"), ("POSIX", "en"), ("en_US", "en"), ("de_DE", "en"),
                                              ("zh_CN", "zh-CN"), ("zh-Hans", "zh-CN"), ("zh_TW", "zh-CN")])
def test_report_language(ui_language, locale, lang):
    from carbon_budget.algorithms.report import report_language

    ui_language(locale)
    assert report_language() == lang


def test_report_under_the_c_locale_is_tagged_english(provider, inputs, tmp_path, ui_language):
    ui_language("C")
    out = tmp_path / "report.html"
    run("report", {"RISK": inputs["risk"], "OUTPUT": str(out)})
    text = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in text and 'lang="C"' not in text


@pytest.mark.parametrize(("width", "height"), [(400.0, 100.0), (100.0, 300.0), (50.0, 50.0)])
def test_map_frame_is_the_layer_extent_plus_margin(qgis_app, width, height):
    """The drawn extent is the layer extent plus MARGIN of its larger side; the frame has its aspect."""
    from qgis.core import QgsRectangle

    from carbon_budget.algorithms.report import MAP_RECT, MARGIN, map_frame, map_settings

    layer_extent = QgsRectangle(1000.0, 2000.0, 1000.0 + width, 2000.0 + height)
    extent, (x, y, w, h) = map_frame(layer_extent)
    pad = MARGIN * max(width, height)
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(
        (1000.0 - pad, 2000.0 - pad, 1000.0 + width + pad, 2000.0 + height + pad))
    mx, my, mw, mh = MAP_RECT
    assert mx <= x and my <= y and x + w <= mx + mw and y + h <= my + mh
    assert w == mw or h == mh  # fills the frame in one direction
    assert w / h == pytest.approx(extent.width() / extent.height(), rel=0.01)
    settings = map_settings(_layer(layer_extent), extent, QSize(w, h))
    visible = settings.visibleExtent()  # what QGIS draws: no extra paper around the map
    assert visible.width() == pytest.approx(extent.width(), rel=0.01)
    assert visible.height() == pytest.approx(extent.height(), rel=0.01)


def _layer(rect):
    from qgis.core import QgsFeature, QgsFillSymbol, QgsGeometry, QgsSingleSymbolRenderer, QgsVectorLayer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:32650", "wide", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(rect))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#000000",
                                                                          "outline_style": "no"})))
    return layer


@pytest.mark.parametrize(("width", "height"), [(400.0, 100.0), (100.0, 300.0)])
def test_rendered_map_reaches_all_four_sides_of_its_frame(qgis_app, width, height):
    """A wide and a tall province: drawn pixels near every side of the frame (only the margin is paper)."""
    from qgis.core import QgsRectangle

    from carbon_budget.algorithms.report import MARGIN, _render, map_frame

    rect = QgsRectangle(0.0, 0.0, width, height)
    extent, (_, _, w, h) = map_frame(rect)
    image = _render(_layer(rect), extent, QSize(w, h))
    painted = [[image.pixelColor(i, j).lightness() < 128 for i in range(w)] for j in range(h)]
    edge_x = int(w * (MARGIN * max(width, height) / extent.width())) + 3
    edge_y = int(h * (MARGIN * max(width, height) / extent.height())) + 3
    assert any(painted[h // 2][i] for i in range(edge_x))  # left
    assert any(painted[h // 2][w - 1 - i] for i in range(edge_x))  # right
    assert any(painted[j][w // 2] for j in range(edge_y))  # top
    assert any(painted[h - 1 - j][w // 2] for j in range(edge_y))  # bottom
