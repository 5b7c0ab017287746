"""The ``carbonbudget`` Processing provider: the algorithms and the bundled models."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import ICON, CarbonAlgorithm
from .compat import QGIS_CRITICAL
from .i18n import QT_TRANSLATE_NOOP, tr

MODELS_DIR = Path(__file__).resolve().parent / "models"
PROVIDER_NAME = QT_TRANSLATE_NOOP("@default", "Carbon budget & imbalance risk")
NOT_ALGORITHMS = {"base", "compat", "i18n", "params", "provider", "styles", "vectors"}


def algorithm_classes() -> list[type[CarbonAlgorithm]]:
    """Every CarbonAlgorithm subclass defined in the modules of this package (one per module)."""
    found = []
    for info in pkgutil.iter_modules([str(Path(__file__).resolve().parent)]):
        if info.name in NOT_ALGORITHMS or info.ispkg:
            continue
        module = importlib.import_module(f"{__package__}.{info.name}")
        found += [obj for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, CarbonAlgorithm)
                  and obj.__module__ == module.__name__ and obj.ALG_ID]
    return sorted(found, key=lambda cls: cls.ALG_ID)


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
        for cls in algorithm_classes():
            try:  # a Python error inside QGIS's own call of initAlgorithm would abort QGIS
                cls().initAlgorithm()
            except Exception as err:  # any error: skip the tool, keep QGIS alive
                QgsMessageLog.logMessage(f"{cls.ALG_ID} not loaded: {err!r}", "Carbon budget", QGIS_CRITICAL)
                continue
            self.addAlgorithm(cls())
        for path in sorted(self.models_dir.glob("*.model3")):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(path)):
                self.addAlgorithm(model)
