"""carbonbudget:zonalbudget - exact regional carbon budget (the budget layer of the contract)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..carbon_plugin import schema
from ..carbon_plugin.budget import zonal_budget
from ..carbon_plugin.files import parse_number
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import (
    FIELD_ANY,
    POLYGON_GEOMETRY,
    TYPE_RASTER,
    TYPE_VECTOR,
    TYPE_VECTOR_POLYGON,
    geometry_type,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import carbon_series, optional_int, param_label, start_year_parameter
from .styles import style_outputs
from .vectors import (
    AREA_FIELD,
    LayerData,
    double_field,
    int_field,
    read_regions,
    text_field,
    write_layer,
    write_table,
)

# per-year fields of the budget layer: name prefix -> indicator of budget.region_budget


class ZonalBudget(CarbonAlgorithm):
    ALG_ID = "zonalbudget"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Regional carbon budget (exact zonal sums)")
    GROUP_ID = "budget"
    TAGS = QT_TRANSLATE_NOOP("@default", "carbon budget,zonal statistics,county,emission,sink,source sink ratio,exact")

    REGIONS = "REGIONS"
    REGION_FIELD = "REGION_FIELD"
    EMISSIONS = "EMISSIONS"
    SINKS = "SINKS"
    START_YEAR = "START_YEAR"
    GDP_FIELD_PREFIX = "GDP_FIELD_PREFIX"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.REGIONS, tr("Regions (polygons)"),
                                                              [TYPE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterField(self.REGION_FIELD, tr("Region key field"),
                                                      parentLayerParameterName=self.REGIONS, type=FIELD_ANY))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.EMISSIONS, tr("Emission time series (t per cell per year)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.SINKS, tr("Sink time series (t per cell per year)"), TYPE_RASTER))
        self.addParameter(start_year_parameter(self.START_YEAR))
        self.addParameter(QgsProcessingParameterString(
            self.GDP_FIELD_PREFIX, tr("GDP field prefix (e.g. GDP_ for GDP_2001, GDP_2002, ...)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.UNITS, tr("Units"), options=list(UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Carbon budget layer")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, tr("Carbon budget table (long form)"), type=TYPE_VECTOR,
            optional=True, createByDefault=False))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.REGIONS, context)
        if source is None:
            raise QgsProcessingException(tr("The regions layer could not be read."))
        if geometry_type(source.wkbType()) != POLYGON_GEOMETRY:
            raise QgsProcessingException(tr("The regions layer '{name}' is not a polygon layer.").format(
                name=source.sourceName()))
        key = self.parameterAsString(parameters, self.REGION_FIELD, context)
        if source.fields().indexOf(key) < 0:
            names = ", ".join(f"'{n}'" for n in source.fields().names())
            raise QgsProcessingException(tr("The regions layer has no field '{field}'; its fields are: "
                                            "{fields}.").format(field=key, fields=names))
        regions, features = read_regions(source, key, progress, param_label(self, self.REGIONS))
        keys = _region_keys(features, key)
        start_year = optional_int(self, parameters, self.START_YEAR, context)
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]
        # each raster keeps its own grid: zonal sums give each one its own exact coverage
        emission = carbon_series(self, parameters, self.EMISSIONS, context, units, "emission", progress, start_year)
        sink = carbon_series(self, parameters, self.SINKS, context, units, "sink", progress, start_year)
        prefix = self.parameterAsString(parameters, self.GDP_FIELD_PREFIX, context).strip()
        gdp = _gdp_by_year(features, prefix, source.fields(), progress, keys) if prefix else None
        result = zonal_budget(replace(regions, keys=keys), emission, sink, gdp, progress=progress.sub(0, 0.95))
        outputs = {self.OUTPUT: self._write_layer(parameters, context, source, features, result, progress)}
        if parameters.get(self.OUTPUT_TABLE):
            outputs[self.OUTPUT_TABLE] = self._write_table(parameters, context, keys, result)
        style_outputs(context, {outputs[self.OUTPUT]: ("net_emission", schema.field(schema.NET, result.years[-1]))},
                      feedback)
        progress.report(1.0)
        return outputs

    def _write_layer(self, parameters, context, source, features, result, progress) -> str:
        per_year = {p: ind for p, ind in {**schema.BUDGET_PREFIXES, **schema.GDP_PREFIXES}.items()
                    if ind in result.indicators}
        new_fields = [double_field(AREA_FIELD)] + [double_field(schema.field(prefix, year))
                                                  for year in result.years for prefix in per_year]
        rows = [[result.area_km2[i]] + [result.indicators[ind][i, j]
                                        for j in range(len(result.years)) for ind in per_year.values()]
                for i in range(len(features))]
        return write_layer(self, parameters, self.OUTPUT, context, source, LayerData(source.fields(), features),
                           new_fields, rows, progress)

    def _write_table(self, parameters, context, keys, result) -> str | None:
        columns = [c for c in (*schema.BUDGET_TABLE_COLUMNS, "esc", "ecc") if c in result.indicators]
        rows = [[key, year] + [result.indicators[c][i, j] for c in columns]
                for i, key in enumerate(keys) for j, year in enumerate(result.years)]
        return write_table(self, parameters, self.OUTPUT_TABLE, context,
                           [text_field("region", 254), int_field("year")] + [double_field(c) for c in columns], rows)


def _region_keys(features: list, key: str) -> list[str]:
    """The region keys by the schema's rule (4101.0 is '4101'); null or repeated keys are an error naming them."""
    text = [schema.region_key(feature[key]) for feature in features]
    nulls = text.count(None)
    if nulls:
        raise QgsProcessingException(
            tr("{n} regions have no value in the key field '{field}'; fill it or choose another field.").format(
                n=nulls, field=key))
    duplicates = schema.repeated_keys(text)
    if duplicates:
        raise QgsProcessingException(
            tr("The key field '{field}' has duplicate values: {values}. Each region needs its own key "
               "(dissolve multipart regions first).").format(field=key, values=", ".join(duplicates)))
    return text


def _gdp_by_year(features: list, prefix: str, fields: QgsFields, progress, keys: list[str] | None = None
                 ) -> dict[int, np.ndarray]:
    """GDP per region for every field named <prefix><year>; numbers stored as text ('1,234.5')
    are read, text that is not a number is an error naming the field, region and value."""
    gdp = {}
    from_text = 0
    for year, name in schema.years_of(fields.names(), prefix).items():
        values = []
        for k, feature in enumerate(features):
            value = feature[name]
            if hasattr(value, "isNull") and value.isNull():
                value = None
            try:
                values.append(parse_number(value))
            except ValueError:
                region = keys[k] if keys else str(k + 1)
                raise QgsProcessingException(
                    tr("GDP field '{field}', region '{region}': '{value}' is not a number. Write GDP as plain "
                       "numbers (1234.5 or 1,234.5), or leave it empty where unknown.").format(
                        field=name, region=region, value=value)) from None
            from_text += isinstance(value, str) and bool(value.strip())
        gdp[year] = np.array(values, np.float64)
    if not gdp:
        raise QgsProcessingException(
            tr("No GDP fields named {prefix}yyyy (e.g. {prefix}2001) were found in the regions layer.").format(
                prefix=prefix))
    progress.info(tr("GDP fields found for {n} years.").format(n=len(gdp)))
    if from_text:
        progress.info(tr("{n} GDP values were stored as text and read as numbers.").format(n=from_text))
    empty = [str(y) for y, v in sorted(gdp.items()) if np.isnan(v).all()]
    if empty:
        progress.warning(tr("The GDP fields of {years} are empty for every region: no ECC/ESC for those "
                            "years.").format(years=", ".join(empty)))
    return gdp
