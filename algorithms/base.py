"""The base class every Carbon Budget algorithm derives from: names, help, progress, errors."""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon

from ..carbon_plugin.errors import Cancelled, CarbonInputError
from ..carbon_plugin.files import check_output_path, detect_encoding, output_run, read_text
from ..carbon_plugin.progress import Progress
from ..carbon_plugin.timeseries import check_raster_output
from .compat import FLAG_OPTIONAL
from .i18n import QT_TRANSLATE_NOOP, tr
from .vectors import sink_file

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


def help_html(text: str) -> str:
    """Help text as the HTML QGIS renders it: '<', '>' and '&' escaped (a bare '<' would hide the
    rest of the text), paragraphs kept. Entities already in the text are not escaped twice."""
    return html.escape(html.unescape(text), quote=False).replace("\n", "<br>")


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
        return help_html(tr(self.HELP))

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
            progress = progress_for(feedback)
            parameters = self._with_required_outputs(parameters)
            self._check_outputs(parameters, context)
            parameters = self._with_utf8_tables(parameters, context, progress)
            with output_run():  # every output of the run, or none
                return self.compute(parameters, context, feedback, progress)
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

    # -------------------------------------------------------------------------------- outputs

    def _input_paths(self, parameters: dict, context) -> dict[str, str]:
        """Normalised file path -> parameter name, for every layer or file this run reads."""
        paths: dict[str, str] = {}
        for definition in self.parameterDefinitions():
            if definition.isDestination() or parameters.get(definition.name()) in (None, ""):
                continue
            name, kind = definition.name(), definition.type()
            try:
                if kind in ("raster", "vector", "source", "layer", "mesh"):
                    layers = [self.parameterAsLayer(parameters, name, context)]
                elif kind == "multilayer":
                    layers = self.parameterAsLayerList(parameters, name, context)
                elif kind == "file":
                    layers, value = [], self.parameterAsFile(parameters, name, context)
                    if value:
                        paths[same_file_key(value)] = name
                else:
                    continue
            except QgsProcessingException:
                continue  # an unreadable input is reported by the algorithm itself
            for layer in layers:
                if layer is not None:
                    path = layer_file(layer)
                    if path:
                        paths[same_file_key(path)] = name
        return paths

    def _output_path(self, definition, parameters: dict, context) -> str | None:
        """The file a destination parameter writes, None for temporary outputs, memory layers
        and database URIs."""
        value = parameters.get(definition.name())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink.staticValue()
        if value in (None, "") or str(value) == QgsProcessing.TEMPORARY_OUTPUT:
            return None
        if definition.type() == "sink" or definition.type() == "vectorDestination":
            return sink_file(parameters, definition.name())
        if definition.type() == "fileDestination":
            return self.parameterAsFileOutput(parameters, definition.name(), context) or None
        return self.parameterAsOutputLayer(parameters, definition.name(), context) or None

    def _check_outputs(self, parameters: dict, context) -> None:
        """Before anything is computed: no output may overwrite an input; a raster output must
        be a GeoTIFF; the folder of each output must exist and be writable and its name fit."""
        outputs = []
        for definition in self.destinationParameterDefinitions():
            path = self._output_path(definition, parameters, context)
            if path:
                outputs.append((definition, path))
        if not outputs:
            return
        inputs = self._input_paths(parameters, context)
        for definition, path in outputs:
            clash = inputs.get(same_file_key(path))
            if clash:
                raise CarbonInputError(QT_TRANSLATE_NOOP(
                    "@default", "The output {output} '{path}' is the file of the input {input}: writing it would "
                    "destroy the input. Choose another output file."), output=definition.name(), path=path,
                    input=clash)
            if definition.type() == "rasterDestination":
                check_raster_output(path, definition.name())
            check_output_path(path, definition.name())

    def _with_utf8_tables(self, parameters: dict, context, progress: Progress) -> dict:
        """A CSV or text table input that is not UTF-8 but GB18030/GBK (what Chinese Excel saves)
        is given to QGIS as a UTF-8 copy, with a log line: QGIS's OGR reader takes CSV as UTF-8
        and garbles Chinese field names and values otherwise."""
        replaced = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.isDestination() or definition.type() not in ("source", "vector"):
                continue
            value = parameters.get(definition.name())
            if value in (None, ""):
                continue
            try:
                layer = self.parameterAsVectorLayer(parameters, definition.name(), context)
            except QgsProcessingException:
                continue
            path = layer_file(layer) if layer is not None and layer.providerType() == "ogr" else None
            if not path or os.path.splitext(path)[1].lower() not in TEXT_TABLES:
                continue
            if detect_encoding(path) != "GB18030":
                continue
            copy = utf8_copy(path, definition.name(), progress)
            replaced[definition.name()] = copy
        return replaced

    def compute(self, parameters: dict, context, feedback, progress: Progress) -> dict[str, Any]:
        raise NotImplementedError


TEXT_TABLES = (".csv", ".txt", ".tsv", ".tab")


def layer_file(layer) -> str | None:
    """The file behind a map layer (without '|layername=...'), None for non-file sources."""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:
        parts = {}
    path = parts.get("path") or layer.source().split("|", 1)[0]
    return path if path and os.path.exists(path) else None


def same_file_key(path: str) -> str:
    """A path compared as the file system does: absolute, links resolved, case-folded on Windows."""
    return os.path.normcase(os.path.realpath(os.path.abspath(str(path))))


def utf8_copy(path: str, name: str, progress: Progress) -> str:
    """A UTF-8 copy (with its .csvt/.prj side files) of a GB18030 table, in the Processing
    temporary folder; the input file is not changed."""
    text, encoding = read_text(path, name)
    folder = tempfile.mkdtemp(prefix="carbon_utf8_", dir=QgsProcessingUtils.tempFolder())
    target = os.path.join(folder, os.path.basename(path))
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    stem = os.path.splitext(path)[0]
    for side in (".csvt", ".prj"):
        if os.path.exists(stem + side):
            shutil.copyfile(stem + side, os.path.join(folder, os.path.basename(stem) + side))
    progress.log(QT_TRANSLATE_NOOP("@default", "{name}: '{path}' is {encoding} text (not UTF-8); it is read "
                                               "through a UTF-8 copy."), name=name, path=path, encoding=encoding)
    return target
