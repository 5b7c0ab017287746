"""The QGIS plugin object: registers the Processing provider and the translator."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from .algorithms.i18n import install_translator
from .algorithms.provider import CarbonProvider


class CarbonBudgetPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: CarbonProvider | None = None
        self.translator = install_translator()

    def initProcessing(self) -> None:
        """Called by QGIS and by qgis_process (which never calls initGui)."""
        if self.provider is None:
            self.provider = CarbonProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self.initProcessing()

    def unload(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
