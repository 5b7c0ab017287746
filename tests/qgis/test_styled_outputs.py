"""The vector outputs a user opens: risk, balance, hot-spot and budget layers, written as GeoPackage
and as shapefile, open styled in a fresh project and draw in more than one colour (every QGIS)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from helpers.budgets import lattice_budget, write_budget_layer, write_lattice
from helpers.rasters import write_raster
from helpers.vectors import square, write_polygons
from qgis.core import (
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

LAST_PERIOD = 2006  # lattice budget: 2001-2010 in periods of 5 years
BACKGROUND = QColor(255, 255, 255)


def _budget_inputs(folder: Path) -> dict:
    """Regions and rasters for zonalbudget: the east is a source, the west a sink."""
    x0, y0 = 500000.0, 3800000.0
    e = np.zeros((2, 4, 4))
    e[:, :, 2:] = 50.0
    e[:, :, 3] = 120.0
    s = np.full((2, 4, 4), 5.0)
    regions = write_polygons(folder / "regions.gpkg", [square(x0 + 1000 * c, y0 - 1000 * (r + 1), 1000.0)
                                                       for r in range(4) for c in range(4)],
                             {"code": [f"R{k}" for k in range(16)]})
    return {"REGIONS": regions, "REGION_FIELD": "code",
            "EMISSIONS": [write_raster(folder / "e.tif", e, descriptions=["2001", "2002"])],
            "SINKS": [write_raster(folder / "s.tif", s, descriptions=["2001", "2002"])]}


def _lattice_budget(folder: Path) -> str:
    return write_budget_layer(folder / "budget_in.gpkg", *lattice_budget())


# output -> (algorithm, its inputs, other outputs not asked for, renderer type, styled field)
CASES = {
    "risk": ("imbalancerisk", lambda d: {"INPUT": _lattice_budget(d), "OUTPUT_SUMMARY": None},
             "categorizedSymbol", f"RL_{LAST_PERIOD}"),
    "balance": ("balancetrend", lambda d: {"INPUT": _lattice_budget(d), "OUTPUT_TRANSITIONS": None,
                                           "OUTPUT_PROVINCE": None},
                "categorizedSymbol", f"ST_{LAST_PERIOD}"),
    "hotspots": ("hotspots", lambda d: {"INPUT": write_lattice(d / "lattice.gpkg", np.array(
        [1.0, 2, 1, 2, 1, 9, 10, 2, 1, 9, 11, 2, 1, 2, 1, 1])), "FIELD": "VALUE", "PERMUTATIONS": 99},
                 "categorizedSymbol", "GI_BIN"),
    "budget": ("zonalbudget", _budget_inputs, "graduatedSymbol", "NET_2002"),
}


def render(layer: QgsVectorLayer, png: Path) -> tuple[QImage, QgsMapSettings]:
    """Draw the layer alone on white with QGIS's map renderer and save it as PNG."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(200, 200))
    settings.setBackgroundColor(BACKGROUND)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    assert image.save(str(png), "PNG")
    return QImage(str(png)), settings


def feature_colours(layer: QgsVectorLayer, image: QImage, settings: QgsMapSettings) -> list[str]:
    """The colour drawn inside each feature (at a point on its surface)."""
    to_pixel = settings.mapToPixel()
    found = []
    for feature in layer.getFeatures():
        point = to_pixel.transform(feature.geometry().pointOnSurface().asPoint())
        found.append(image.pixelColor(round(point.x()), round(point.y())).name())
    return found


@pytest.mark.parametrize("fmt", ["gpkg", "shp"])
@pytest.mark.parametrize("output", list(CASES))
def test_output_opens_styled_in_a_fresh_project(provider, tmp_path, output, fmt):
    import processing

    alg, inputs, renderer_type, field = CASES[output]
    path = tmp_path / f"{output}.{fmt}"
    result = processing.run(f"carbonbudget:{alg}", {**inputs(tmp_path), "OUTPUT": str(path)})
    assert (tmp_path / f"{output}.qml").is_file() == (fmt == "shp")  # GeoPackage: inside, in layer_styles

    project = QgsProject()  # a fresh project, as a user opening the file in a new QGIS session
    try:
        layer = QgsVectorLayer(result["OUTPUT"], output, "ogr")  # applies the saved style as QGIS does
        assert layer.isValid()
        project.addMapLayer(layer)
        assert layer.renderer().type() == renderer_type
        assert layer.renderer().classAttribute() == field
        image, settings = render(layer, tmp_path / f"{output}_{fmt}.png")
        drawn = feature_colours(layer, image, settings)
        legend = {item.symbol().color().name() for item in layer.renderer().legendSymbolItems()}
        assert set(drawn) <= legend, (drawn, legend)  # each feature in the colour of its class
        assert len(set(drawn)) >= 2, drawn  # not a single colour: the classes show
    finally:
        project.clear()
