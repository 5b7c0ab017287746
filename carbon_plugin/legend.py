"""The classes of the categorical outputs: value, colour and label, one table for all that draws them.

The layer styles (``algorithms/styles.py``: categorized and paletted renderers), the report's maps
(``algorithms/report.py`` draws them with those renderers) and the report's tables and charts
(``reporting``: level and state names, the histogram's bars coloured by risk level) all read their
classes here, so a map in the report has the colours of the layer a user opens in QGIS.

Plain data, no QGIS. Labels are marked for translation and translated where they are shown
(``tr(label)``); labels that are only numbers ('0-20 %') are not marked and show as they are.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from .errors import QT_TRANSLATE_NOOP


class Category(NamedTuple):
    value: int
    colour: str
    label: str


NO_DATA_COLOUR = "#d9d9d9"
NO_DATA_LABEL = QT_TRANSLATE_NOOP("@default", "No data")

RISK_LEVEL = "risk_level"
BALANCE_STATE = "balance_state"
GI_BIN = "gi_bin"
TREND_CLASS = "trend_class"
HIGH_RISK_PROBABILITY = "high_risk_probability"  # PH_yyyy of riskuncertainty in classes of 0.2

# kind -> its classes in legend order
CLASSES: dict[str, tuple[Category, ...]] = {
    RISK_LEVEL: (  # ColorBrewer RdYlGn, green -> red
        Category(1, "#1a9641", QT_TRANSLATE_NOOP("@default", "Low")),
        Category(2, "#a6d96a", QT_TRANSLATE_NOOP("@default", "Relatively low")),
        Category(3, "#ffffbf", QT_TRANSLATE_NOOP("@default", "Medium")),
        Category(4, "#fdae61", QT_TRANSLATE_NOOP("@default", "Relatively high")),
        Category(5, "#d7191c", QT_TRANSLATE_NOOP("@default", "High")),
    ),
    BALANCE_STATE: (
        Category(1, "#1a9850", QT_TRANSLATE_NOOP("@default", "Sink")),
        Category(2, "#fee08b", QT_TRANSLATE_NOOP("@default", "Mild")),
        Category(3, "#fdae61", QT_TRANSLATE_NOOP("@default", "Moderate")),
        Category(4, "#f46d43", QT_TRANSLATE_NOOP("@default", "Severe")),
        Category(5, "#a50026", QT_TRANSLATE_NOOP("@default", "Extreme")),
    ),
    GI_BIN: (  # blue - white - red
        Category(-3, "#2166ac", QT_TRANSLATE_NOOP("@default", "Cold spot, 99% confidence")),
        Category(-2, "#67a9cf", QT_TRANSLATE_NOOP("@default", "Cold spot, 95% confidence")),
        Category(-1, "#d1e5f0", QT_TRANSLATE_NOOP("@default", "Cold spot, 90% confidence")),
        Category(0, "#f7f7f7", QT_TRANSLATE_NOOP("@default", "Not significant")),
        Category(1, "#fddbc7", QT_TRANSLATE_NOOP("@default", "Hot spot, 90% confidence")),
        Category(2, "#ef8a62", QT_TRANSLATE_NOOP("@default", "Hot spot, 95% confidence")),
        Category(3, "#b2182b", QT_TRANSLATE_NOOP("@default", "Hot spot, 99% confidence")),
    ),
    TREND_CLASS: (
        Category(1, "#2166ac", QT_TRANSLATE_NOOP("@default", "Significant decrease")),
        Category(2, "#92c5de", QT_TRANSLATE_NOOP("@default", "Non-significant decrease")),
        Category(3, "#f7f7f7", QT_TRANSLATE_NOOP("@default", "No change")),
        Category(4, "#f4a582", QT_TRANSLATE_NOOP("@default", "Non-significant increase")),
        Category(5, "#b2182b", QT_TRANSLATE_NOOP("@default", "Significant increase")),
    ),
    # class k covers [(k - 1) / 5, k / 5), the last one 1 too (ColorBrewer Reds)
    HIGH_RISK_PROBABILITY: tuple(Category(k, colour, f"{20 * (k - 1)}-{20 * k} %") for k, colour in enumerate(
        ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"), start=1)),
}
# kind -> (class, position in the legend): shown only where the data has it. State 0 is 'neutral'
# when balancetrend used a neutral band.
OPTIONAL: dict[str, tuple[tuple[Category, int], ...]] = {
    BALANCE_STATE: ((Category(0, "#d9ef8b", QT_TRANSLATE_NOOP("@default", "Neutral")), 1),),
}


def classes(kind: str, present: Collection[int] = ()) -> list[Category]:
    """The classes of ``kind`` in legend order, with its optional classes whose value is in ``present``."""
    entries = list(CLASSES[kind])
    for category, position in OPTIONAL.get(kind, ()):
        if category.value in present:
            entries.insert(position, category)
    return entries


def every_class(kind: str) -> list[Category]:
    """All classes of ``kind``, the optional ones included."""
    return classes(kind, [category.value for category, _ in OPTIONAL.get(kind, ())])


def labels(kind: str) -> dict[int, str]:
    """{value: label} of every class of ``kind`` (labels untranslated)."""
    return {c.value: c.label for c in every_class(kind)}


def colours(kind: str) -> dict[int, str]:
    """{value: colour} of every class of ``kind``."""
    return {c.value: c.colour for c in every_class(kind)}
