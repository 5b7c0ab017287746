"""The ratio raster's cells with emission but no sink: their own class, drawn, read back as no ratio."""

from __future__ import annotations

import numpy as np
from helpers.qgisrun import run
from helpers.rasters import write_raster
from qgis.core import QgsRasterLayer
from qgis.PyQt.QtGui import QColor

from carbon_budget.algorithms import styles
from carbon_budget.carbon_plugin import blockio
from carbon_budget.carbon_plugin.raster import open_raster

NO_SINK_COLOUR = "#40004b"  # as the legend shows it; written here, not read from styles, so a change is seen


def rendered_colours(layer: QgsRasterLayer) -> list[list[str]]:
    """The ARGB colour of every cell as the layer's renderer draws it (#00000000 = transparent)."""
    block = layer.renderer().block(1, layer.extent(), layer.width(), layer.height())
    return [[QColor.fromRgba(block.color(row, col)).name(QColor.NameFormat.HexArgb)
             for col in range(layer.width())] for row in range(layer.height())]


def test_no_sink_cells_are_drawn_as_their_own_class(provider, tmp_path):
    # E > 0 with S = 0 and S < 0: no sink; E = S = 0: no flux; E missing: no data
    e = np.array([[10.0, 10.0, 10.0, 0.0, np.nan]])
    s = np.array([[5.0, 0.0, -2.0, 0.0, 1.0]])
    emission = write_raster(tmp_path / "e.tif", e[None], descriptions=["2005"])
    sink = write_raster(tmp_path / "s.tif", s[None], descriptions=["2005"])
    ratio = str(tmp_path / "ratio.tif")
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "RATIO": ratio})

    layer = QgsRasterLayer(ratio, "ratio")
    styles.apply_style(layer, "ratio")
    colours = rendered_colours(layer)[0]
    no_sink = QColor(NO_SINK_COLOUR).name(QColor.NameFormat.HexArgb)
    assert colours[1] == colours[2] == no_sink
    assert colours[0] not in (no_sink, "#00000000")
    assert colours[3] == colours[4] == "#00000000"  # no flux and missing stay transparent
    legend = [item.label for item in layer.renderer().shader().rasterShaderFunction().colorRampItemList()]
    assert "No sink (sink 0 or less)" in legend


def test_no_sink_cells_read_back_as_no_ratio(provider, tmp_path):
    """A stage reading the ratio raster (e.g. rastertrend) skips no-sink years as it skips NaN."""
    e = np.array([[10.0, 10.0]])
    s = np.array([[5.0, 0.0]])
    emission = write_raster(tmp_path / "e.tif", e[None], descriptions=["2005"])
    sink = write_raster(tmp_path / "s.tif", s[None], descriptions=["2005"])
    ratio = str(tmp_path / "ratio.tif")
    run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "RATIO": ratio})
    ds = open_raster(ratio)
    values = blockio.read_window(ds, 1, blockio.Window(row0=0, nrows=1, col0=0, ncols=2))
    assert values[0, 0] == 2.0 and np.isnan(values[0, 1])


def test_style_ranges_leave_out_what_the_engine_reads_as_no_data(provider, tmp_path):
    """The style's data-fitted stops follow the engine's nodata rule: a float32-largest cell (an
    undeclared fill, or a ratio's 'no sink') gives no stop of order 1e38."""
    values = np.arange(1.0, 101.0).reshape(1, 10, 10)
    values[0, 0, :5] = np.finfo(np.float32).max  # 5 % of the cells: above the top quantile stop (0.98)
    path = write_raster(tmp_path / "emission.tif", values, descriptions=["2005"])
    layer = QgsRasterLayer(path, "emission")
    styles.apply_style(layer, "emission")
    stops = [item.value for item in layer.renderer().shader().rasterShaderFunction().colorRampItemList()]
    assert max(stops) <= 100.0
