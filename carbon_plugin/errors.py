"""Exceptions the engine raises; the QGIS adapters turn them into QgsProcessingException."""


class CarbonInputError(ValueError):
    """Bad input: the message names the layer, field or value and says what to do."""


class Cancelled(RuntimeError):
    """The user cancelled the run; whatever was being written has been removed."""
