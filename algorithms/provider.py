"""The ``carbonbudget`` Processing provider: the algorithms and the bundled models."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import ICON
from .i18n import CONTEXT, QT_TRANSLATE_NOOP, tr
from .stackyears import StackYears

MODELS_DIR = Path(__file__).resolve().parent / "models"
PROVIDER_NAME = QT_TRANSLATE_NOOP(CONTEXT, "Carbon budget & imbalance risk")
ALGORITHMS = (StackYears,)


class CarbonProvider(QgsProcessingProvider):
    """Loads every algorithm class and every ``*.model3`` in ``models_dir``."""

    def __init__(self, models_dir: Path = MODELS_DIR) -> None:
        super().__init__()
        self.models_dir = Path(models_dir)

    def id(self) -> str:
        return "carbonbudget"

    def name(self) -> str:
        return tr(PROVIDER_NAME)

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:
        return str(ICON)

    def loadAlgorithms(self) -> None:
        for cls in ALGORITHMS:
            self.addAlgorithm(cls())
        for path in sorted(self.models_dir.glob("*.model3")):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(path)):
                self.addAlgorithm(model)
