"""Enums and API that changed between QGIS 3.22 and QGIS 4, resolved once.

Processing enums: 3.22 has only the old names, 3.36 added ``Qgis.Processing*`` and QGIS 4 drops
the old ones. Always pass these, never raw ints. Qt enums are spelled scoped everywhere in the
plugin (``Qt.AlignmentFlag.AlignLeft``: valid in PyQt5 and required by PyQt6); field types are
compared with ``QMetaType.Type`` (equal to the ``QVariant.Type`` that 3.x returns, and what QGIS 4
returns). Replacements of API deprecated on 3.40 that 3.22 lacks are functions here.
tests/test_qt6_ready.py checks the plugin for Qt5-only spellings."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsMapSettings,
    QgsProcessing,
    QgsProcessingModelChildParameterSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsRasterMinMaxOrigin,
    QgsRectangle,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType, QVariant


def _pick(new: tuple[str, str], old_owner: object, old_name: str):
    enum = getattr(Qgis, new[0], None)
    value = getattr(enum, new[1], None) if enum is not None else None
    return value if value is not None else getattr(old_owner, old_name)


TYPE_RASTER = _pick(("ProcessingSourceType", "Raster"), QgsProcessing, "TypeRaster")
TYPE_VECTOR_POLYGON = _pick(("ProcessingSourceType", "VectorPolygon"), QgsProcessing, "TypeVectorPolygon")
TYPE_VECTOR_POINT = _pick(("ProcessingSourceType", "VectorPoint"), QgsProcessing, "TypeVectorPoint")
TYPE_VECTOR_ANY = _pick(("ProcessingSourceType", "VectorAnyGeometry"), QgsProcessing, "TypeVectorAnyGeometry")
TYPE_VECTOR = _pick(("ProcessingSourceType", "Vector"), QgsProcessing, "TypeVector")
NUMBER_DOUBLE = _pick(("ProcessingNumberParameterType", "Double"), QgsProcessingParameterNumber, "Double")
NUMBER_INTEGER = _pick(("ProcessingNumberParameterType", "Integer"), QgsProcessingParameterNumber, "Integer")
FIELD_ANY = _pick(("ProcessingFieldParameterDataType", "Any"), QgsProcessingParameterField, "Any")
FIELD_NUMERIC = _pick(("ProcessingFieldParameterDataType", "Numeric"), QgsProcessingParameterField, "Numeric")
FILE_BEHAVIOR_FILE = _pick(("ProcessingFileParameterBehavior", "File"), QgsProcessingParameterFile, "File")
FLAG_ADVANCED = _pick(("ProcessingParameterFlag", "Advanced"), QgsProcessingParameterDefinition, "FlagAdvanced")
FLAG_OPTIONAL = _pick(("ProcessingParameterFlag", "Optional"), QgsProcessingParameterDefinition, "FlagOptional")
WKT_PREFERRED_GDAL = _pick(("CrsWktVariant", "PreferredGdal"), QgsCoordinateReferenceSystem, "WKT_PREFERRED_GDAL")
FAST_INSERT = _pick(("FeatureSinkFlag", "FastInsert"), QgsFeatureSink, "FastInsert")
QGIS_CRITICAL = _pick(("MessageLevel", "Critical"), Qgis, "Critical")
NO_GEOMETRY = _pick(("WkbType", "NoGeometry"), QgsWkbTypes, "NoGeometry")
WKB_MULTIPOINT = _pick(("WkbType", "MultiPoint"), QgsWkbTypes, "MultiPoint")
WKB_MULTILINESTRING = _pick(("WkbType", "MultiLineString"), QgsWkbTypes, "MultiLineString")
WKB_MULTIPOLYGON = _pick(("WkbType", "MultiPolygon"), QgsWkbTypes, "MultiPolygon")
POINT_GEOMETRY = _pick(("GeometryType", "Point"), QgsWkbTypes, "PointGeometry")
LINE_GEOMETRY = _pick(("GeometryType", "Line"), QgsWkbTypes, "LineGeometry")
POLYGON_GEOMETRY = _pick(("GeometryType", "Polygon"), QgsWkbTypes, "PolygonGeometry")
NO_GEOMETRY_REQUEST = _pick(("FeatureRequestFlag", "NoGeometry"), QgsFeatureRequest, "NoGeometry")
MAP_ANTIALIASING = _pick(("MapSettingsFlag", "Antialiasing"), QgsMapSettings, "Antialiasing")
MODEL_SOURCE_CHILD_OUTPUT = _pick(("ProcessingModelChildParameterSource", "ChildOutput"),
                                  QgsProcessingModelChildParameterSource, "ChildOutput")
MODEL_SOURCE_MODEL_PARAMETER = _pick(("ProcessingModelChildParameterSource", "ModelParameter"),
                                     QgsProcessingModelChildParameterSource, "ModelParameter")
MODEL_SOURCE_STATIC_VALUE = _pick(("ProcessingModelChildParameterSource", "StaticValue"),
                                  QgsProcessingModelChildParameterSource, "StaticValue")
RAMP_LINEAR = _pick(("ShaderInterpolationMethod", "Linear"), QgsColorRampShader, "Interpolated")
RAMP_DISCRETE = _pick(("ShaderInterpolationMethod", "Discrete"), QgsColorRampShader, "Discrete")
RANGE_USER_DEFINED = _pick(("RasterRangeLimit", "NotSet"), QgsRasterMinMaxOrigin, "None_")
AREA_SQUARE_KILOMETERS = _pick(("AreaUnit", "SquareKilometers"), QgsUnitTypes, "AreaSquareKilometers")

# QgsField takes QMetaType from 3.38 (and only that in QGIS 4), QVariant before
_FIELD_TYPES_NEW = Qgis.versionInt() >= 33800
_FIELD_TYPES = {
    "double": (QMetaType.Type.Double if _FIELD_TYPES_NEW else QVariant.Double),
    "int": (QMetaType.Type.Int if _FIELD_TYPES_NEW else QVariant.Int),
    "string": (QMetaType.Type.QString if _FIELD_TYPES_NEW else QVariant.String),
}


def is_text_field(field: QgsField) -> bool:
    """Whether a field holds text (``QgsField.type()`` is a QVariant.Type on 3.x, QMetaType.Type on 4)."""
    return field.type() == QMetaType.Type.QString


def is_int_field(field: QgsField) -> bool:
    """Whether a field is a 32-bit integer field."""
    return field.type() == QMetaType.Type.Int


def make_field(name: str, kind: str, length: int = 0, precision: int = 0) -> QgsField:
    """A QgsField of kind 'double', 'int' or 'string' on any QGIS 3.22+ (and QGIS 4)."""
    return QgsField(name, _FIELD_TYPES[kind], len=length, prec=precision)


def geometry_type(wkb_type):
    """The geometry type (point, line, polygon...) of a WKB type, on any version."""
    return QgsWkbTypes.geometryType(wkb_type)


def null_rectangle() -> QgsRectangle:
    """An empty rectangle to grow with ``combineExtentWith`` (``setNull`` from 3.34, ``setMinimal``
    before; ``setMinimal`` is deprecated on 3.40)."""
    rectangle = QgsRectangle()
    (rectangle.setNull if hasattr(rectangle, "setNull") else rectangle.setMinimal)()
    return rectangle


def renderer_band(renderer) -> int:
    """The band a single-band raster renderer draws (``inputBand`` from 3.38, ``band`` before)."""
    return renderer.inputBand() if hasattr(renderer, "inputBand") else renderer.band()


def can_store_styles(layer) -> bool:
    """Whether the layer's data source stores styles (GeoPackage ``layer_styles``...).

    ``QgsDataProvider.styleStorageCapabilities`` from 3.34 (the old
    ``QgsVectorDataProvider.isSaveAndLoadStyleToDatabaseSupported`` is gone on 3.40).
    """
    provider = layer.dataProvider()
    if provider is None:
        return False
    if hasattr(provider, "styleStorageCapabilities"):
        return bool(provider.styleStorageCapabilities() & Qgis.ProviderStyleStorageCapability.SaveToDatabase)
    return bool(provider.isSaveAndLoadStyleToDatabaseSupported())
