"""Running the plugin's algorithms in this process (processing.run) and reading layers through QGIS."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback, QgsVectorLayer


def run(alg_id: str, params: dict, feedback=None, **kwargs) -> dict:
    """``processing.run`` of ``carbonbudget:<alg_id>`` (or a full ``provider:alg`` id) with an optional
    feedback; ``kwargs`` (context, ...) are passed on."""
    import processing

    return processing.run(alg_id if ":" in alg_id else f"carbonbudget:{alg_id}", params, feedback=feedback, **kwargs)


def features(path: str, layer_name: str | None = None) -> list[dict]:
    """The attributes of every feature of a layer, as read by QGIS (NULL -> None)."""
    uri = f"{path}|layername={layer_name}" if layer_name else str(path)
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    names = layer.fields().names()
    return [dict(zip(names, [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
                             for v in f.attributes()])) for f in layer.getFeatures()]


class Recorder(QgsProcessingFeedback):
    """A feedback that keeps what an algorithm logs: ``infos``, ``warnings`` and both in order in ``lines``."""

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []
        self.infos: list[str] = []
        self.warnings: list[str] = []

    def pushInfo(self, text):
        self.lines.append(text)
        self.infos.append(text)

    def pushWarning(self, text):
        self.lines.append(text)
        self.warnings.append(text)
