"""carbonbudget:landusesink - carbon sink raster from land-use classes x coefficients."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..carbon_plugin.landuse import compute_landuse_sink, load_coefficients, preset_coefficients
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import FILE_BEHAVIOR_FILE, TYPE_RASTER
from .i18n import QT_TRANSLATE_NOOP, tr
from .params import optional_int, parse_years, start_year_parameter, time_series_paths
from .styles import style_outputs

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
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Carbon sink per cell and year from land use: sink = true cell area (ha) x the coefficient "
        "of the cell's class (t C ha-1 yr-1), reported in t CO2 (default; CO2 = C x 44/12) or t C.\n\n"
        "Land use: integer class codes, as a raster with a band per year (descriptions = years), "
        "one raster per year (year in the file name or listed in Years), or one single-band raster "
        "standing for every year listed in Years. Rasters of later years on another grid are "
        "aligned to the first one by nearest neighbour. Cell areas are true areas (geodesic per "
        "row in a geographic CRS).\n\n"
        "Coefficients: a preset, or a CSV file (UTF-8) with columns code, name, t_c_ha_yr (other "
        "columns ignored) which replaces the preset. CNLUCC preset: 1 cropland 0, 2 forest 0.644, "
        "3 grassland 0.021, 4 water 0.253, 5 built-up 0, 6 unused land 0.005. CLCD preset: "
        "1 cropland 0, 2 forest 0.644, 3 shrub 0.644 (as forest), 4 grassland 0.021, 5 water "
        "0.253, 6 snow/ice 0, 7 barren 0.005, 8 impervious 0, 9 wetland 0.253 (as water). "
        "Cropland is 0 by default; a cropland sink from crop yields (sum of c x Y x (1 - w) / H "
        "over crops) is available in the engine, not yet in this tool.\n\n"
        "Class codes present in the raster but missing from the table are listed in a warning "
        "with their area (km2) and get no sink (nodata); the raster's nodata gives nodata.\n\n"
        "Output: sink time-series raster (t per cell per year, band per year); the log gives the "
        "total per year."
    )

    LANDUSE = "LANDUSE"
    YEARS = "YEARS"
    START_YEAR = "START_YEAR"
    COEFFICIENTS = "COEFFICIENTS"
    COEFFICIENTS_FILE = "COEFFICIENTS_FILE"
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
        summary = compute_landuse_sink(
            paths,
            output,
            coefficients,
            years=parse_years(self.parameterAsString(parameters, self.YEARS, context), self.YEARS),
            start_year=optional_int(self, parameters, self.START_YEAR, context),
            units=units,
            progress=progress,
        )
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
