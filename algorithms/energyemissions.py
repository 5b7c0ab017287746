"""carbonbudget:energyemissions - energy consumption table into CO2 per region and year."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..carbon_plugin.emissions import (
    CEMENT_FACTOR,
    LAYOUTS,
    PRESETS,
    QUANTITY_SYSTEMS,
    EmissionOptions,
    EnergyTable,
    energy_emissions,
    load_factors,
    wide_fuel_columns,
)
from ..carbon_plugin.errors import Cancelled
from ..carbon_plugin.units import UNITS
from .base import CarbonAlgorithm
from .compat import (
    FIELD_ANY,
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    NO_GEOMETRY,
    NUMBER_DOUBLE,
    TYPE_VECTOR,
    make_field,
)
from .i18n import QT_TRANSLATE_NOOP, tr
from .vectors import OutputSink, plain_value, write_features

LAYOUT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "Wide: one column per fuel"),
    QT_TRANSLATE_NOOP("@default", "Long: a fuel column and a quantity column"),
)
UNIT_SYSTEMS = tuple(QUANTITY_SYSTEMS)
UNIT_LABELS = (
    QT_TRANSLATE_NOOP("@default", "As in the factor table (default: 10^4 t solids and liquids, 10^4 m3 gas)"),
    QT_TRANSLATE_NOOP("@default", "t and m3"),
    QT_TRANSLATE_NOOP("@default", "10^4 t and 10^4 m3"),
    QT_TRANSLATE_NOOP("@default", "10^4 t and 10^8 m3"),
)
PRESET_KEYS = tuple(PRESETS)
PRESET_LABELS = (
    QT_TRANSLATE_NOOP("@default", "China: yearbook NCV, provincial inventory CC and OF"),
    QT_TRANSLATE_NOOP("@default", "IPCC default oxidation factor OF = 1"),
)
SKIPPED_FIELDS = {"fid", "ogc_fid"}


def _input_records(source, feedback):
    names = source.fields().names()
    records = []
    for feature in source.getFeatures():
        if feedback is not None and feedback.isCanceled():
            raise Cancelled("Cancelled by the user")
        records.append({name: plain_value(value) for name, value in zip(names, feature.attributes())})
    return records


class EnergyEmissions(CarbonAlgorithm):
    ALG_ID = "energyemissions"
    DISPLAY = QT_TRANSLATE_NOOP("@default", "CO2 emissions from energy consumption")
    GROUP_ID = "emissions"
    TAGS = QT_TRANSLATE_NOOP("@default", "CO2,emissions,energy,fuel,coal,natural gas,IPCC,emission factor,cement")

    INPUT = "INPUT"
    REGION_FIELD = "REGION_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    LAYOUT = "LAYOUT"
    FUEL_FIELD = "FUEL_FIELD"
    QUANTITY_FIELD = "QUANTITY_FIELD"
    QUANTITY_UNITS = "QUANTITY_UNITS"
    FACTORS = "FACTORS"
    FACTOR_PRESET = "FACTOR_PRESET"
    CEMENT_FIELD = "CEMENT_FIELD"
    CEMENT_FACTOR = "CEMENT_FACTOR"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Energy consumption table"), [TYPE_VECTOR]))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, tr("Region field"), parentLayerParameterName=self.INPUT, type=FIELD_ANY))
        self.addParameter(QgsProcessingParameterField(
            self.YEAR_FIELD, tr("Year field"), defaultValue="year", parentLayerParameterName=self.INPUT,
            type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LAYOUT, tr("Table layout"), options=[tr(s) for s in LAYOUT_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.FUEL_FIELD, tr("Fuel field (long layout)"), parentLayerParameterName=self.INPUT,
            type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.QUANTITY_FIELD, tr("Quantity field (long layout)"), parentLayerParameterName=self.INPUT,
            type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.QUANTITY_UNITS, tr("Quantity units"), options=[tr(s) for s in UNIT_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.FACTORS, tr("Emission factor table (CSV; default: the bundled table)"),
            behavior=FILE_BEHAVIOR_FILE, extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.FACTOR_PRESET, tr("Bundled factor table"), options=[tr(s) for s in PRESET_LABELS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.CEMENT_FIELD, tr("Clinker production field (for cement process CO2)"),
            parentLayerParameterName=self.INPUT, type=FIELD_ANY, optional=True))
        cement = QgsProcessingParameterNumber(
            self.CEMENT_FACTOR, tr("Cement process factor (t CO2 per t clinker)"), type=NUMBER_DOUBLE,
            defaultValue=CEMENT_FACTOR, minValue=0.0)
        cement.setFlags(cement.flags() | FLAG_ADVANCED)
        self.addParameter(cement)
        self.addParameter(QgsProcessingParameterEnum(
            self.UNITS, tr("Units"), options=list(UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("CO2 emissions table"), type=TYPE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber("ROW_COUNT", tr("Rows written")))
        self.addOutput(QgsProcessingOutputString("YEARS_OUT", tr("Years")))

    def compute(self, parameters, context, feedback, progress):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        region_field = self.parameterAsString(parameters, self.REGION_FIELD, context)
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context) or "year"
        layout = LAYOUTS[self.parameterAsEnum(parameters, self.LAYOUT, context)]
        fuel_field = self.parameterAsString(parameters, self.FUEL_FIELD, context) or None
        quantity_field = self.parameterAsString(parameters, self.QUANTITY_FIELD, context) or None
        cement_field = self.parameterAsString(parameters, self.CEMENT_FIELD, context) or None
        factors_path = self.parameterAsFile(parameters, self.FACTORS, context) or None
        preset = PRESET_KEYS[self.parameterAsEnum(parameters, self.FACTOR_PRESET, context)]
        units = UNITS[self.parameterAsEnum(parameters, self.UNITS, context)]

        factors = load_factors(factors_path, preset, progress)
        fields = source.fields()
        for name, param in ((region_field, self.REGION_FIELD), (year_field, self.YEAR_FIELD),
                            (fuel_field, self.FUEL_FIELD), (quantity_field, self.QUANTITY_FIELD),
                            (cement_field, self.CEMENT_FIELD)):
            if name and fields.indexOf(name) < 0:
                raise QgsProcessingException(tr("{param}: the table has no field '{name}'; its fields are: "
                                                "{fields}.").format(
                    param=param, name=name, fields=", ".join(f"'{n}'" for n in fields.names())))
        records = _input_records(source, feedback)
        fuel_columns = None
        if layout == "wide":
            numeric = [f.name() for f in fields if f.isNumeric()]
            fuel_columns, ignored = wide_fuel_columns(
                fields.names(), numeric, records, factors,
                skip={region_field, year_field, cement_field, *SKIPPED_FIELDS})
            if ignored:
                progress.info(tr("Columns ignored (not fuels): {names}").format(names=", ".join(ignored)))
        elif not (fuel_field and quantity_field):
            raise QgsProcessingException(tr("The long layout needs FUEL_FIELD and QUANTITY_FIELD."))

        options = EmissionOptions(
            quantity_units=UNIT_SYSTEMS[self.parameterAsEnum(parameters, self.QUANTITY_UNITS, context)],
            cement_factor=self.parameterAsDouble(parameters, self.CEMENT_FACTOR, context), units=units)
        table = energy_emissions(
            EnergyTable(records, region_field, year_field, layout, fuel_columns, fuel_field, quantity_field,
                        cement_field),
            factors, options, progress=progress.sub(0.0, 0.8),
        )

        out_fields = QgsFields()
        region_def = QgsField(fields.field(region_field))
        out_fields.append(region_def)
        out_fields.append(make_field("year", "int"))
        for name in table.columns[2:]:
            out_fields.append(make_field(name, "double"))
        out = OutputSink(self, parameters, self.OUTPUT, context, out_fields, NO_GEOMETRY,
                         QgsCoordinateReferenceSystem(), progress)

        def features():
            for row in table.rows:
                feature = QgsFeature(out_fields)
                feature.setAttributes(list(row))
                yield feature

        dest = write_features(out, features(), progress, 0.8, len(table.rows))
        years = sorted({row[1] for row in table.rows})
        total_index = table.columns.index(table.total_field)
        for year in years:
            total = sum(row[total_index] for row in table.rows if row[1] == year)
            progress.info(tr("{year}: {total:,.1f} {units} from energy").format(
                year=year, total=total, units=units))
        return {self.OUTPUT: dest, "ROW_COUNT": len(table.rows), "YEARS_OUT": ",".join(map(str, years))}
