"""carbonbudget:gridemissions - regional emission statistics onto a proxy grid, mass-conserving."""

from __future__ import annotations

import math

from qgis.core import (
    QgsFeatureRequest,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..carbon_plugin import schema
from ..carbon_plugin.errors import Cancelled
from ..carbon_plugin.gridding import (
    ASSIGNMENTS,
    METHODS,
    GriddingOptions,
    GriddingOutputs,
    PointSource,
    PointSources,
    clean_statistics,
    grid_emissions,
)
from ..carbon_plugin.schema import region_key
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import (
    FIELD_ANY,
    FLAG_ADVANCED,
    NO_GEOMETRY_REQUEST,
    NUMBER_DOUBLE,
    TYPE_VECTOR,
    TYPE_VECTOR_POINT,
    TYPE_VECTOR_POLYGON,
    make_field,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import gdal_source, optional_int, param_label, start_year_parameter
from .styles import style_outputs
from .vectors import plain_value, read_regions, source_crs_wkt, write_table

METHOD_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Proportional to the proxy weight"),
    QT_TRANSLATE_NOOP("@default", "Power-law regression E = a (sum L)^b fills region-years without statistics"),
)
ASSIGNMENT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Exact coverage fraction (split cells are shared)"),
    QT_TRANSLATE_NOOP("@default", "Cell centre (each cell wholly to one region)"),
)


def _alpha(text: str, count: int) -> list[float]:
    """ALPHA: one number per proxy; empty gives 1 each."""
    if not (text or "").strip():
        return [1.0] * count
    try:
        values = [float(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        values = []
    if len(values) != count:
        raise QgsProcessingException(tr(
            "ALPHA: '{text}' must be {count} comma-separated numbers, one weight per proxy."
        ).format(text=text, count=count))
    return values


class GridEmissions(CarbonAlgorithm):
    ALG_ID = "gridemissions"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Grid emissions (top-down, mass-conserving)")
    GROUP_ID = "emissions"
    TAGS = QT_TRANSLATE_NOOP(
        "@default", "CO2,emissions,downscaling,gridding,nighttime light,NTL,proxy,allocation,top-down")

    REGIONS = "REGIONS"
    REGION_FIELD = "REGION_FIELD"
    STATS = "STATS"
    STATS_REGION_FIELD = "STATS_REGION_FIELD"
    STATS_YEAR_FIELD = "STATS_YEAR_FIELD"
    STATS_VALUE_FIELD = "STATS_VALUE_FIELD"
    FIELD_PREFIX = "FIELD_PREFIX"
    PROXY = "PROXY"
    PROXY2 = "PROXY2"
    PROXY3 = "PROXY3"
    ALPHA = "ALPHA"
    BETA = "BETA"
    POINTS = "POINTS"
    POINT_YEAR_FIELD = "POINT_YEAR_FIELD"
    POINT_VALUE_FIELD = "POINT_VALUE_FIELD"
    METHOD = "METHOD"
    TOTAL_KEY = "TOTAL_KEY"
    CELL_ASSIGNMENT = "CELL_ASSIGNMENT"
    ALLOW_UNMATCHED = "ALLOW_UNMATCHED"
    START_YEAR = "START_YEAR"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    OUTPUT_INTENSITY = "OUTPUT_INTENSITY"
    OUTPUT_CHECK = "OUTPUT_CHECK"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, tr("Regions (polygons)"), [TYPE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, tr("Region key field"), parentLayerParameterName=self.REGIONS, type=FIELD_ANY))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STATS, tr("Emission statistics table (region, year, value)"), [TYPE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STATS_REGION_FIELD, tr("Statistics region field (default: same name as the region key field)"),
            parentLayerParameterName=self.STATS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STATS_YEAR_FIELD, tr("Statistics year field"), defaultValue="year",
            parentLayerParameterName=self.STATS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STATS_VALUE_FIELD, tr("Statistics value field"), defaultValue="CO2_T",
            parentLayerParameterName=self.STATS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_PREFIX, tr("Or: prefix of per-year fields on the regions (e.g. EMI_)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PROXY, tr("Proxy raster (nighttime light; band per year)")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PROXY2, tr("Second proxy (e.g. population)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PROXY3, tr("Third proxy (e.g. built-up)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ALPHA, tr("Proxy weights alpha, one per proxy (comma-separated; default 1 each)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BETA, tr("Proxy exponent beta"), type=NUMBER_DOUBLE, defaultValue=1.0, minValue=1e-6))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POINTS, tr("Point sources"), [TYPE_VECTOR_POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POINT_YEAR_FIELD, tr("Point source year field"), defaultValue="year",
            parentLayerParameterName=self.POINTS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POINT_VALUE_FIELD, tr("Point source emission field"), defaultValue="CO2_T",
            parentLayerParameterName=self.POINTS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Method"), options=[tr(s) for s in METHOD_LABELS], defaultValue=0))
        total_key = QgsProcessingParameterString(
            self.TOTAL_KEY, tr("Statistics key of the known total of all regions (regression)"), optional=True)
        total_key.setFlags(total_key.flags() | FLAG_ADVANCED)
        self.addParameter(total_key)
        self.addParameter(QgsProcessingParameterEnum(
            self.CELL_ASSIGNMENT, tr("Cell assignment"), options=[tr(s) for s in ASSIGNMENT_LABELS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALLOW_UNMATCHED, tr("Allow unmatched regions and statistics"), defaultValue=False))
        self.addParameter(start_year_parameter(self.START_YEAR, advanced=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.UNITS, tr("Units of the statistics and the output"), options=list(UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT, tr("Gridded emissions (t per cell per year)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_INTENSITY, tr("Emission intensity (t per km2 per year)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CHECK, tr("Round-trip check table (region, year, statistic, gridded)"),
            type=TYPE_VECTOR, optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString("YEARS_OUT", tr("Years written")))
        self.addOutput(QgsProcessingOutputNumber("MAX_TOTAL_ERROR", tr("Largest relative error of a yearly total")))
        self.addOutput(QgsProcessingOutputNumber(
            "MAX_ROUND_TRIP_ERROR", tr("Largest relative per-region round-trip error")))

    # -- reading the inputs --------------------------------------------------------------------

    def _field(self, parameters, name, context, source, default=None) -> str | None:
        value = self.parameterAsString(parameters, name, context) or default
        if value and source is not None and source.fields().indexOf(value) < 0:
            raise QgsProcessingException(tr("{param}: the layer has no field '{field}'.").format(
                param=name, field=value))
        return value or None

    def _regions(self, parameters, context, progress):
        source = self.parameterAsSource(parameters, self.REGIONS, context)
        key_field = self._field(parameters, self.REGION_FIELD, context, source)
        prefix = self.parameterAsString(parameters, self.FIELD_PREFIX, context).strip()
        year_fields = {}
        if prefix:
            year_fields = {name: year for year, name in schema.years_of(source.fields().names(), prefix).items()}
            if not year_fields:
                raise QgsProcessingException(tr(
                    "{param}: the regions have no fields named {prefix}yyyy (e.g. {prefix}2001)."
                ).format(param=param_label(self, self.FIELD_PREFIX), prefix=prefix))
        regions, features = read_regions(source, key_field, progress, param_label(self, self.REGIONS))
        rows = []
        seen = {}
        for key, feature in zip(regions.keys, features):
            values = {f: plain_value(feature[f]) for f in year_fields}
            for name, year in year_fields.items():
                k = region_key(key)
                if (k, year) in seen and seen[(k, year)] == values[name]:
                    continue  # the same value on every feature of a multi-feature region
                seen[(k, year)] = values[name]
                rows.append((key, year, values[name]))
        return regions, key_field, rows

    def _statistics(self, parameters, context, key_field):
        source = self.parameterAsSource(parameters, self.STATS, context)
        if source is None:
            return None
        region_field = self._field(parameters, self.STATS_REGION_FIELD, context, source, key_field)
        year_field = self._field(parameters, self.STATS_YEAR_FIELD, context, source, "year")
        value_field = self._field(parameters, self.STATS_VALUE_FIELD, context, source, "CO2_T")
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY_REQUEST)
        return [(plain_value(f[region_field]), plain_value(f[year_field]), plain_value(f[value_field]))
                for f in source.getFeatures(request)]

    def _points(self, parameters, context, progress) -> PointSources:
        """The point sources, every feature (one without a location goes with NaN coordinates, for the
        engine's error naming it); stops at once when the user cancels, as ``read_regions`` does."""
        source = self.parameterAsSource(parameters, self.POINTS, context)
        if source is None:
            return PointSources()
        year_field = self._field(parameters, self.POINT_YEAR_FIELD, context, source, "year")
        value_field = self._field(parameters, self.POINT_VALUE_FIELD, context, source, "CO2_T")
        crs_wkt = source_crs_wkt(source, param_label(self, self.POINTS))
        points = []
        for feature in source.getFeatures():
            if progress.is_cancelled():
                raise Cancelled("Cancelled by the user")
            label = f"#{feature.id()}"  # as the engine's messages name it
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                point = QgsPointXY(math.nan, math.nan)  # no location: the engine's error names the source
            else:
                point = geometry.centroid().asPoint() if geometry.isMultipart() else geometry.asPoint()
            try:
                year = schema.parse_year(plain_value(feature[year_field]), whole=True)
                if year is None:
                    raise ValueError(year_field)
                value = float(plain_value(feature[value_field]))
            except (TypeError, ValueError):
                raise QgsProcessingException(tr(
                    "The point source {fid} has no valid year or emission ({year_field}, {value_field})."
                ).format(fid=label, year_field=year_field, value_field=value_field)) from None
            points.append(PointSource(point.x(), point.y(), year, value, label=label))
        return PointSources(points, crs_wkt)

    # -- the run -------------------------------------------------------------------------------

    def compute(self, parameters, context, feedback, progress):
        regions, key_field, field_rows = self._regions(parameters, context, progress)
        rows = self._statistics(parameters, context, key_field)
        if rows is None:
            if not field_rows:
                raise QgsProcessingException(tr(
                    "Give the statistics: a table in {stats}, or {prefix} for per-year fields on the regions.").format(
                    stats=param_label(self, self.STATS), prefix=param_label(self, self.FIELD_PREFIX)))
            rows = field_rows
        total_key = region_key(self.parameterAsString(parameters, self.TOTAL_KEY, context))
        totals = {}
        if total_key:
            total_rows = [r for r in rows if region_key(r[0]) == total_key]
            rows = [r for r in rows if region_key(r[0]) != total_key]
            totals = {year: value for (_, year), value in clean_statistics(total_rows, "totals").items()}
            if not totals:
                raise QgsProcessingException(tr("TOTAL_KEY: no statistics row has the key '{key}'.").format(
                    key=total_key))
        proxies = []
        for name in (self.PROXY, self.PROXY2, self.PROXY3):
            layer = self.parameterAsRasterLayer(parameters, name, context)
            if layer is not None:
                proxies.append(gdal_source(layer, param_label(self, name)))
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]
        options = GriddingOptions(
            method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            assignment=ASSIGNMENTS[self.parameterAsEnum(parameters, self.CELL_ASSIGNMENT, context)],
            alpha=_alpha(self.parameterAsString(parameters, self.ALPHA, context), len(proxies)),
            beta=self.parameterAsDouble(parameters, self.BETA, context),
            start_year=optional_int(self, parameters, self.START_YEAR, context),
            totals=totals,
            allow_unmatched=self.parameterAsBoolean(parameters, self.ALLOW_UNMATCHED, context),
            units=units,
        )
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        intensity = self.parameterAsOutputLayer(parameters, self.OUTPUT_INTENSITY, context) or None
        points = self._points(parameters, context, progress)
        result = grid_emissions(
            regions, rows, proxies, GriddingOutputs(output, intensity), points, options, progress=progress,
        )
        outputs = {
            self.OUTPUT: output,
            "YEARS_OUT": ",".join(map(str, result.years)),
            "MAX_TOTAL_ERROR": float(max(abs(e) for e in result.total_error())),
            "MAX_ROUND_TRIP_ERROR": result.max_round_trip_error(),
        }
        if intensity:
            outputs[self.OUTPUT_INTENSITY] = intensity
        check = self._write_check(parameters, context, result, progress)
        if check:
            outputs[self.OUTPUT_CHECK] = check
        style_outputs(context, {output: ("emission", None), intensity: ("emission", None)}, feedback)
        return outputs

    def _write_check(self, parameters, context, result, progress):
        """The round-trip check table, by the path of every table output (vectors.write_table)."""
        fields = [make_field("region", "string", 80), make_field("year", "int")]
        fields += [make_field(name, "double") for name in ("STAT_T", "POINTS_T", "GRID_T", "ERR_REL")]
        fields += [make_field("SOURCE", "string", 12), make_field("FALLBACK", "int")]
        errors = result.round_trip_error()
        fallback = set(result.fallback)
        rows = [[key, year, result.allocated[i, j], result.points[i, j], result.zonal[i, j], errors[i, j],
                 result.source[i, j] or None, int((key, year) in fallback)]
                for j, year in enumerate(result.years) for i, key in enumerate(result.keys)]
        return write_table(self, parameters, self.OUTPUT_CHECK, context, fields, rows, progress)
