"""The report's charts: matplotlib when it can be imported, else small built-in SVG charts.

For Chinese labels matplotlib needs a CJK font; without one (or without matplotlib) the SVG chart
is drawn, so the report never fails for lack of a package. ``chart_html`` gives the chart as an
embedded PNG or an inline SVG (the text in it escaped here).
"""

from __future__ import annotations

import base64
import html
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# matplotlib reads only the first face of a font collection: Debian's and Ubuntu's fonts-noto-cjk
# (NotoSansCJK-Regular.ttc) show up as "Noto Sans CJK JP", which has every Simplified Chinese glyph
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback",
             "Noto Sans CJK JP")


@dataclass
class Series:
    label: str
    values: Sequence[float] | np.ndarray
    colour: str
    dashed: bool = False


@dataclass
class Chart:
    title: str
    x: Sequence[float] | np.ndarray
    series: list[Series]
    y_label: str
    x_label: str = ""
    include_zero: bool = True
    reference: float | None = None  # a dashed horizontal line (e.g. CSR = 1)
    reference_label: str = ""


def nice_ticks(low: float, high: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 x 10^k steps) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(target, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    k = 0
    while True:
        value = first + k * step
        ticks.append(round(value, 12))
        if value >= high - 1e-12 * abs(step):
            break
        k += 1
    return ticks


def _tick_text(value: float, ticks: Sequence[float]) -> str:
    """A tick value with as many decimals as the tick step needs."""
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    if step <= 0 or not math.isfinite(step):
        return f"{value:g}"
    exponent = math.floor(math.log10(step))
    decimals = max(0, -exponent + (1 if round(step / 10.0 ** exponent, 6) == 2.5 else 0))
    return f"{value:.{min(decimals, 6)}f}"


def svg_line_chart(chart: Chart, width: int = 560, height: int = 330) -> str:
    """An inline SVG line chart (no dependencies): axes, ticks, one polyline per series, a legend."""
    esc = html.escape
    left, right, top, bottom = 70, 16, 34, 74
    plot_w, plot_h = width - left - right, height - top - bottom
    x = np.asarray(chart.x, dtype=np.float64)
    values = [np.asarray(s.values, dtype=np.float64) for s in chart.series]
    finite = np.concatenate([v[np.isfinite(v)] for v in values] + [np.array([chart.reference])
                                                                     if chart.reference is not None else np.array([])])
    low = float(finite.min()) if finite.size else 0.0
    high = float(finite.max()) if finite.size else 1.0
    if chart.include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks = nice_ticks(low, high)
    y0, y1 = ticks[0], ticks[-1]
    x0, x1 = (float(x.min()), float(x.max())) if x.size else (0.0, 1.0)
    if x1 == x0:
        x0, x1 = x0 - 1, x1 + 1

    def px(v: float) -> float:
        return left + (v - x0) / (x1 - x0) * plot_w

    def py(v: float) -> float:
        return top + (y1 - v) / (y1 - y0) * plot_h

    parts = [f'<svg class="chart" data-chart="svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(chart.title)}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="{width / 2:.1f}" y="20" text-anchor="middle" font-size="15" font-weight="bold">'
             f'{esc(chart.title)}</text>']
    for t in ticks:
        parts.append(f'<line x1="{left}" y1="{py(t):.1f}" x2="{left + plot_w}" y2="{py(t):.1f}" stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end" font-size="11">'
                     f'{esc(_tick_text(t, ticks))}</text>')
    step = max(1, math.ceil(len(x) / 10))
    for k in range(0, len(x), step):
        parts.append(f'<line x1="{px(x[k]):.1f}" y1="{top + plot_h}" x2="{px(x[k]):.1f}" y2="{top + plot_h + 4}" '
                     'stroke="#333333"/>')
        parts.append(f'<text x="{px(x[k]):.1f}" y="{top + plot_h + 17}" text-anchor="middle" font-size="11">'
                     f'{esc(f"{x[k]:g}")}</text>')
    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333333"/>')
    parts.append(f'<text transform="translate(16 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
                 f'font-size="12">{esc(chart.y_label)}</text>')
    if chart.x_label:
        parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 34}" text-anchor="middle" '
                     f'font-size="12">{esc(chart.x_label)}</text>')
    legend = [(s.label, s.colour, s.dashed) for s in chart.series]
    if chart.reference is not None and y0 <= chart.reference <= y1:
        parts.append(f'<line x1="{left}" y1="{py(chart.reference):.1f}" x2="{left + plot_w}" '
                     f'y2="{py(chart.reference):.1f}" stroke="#777777" stroke-dasharray="6 4"/>')
        legend.append((chart.reference_label, "#777777", True))
    for s, v in zip(chart.series, values):
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        run: list[str] = []
        for k in range(len(x)):
            if k < len(v) and math.isfinite(v[k]):
                run.append(f"{px(x[k]):.1f},{py(v[k]):.1f}")
                parts.append(f'<circle cx="{px(x[k]):.1f}" cy="{py(v[k]):.1f}" r="2.6" fill="{esc(s.colour)}"/>')
            elif run:
                parts.append(f'<polyline fill="none" stroke="{esc(s.colour)}" stroke-width="2"{dash} '
                             f'points="{" ".join(run)}"/>')
                run = []
        if run:
            parts.append(f'<polyline fill="none" stroke="{esc(s.colour)}" stroke-width="2"{dash} '
                         f'points="{" ".join(run)}"/>')
    lx, ly = left, height - 16
    for label, colour, dashed in legend:
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        parts.append(f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 22}" y2="{ly - 4}" stroke="{esc(colour)}" '
                     f'stroke-width="2"{dash}/>')
        parts.append(f'<text x="{lx + 27}" y="{ly}" font-size="12">{esc(label)}</text>')
        lx += 40 + 7 * len(label) + (7 * sum(1 for ch in label if ord(ch) > 0x2E7F))
    parts.append("</svg>")
    return "".join(parts)


@dataclass
class BarChart:
    """Bars over consecutive bins ``edges`` (len(counts) + 1 values), one colour per bar."""

    title: str
    edges: Sequence[float]
    counts: Sequence[int]
    colours: Sequence[str]
    y_label: str
    x_label: str = ""


def svg_bar_chart(chart: BarChart, width: int = 400, height: int = 250) -> str:
    """An inline SVG bar chart (no dependencies): one rect per bin, height = count, ticks at the edges."""
    esc = html.escape
    left, right, top, bottom = 52, 12, 30, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    edges = [float(v) for v in chart.edges]
    counts = [int(v) for v in chart.counts]
    ticks = nice_ticks(0.0, max(max(counts, default=0), 1))
    ticks = [v for v in ticks if v == int(v)] or [0.0, 1.0]  # whole regions only
    y1 = ticks[-1] if ticks[-1] > 0 else 1.0
    x0, x1 = edges[0], edges[-1]

    def px(v: float) -> float:
        return left + (v - x0) / (x1 - x0) * plot_w

    def py(v: float) -> float:
        return top + (y1 - v) / y1 * plot_h

    parts = [f'<svg class="chart" data-chart="svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(chart.title)}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="{width / 2:.1f}" y="19" text-anchor="middle" font-size="14" font-weight="bold">'
             f'{esc(chart.title)}</text>']
    for t in ticks:
        parts.append(f'<line x1="{left}" y1="{py(t):.1f}" x2="{left + plot_w}" y2="{py(t):.1f}" stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end" font-size="11">{t:g}</text>')
    for k, (count, colour) in enumerate(zip(counts, chart.colours)):
        x, w = px(edges[k]), px(edges[k + 1]) - px(edges[k])
        parts.append(f'<rect class="bar" data-count="{count}" data-low="{edges[k]:g}" x="{x + 1:.1f}" '
                     f'y="{py(count):.1f}" width="{max(w - 2, 1):.1f}" height="{py(0) - py(count):.1f}" '
                     f'fill="{esc(colour)}" stroke="#5a5a5a" stroke-width="0.5"><title>{edges[k]:g}-{edges[k + 1]:g}: '
                     f'{count}</title></rect>')
    for v in edges[::2] + ([edges[-1]] if (len(edges) - 1) % 2 else []):
        parts.append(f'<text x="{px(v):.1f}" y="{top + plot_h + 15}" text-anchor="middle" font-size="11">'
                     f'{v:g}</text>')
    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333333"/>')
    parts.append(f'<text transform="translate(14 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
                 f'font-size="12">{esc(chart.y_label)}</text>')
    if chart.x_label:
        parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 34}" text-anchor="middle" '
                     f'font-size="12">{esc(chart.x_label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _needs_cjk(texts: Sequence[str]) -> bool:
    return any(ord(ch) > 0x2E7F for text in texts for ch in text)


def _matplotlib_axes(texts: Sequence[str], width_in: float, height_in: float, dpi: int):
    """(figure, axes, CJK font name or None) on an Agg canvas (no pyplot), or None when matplotlib
    cannot be imported or the texts need a CJK font that is not installed (the SVG chart is used then)."""
    try:
        from matplotlib import font_manager
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure as MplFigure
    except Exception:  # missing or broken matplotlib: the SVG chart is drawn instead
        return None
    font = None
    if _needs_cjk(texts):
        installed = {f.name for f in font_manager.fontManager.ttflist}
        font = next((name for name in CJK_FONTS if name in installed), None)
        if font is None:
            return None
    figure = MplFigure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot(1, 1, 1), font


def _png_bytes(figure) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def matplotlib_chart_png(chart: Chart, width_in: float = 5.6, height_in: float = 3.3, dpi: int = 160) -> bytes | None:
    """The chart as PNG bytes drawn with matplotlib, or None (see ``_matplotlib_axes``)."""
    texts = [chart.title, chart.y_label, chart.x_label, chart.reference_label] + [s.label for s in chart.series]
    drawn = _matplotlib_axes(texts, width_in, height_in, dpi)
    if drawn is None:
        return None
    figure, axes, font = drawn
    fontdict = {"family": font} if font else None
    x = np.asarray(chart.x, dtype=np.float64)
    for s in chart.series:
        axes.plot(x, np.asarray(s.values, dtype=np.float64), color=s.colour, marker="o", markersize=3,
                  linestyle="--" if s.dashed else "-", label=s.label)
    if chart.reference is not None:
        axes.axhline(chart.reference, color="#777777", linestyle="--", linewidth=1, label=chart.reference_label)
    if chart.include_zero:
        axes.set_ylim(bottom=min(0.0, axes.get_ylim()[0]))
    axes.set_title(chart.title, fontdict=fontdict)
    axes.set_ylabel(chart.y_label, fontdict=fontdict)
    if chart.x_label:
        axes.set_xlabel(chart.x_label, fontdict=fontdict)
    axes.grid(True, color="#e0e0e0")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(prop={"family": font} if font else None, fontsize="small")
    return _png_bytes(figure)


def matplotlib_bar_png(chart: BarChart, width_in: float = 4.0, height_in: float = 2.5, dpi: int = 160) -> bytes | None:
    """The bar chart as PNG bytes drawn with matplotlib, or None (see ``_matplotlib_axes``)."""
    drawn = _matplotlib_axes([chart.title, chart.y_label, chart.x_label], width_in, height_in, dpi)
    if drawn is None:
        return None
    figure, axes, font = drawn
    fontdict = {"family": font, "size": 10} if font else {"size": 10}
    edges = np.asarray(chart.edges, dtype=np.float64)
    axes.bar(edges[:-1], np.asarray(chart.counts), width=np.diff(edges), align="edge", color=list(chart.colours),
             edgecolor="#5a5a5a", linewidth=0.5)
    axes.set_xlim(edges[0], edges[-1])
    axes.set_xticks(edges[::2])
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_title(chart.title, fontdict=fontdict)
    axes.set_ylabel(chart.y_label, fontdict=fontdict)
    if chart.x_label:
        axes.set_xlabel(chart.x_label, fontdict=fontdict)
    axes.tick_params(labelsize=8)
    axes.grid(True, axis="y", color="#e0e0e0")
    axes.set_axisbelow(True)
    return _png_bytes(figure)


def chart_html(chart: Chart | BarChart, prefer_matplotlib: bool = True) -> str:
    """The chart as an embedded PNG (matplotlib) or an inline SVG."""
    bars = isinstance(chart, BarChart)
    png = None
    if prefer_matplotlib:
        png = matplotlib_bar_png(chart) if isinstance(chart, BarChart) else matplotlib_chart_png(chart)
    if png:
        data = base64.b64encode(png).decode("ascii")
        return (f'<img class="chart" data-chart="matplotlib" width="{400 if bars else 560}" '
                f'alt="{html.escape(chart.title)}" src="data:image/png;base64,{data}">')
    return svg_bar_chart(chart) if isinstance(chart, BarChart) else svg_line_chart(chart)
