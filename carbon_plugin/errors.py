"""Exceptions the engine raises; the QGIS adapters turn them into QgsProcessingException.

Messages are English templates marked with ``QT_TRANSLATE_NOOP("@default", ...)`` (so pylupdate5
extracts them although the engine never imports Qt) with their values passed apart, so that the
adapters can show them in the user's language: ``err.translated(tr)``.
"""

from __future__ import annotations

from collections.abc import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a message template for extraction; it is translated where it is shown."""
    del context
    return text


def fill(template: str, values: dict) -> str:
    """The template with its ``{name}`` fields filled (a template without values is kept as is)."""
    return template.format(**values) if values else template


class CarbonInputError(ValueError):
    """Bad input: the message names the layer, field or value and says what to do."""

    def __init__(self, template: str, translatable: tuple[str, ...] = (), **values) -> None:
        self.template = template
        self.values = values
        self.translatable = translatable  # values that are themselves marked templates (e.g. a cause)
        super().__init__(fill(template, values))

    def translated(self, translate: Callable[[str], str]) -> str:
        """The message in the user's language (English where no translation exists)."""
        values = {k: translate(v) if k in self.translatable else v for k, v in self.values.items()}
        return fill(translate(self.template), values)


class Cancelled(RuntimeError):
    """The user cancelled the run; whatever was being written has been removed."""
