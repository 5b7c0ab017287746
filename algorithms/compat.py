"""Processing enums resolved once: 3.22 has only the old names, 3.36 added ``Qgis.Processing*``
and QGIS 4 drops the old ones. Always pass these, never raw ints."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)


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
