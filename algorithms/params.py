"""Parameter helpers shared by the adapters: rasters as GDAL paths, year lists, outputs."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingParameterNumber, QgsRasterLayer

from ..carbon_plugin.schema import parse_year
from ..carbon_plugin.timeseries import open_time_series
from ..carbon_plugin.units import factor_to
from .compat import FLAG_ADVANCED, NUMBER_INTEGER
from .i18n import tr


def param_label(alg, name: str) -> str:
    """A parameter as messages name it: the label the dialog shows with the id qgis_process users
    type in brackets, e.g. 'Statistics table [STATS]' (the bare id when there is no such parameter)."""
    definition = alg.parameterDefinition(name) if alg is not None else None
    return f"{definition.description()} [{name}]" if definition is not None else name


def gdal_source(layer: QgsRasterLayer, parameter: str) -> str:
    """The GDAL path of a raster layer, or a clear error for rasters GDAL cannot read
    (``parameter``: what the message calls the input, e.g. ``param_label(alg, name)``)."""
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            tr("The raster '{name}' given for {param} is not a GDAL file ({provider}); "
               "save it as a GeoTIFF first.").format(name=layer.name(), param=parameter,
                                                      provider=layer.providerType())
        )
    return layer.source()


def parse_years(text: str, parameter: str) -> list[int] | None:
    """'2001, 2002, 2003' or '2001-2005' into a list of years; empty text gives None
    (``parameter``: what the message calls the input, e.g. ``param_label(alg, name)``)."""
    text = (text or "").strip()
    if not text:
        return None
    years: list[int] = []
    try:
        for part in text.replace(";", ",").split(","):
            part = part.strip()
            if "-" in part[1:]:
                first, last = (_year(p) for p in part.split("-", 1))
                years.extend(range(first, last + 1))
            elif part:
                years.append(_year(part))
    except ValueError:
        raise QgsProcessingException(
            tr("{param}: '{text}' is not a list of years; write e.g. 2001, 2002 or 2001-2020.").format(
                param=parameter, text=text)
        ) from None
    return years


def _year(text: str) -> int:
    """A year of the YEARS list (schema.parse_year: 1800-2099), else ValueError."""
    year = parse_year(text, whole=True)
    if year is None:
        raise ValueError(text)
    return year


def time_series_paths(alg, parameters: dict, name: str, context) -> list[str]:
    """GDAL paths of a time-series input: one multi-band raster or several yearly rasters."""
    layers = alg.parameterAsLayerList(parameters, name, context)
    if not layers:
        raise QgsProcessingException(tr("{param}: give a time-series raster or yearly rasters.").format(
            param=param_label(alg, name)))
    return [gdal_source(layer, param_label(alg, name)) for layer in layers]


def parse_numbers(text: str, parameter: str, count: int | None = None) -> list[float]:
    """'1, 2, 4, 8' into floats; ``count`` numbers exactly when given (``parameter``: what the
    message calls the input, e.g. ``param_label(alg, name)``)."""
    try:
        values = [float(part) for part in (text or "").replace(";", ",").split(",") if part.strip()]
    except ValueError:
        values = []
    if not values or (count is not None and len(values) != count):
        raise QgsProcessingException(
            tr("{param}: '{text}' must be {count} comma-separated numbers.").format(
                param=parameter, text=text, count=count or tr("one or more"))
        )
    return values


def _left_empty(alg, parameters: dict, name: str) -> bool:
    """True when the user cleared the parameter; a parameter not given at all (a script or
    qgis_process leaving it out) takes its default, so it is empty only without one."""
    if name not in parameters:
        return alg.parameterDefinition(name).defaultValue() is None
    value = parameters[name]
    return value is None or (isinstance(value, str) and not value.strip())


def optional_int(alg, parameters: dict, name: str, context) -> int | None:
    """An optional integer parameter (e.g. START_YEAR, SEED): None when left empty."""
    return None if _left_empty(alg, parameters, name) else alg.parameterAsInt(parameters, name, context)


def optional_number(alg, parameters: dict, name: str, context) -> float | None:
    """An optional decimal parameter: None when left empty."""
    return None if _left_empty(alg, parameters, name) else alg.parameterAsDouble(parameters, name, context)


def optional_enum(alg, parameters: dict, name: str, context) -> int | None:
    """An optional choice without default (e.g. WEIGHTS): None when left empty."""
    return None if _left_empty(alg, parameters, name) else alg.parameterAsEnum(parameters, name, context)


def carbon_series(alg, parameters: dict, name: str, context, units: str, role: str, progress,
                  start_year: int | None = None, grid=None):
    """A t-per-cell time series read in ``units`` (converted from its CARBON_UNITS metadata);
    aligned onto ``grid`` with 'sum' resampling, which keeps t per cell, when it is on another one."""
    series = open_time_series(time_series_paths(alg, parameters, name, context), start_year=start_year,
                              grid=grid, resampling="sum", role=role, progress=progress)
    series.scale = factor_to(series.metadata.get("CARBON_UNITS"), units, role, progress)
    return series


def start_year_parameter(name: str, advanced: bool = False) -> QgsProcessingParameterNumber:
    """The optional START_YEAR every time-series tool offers (years 1800-2099, like year parsing)."""
    parameter = QgsProcessingParameterNumber(
        name, tr("Year of band 1 (only if band descriptions are not years)"), NUMBER_INTEGER,
        optional=True, minValue=1800, maxValue=2099)
    if advanced:
        parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
    return parameter
