"""Styles of the outputs: renderers built in code, saved beside file outputs, applied in GUI runs.

Every renderer is built here from a *kind* (what the values mean) and the layer itself:

- categorical kinds (``risk_level``, ``balance_state``, ``gi_bin``, ``trend_class``,
  ``high_risk_probability``): a categorized renderer on a vector field, or a paletted renderer on
  a raster band, with the values, colours and translated labels of ``carbon_plugin/legend.py`` (the
  report draws its maps with the same renderers); vector styles end with a grey "No data"
  category for NULL;
- continuous kinds: ``risk_index`` (0-1, the risk level breaks) and ``ratio`` (source/sink ratio
  around 1) have fixed classes; ``net_emission`` (diverging, white at 0), ``emission`` (reds) and
  ``sink`` (greens; diverging when some cells are sources) are fitted to the data: quantiles of the
  field (graduated renderer) or of a sample of the band (single-band pseudocolor).

Rasters show their last band (the latest year of a time series). Vector styles need the field,
e.g. ``RL_2016`` for the risk level of the last period.

Where the style goes (see :func:`style_outputs`, called by the adapters once their outputs are
written; the styles are saved when the run has succeeded):

- file outputs get ``<name>.qml`` beside them (GeoTIFF, shapefile, CSV...), or the default style in
  the ``layer_styles`` table of a GeoPackage, so QGIS applies it whenever the file is opened;
- layers that Processing loads on completion (GUI runs, temporary layers included) get a
  :class:`StylePostProcessor`, because Processing's own loader ignores the saved default style.
  Nothing is applied to memory layers inside ``processAlgorithm`` (it may run in a thread).

``scripts/make_styles.py`` writes the same renderers as templates to ``algorithms/styles/*.qml``
(English labels, placeholder fields, example ranges) for loading by hand.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsMessageLog,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor

from ..carbon_plugin import files, legend
from ..carbon_plugin.blockio import band_nodata, invalid_cells
from ..carbon_plugin.budget import NO_SINK_RATIO
from .compat import (
    LINE_GEOMETRY,
    NO_GEOMETRY_REQUEST,
    POINT_GEOMETRY,
    POLYGON_GEOMETRY,
    RAMP_DISCRETE,
    RAMP_LINEAR,
    RANGE_USER_DEFINED,
    can_store_styles,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .vectors import as_float

SYMBOLOGY = QgsMapLayer.StyleCategory.Symbology
SAMPLE_CELLS = 1_000_000  # raster quantiles come from at most this many cells (decimated read)
LOG_TAG = "Carbon budget"

# -- what the values mean: colours and labels -------------------------------------------------

# the categorical kinds (risk_level, balance_state, gi_bin, trend_class, ...) and their classes:
# carbon_plugin/legend.py, shared with the report's maps and charts
RISK_COLOURS = tuple(c.colour for c in legend.CLASSES[legend.RISK_LEVEL])  # green -> red
STATE_COLOURS = tuple(c.colour for c in legend.CLASSES[legend.BALANCE_STATE])

# fixed classes: (lower, upper, colour, label); the last upper is open (data max if larger)
RISK_INDEX_CLASSES = tuple((k / 5, (k + 1) / 5, RISK_COLOURS[k], legend.CLASSES[legend.RISK_LEVEL][k].label)
                           for k in range(5))
RATIO_STOPS = ((0.0, STATE_COLOURS[0]), (1.0, "#ffffbf"), (2.0, STATE_COLOURS[1]), (4.0, STATE_COLOURS[2]),
               (8.0, STATE_COLOURS[3]), (16.0, STATE_COLOURS[4]))
# the ratio raster's cells with emission but no sink (S <= 0) as their own class, not transparent
NO_SINK_STOP = (NO_SINK_RATIO, "#40004b", QT_TRANSLATE_NOOP("@default", "No sink (sink 0 or less)"))
RATIO_LABELS = (QT_TRANSLATE_NOOP("@default", "Sink (ratio 1 or less)"), "1 – 2", "2 – 4", "4 – 8", "> 8")

# data-fitted ramps, light -> dark
REDS = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
GREENS = ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c")
NET_NEGATIVE = ("#1a9850", "#66bd63", "#a6d96a", "#d9ef8b")  # dark -> light, towards 0
NET_POSITIVE = ("#fee08b", "#fdae61", "#f46d43", "#d73027")  # light -> dark, away from 0
SINK_NEGATIVE = ("#8c510a", "#bf812d", "#dfc27d", "#f6e8c3")  # ecosystem sources, brown
CENTRE = "#f7f7f7"
SEQUENTIAL = {"emission": REDS, "sink": GREENS}
DIVERGING = {"net_emission": (NET_NEGATIVE, NET_POSITIVE), "sink": (SINK_NEGATIVE, GREENS[1:])}

CONTINUOUS_KINDS = ("risk_index", "ratio", "net_emission", "emission", "sink")
KINDS = (*legend.CLASSES, *CONTINUOUS_KINDS)
# the CARBON_QUANTITY names of time-series rasters (stackyears) as kinds
ALIASES = {"net": "net_emission", "state": "balance_state", "trend": "trend_class"}


class StyleError(Exception):
    """A style cannot be built for this layer (missing field, unknown kind...)."""


def kind_of(kind: str | None) -> str | None:
    """The style kind for a kind or a CARBON_QUANTITY name; None for anything without a style."""
    if not kind:
        return None
    kind = ALIASES.get(kind, kind)
    return kind if kind in KINDS else None


# -- numbers and colours ------------------------------------------------------------------------


def fmt(value: float) -> str:
    """A legend number: thousands separators for large values, 3 significant digits for small."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def ramp_colours(colours: Sequence[str], count: int) -> list[QColor]:
    """``count`` colours evenly spaced along the piecewise-linear ramp through ``colours``."""
    stops = [QColor(c) for c in colours]
    if count <= 1:
        return [QColor(stops[-1])]
    out = []
    for k in range(count):
        position = k / (count - 1) * (len(stops) - 1)
        i = min(int(position), len(stops) - 2)
        t = position - i
        a, b = stops[i], stops[i + 1]
        out.append(QColor(round(a.red() + t * (b.red() - a.red())), round(a.green() + t * (b.green() - a.green())),
                          round(a.blue() + t * (b.blue() - a.blue()))))
    return out


def gradient(colours: Sequence[QColor]) -> QgsGradientColorRamp:
    """A gradient through ``colours`` (kept with the style so a user can reclassify with it)."""
    colours = list(colours) if len(colours) > 1 else [colours[0], colours[0]]
    stops = [QgsGradientStop(k / (len(colours) - 1), QColor(c)) for k, c in enumerate(colours[1:-1], start=1)]
    return QgsGradientColorRamp(QColor(colours[0]), QColor(colours[-1]), False, stops)


def _quantiles(values: np.ndarray, probabilities: Sequence[float]) -> list[float]:
    """Distinct quantiles, increasing."""
    if values.size == 0:
        return []
    return [float(q) for q in np.unique(np.quantile(values, probabilities))]


def continuous_stops(kind: str, values: np.ndarray) -> list[tuple[float, QColor, str]]:
    """Colour stops (value, colour, label) of a continuous kind; ``values`` are finite samples."""
    if kind == "risk_index":
        return [(upper, QColor(colour), f"{tr(label)} ({lower:.1f} – {upper:.1f})")
                for lower, upper, colour, label in RISK_INDEX_CLASSES]
    if kind == "ratio":
        no_sink, no_sink_colour, no_sink_label = NO_SINK_STOP
        return [*((value, QColor(colour), fmt(value)) for value, colour in RATIO_STOPS),
                (no_sink, QColor(no_sink_colour), tr(no_sink_label))]
    values = values[np.isfinite(values)] if values.size else values
    if values.size == 0:
        values = np.array([0.0, 1.0])
    if kind in DIVERGING and (kind == "net_emission" or np.quantile(values, 0.02) < 0):
        negative_ramp, positive_ramp = DIVERGING[kind]
        low = _quantiles(values[values < 0], (0.02, 0.25, 0.5, 0.75))
        high = _quantiles(values[values > 0], (0.25, 0.5, 0.75, 0.98))
        stops = list(zip(low, ramp_colours(negative_ramp, len(low))))
        stops.append((0.0, QColor(CENTRE)))
        stops += list(zip(high, ramp_colours(positive_ramp, len(high))))
    else:
        lowest = float(values.min())
        levels = [lowest, *[q for q in _quantiles(values[values > lowest], (0.1, 0.25, 0.5, 0.75, 0.9, 0.98))
                            if q > lowest]]
        if len(levels) == 1:
            levels.append(lowest + (abs(lowest) or 1.0))
        stops = list(zip(levels, ramp_colours(SEQUENTIAL.get(kind, REDS), len(levels))))
    return [(value, colour, fmt(value)) for value, colour in stops]


def graduated_classes(kind: str, values: np.ndarray) -> list[tuple[float, float, QColor, str]]:
    """Classes (lower, upper, colour, label) of a continuous kind on a vector field."""
    values = values[np.isfinite(values)]
    top = float(values.max()) if values.size else 1.0
    if kind == "risk_index":
        return [(lower, max(upper, top) if k == 4 else upper, QColor(colour),
                 f"{tr(label)} ({lower:.1f} – {upper:.1f})")
                for k, (lower, upper, colour, label) in enumerate(RISK_INDEX_CLASSES)]
    if kind == "ratio":
        bounds = [value for value, _ in RATIO_STOPS[:5]] + [max(top, 16.0)]
        labels = [tr(RATIO_LABELS[0]), *RATIO_LABELS[1:]]
        return [(bounds[k], bounds[k + 1], QColor(STATE_COLOURS[k]), labels[k]) for k in range(5)]
    if values.size == 0:
        values = np.array([0.0, 1.0])
    classes: list[tuple[float, float, QColor, str]] = []
    if kind in DIVERGING and (kind == "net_emission" or values.min() < 0):
        negative_ramp, positive_ramp = DIVERGING[kind]
        negative, positive = values[values < 0], values[values > 0]
        if negative.size:  # up to 3 quantile classes below 0, the last one ending at 0
            q = _quantiles(negative, np.linspace(0, 1, min(3, np.unique(negative).size) + 1))
            bounds = [*q[:-1], 0.0] if len(q) > 1 else [q[0], 0.0]
            classes += _ranges(bounds, ramp_colours(negative_ramp[:3], len(bounds) - 1))
        if positive.size:  # and above 0, the first one starting at 0
            q = _quantiles(positive, np.linspace(0, 1, min(3, np.unique(positive).size) + 1))
            bounds = [0.0, *q[1:]] if len(q) > 1 else [0.0, q[0]]
            classes += _ranges(bounds, ramp_colours(positive_ramp[1:], len(bounds) - 1))
        if not classes:  # all zero
            classes = [(0.0, 0.0, QColor(CENTRE), "0")]
    else:
        bounds = _quantiles(values, np.linspace(0, 1, 6))
        if len(bounds) == 1:
            bounds.append(bounds[0])
        classes = _ranges(bounds, ramp_colours(SEQUENTIAL.get(kind, REDS), len(bounds) - 1))
    return classes


def _ranges(bounds: list[float], colours: list[QColor]) -> list[tuple[float, float, QColor, str]]:
    return [(bounds[k], bounds[k + 1], colours[k], f"{fmt(bounds[k])} – {fmt(bounds[k + 1])}")
            for k in range(len(bounds) - 1)]


# -- renderers ------------------------------------------------------------------------------------


def symbol_for(geometry_type, colour) -> object:
    """A simple symbol of the layer's geometry type: polygons with a thin grey outline."""
    name = QColor(colour).name()
    if geometry_type == POINT_GEOMETRY:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": name, "outline_color": "#505050",
                                             "outline_width": "0.2", "size": "2.6"})
    if geometry_type == LINE_GEOMETRY:
        return QgsLineSymbol.createSimple({"line_color": name, "line_width": "0.6"})
    return QgsFillSymbol.createSimple({"color": name, "outline_color": "#6e6e6e", "outline_width": "0.15"})


def categorized_renderer(kind: str, field: str, geometry_type=POLYGON_GEOMETRY,
                         present: Sequence[float] = ()) -> QgsCategorizedSymbolRenderer:
    """One category per value of the kind (labels translated) and a grey 'No data' for the rest."""
    categories = [QgsRendererCategory(value, symbol_for(geometry_type, colour), tr(label))
                  for value, colour, label in legend.classes(kind, present)]
    categories.append(QgsRendererCategory("", symbol_for(geometry_type, legend.NO_DATA_COLOUR),
                                          tr(legend.NO_DATA_LABEL)))
    return QgsCategorizedSymbolRenderer(field, categories)


def graduated_renderer(kind: str, field: str, values: np.ndarray,
                       geometry_type=POLYGON_GEOMETRY) -> QgsGraduatedSymbolRenderer:
    classes = graduated_classes(kind, np.asarray(values, dtype=np.float64))
    ranges = [QgsRendererRange(lower, upper, symbol_for(geometry_type, colour), label)
              for lower, upper, colour, label in classes]
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceColorRamp(gradient([colour for _, _, colour, _ in classes]))
    return renderer


def paletted_renderer(kind: str, band: int = 1, provider=None) -> QgsPalettedRasterRenderer:
    classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), tr(label))
               for value, colour, label in legend.CLASSES[kind]]
    return QgsPalettedRasterRenderer(provider, band, classes)


def pseudocolor_renderer(kind: str, values: np.ndarray, band: int = 1,
                         provider=None) -> QgsSingleBandPseudoColorRenderer:
    """A colour ramp shader through the kind's stops; min and max are fixed (not recomputed)."""
    stops = continuous_stops(kind, np.asarray(values, dtype=np.float64))
    lowest, highest = (0.0 if kind == "risk_index" else stops[0][0]), stops[-1][0]
    function = QgsColorRampShader(lowest, highest)
    function.setColorRampType(RAMP_DISCRETE if kind == "risk_index" else RAMP_LINEAR)
    function.setColorRampItemList([QgsColorRampShader.ColorRampItem(value, colour, label)
                                   for value, colour, label in stops])
    function.setSourceColorRamp(gradient([colour for _, colour, _ in stops]))
    shader = QgsRasterShader(lowest, highest)
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(provider, band, shader)
    renderer.setClassificationMin(lowest)
    renderer.setClassificationMax(highest)
    origin = renderer.minMaxOrigin()
    origin.setLimits(RANGE_USER_DEFINED)
    renderer.setMinMaxOrigin(origin)
    return renderer


# -- values of a layer ---------------------------------------------------------------------------


def field_values(layer: QgsVectorLayer, field: str) -> np.ndarray:
    """The field as float64 (NULL and text as NaN)."""
    index = layer.fields().indexOf(field)
    request = QgsFeatureRequest()
    request.setFlags(NO_GEOMETRY_REQUEST)
    request.setSubsetOfAttributes([index])
    return np.array([as_float(f.attributes()[index]) for f in layer.getFeatures(request)], dtype=np.float64)


def raster_values(layer: QgsRasterLayer, band: int) -> np.ndarray:
    """Valid values of a band, read decimated to at most SAMPLE_CELLS cells (nodata and NaN dropped)."""
    dataset = gdal.OpenEx(layer.source(), gdal.OF_RASTER)
    if dataset is None:
        raise StyleError(f"GDAL cannot open {layer.source()}")
    width, height = dataset.RasterXSize, dataset.RasterYSize
    step = max(1.0, math.sqrt(width * height / SAMPLE_CELLS))
    raster_band = dataset.GetRasterBand(band)
    data = raster_band.ReadAsArray(buf_xsize=max(1, int(width / step)), buf_ysize=max(1, int(height / step)))
    data = np.asarray(data, dtype=np.float64)
    invalid = invalid_cells(data, band_nodata(raster_band))  # the engine's one nodata rule
    return data.reshape(-1) if invalid is None else data[~invalid]


def build_renderer(layer: QgsMapLayer, kind: str, field: str | None = None, band: int | None = None):
    """The renderer of ``kind`` for this layer (vector: on ``field``; raster: on ``band``, default last)."""
    style = kind_of(kind)
    if style is None:
        raise StyleError(f"no style of kind '{kind}'")
    if isinstance(layer, QgsRasterLayer):
        band = band or layer.bandCount()
        if style in legend.CLASSES:
            return paletted_renderer(style, band, layer.dataProvider())
        values = np.empty(0) if style in ("risk_index", "ratio") else raster_values(layer, band)
        return pseudocolor_renderer(style, values, band, layer.dataProvider())
    if isinstance(layer, QgsVectorLayer):
        if not field or layer.fields().indexOf(field) < 0:
            raise StyleError(f"the layer has no field '{field}'")
        values = field_values(layer, field)
        if style in legend.CLASSES:
            present = [int(v) for v in np.unique(values[np.isfinite(values)])]
            return categorized_renderer(style, field, layer.geometryType(), present)
        return graduated_renderer(style, field, values, layer.geometryType())
    raise StyleError("not a vector or raster layer")


def apply_style(layer: QgsMapLayer, kind: str, field: str | None = None, band: int | None = None) -> None:
    """Give the layer the style of ``kind`` (in the thread that owns the layer)."""
    layer.setRenderer(build_renderer(layer, kind, field, band))
    layer.triggerRepaint()


# -- file outputs -----------------------------------------------------------------------------------


def file_source(destination) -> tuple[str, str] | None:
    """(file path, layer name) of an output written to a file; None for memory layers and the like."""
    if not isinstance(destination, str) or not destination:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", destination)
    path = parts.get("path") or destination
    if not os.path.isfile(path):
        return None
    return path, parts.get("layerName") or ""


def open_output(destination: str) -> QgsMapLayer | None:
    """The output as a layer, without applying any style saved with it."""
    source = file_source(destination)
    if source is None:
        return None
    path, layer_name = source
    if QgsRasterLayer.isValidRasterFileName(path):
        options = QgsRasterLayer.LayerOptions()
        options.loadDefaultStyle = False
        layer = QgsRasterLayer(path, os.path.basename(path), "gdal", options)
    else:
        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False
        layer = QgsVectorLayer(destination, layer_name or os.path.splitext(os.path.basename(path))[0], "ogr",
                               options)
    return layer if layer.isValid() else None


def write_style_beside(destination: str, kind: str, field: str | None = None) -> str | None:
    """Save the style with a file output so that QGIS applies it when the file is opened.

    GeoPackage (and SpatiaLite) vector layers get it as their default style in ``layer_styles``
    (returns '<path>|layer_styles'); other files get ``<name>.qml`` beside them (returns its path).
    Outputs that are not files (memory layers) are left alone (returns None).
    """
    layer = open_output(destination)
    if layer is None:
        return None
    apply_style(layer, kind, field)
    if isinstance(layer, QgsVectorLayer) and can_store_styles(layer):
        name = layer.name()
        description = f"Carbon budget: {kind}" + (f" ({field})" if field else "")
        error = layer.saveStyleToDatabase(name, description, True, "")
        if error:
            raise StyleError(error)
        return f"{file_source(destination)[0]}|layer_styles"
    uri = layer.styleURI()
    if not uri.lower().endswith(".qml"):
        return None
    message, ok = layer.saveNamedStyle(uri, SYMBOLOGY)
    if not ok:
        raise StyleError(message)
    return uri


# -- layers loaded by Processing (GUI runs) ---------------------------------------------------------


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a style to a layer that Processing loads on completion (runs in the main thread)."""

    def __init__(self, kind: str, field: str | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.field = field
        self.done = False

    def postProcessLayer(self, layer, context, feedback) -> None:
        self.done = True
        try:
            apply_style(layer, self.kind, self.field)
        except Exception as err:  # a style must never break loading the result
            _warn(feedback, tr("The layer {name} was loaded without its style: {error}").format(
                name=layer.name() if layer else "?", error=err))


# Python must hold the post-processors Processing calls later, or PyQGIS collects them (and QGIS
# crashes calling one). Each is called once; those already used or deleted with their context are
# dropped when new ones are registered.
_POST_PROCESSORS: list[StylePostProcessor] = []


def post_processor(kind: str, field: str | None = None) -> StylePostProcessor:
    """A new post-processor, kept alive at module level until it has run."""
    _POST_PROCESSORS[:] = [p for p in _POST_PROCESSORS if not p.done and not sip.isdeleted(p)]
    processor = StylePostProcessor(kind, field)
    _POST_PROCESSORS.append(processor)
    return processor


def style_outputs(context, outputs: dict, feedback=None) -> None:
    """Style each output: ``{destination: (kind, field)}`` (field for vectors; None for rasters).

    In a run (``files.output_run``: any algorithm's ``compute``) the styles are saved once the run has
    succeeded, every output in place (``files.after_run``): a run that fails or is cancelled after this
    call leaves no ``.qml`` or ``.aux.xml`` of its own beside the older outputs it restores, wherever
    the algorithm calls it. Outside a run, now. See ``save_styles``.
    """
    outputs = dict(outputs)
    files.after_run(lambda: save_styles(context, outputs, feedback))


def save_styles(context, outputs: dict, feedback=None) -> dict[str, str]:
    """Style each output now (``style_outputs`` once the run's outputs are in place).

    File outputs get their style saved with them; outputs that Processing will load on completion get
    a post-processor. Destinations that are None or empty (outputs not asked for) and kinds that are
    None are skipped. A style that cannot be built is a warning in the log, never an error of the
    algorithm. Returns where styles were saved.
    """
    saved = {}
    for destination, (kind, field) in outputs.items():
        if not destination or kind_of(kind) is None:
            continue
        try:
            if context is not None and context.willLoadLayerOnCompletion(destination):
                details = context.layerToLoadOnCompletionDetails(destination)
                details.setPostProcessor(post_processor(kind, field))
            where = write_style_beside(destination, kind, field)
            if where:
                saved[destination] = where
        except Exception as err:  # styling is a convenience: never lose the results over it
            _warn(feedback, tr("No style saved for {output}: {error}").format(output=destination, error=err))
    return saved


def _warn(feedback, text: str) -> None:
    if feedback is not None:
        feedback.pushWarning(text)
    else:
        QgsMessageLog.logMessage(text, LOG_TAG)
