"""Styled outputs: .qml beside files, default style in a GeoPackage, post-processor in GUI runs, templates."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from helpers.budgets import lattice_budget, write_budget_layer, write_lattice
from helpers.qgisrun import Recorder, run
from helpers.rasters import write_raster
from helpers.vectors import square, write_polygons
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from carbon_budget.algorithms import styles
from carbon_budget.algorithms.compat import renderer_band

REPO = Path(__file__).resolve().parents[2]
RISK_LABELS = ["Low", "Relatively low", "Medium", "Relatively high", "High"]
STATE_LABELS = ["Sink", "Mild", "Moderate", "Severe", "Extreme"]
LAST_PERIOD = 2006  # lattice budget: 2001-2010 in periods of 5 years


@pytest.fixture
def budget(tmp_path):
    emission, sink = lattice_budget()
    return write_budget_layer(tmp_path / "budget.gpkg", emission, sink)


def no_style_layer(path: str):
    """The layer as Processing's result loader opens it: without the style saved with the file."""
    if path.endswith(".tif"):
        options = QgsRasterLayer.LayerOptions()
        options.loadDefaultStyle = False
        return QgsRasterLayer(path, "out", "gdal", options)
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsVectorLayer(path, "out", "ogr", options)


def values_labels_colours(renderer):
    return ([c.value() for c in renderer.categories()], [c.label() for c in renderer.categories()],
            [c.symbol().color().name() for c in renderer.categories()])


def assert_categorized(layer, field, values, labels, colours=None):
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol"
    assert renderer.classAttribute() == field
    got_values, got_labels, got_colours = values_labels_colours(renderer)
    assert [int(v) for v in got_values[:-1]] == values
    assert got_labels[:-1] == labels
    assert got_values[-1] == "" and got_labels[-1] == "No data"  # all other values (NULL)
    if colours is not None:
        assert got_colours[:-1] == colours


# ---------------------------------------------------------------------------------------------
# Styles saved with file outputs


def test_risk_layer_shapefile_gets_a_qml(provider, budget, tmp_path):
    out = tmp_path / "risk.shp"
    run("imbalancerisk", {"INPUT": budget, "OUTPUT": str(out), "OUTPUT_SUMMARY": None})
    assert (tmp_path / "risk.qml").is_file()
    layer = QgsVectorLayer(str(out), "risk", "ogr")  # applies risk.qml as QGIS does when a user opens it
    assert layer.isValid()
    assert_categorized(layer, f"RL_{LAST_PERIOD}", [1, 2, 3, 4, 5], RISK_LABELS, list(styles.RISK_COLOURS))
    # green -> red
    colours = [QColor(c) for c in styles.RISK_COLOURS]
    assert colours[0].green() > colours[0].red() and colours[-1].red() > colours[-1].green()
    # every feature with a level is drawn with its level's symbol
    renderer = layer.renderer()
    assert all(str(f[f"RL_{LAST_PERIOD}"]) in {str(c.value()) for c in renderer.categories()}
               for f in layer.getFeatures())


def test_balance_layer_geopackage_gets_a_default_style(provider, budget, tmp_path):
    out = tmp_path / "balance.gpkg"
    result = run("balancetrend", {"INPUT": budget, "OUTPUT": str(out), "OUTPUT_TRANSITIONS": None,
                                  "OUTPUT_PROVINCE": None})
    assert not (tmp_path / "balance.qml").exists()
    with sqlite3.connect(out) as db:
        rows = db.execute("SELECT f_table_name, useAsDefault, description FROM layer_styles").fetchall()
    assert len(rows) == 1 and rows[0][1] and "balance_state" in rows[0][2]
    layer = QgsVectorLayer(result["OUTPUT"], "balance", "ogr")
    assert_categorized(layer, f"ST_{LAST_PERIOD}", [1, 2, 3, 4, 5], STATE_LABELS, list(styles.STATE_COLOURS))
    # run again into the same file: still one default style
    run("balancetrend", {"INPUT": budget, "OUTPUT": str(out), "OUTPUT_TRANSITIONS": None, "OUTPUT_PROVINCE": None})
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT count(*) FROM layer_styles WHERE useAsDefault").fetchone()[0] == 1


def test_neutral_state_gets_its_category(provider, budget, tmp_path):
    out = tmp_path / "balance.shp"
    run("balancetrend", {"INPUT": budget, "NEUTRAL_BAND": 0.6, "OUTPUT": str(out), "OUTPUT_TRANSITIONS": None,
                         "OUTPUT_PROVINCE": None})
    layer = QgsVectorLayer(str(out), "balance", "ogr")
    states = {f[f"ST_{LAST_PERIOD}"] for f in layer.getFeatures()}
    assert 0 in states
    labels = [c.label() for c in layer.renderer().categories()]
    assert labels == ["Sink", "Neutral", "Mild", "Moderate", "Severe", "Extreme", "No data"]


def test_hotspots_shapefile_gets_gi_bins(provider, tmp_path):
    values = np.array([1.0, 2, 1, 2, 1, 9, 10, 2, 1, 9, 11, 2, 1, 2, 1, 1])
    source = write_lattice(tmp_path / "lattice.gpkg", values)
    out = tmp_path / "hot.shp"
    run("hotspots", {"INPUT": source, "FIELD": "VALUE", "PERMUTATIONS": 99, "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "hot", "ogr")
    assert_categorized(layer, "GI_BIN", [-3, -2, -1, 0, 1, 2, 3], [
        "Cold spot, 99% confidence", "Cold spot, 95% confidence", "Cold spot, 90% confidence", "Not significant",
        "Hot spot, 90% confidence", "Hot spot, 95% confidence", "Hot spot, 99% confidence"])
    colours = [QColor(c) for c in values_labels_colours(layer.renderer())[2][:-1]]
    assert colours[0].blue() > colours[0].red() and colours[-1].red() > colours[-1].blue()  # blue -> red
    assert min(colours[3].red(), colours[3].green(), colours[3].blue()) > 240  # white: not significant


def shader_items(layer):
    return layer.renderer().shader().rasterShaderFunction().colorRampItemList()


def test_gridbudget_rasters_get_qml(provider, tmp_path):
    rng = np.random.default_rng(5)
    e = rng.lognormal(3, 1, (3, 8, 8))
    s = rng.lognormal(2.5, 1, (3, 8, 8))
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2001", "2002", "2003"])
    sink = write_raster(tmp_path / "s.tif", s, descriptions=["2001", "2002", "2003"])
    out = {k: str(tmp_path / f"{k.lower()}.tif") for k in ("NET", "RATIO", "STATE")}
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], **out})
    for path in out.values():
        assert Path(path).with_suffix(".qml").is_file()

    net = QgsRasterLayer(out["NET"], "net", "gdal")
    assert net.renderer().type() == "singlebandpseudocolor"
    assert renderer_band(net.renderer()) == 3  # the last year
    items = shader_items(net)
    values = [i.value for i in items]
    assert values == sorted(values) and values[0] < 0 < values[-1]
    centre = [i for i in items if i.value == 0]
    assert len(centre) == 1 and centre[0].color.name() == styles.CENTRE  # white at exactly 0
    last = (e - s)[2]
    assert values[0] >= last.min() - 1e-6 and values[-1] <= last.max() + 1e-6

    ratio = QgsRasterLayer(out["RATIO"], "ratio", "gdal")
    assert ratio.renderer().type() == "singlebandpseudocolor"
    assert [i.value for i in shader_items(ratio)] == [0, 1, 2, 4, 8, 16, np.finfo(np.float32).max]  # + no sink

    state = QgsRasterLayer(out["STATE"], "state", "gdal")
    assert state.renderer().type() == "paletted"
    classes = state.renderer().classes()
    assert [int(c.value) for c in classes] == [1, 2, 3, 4, 5]
    assert [c.label for c in classes] == STATE_LABELS


def test_rastertrend_class_raster(provider, tmp_path):
    rng = np.random.default_rng(2)
    stack = (np.arange(6)[:, None, None] * rng.normal(0, 1, (1, 5, 5)) + rng.normal(0, 0.3, (6, 5, 5)))
    series = write_raster(tmp_path / "series.tif", stack, descriptions=[str(y) for y in range(2001, 2007)])
    out = str(tmp_path / "class.tif")
    run("rastertrend", {"INPUT": [series], "SLOPE": None, "Z": None, "P": None, "CLASS": out})
    layer = QgsRasterLayer(out, "class", "gdal")
    assert layer.renderer().type() == "paletted"
    assert [c.label for c in layer.renderer().classes()] == [
        "Significant decrease", "Non-significant decrease", "No change", "Non-significant increase",
        "Significant increase"]


def test_zonalbudget_net_emission_graduated(provider, tmp_path):
    x0, y0 = 500000.0, 3800000.0
    e = np.zeros((2, 4, 4))
    e[:, :, 2:] = 50.0  # the east is a source, the west a sink
    s = np.full((2, 4, 4), 5.0)
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2001", "2002"])
    sink = write_raster(tmp_path / "s.tif", s, descriptions=["2001", "2002"])
    regions = write_polygons(tmp_path / "r.gpkg", [square(x0 + 1000 * c, y0 - 1000 * (r + 1), 1000.0)
                                                   for r in range(4) for c in range(4)],
                             {"code": [f"R{k}" for k in range(16)]})
    out = tmp_path / "budget.shp"
    run("zonalbudget", {"REGIONS": regions, "REGION_FIELD": "code", "EMISSIONS": [emission], "SINKS": [sink],
                        "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "budget", "ogr")
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol"
    assert renderer.classAttribute() == "NET_2002"
    ranges = renderer.ranges()
    assert any(r.upperValue() == 0 for r in ranges) and any(r.lowerValue() == 0 for r in ranges)
    for feature in layer.getFeatures():  # every region falls in a class, on the right side of 0
        value = feature["NET_2002"]
        match = [r for r in ranges if r.lowerValue() <= value <= r.upperValue()]
        assert match
        colour = match[0].symbol().color()
        assert (colour.green() > colour.red()) if value < 0 else (colour.red() > colour.green())


def test_stackyears_styles_by_quantity(provider, tmp_path):
    paths = [write_raster(tmp_path / f"sink_{y}.tif", np.full((4, 4), float(y - 2000))) for y in (2001, 2002)]
    out = str(tmp_path / "sink.tif")
    run("stackyears", {"INPUT": paths, "QUANTITY": 2, "OUTPUT": out})  # '', emission, sink, ...
    layer = QgsRasterLayer(out, "sink", "gdal")
    assert layer.renderer().type() == "singlebandpseudocolor"
    assert shader_items(layer)[-1].color.name() == styles.GREENS[-1]
    plain = str(tmp_path / "plain.tif")
    run("stackyears", {"INPUT": paths, "OUTPUT": plain})  # no quantity: no style
    assert not (tmp_path / "plain.qml").exists()


# ---------------------------------------------------------------------------------------------
# Layers loaded by Processing on completion (GUI runs)


def gui_output(destination: str) -> QgsProcessingOutputLayerDefinition:
    """An output as the algorithm dialog passes it: to be loaded into the project on completion."""
    return QgsProcessingOutputLayerDefinition(destination, QgsProject.instance())


def test_post_processor_styles_a_temporary_layer(provider, budget):
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    result = run("imbalancerisk", {"INPUT": budget, "OUTPUT": gui_output("TEMPORARY_OUTPUT"),
                                   "OUTPUT_SUMMARY": None}, context=context, feedback=feedback)
    layer = result["OUTPUT"]  # processing.run takes the memory layer out of the context
    assert isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory"
    assert context.willLoadLayerOnCompletion(layer.id())
    processor = context.layerToLoadOnCompletionDetails(layer.id()).postProcessor()
    assert isinstance(processor, styles.StylePostProcessor)
    assert processor in styles._POST_PROCESSORS  # held by Python until it has run
    assert layer.renderer().type() == "singleSymbol"  # nothing applied inside the algorithm
    processor.postProcessLayer(layer, context, feedback)
    assert_categorized(layer, f"RL_{LAST_PERIOD}", [1, 2, 3, 4, 5], RISK_LABELS)


def test_post_processor_styles_a_loaded_raster_file(provider, tmp_path):
    e = np.arange(1.0, 17.0).reshape(1, 4, 4)
    emission = write_raster(tmp_path / "e.tif", e, descriptions=["2005"])
    sink = write_raster(tmp_path / "s.tif", np.full((1, 4, 4), 4.0), descriptions=["2005"])
    state = str(tmp_path / "state.tif")
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "NET": None, "RATIO": None,
                       "STATE": gui_output(state)}, context=context, feedback=feedback)
    processor = context.layerToLoadOnCompletionDetails(state).postProcessor()
    layer = no_style_layer(state)  # Processing's loader ignores state.qml
    assert layer.renderer().type() != "paletted"
    processor.postProcessLayer(layer, context, feedback)
    assert layer.renderer().type() == "paletted"
    assert [c.label for c in layer.renderer().classes()] == STATE_LABELS


def test_processing_result_loader_applies_the_style(provider, tmp_path, budget):
    """The GUI path end to end: Processing's own handleAlgorithmResults loads the layers."""
    from processing.gui.Postprocessing import handleAlgorithmResults
    from qgis.core import QgsApplication

    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    out = str(tmp_path / "hot.gpkg")
    values = np.array([1.0, 2, 1, 2, 1, 9, 10, 2, 1, 9, 11, 2, 1, 2, 1, 1])
    params = {"INPUT": write_lattice(tmp_path / "lattice.gpkg", values), "FIELD": "VALUE", "PERMUTATIONS": 99,
              "OUTPUT": QgsProcessingOutputLayerDefinition(out, project)}
    alg = QgsApplication.processingRegistry().createAlgorithmById("carbonbudget:hotspots")
    run("hotspots", params, context=context, feedback=feedback)
    before = set(project.mapLayers())
    assert handleAlgorithmResults(alg, context, feedback, parameters=params)
    loaded = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert len(loaded) == 1
        assert loaded[0].renderer().type() == "categorizedSymbol"
        assert loaded[0].renderer().classAttribute() == "GI_BIN"
    finally:
        project.removeMapLayers([layer.id() for layer in loaded])


def test_post_processors_are_dropped_once_used():
    used = styles.post_processor("risk_level", "RL_2001")
    used.done = True
    fresh = styles.post_processor("gi_bin", "GI_BIN")
    assert fresh in styles._POST_PROCESSORS and used not in styles._POST_PROCESSORS


# ---------------------------------------------------------------------------------------------
# Helpers and failure modes


def test_style_outputs_skips_what_it_cannot_style(provider, tmp_path, budget):
    feedback = Recorder()
    context = QgsProcessingContext()
    assert styles.save_styles(context, {None: ("emission", None), "": ("sink", None)}, feedback) == {}
    assert styles.save_styles(context, {budget: (None, None), "memory_layer_id": ("gi_bin", "GI_BIN")},
                              feedback) == {}
    assert feedback.lines == []
    # a missing field is a warning, never an error of the algorithm
    assert styles.save_styles(context, {budget: ("risk_level", "RL_1999")}, feedback) == {}
    assert len(feedback.lines) == 1 and "RL_1999" in feedback.lines[0]


def test_continuous_stops_and_classes():
    values = np.array([-40.0, -10, -1, 0, 2, 5, 100, 1000, 5000])
    stops = styles.continuous_stops("net_emission", values)
    levels = [v for v, _, _ in stops]
    assert levels == sorted(levels) and 0.0 in levels
    assert levels[0] >= values.min() and levels[-1] <= values.max()
    # sequential: starts at the minimum, light to dark
    stops = styles.continuous_stops("emission", np.array([0.0, 0, 0, 1, 2, 3, 50]))
    assert stops[0][0] == 0 and stops[0][1].lightness() > stops[-1][1].lightness()
    # sink with ecosystem sources: diverging
    assert 0.0 in [v for v, _, _ in styles.continuous_stops("sink", np.linspace(-5, 20, 100))]
    # a constant raster still gets a valid ramp
    assert len(styles.continuous_stops("emission", np.full(10, 3.0))) == 2
    # graduated: one value per side, and all zero
    classes = styles.graduated_classes("net_emission", np.array([-3.0, 7.0]))
    assert [(lo, hi) for lo, hi, _, _ in classes] == [(-3.0, 0.0), (0.0, 7.0)]
    assert len(styles.graduated_classes("net_emission", np.zeros(4))) == 1
    classes = styles.graduated_classes("risk_index", np.array([0.1, 0.95]))
    assert [lo for lo, _, _, _ in classes] == [0.0, 0.2, 0.4, 0.6, 0.8] and classes[-1][1] == 1.0


def test_kinds_and_aliases():
    assert styles.kind_of("net") == "net_emission" and styles.kind_of("state") == "balance_state"
    assert styles.kind_of("") is None and styles.kind_of("nothing") is None
    assert styles.fmt(12345.6) == "12,346" and styles.fmt(0.012345) == "0.0123" and styles.fmt(0) == "0"


# ---------------------------------------------------------------------------------------------
# Templates in algorithms/styles


def make_styles_module():
    spec = importlib.util.spec_from_file_location("make_styles", REPO / "scripts" / "make_styles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def renderer_xml(path: Path, drop_ids: bool = False) -> str:
    """The .qml in canonical form (attributes sorted) without the QGIS version (and, with
    ``drop_ids``, without the uuids and ids that QGIS 3.40 makes up anew for every save)."""
    root = ElementTree.fromstring(path.read_text(encoding="utf-8"))
    root.attrib.pop("version", None)
    if drop_ids:
        for element in root.iter():
            element.attrib.pop("uuid", None)
            element.attrib.pop("id", None)
    return ElementTree.canonicalize(ElementTree.tostring(root, encoding="unicode"), strip_text=True)


def written_by_this_qgis(path: Path) -> bool:
    """Whether the template was written by this QGIS release (major.minor): the templates are
    written by the oldest supported one (scripts/make_styles.py), which must reproduce them."""
    from qgis.core import Qgis

    version = ElementTree.fromstring(path.read_text(encoding="utf-8")).get("version", "")
    return version.split(".")[:2] == Qgis.QGIS_VERSION.split(".")[:2]


def test_templates_are_committed_and_up_to_date(qgis_app, tmp_path):
    make_styles = make_styles_module()
    written = make_styles.write_templates(tmp_path / "fresh", styles)
    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in (REPO / "algorithms" / "styles").glob("*.qml"))
    for path in written:
        committed = REPO / "algorithms" / "styles" / path.name
        if written_by_this_qgis(committed):  # byte for byte what make_styles.py writes
            assert renderer_xml(path) == renderer_xml(committed), path.name
        # on every version: this QGIS reads the committed template exactly as the one the code writes now
        reread = make_styles.resave_template(committed, tmp_path / "committed", styles)
        expected = make_styles.resave_template(path, tmp_path / "expected", styles)
        assert renderer_xml(reread, drop_ids=True) == renderer_xml(expected, drop_ids=True), path.name


@pytest.mark.parametrize(("name", "expected"), [
    ("risk_level", "categorizedSymbol"), ("balance_state", "categorizedSymbol"), ("gi_bin", "categorizedSymbol"),
    ("risk_index", "graduatedSymbol"), ("net_emission", "graduatedSymbol"),
    ("balance_state_raster", "paletted"), ("trend_class_raster", "paletted"),
    ("net_emission_raster", "singlebandpseudocolor"), ("emission_raster", "singlebandpseudocolor"),
    ("sink_raster", "singlebandpseudocolor"), ("ratio_raster", "singlebandpseudocolor"),
    ("risk_index_raster", "singlebandpseudocolor"),
])
def test_templates_load(qgis_app, tmp_path, name, expected):
    qml = REPO / "algorithms" / "styles" / f"{name}.qml"
    if name.endswith("_raster"):
        layer = QgsRasterLayer(write_raster(tmp_path / "r.tif", np.arange(16.0).reshape(4, 4)), "r", "gdal")
    else:
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=RL:integer", "v", "memory")
    message, ok = layer.loadNamedStyle(str(qml))
    assert ok, message
    assert layer.renderer().type() == expected
