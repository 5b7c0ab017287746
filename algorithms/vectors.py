"""Vector helpers the adapters share: read a source into arrays, write features and tables.

Outputs are written in UTF-8 (shapefiles get a .cpg) so Chinese region names survive.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from osgeo import gdal
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsFields, QgsProviderRegistry
from qgis.PyQt.QtCore import QVariant

from ..carbon_plugin.balance import BudgetFields, budget_fields
from ..carbon_plugin.errors import CarbonInputError
from .compat import FAST_INSERT, NO_GEOMETRY, make_field
from .i18n import QT_TRANSLATE_NOOP, tr

AREA_FIELD = "AREA_KM2"
# the layer roles the adapters pass to read_layer / read_budget, shown in messages through tr()
LAYER_ROLES = (
    QT_TRANSLATE_NOOP("@default", "input layer"),
    QT_TRANSLATE_NOOP("@default", "budget layer"),
    QT_TRANSLATE_NOOP("@default", "risk layer"),
    QT_TRANSLATE_NOOP("@default", "balance layer"),
    QT_TRANSLATE_NOOP("@default", "hot spots layer"),
)


def as_float(value) -> float:
    """An attribute as float; NULL, empty and non-numbers become NaN."""
    if value is None:
        return math.nan
    if isinstance(value, QVariant):
        if value.isNull():
            return math.nan
        value = value.value()
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def as_attribute(value):
    """A numpy value as an attribute: NaN becomes NULL (None), numpy scalars plain Python."""
    if value is None:
        return None
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


@dataclass
class LayerData:
    """The features of a source (in order) and their fields."""

    fields: QgsFields
    features: list[QgsFeature]

    def column(self, name: str) -> np.ndarray:
        index = self.fields.indexOf(name)
        return np.array([as_float(f.attributes()[index]) for f in self.features], dtype=np.float64)

    def columns(self, names: list[str]) -> np.ndarray:
        """(n_features, len(names)) float64, NULL as NaN."""
        if not names:
            return np.empty((len(self.features), 0))
        return np.stack([self.column(n) for n in names], axis=1)


def read_layer(source, progress, role: str) -> LayerData:
    """Every feature of a Processing source, checking for cancel; an empty layer is an error."""
    features = []
    total = max(source.featureCount(), 1)
    for k, feature in enumerate(source.getFeatures()):
        features.append(QgsFeature(feature))
        if k % 1000 == 0:
            progress.report(0.1 * k / total)
    if not features:
        raise CarbonInputError(tr("The {role} has no features.").format(role=tr(role)))
    return LayerData(source.fields(), features)


def output_fields(input_fields: QgsFields, new: list[QgsField]) -> tuple[QgsFields, list[int]]:
    """Input fields (minus any with the name of a new field, compared without case) + new fields.

    Returns the fields and the indices of the input attributes that are kept.
    """
    replaced = {f.name().lower() for f in new}
    out = QgsFields()
    kept = []
    for k, field in enumerate(input_fields):
        if field.name().lower() not in replaced:
            out.append(QgsField(field))
            kept.append(k)
    for field in new:
        out.append(field)
    return out, kept


def double_field(name: str) -> QgsField:
    return make_field(name, "double")


def int_field(name: str) -> QgsField:
    return make_field(name, "int")


def text_field(name: str, length: int = 20) -> QgsField:
    return make_field(name, "string", length)


def utf8_sink(alg, parameters, name, context, fields, wkb_type, crs):
    """``parameterAsSink`` writing UTF-8 when the context says 'System' (so a shapefile gets a
    .cpg and Chinese names read back in any GIS); an explicit encoding is kept."""
    encoding = context.defaultEncoding()
    if not encoding or encoding.lower() == "system":
        context.setDefaultEncoding("UTF-8")
    try:
        return alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    finally:
        context.setDefaultEncoding(encoding)


def write_layer(alg, parameters, name, context, source, data: LayerData, new_fields: list[QgsField],
                values: list[list], progress, start: float = 0.9) -> str:
    """Write the input features with their kept attributes and ``values[k]`` (one list per feature)."""
    fields, kept = output_fields(data.fields, new_fields)
    sink, dest = utf8_sink(alg, parameters, name, context, fields, source.wkbType(), source.sourceCrs())
    if sink is None:
        raise CarbonInputError(tr("Cannot create the output {name}.").format(name=name))
    for k, (feature, extra) in enumerate(zip(data.features, values)):
        attributes = feature.attributes()
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        out.setAttributes([attributes[i] for i in kept] + [as_attribute(v) for v in extra])
        sink.addFeature(out, FAST_INSERT)
        if k % 1000 == 0:
            progress.report(start + (1 - start) * k / len(data.features))
    return dest


def write_table(alg, parameters, name, context, fields: list[QgsField], rows: list[list]) -> str | None:
    """A table without geometry; None when the output was not asked for."""
    table_fields = QgsFields()
    for field in fields:
        table_fields.append(field)
    sink, dest = utf8_sink(alg, parameters, name, context, table_fields, NO_GEOMETRY,
                           QgsCoordinateReferenceSystem())
    if sink is None:
        return None
    for row in rows:
        feature = QgsFeature(table_fields)
        feature.setAttributes([as_attribute(v) for v in row])
        sink.addFeature(feature, FAST_INSERT)
    return dest


def describe_layer(destination: str, text: str) -> None:
    """Record ``text`` as the description of a GeoPackage output layer (its metadata, shown by
    QGIS and ogrinfo); other formats have no place for it and are left as they are."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", destination)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg"):
        return
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        return
    layer = dataset.GetLayerByName(parts.get("layerName")) if parts.get("layerName") else dataset.GetLayer(0)
    if layer is not None:
        layer.SetMetadataItem("DESCRIPTION", text)
    dataset = None


def read_budget(source, progress, role: str = "budget layer") -> tuple[LayerData, BudgetFields, np.ndarray, np.ndarray]:
    """The features, year fields, and E, S as (regions, years) arrays of a budget layer."""
    fields = budget_fields(source.fields().names(), progress, role)
    data = read_layer(source, progress, role)
    return data, fields, data.columns(fields.emission), data.columns(fields.sink)



# ---------------------------------------------------------------------------------------------
