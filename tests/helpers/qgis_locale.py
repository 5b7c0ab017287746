"""Run code with QGIS's interface language set in the settings (as the Options dialog does)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def ui_locale(locale: str) -> Iterator[None]:
    """QGIS's locale override set to ``locale`` inside the block, the user's settings restored after."""
    from qgis.PyQt.QtCore import QSettings

    settings = QSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    try:
        yield
    finally:
        settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
        settings.setValue("locale/userLocale", saved[1] or "")
