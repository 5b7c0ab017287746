"""The literals the report document translates (``document.py`` and ``templates/report.html.j2``), marked
for extraction: pylupdate5 reads Python only, so the template's texts are listed here.

The report's class names, components and methods are marked where they are declared
(``legend.py``, ``model.py``). A test renders every section and checks that each literal given to
the translate callable is marked (and nothing more is listed here).
"""

from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP

REPORT_TEXTS = (
    QT_TRANSLATE_NOOP("@default", "Period {period}"),
    QT_TRANSLATE_NOOP("@default", "Provincial time series"),
    QT_TRANSLATE_NOOP("@default", "Risk summary per period"),
    QT_TRANSLATE_NOOP("@default", "Weights of the risk index"),
    QT_TRANSLATE_NOOP("@default", "Regions with the highest risk index"),
    QT_TRANSLATE_NOOP("@default", "Balance state transitions"),
    QT_TRANSLATE_NOOP("@default", "Uncertainty of the risk index (Monte Carlo)"),
    QT_TRANSLATE_NOOP("@default", "Hot spots (Getis-Ord Gi*)"),
    QT_TRANSLATE_NOOP("@default", "Inputs and parameters"),
    QT_TRANSLATE_NOOP(
        "@default",
        "Generated {date} by the QGIS plugin Carbon Budget & Imbalance Risk, version {version}."
    ),
    QT_TRANSLATE_NOOP("@default", "Contents"),
    QT_TRANSLATE_NOOP("@default", "Item"),
    QT_TRANSLATE_NOOP("@default", "Value"),
    QT_TRANSLATE_NOOP(
        "@default",
        "No province totals: give the province table or a layer with EMI_yyyy and SNK_yyyy fields."
    ),
    QT_TRANSLATE_NOOP("@default", "Year"),
    QT_TRANSLATE_NOOP("@default", "Emission ({unit})"),
    QT_TRANSLATE_NOOP("@default", "Sink ({unit})"),
    QT_TRANSLATE_NOOP("@default", "Net emission ({unit})"),
    QT_TRANSLATE_NOOP("@default", "CSR"),
    QT_TRANSLATE_NOOP("@default", "Highest provincial CSR: {csr} in {year}."),
    QT_TRANSLATE_NOOP("@default", "Risk index method: {normalisation}, {weighting}."),
    QT_TRANSLATE_NOOP("@default", "not known"),
    QT_TRANSLATE_NOOP(
        "@default",
        "The index is absolute: its components are bounded (state 1 - S/E, trend from the Mann-Kendall Z of "
        "the annual CSR), so a region's index depends on its own data only and can be compared across "
        "regions, periods and provinces."
    ),
    QT_TRANSLATE_NOOP(
        "@default",
        "This is a RELATIVE index: every component is min-max normalised over the regions and periods of this"
        " layer, so a region's index depends on the other regions in the layer. Its values and levels are not"
        " comparable across provinces or with other runs."
    ),
    QT_TRANSLATE_NOOP(
        "@default",
        "The normalisation of the index is not known: give the risk summary table or the METHOD text of the "
        "risk tool."
    ),
    QT_TRANSLATE_NOOP("@default", "Period"),
    QT_TRANSLATE_NOOP("@default", "Regions"),
    QT_TRANSLATE_NOOP("@default", "High-risk regions (RI >= {threshold})"),
    QT_TRANSLATE_NOOP("@default", "High-risk share"),
    QT_TRANSLATE_NOOP(
        "@default",
        "Count of regions per risk level (share of the regions with an index). Levels: 1 low [0, 0.2), 2 "
        "relatively low [0.2, 0.4), 3 medium [0.4, 0.6), 4 relatively high [0.6, 0.8), 5 high [0.8, 1] "
        "(default breaks)."
    ),
    QT_TRANSLATE_NOOP(
        "@default",
        "High-risk share = regions with RI >= {threshold} / regions with an index in the period. Regions without an "
        "index in a period (no data) are counted under No data and are in no share."
    ),
    QT_TRANSLATE_NOOP("@default", "No risk summary."),
    QT_TRANSLATE_NOOP("@default", "Component"),
    QT_TRANSLATE_NOOP("@default", "Weight"),
    QT_TRANSLATE_NOOP(
        "@default",
        "Index RI = sum of weight x component (state: 1 - S/E clipped to [0, 1]; trend: normal probability of"
        " the Mann-Kendall Z of the annual CSR in the period; pressure: density / (density + reference "
        "density))."
    ),
    QT_TRANSLATE_NOOP(
        "@default",
        "Index RI = sum of weight x normalised component (state: log of the capped CSR; trend: change of CSR "
        "from the previous period; pressure: emission density)."
    ),
    QT_TRANSLATE_NOOP("@default", "The weights are not known: give the risk summary table or the WEIGHTS_USED text."),
    QT_TRANSLATE_NOOP("@default", "Top {n} regions by risk index in {period}."),
    QT_TRANSLATE_NOOP("@default", "Rank"),
    QT_TRANSLATE_NOOP("@default", "Region"),
    QT_TRANSLATE_NOOP("@default", "Risk index"),
    QT_TRANSLATE_NOOP("@default", "Risk level"),
    QT_TRANSLATE_NOOP("@default", "Balance state"),
    QT_TRANSLATE_NOOP("@default", "No region has a risk index."),
    QT_TRANSLATE_NOOP(
        "@default",
        "Regions moving from the state in the first period (rows) to the state in the second period "
        "(columns); the diagonal counts regions that kept their state."
    ),
    QT_TRANSLATE_NOOP("@default", "From {first} to {second}"),
    QT_TRANSLATE_NOOP("@default", "Total"),
    QT_TRANSLATE_NOOP("@default", "No balance states: give the transition table or a layer with ST_yyyy fields."),
    QT_TRANSLATE_NOOP("@default", "No maps for this period."),
    QT_TRANSLATE_NOOP("@default", "Regions per risk index bin of 0.1; bars coloured by risk level (default breaks)."),
    QT_TRANSLATE_NOOP(
        "@default",
        "Regions with an uncertain risk level (the most likely level has a probability below {p}): {counts}."
    ),
    QT_TRANSLATE_NOOP("@default", "Regions with the widest 5-95 % interval of the risk index in {period}."),
    QT_TRANSLATE_NOOP("@default", "Median index"),
    QT_TRANSLATE_NOOP("@default", "Interval width"),
    QT_TRANSLATE_NOOP("@default", "P(RI >= 0.6)"),
    QT_TRANSLATE_NOOP("@default", "Most likely level"),
    QT_TRANSLATE_NOOP("@default", "Probability of that level"),
    QT_TRANSLATE_NOOP(
        "@default",
        "No uncertainty layer (RIM_yyyy, RIL_yyyy, RIH_yyyy, PH_yyyy, PL_yyyy fields) was given."
    ),
    QT_TRANSLATE_NOOP(
        "@default",
        "Gi* confidence bins: hot spots (+1, +2, +3) and cold spots (-1, -2, -3) at 90, 95 and 99 % "
        "confidence; 0 is not significant."
    ),
    QT_TRANSLATE_NOOP("@default", "No hot spot layer (GI_BIN field) was given."),
    QT_TRANSLATE_NOOP("@default", "Parameter"),
    QT_TRANSLATE_NOOP("@default", "Description"),
    QT_TRANSLATE_NOOP("@default", "Analysis parameters"),
    QT_TRANSLATE_NOOP("@default", "Plugin version"),
    QT_TRANSLATE_NOOP("@default", "Units"),
    QT_TRANSLATE_NOOP("@default", "Generated"),
    QT_TRANSLATE_NOOP("@default", "Carbon Budget & Imbalance Risk, version {version}"),
    QT_TRANSLATE_NOOP("@default", "Emissions and sinks"),
    QT_TRANSLATE_NOOP("@default", "Emission"),
    QT_TRANSLATE_NOOP("@default", "{unit} per year"),
    QT_TRANSLATE_NOOP("@default", "Source/sink ratio (CSR)"),
    QT_TRANSLATE_NOOP("@default", "Emission / sink"),
    QT_TRANSLATE_NOOP("@default", "Balance (CSR = 1)"),
    QT_TRANSLATE_NOOP("@default", "Risk index distribution {period}"),
    QT_TRANSLATE_NOOP("@default", "{period}: {n} of {regions}"),
)
