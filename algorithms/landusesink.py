"""carbonbudget:landusesink - carbon sink raster from land-use classes x coefficients."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..carbon_plugin.cropland import CropProduction, production_rows
from ..carbon_plugin.landuse import (
    CROP_PARAMETERS,
    LandUseOptions,
    compute_landuse_sink,
    load_coefficients,
    load_crop_parameters,
    preset_coefficients,
)
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import (
    FIELD_ANY,
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    NO_GEOMETRY_REQUEST,
    NUMBER_INTEGER,
    TYPE_RASTER,
    TYPE_VECTOR,
    TYPE_VECTOR_POLYGON,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_int, param_label, parse_years, start_year_parameter, time_series_paths
from .styles import style_outputs
from .vectors import plain_value, read_regions

PRESET_KEYS = ("cnlucc", "clcd")
PRESET_LABELS = (
    QT_TRANSLATE_NOOP("@default", "CNLUCC first-level classes (1 cropland ... 6 unused land)"),
    QT_TRANSLATE_NOOP("@default", "CLCD classes (1 cropland ... 9 wetland)"),
)


class LandUseSink(CarbonAlgorithm):
    ALG_ID = "landusesink"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "Carbon sink from land use (coefficients)")
    GROUP_ID = "sinks"
    TAGS = QT_TRANSLATE_NOOP(
        "@default", "carbon sink,land use,land cover,CNLUCC,CLCD,coefficient,forest,grassland,water")

    LANDUSE = "LANDUSE"
    YEARS = "YEARS"
    START_YEAR = "START_YEAR"
    COEFFICIENTS = "COEFFICIENTS"
    COEFFICIENTS_FILE = "COEFFICIENTS_FILE"
    CROP_TABLE = "CROP_TABLE"
    CROP_TABLE_REGION_FIELD = "CROP_TABLE_REGION_FIELD"
    CROP_YEAR_FIELD = "CROP_YEAR_FIELD"
    CROP_REGIONS = "CROP_REGIONS"
    CROP_REGION_FIELD = "CROP_REGION_FIELD"
    CROPLAND_CLASS = "CROPLAND_CLASS"
    CROP_PARAMETERS_FILE = "CROP_PARAMETERS_FILE"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LANDUSE, tr("Land use (time-series raster, or one raster per year)"), TYPE_RASTER))
        self.addParameter(QgsProcessingParameterString(
            self.YEARS, tr("Years: one per band in input order, or those a single layer stands for "
                           "(e.g. 2001-2020)"), optional=True))
        self.addParameter(start_year_parameter(self.START_YEAR))
        self.addParameter(QgsProcessingParameterEnum(
            self.COEFFICIENTS, tr("Coefficient preset"), options=[tr(p) for p in PRESET_LABELS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.COEFFICIENTS_FILE, tr("Coefficient CSV (code, name, t_c_ha_yr; replaces the preset)"),
            FILE_BEHAVIOR_FILE, extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CROP_TABLE, tr("Crop production table (t per region and year, a column per crop: wheat, maize, rice)"),
            [TYPE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CROP_TABLE_REGION_FIELD, tr("Crop table: region key field (default: as the regions' key field)"),
            parentLayerParameterName=self.CROP_TABLE, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CROP_YEAR_FIELD, tr("Crop table: year field"), defaultValue="year",
            parentLayerParameterName=self.CROP_TABLE, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CROP_REGIONS, tr("Regions of the crop table (polygons)"), [TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CROP_REGION_FIELD, tr("Regions: key field"), parentLayerParameterName=self.CROP_REGIONS,
            type=FIELD_ANY, optional=True))
        cropland = QgsProcessingParameterNumber(
            self.CROPLAND_CLASS, tr("Cropland class code"), NUMBER_INTEGER, defaultValue=1)
        crop_parameters = QgsProcessingParameterFile(
            self.CROP_PARAMETERS_FILE, tr("Crop parameter CSV (crop, carbon_fraction, harvest_index, "
                                          "water_content; replaces the shipped table)"),
            FILE_BEHAVIOR_FILE, extension="csv", optional=True)
        for advanced in (cropland, crop_parameters):
            advanced.setFlags(advanced.flags() | FLAG_ADVANCED)
            self.addParameter(advanced)
        self.addParameter(QgsProcessingParameterEnum(
            self.UNITS, tr("Units"), options=list(UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Carbon sink (land use)")))
        self.addOutput(QgsProcessingOutputString("YEARS_OUT", tr("Years written")))
        self.addOutput(QgsProcessingOutputString("UNKNOWN_CLASSES", tr("Class codes missing from the table")))
        self.addOutput(QgsProcessingOutputNumber("BAND_COUNT", tr("Number of bands")))

    def compute(self, parameters, context, feedback, progress):
        paths = time_series_paths(self, parameters, self.LANDUSE, context)
        csv_path = self.parameterAsFile(parameters, self.COEFFICIENTS_FILE, context)
        if csv_path:
            coefficients = load_coefficients(csv_path)
        else:
            coefficients = preset_coefficients(
                PRESET_KEYS[self.parameterAsEnum(parameters, self.COEFFICIENTS, context)])
        progress.info(tr("Coefficients (t C ha-1 yr-1): {table}.").format(
            table=", ".join(f"{c.code} {c.name} {c.t_c_ha_yr:g}" for c in coefficients.values())))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]
        options = LandUseOptions(
            years=parse_years(self.parameterAsString(parameters, self.YEARS, context), param_label(self, self.YEARS)),
            start_year=optional_int(self, parameters, self.START_YEAR, context),
            units=units,
        )
        crops = self._crop_production(parameters, context, progress)
        summary = compute_landuse_sink(paths, coefficients, output, crops, options, progress=progress)
        for year in summary.years:
            progress.info(tr("{year}: sink {total:,.0f} {units}.").format(
                year=year, total=summary.total[year], units=units))
        unknown = summary.unknown_codes()
        style_outputs(context, {output: ("sink", None)}, feedback)
        return {
            self.OUTPUT: output,
            "YEARS_OUT": ",".join(map(str, summary.years)),
            "UNKNOWN_CLASSES": ",".join(f"{code}:{area:.6g}" for code, area in unknown.items()),
            "BAND_COUNT": len(summary.years),
        }

    def _field(self, parameters, name, context, source, default=None) -> str | None:
        value = self.parameterAsString(parameters, name, context) or default
        if value and source.fields().indexOf(value) < 0:
            raise QgsProcessingException(tr("{label} [{param}]: the layer has no field '{field}'.").format(
                label=self.parameterDefinition(name).description(), param=name, field=value))
        return value or None

    def _crop_production(self, parameters, context, progress) -> CropProduction | None:
        """The crop table and its regions, or None without a table."""
        table = self.parameterAsSource(parameters, self.CROP_TABLE, context)
        if table is None:
            return None
        regions = self.parameterAsSource(parameters, self.CROP_REGIONS, context)
        key_field = regions and self._field(parameters, self.CROP_REGION_FIELD, context, regions)
        if regions is None or not key_field:
            raise QgsProcessingException(tr(
                "A crop production table needs its regions: give the region polygons and their key field "
                "({regions} [{regions_id}], {field} [{field_id}]).").format(
                regions=self.parameterDefinition(self.CROP_REGIONS).description(), regions_id=self.CROP_REGIONS,
                field=self.parameterDefinition(self.CROP_REGION_FIELD).description(),
                field_id=self.CROP_REGION_FIELD))
        table_key = self._field(parameters, self.CROP_TABLE_REGION_FIELD, context, table, key_field)
        year_field = self._field(parameters, self.CROP_YEAR_FIELD, context, table, "year")
        crop_csv = self.parameterAsFile(parameters, self.CROP_PARAMETERS_FILE, context)
        crop_parameters = load_crop_parameters(crop_csv or CROP_PARAMETERS)
        names = table.fields().names()
        rows = [{name: plain_value(feature[name]) for name in names}
                for feature in table.getFeatures(QgsFeatureRequest().setFlags(NO_GEOMETRY_REQUEST))]
        polygons, _ = read_regions(regions, key_field, progress, param_label(self, self.CROP_REGIONS))
        return CropProduction(
            polygons, production_rows(rows, table_key, year_field, crop_parameters), crop_parameters,
            self.parameterAsInt(parameters, self.CROPLAND_CLASS, context))
