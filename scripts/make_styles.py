#!/usr/bin/env python3
"""Write the style templates ``algorithms/styles/*.qml`` from the renderers of ``algorithms/styles.py``.

    python scripts/make_styles.py [OUTDIR]      (default: algorithms/styles)

The plugin builds every style in code when it styles an output (the field of the latest period,
ranges fitted to the data, labels translated) and saves it beside the output; these templates are
the same renderers with English labels, placeholder fields and example ranges, for loading by hand
(Layer Properties > Symbology > Style > Load Style, then pick the field or band). They are written
with ``QgsMapLayer.saveNamedStyle`` (symbology only) by the QGIS that runs this script, so they load
in that version and later ones: run it with the oldest supported QGIS (3.22). Category values get
the ``type`` attribute that 3.40 writes (3.22 ignores it; without it 3.40 reads the values as text).
tests/test_styles.py checks that every supported QGIS reads them as the renderers the code builds.
"""

from __future__ import annotations

import atexit
import importlib
import re
import shutil
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import numpy as np

REPO = Path(__file__).resolve().parent.parent
STYLES_DIR = REPO / "algorithms" / "styles"

# name -> (kind, vector field or None for a raster template)
VECTOR_TEMPLATES = {
    "risk_level": ("risk_level", "RL"),
    "balance_state": ("balance_state", "ST"),
    "gi_bin": ("gi_bin", "GI_BIN"),
    "risk_index": ("risk_index", "RI"),
    "net_emission": ("net_emission", "NET"),
}
RASTER_TEMPLATES = {
    "balance_state_raster": "balance_state",
    "trend_class_raster": "trend_class",
    "net_emission_raster": "net_emission",
    "emission_raster": "emission",
    "sink_raster": "sink",
    "ratio_raster": "ratio",
    "risk_index_raster": "risk_index",
}


def example_values(kind: str) -> np.ndarray:
    """Deterministic example data (t per cell or region per year) for the data-fitted templates."""
    rng = np.random.default_rng(20240101)
    if kind == "net_emission":
        return np.concatenate([-rng.lognormal(4.0, 1.0, 300), rng.lognormal(6.0, 1.5, 700)])
    if kind == "emission":
        return np.concatenate([np.zeros(300), rng.lognormal(6.0, 1.5, 700)])
    if kind == "sink":
        return rng.lognormal(4.0, 0.8, 1000)
    return np.empty(0)


def styles_module():
    """``carbon_budget.algorithms.styles``, through a link named ``carbon_budget`` if needed (the plugin
    uses relative imports and the checkout's folder name is arbitrary)."""
    try:
        import carbon_budget

        if Path(carbon_budget.__file__).resolve().parent == REPO:
            return importlib.import_module("carbon_budget.algorithms.styles")
    except ImportError:
        sys.modules.pop("carbon_budget", None)
    folder = Path(tempfile.mkdtemp(prefix="carbon_plugins_"))
    (folder / "carbon_budget_styles").symlink_to(REPO, target_is_directory=True)
    atexit.register(shutil.rmtree, folder, True)
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    return importlib.import_module("carbon_budget_styles.algorithms.styles")


def _template_raster(folder: Path) -> str:
    from osgeo import gdal, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    path = folder / "template.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 2, 2, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform([0.0, 1.0, 0.0, 2.0, 0.0, -1.0])
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.array([[0.0, 1.0], [2.0, 3.0]], dtype=np.float32))
    dataset = None
    return str(path)


def _vector_layer(name: str, kind: str, field: str, styles):
    from qgis.core import QgsVectorLayer

    field_type = "double" if kind in styles.CONTINUOUS_KINDS else "integer"
    return QgsVectorLayer(f"MultiPolygon?crs=EPSG:4326&field={field}:{field_type}", name, "memory")


def write_templates(outdir: Path, styles=None) -> list[Path]:
    """Write every template into ``outdir``; returns the written paths. Needs a running QgsApplication."""
    from qgis.core import QgsRasterLayer

    styles = styles or styles_module()
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (kind, field) in VECTOR_TEMPLATES.items():
        layer = _vector_layer(name, kind, field, styles)
        if kind in styles.CONTINUOUS_KINDS:
            renderer = styles.graduated_renderer(kind, field, example_values(kind))
        else:
            renderer = styles.categorized_renderer(kind, field)
        written.append(_save(layer, renderer, outdir / f"{name}.qml", styles))
    with tempfile.TemporaryDirectory() as scratch:
        raster = QgsRasterLayer(_template_raster(Path(scratch)), "template", "gdal")
        for name, kind in RASTER_TEMPLATES.items():
            if kind in styles.CONTINUOUS_KINDS:
                renderer = styles.pseudocolor_renderer(kind, example_values(kind), 1, raster.dataProvider())
            else:
                renderer = styles.paletted_renderer(kind, 1, raster.dataProvider())
            written.append(_save(raster, renderer, outdir / f"{name}.qml", styles))
        del raster
    return written


def resave_template(template: Path, outdir: Path, styles=None) -> Path:
    """Load a template into the layer it was made for and save it again with the running QGIS.

    The committed templates are written by the oldest supported QGIS; a newer one writes more
    (uuids, colour specs...). Comparing a template re-saved here with a fresh ``write_templates``
    output shows whether this QGIS reads the template as exactly the renderer the code builds.
    """
    from qgis.core import QgsRasterLayer

    styles = styles or styles_module()
    outdir.mkdir(parents=True, exist_ok=True)
    name = template.stem
    with tempfile.TemporaryDirectory() as scratch:
        if name in VECTOR_TEMPLATES:
            kind, field = VECTOR_TEMPLATES[name]
            layer = _vector_layer(name, kind, field, styles)
        else:
            layer = QgsRasterLayer(_template_raster(Path(scratch)), "template", "gdal")
        message, ok = layer.loadNamedStyle(str(template), styles.SYMBOLOGY)
        if not ok:
            raise RuntimeError(f"{template}: {message}")
        path = _save(layer, None, outdir / template.name, styles)  # no clone: 3.40 clones lose the min/max
        del layer
    return path


def _save(layer, renderer, path: Path, styles) -> Path:
    if renderer is not None:
        layer.setRenderer(renderer)
    message, ok = layer.saveNamedStyle(str(path), styles.SYMBOLOGY)
    if not ok:
        raise RuntimeError(f"{path}: {message}")
    stable_attribute_order(path)
    return path


def category_type(value: str) -> str:
    """The ``type`` QGIS 3.40 writes for a category value (3.22 writes none, and 3.40 then reads
    every value as text): 'long' for integers, 'double' for other numbers, else 'string'."""
    try:
        int(value)
        return "long"
    except ValueError:
        pass
    try:
        float(value)
        return "double"
    except ValueError:
        return "string"


def stable_attribute_order(path: Path) -> None:
    """Sort the attributes of every element (Qt writes them in hash order, which changes from run
    to run), so that regenerating unchanged styles gives the same files; give categories the
    value type that QGIS 3.40 reads (see ``category_type``)."""
    text = path.read_text(encoding="utf-8")
    doctype = re.match(r"\s*(<!DOCTYPE[^>]*>)", text)
    root = ElementTree.fromstring(text)
    for category in root.iter("category"):  # typed values, as 3.40 writes them (3.22 ignores the type)
        if "type" not in category.attrib:
            category.set("type", category_type(category.get("value", "")))
    for element in root.iter():
        attributes = sorted(element.attrib.items())
        element.attrib.clear()
        element.attrib.update(attributes)
    body = ElementTree.tostring(root, encoding="unicode")
    path.write_text((doctype.group(1) + "\n" if doctype else "") + body + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        for path in write_templates(Path(argv[1]) if len(argv) > 1 else STYLES_DIR):
            print(path)
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
