"""The base class every Carbon Budget algorithm derives from: names, help, progress, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon

from ..carbon_plugin.errors import Cancelled, CarbonInputError
from ..carbon_plugin.progress import Progress
from .compat import FLAG_OPTIONAL
from .i18n import QT_TRANSLATE_NOOP, tr

PLUGIN_DIR = Path(__file__).resolve().parent.parent
ICON = PLUGIN_DIR / "algorithms" / "icons" / "carbon.svg"
DOCS_DIR = PLUGIN_DIR / "docs" / "algorithms"

GROUPS = {
    "timeseries": QT_TRANSLATE_NOOP("@default", "Time series"),
    "emissions": QT_TRANSLATE_NOOP("@default", "Carbon emissions"),
    "sinks": QT_TRANSLATE_NOOP("@default", "Carbon sinks"),
    "budget": QT_TRANSLATE_NOOP("@default", "Carbon budget"),
    "risk": QT_TRANSLATE_NOOP("@default", "Balance, trend and risk"),
}


def progress_for(feedback: QgsProcessingFeedback | None) -> Progress:
    """An engine progress channel that reports into a Processing feedback object."""
    if feedback is None:
        return Progress()
    return Progress(
        on_fraction=lambda f: feedback.setProgress(100.0 * f),
        is_cancelled=feedback.isCanceled,
        info=feedback.pushInfo,
        warn=feedback.pushWarning,
        translate=tr,
    )


class CarbonAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set the class attributes (marked for translation) and implement ``compute``."""

    ALG_ID = ""
    DISPLAY = ""
    GROUP_ID = ""
    TAGS = ""
    HELP = ""

    def name(self) -> str:
        return self.ALG_ID

    def displayName(self) -> str:
        return tr(self.DISPLAY)

    def group(self) -> str:
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self) -> str:
        return self.GROUP_ID

    def tags(self) -> list[str]:
        return [t.strip() for t in tr(self.TAGS).split(",") if t.strip()]

    def shortHelpString(self) -> str:
        return tr(self.HELP)

    def helpUrl(self) -> str:
        return QUrl.fromLocalFile(str(DOCS_DIR / f"{self.ALG_ID}.md")).toString()

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:
        return str(ICON)

    def createInstance(self) -> CarbonAlgorithm:
        return type(self)()

    def processAlgorithm(self, parameters: dict, context, feedback) -> dict[str, Any]:
        try:
            return self.compute(self._with_required_outputs(parameters), context, feedback, progress_for(feedback))
        except CarbonInputError as err:
            raise QgsProcessingException(err.translated(tr)) from None
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled by the user; no output was written.")) from None

    def _with_required_outputs(self, parameters: dict) -> dict:
        """An output created by default but left empty becomes a temporary file: a model run by
        qgis_process passes nothing for child outputs exposed as model outputs but not given."""
        filled = dict(parameters)
        for definition in self.destinationParameterDefinitions():
            if definition.flags() & FLAG_OPTIONAL and not definition.createByDefault():
                continue
            value = filled.get(definition.name())
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = value.sink.staticValue()
            if value in (None, ""):
                filled[definition.name()] = QgsProcessing.TEMPORARY_OUTPUT
        return filled

    def compute(self, parameters: dict, context, feedback, progress: Progress) -> dict[str, Any]:
        raise NotImplementedError
