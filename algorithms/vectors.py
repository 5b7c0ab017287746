"""Vector helpers the adapters share: read a source into arrays, write features and tables.

Outputs are written in UTF-8 (shapefiles get a .cpg) so Chinese region names survive.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QVariant

from ..carbon_plugin import files, schema
from ..carbon_plugin.balance import budget_fields
from ..carbon_plugin.errors import Cancelled, CarbonInputError
from ..carbon_plugin.inputs import BudgetTable, Regions
from ..carbon_plugin.progress import Progress
from .compat import FAST_INSERT, NO_GEOMETRY, WKT_PREFERRED_GDAL, make_field
from .i18n import QT_TRANSLATE_NOOP, tr

AREA_FIELD = schema.AREA
# the names of GeoPackage's two "no CRS" records (srs_id 0 and -1), which QGIS reads as valid CRSs
UNDEFINED_CRS_NAMES = ("undefined geographic srs", "undefined cartesian srs")
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


def plain_value(value):
    """An attribute as a plain Python value: NULL becomes None, Qt dates and strings text."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass
class LayerData:
    """The features of a source (in order) and their fields."""

    fields: QgsFields
    features: list[QgsFeature]

    def column(self, name: str | None) -> np.ndarray:
        """The field as float64, NULL as NaN; all NaN for no field (None)."""
        if name is None:
            return np.full(len(self.features), np.nan)
        index = self.fields.indexOf(name)
        return np.array([as_float(f.attributes()[index]) for f in self.features], dtype=np.float64)

    def columns(self, names: Sequence[str | None]) -> np.ndarray:
        """(n_features, len(names)) float64, NULL as NaN, a NaN column for no field (None)."""
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


def source_crs_wkt(source, label: str) -> str:
    """The WKT of a Processing source's coordinate reference system, which must be set.

    A layer without one (none, invalid, or a GeoPackage's 'Undefined ... SRS') is an error naming
    the parameter (``label``) and the layer: the engine would take its geometries to be in the
    raster's CRS, which gives wrong sums or wrong cells without a word when they are not.
    """
    crs = source.sourceCrs()
    if not crs.isValid() or crs.description().strip().lower() in UNDEFINED_CRS_NAMES:
        raise CarbonInputError(
            QT_TRANSLATE_NOOP("@default", "{param}: the layer '{layer}' has no coordinate reference system. Set "
                                          "it (Layer Properties > Source, or the Assign projection tool) and run "
                                          "again."),
            param=label, layer=source.sourceName())
    return crs.toWkt(WKT_PREFERRED_GDAL)


def read_regions(source, key_field: str, progress: Progress, label: str) -> tuple[Regions, list[QgsFeature]]:
    """The region polygons of a Processing source, read by one rule in every adapter; also its features.

    Each feature's geometry is its WKB, or None when it is NULL, so the engine stops with its error
    naming the region ('has no geometry (null)'); an empty geometry goes as it is, and the engine
    says it is empty. No feature is left out (a region dropped here would drop its numbers without a
    word). The keys are the plain values of ``key_field``. The layer's CRS must be set
    (``source_crs_wkt``, whose error names the parameter ``label``). Stops at once when the user
    cancels.
    """
    crs_wkt = source_crs_wkt(source, label)
    geometries, keys, features = [], [], []
    for feature in source.getFeatures():
        if progress.is_cancelled():
            raise Cancelled("Cancelled by the user")
        geometry = feature.geometry()
        geometries.append(None if geometry.isNull() else bytes(geometry.asWkb()))
        keys.append(plain_value(feature[key_field]))
        features.append(QgsFeature(feature))
    return Regions(geometries, keys, crs_wkt), features


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


def schema_fields(columns, text_lengths: dict[str, int] | None = None) -> list[QgsField]:
    """QgsFields of the schema's (name, kind) pairs, kind "double", "int" or "text" (length 20 unless given)."""
    lengths = text_lengths or {}
    return [text_field(name, lengths.get(name, 20)) if kind == "text" else make_field(name, kind)
            for name, kind in columns]


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


def sink_file(parameters, name) -> str | None:
    """The file a sink parameter names when it is a plain file path (no memory layer, no
    temporary output, no ``ogr:`` / database URI), else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if value is None:
        return None
    text = str(value).strip()
    if not text or text == QgsProcessing.TEMPORARY_OUTPUT or re.match(r"^[A-Za-z][A-Za-z0-9_]{2,}:(?![\\/])", text):
        return None  # memory:, ogr:dbname=..., postgres:... (a Windows drive 'C:' is one letter)
    return os.path.abspath(text.split("|", 1)[0])


def geopackage_layers(path: str) -> list[str]:
    """The layer names of an existing GeoPackage (empty for anything else)."""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return []
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    except RuntimeError:
        return []
    if dataset is None:
        return []
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    dataset = None
    return names


# the files of a shapefile (QGIS's QgsVectorFileWriter::deleteShapeFile removes these when it overwrites one)
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".qix", ".qpj", ".cpg", ".sbn", ".sbx", ".idm", ".ind")


def written_file(path: str) -> str:
    """The file a sink wrote for the destination ``path``: for a table without geometry given as a
    shapefile (``x.shp``) the writer makes only ``x.dbf`` (and ``x.cpg``), the file QGIS loads as a
    table; QGIS's own destination string, ``x.shp``, names a file that does not exist
    (qgis/QGIS#56478). Otherwise ``path`` itself."""
    stem, ext = os.path.splitext(path)
    if ext.lower() == ".shp" and not os.path.exists(path):
        for dbf in (stem + ".dbf", stem + ".DBF"):
            if os.path.exists(dbf):
                return dbf
    return path


def stale_shapefile_parts(written_path: str, folder: str, written: list[str]) -> list[str]:
    """The files of an older shapefile of the same name in ``folder`` that this write of a shapefile
    (``written_path``) did not replace (``written``: the names written): a new table's .dbf beside an
    old .shp and .shx would load as the old geometries, an old .qix would index features that are
    gone. QGIS writing in place deletes them first; here they go once the new files are in place."""
    stem, ext = os.path.splitext(os.path.basename(written_path))
    if ext.lower() != ".shp":
        return []
    try:
        entries = os.listdir(folder)
    except OSError:
        return []
    kept = set(written)
    return [os.path.join(folder, entry) for entry in entries
            if entry not in kept and os.path.splitext(entry)[0] == stem
            and os.path.splitext(entry)[1].lower() in SHAPEFILE_PARTS]


class OutputSink:
    """A Processing feature sink that appears only when complete (the vector side of safe writes).

    A plain file destination is written into a hidden temporary folder inside the target folder
    (same file name, so a GeoPackage layer gets its usual name) and moved onto the target at
    ``finish`` (a table without geometry given as a shapefile is its .dbf, ``written_file``; the
    files of an older shapefile of that name that were not replaced go too, ``stale_shapefile_parts``);
    ``abort`` (any failure) removes it and leaves an existing file untouched. The
    destination is checked first (folder exists and is writable, name length), and sink errors
    become a ``CarbonInputError`` naming the output and the cause. Other destinations (memory
    layers, ``ogr:dbname=... table=...`` URIs that add a layer to an existing file) go straight
    to Processing.
    """

    def __init__(self, alg, parameters, name, context, fields, wkb_type, crs, progress=None) -> None:
        self.name = name
        self.context = context
        self.final = sink_file(parameters, name)
        self.tmp_dir: str | None = None
        self.count = 0
        if self.final is not None:
            files.check_output_path(self.final, name)
            others = [n for n in geopackage_layers(self.final) if n not in (Path(self.final).stem, "layer_styles")]
            if others and progress is not None:
                progress.warning(QT_TRANSLATE_NOOP(
                    "@default", "{name}: the GeoPackage '{path}' holds other layers ({layers}); a file path as output "
                    "replaces the whole file, so they will be gone. To add the layer to the file instead, give the "
                    "output as ogr:dbname='{path}' table=\"{table}\" (geom)."),
                    name=name, path=self.final, layers=", ".join(others), table=Path(self.final).stem)
            try:
                self.tmp_dir = tempfile.mkdtemp(prefix=files.TEMP_PREFIX, dir=os.path.dirname(self.final))
            except OSError as err:
                raise files.write_error(self.final, err, name) from None
            parameters = dict(parameters)
            target = os.path.join(self.tmp_dir, os.path.basename(self.final))
            value = parameters.get(name)
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = QgsProcessingOutputLayerDefinition(value)
                value.sink = QgsProperty.fromValue(target)
                parameters[name] = value
            else:
                parameters[name] = target
        try:
            self.sink, self.dest = utf8_sink(alg, parameters, name, context, fields, wkb_type, crs)
        except QgsProcessingException as err:
            self.abort()
            raise files.write_error(self.final or parameters.get(name), str(err), name) from None
        except BaseException:
            self.abort()
            raise
        if self.sink is None:
            self.abort()

    def add(self, feature: QgsFeature) -> None:
        if not self.sink.addFeature(feature, FAST_INSERT):
            error = self.sink.lastError() if hasattr(self.sink, "lastError") else ""
            raise files.write_error(self.final or self.dest, error or tr("a feature could not be written"), self.name)
        self.count += 1

    def finish(self) -> str:
        """Close the sink, check the file and move it onto the target; returns the destination."""
        self.sink = None  # the writer closes the file when its last reference goes
        if self.final is None:
            return self.dest
        temp_dest = self.dest
        temp_path = temp_dest.split("|", 1)[0]  # the writer may add an extension or a layer name
        temp_file = written_file(temp_path)
        folder = os.path.dirname(self.final)
        final = os.path.join(folder, os.path.basename(temp_file))
        try:
            self._check_written(temp_file)
            written = os.listdir(self.tmp_dir)
            for entry in written:  # a shapefile is several files
                files.commit(os.path.join(self.tmp_dir, entry), os.path.join(folder, entry), self.name)
            for stale in stale_shapefile_parts(temp_path, folder, written):
                files.retire(stale, self.name)
            os.rmdir(self.tmp_dir)
        except OSError as err:
            self.abort()
            raise files.write_error(final, err, self.name) from None
        except BaseException:
            self.abort()
            raise
        self.tmp_dir = None
        self.dest = final + temp_dest[len(temp_path):]
        self._retarget_load(temp_dest, self.dest)
        return self.dest

    def _check_written(self, path: str) -> None:
        """A write that failed when the file was closed (a full disk) leaves a short or broken file."""
        try:
            dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
            n = dataset.GetLayer(0).GetFeatureCount() if dataset is not None and dataset.GetLayerCount() else -1
            dataset = None
        except RuntimeError:
            n = -1
        if n != self.count:
            raise CarbonInputError(
                QT_TRANSLATE_NOOP("@default", "Cannot write the {what} '{path}': {cause} ({written} of {total} "
                                              "features could be read back). Nothing was written; choose another "
                                              "file or folder."),
                what=self.name, path=self.final, cause=files.CAUSES["incomplete"], written=max(n, 0), total=self.count,
                translatable=("cause",))

    def _retarget_load(self, old: str, new: str) -> None:
        layers = self.context.layersToLoadOnCompletion()
        if old in layers:
            details = layers.pop(old)
            layers[new] = details
            self.context.setLayersToLoadOnCompletion(layers)

    def abort(self) -> None:
        """Drop the sink and remove whatever was written."""
        self.sink = None
        if self.tmp_dir:
            shutil.rmtree(self.tmp_dir, ignore_errors=True)
            self.tmp_dir = None


def write_features(out: OutputSink, features, progress=None, start: float = 0.9, total: int = 1) -> str:
    """Add ``features`` (an iterable) to ``out`` and finish it; removes the output on any failure."""
    try:
        for k, feature in enumerate(features):
            out.add(feature)
            if progress is not None and k % 1000 == 0:
                progress.report(start + (1 - start) * k / max(total, 1))
        return out.finish()
    except BaseException:
        out.abort()
        raise


def write_layer(alg, parameters, name, context, source, data: LayerData, new_fields: list[QgsField],
                values: list[list], progress, start: float = 0.9) -> str:
    """Write the input features with their kept attributes and ``values[k]`` (one list per feature)."""
    fields, kept = output_fields(data.fields, new_fields)
    out = OutputSink(alg, parameters, name, context, fields, source.wkbType(), source.sourceCrs(), progress)
    if out.sink is None:
        raise CarbonInputError(tr("Cannot create the output {name}.").format(name=name))

    def features():
        for feature, extra in zip(data.features, values):
            attributes = feature.attributes()
            feature_out = QgsFeature(fields)
            feature_out.setGeometry(feature.geometry())
            feature_out.setAttributes([attributes[i] for i in kept] + [as_attribute(v) for v in extra])
            yield feature_out

    return write_features(out, features(), progress, start, len(data.features))


def write_table(alg, parameters, name, context, fields: list[QgsField], rows: list[list], progress=None) -> str | None:
    """A table without geometry; None when the output was not asked for."""
    table_fields = QgsFields()
    for field in fields:
        table_fields.append(field)
    out = OutputSink(alg, parameters, name, context, table_fields, NO_GEOMETRY, QgsCoordinateReferenceSystem(),
                     progress)
    if out.sink is None:
        return None

    def features():
        for row in rows:
            feature = QgsFeature(table_fields)
            feature.setAttributes([as_attribute(v) for v in row])
            yield feature

    return write_features(out, features())


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


def read_budget(source, progress, role: str = "budget layer") -> tuple[LayerData, BudgetTable]:
    """The features and the budget (E, S as (regions, years) arrays of the year fields) of a budget layer."""
    fields = budget_fields(source.fields().names(), progress, role)
    data = read_layer(source, progress, role)
    return data, BudgetTable(data.columns(fields.emission), data.columns(fields.sink), fields.years)



# ---------------------------------------------------------------------------------------------
