"""Translation helpers. Strings are marked so that ``pylupdate5`` finds them (see Makefile)."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

# pylupdate5 files bare tr() calls under "@default"; declarations use the same literal context
CONTEXT = "@default"
I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for extraction where it is declared; it is translated where it is shown."""
    del context
    return text


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def tr(text: str) -> str:
    """Translate a string that was marked with QT_TRANSLATE_NOOP("@default", ...)."""
    return QCoreApplication.translate(CONTEXT, text)


def user_locale() -> str:
    """QGIS's UI locale: the override in the settings if set, else the system's."""
    settings = QSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    chosen = settings.value("locale/userLocale", "", type=str)
    return chosen if override and chosen else QLocale.system().name()


TRADITIONAL_CHINESE = {"hant", "tw", "hk", "mo"}


def translation_names(locale: str) -> list[str]:
    """The .qm names to try for a QGIS locale string, best first.

    QGIS names Chinese 'zh-Hans' / 'zh-Hant' (its own list), the system 'zh_CN', 'zh_TW'...:
    every Simplified spelling and plain 'zh' give zh_CN; Traditional ones zh_TW, then zh_CN
    (Simplified is closer than English). Other languages: 'pt_BR' -> pt_BR, pt.
    """
    parts = [p for p in locale.replace("-", "_").split("_") if p]
    if not parts:
        return []
    language = parts[0].lower()
    if language == "zh":
        traditional = bool({p.lower() for p in parts[1:]} & TRADITIONAL_CHINESE)
        return ["zh_TW", "zh_CN"] if traditional else ["zh_CN"]
    return [f"{language}_{parts[1]}", language] if len(parts) > 1 else [language]


def install_translator() -> QTranslator | None:
    """Load ``i18n/carbon_plugin_<name>.qm`` for the user's locale (``translation_names``)."""
    translator = QTranslator()
    for name in translation_names(user_locale()):
        qm = I18N_DIR / f"carbon_plugin_{name}.qm"
        if qm.exists() and translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            return translator
    return None
