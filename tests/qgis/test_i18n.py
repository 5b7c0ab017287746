"""The Chinese interface: with QGIS's locale set to zh_CN the provider and tools speak Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers.qgis_locale import ui_locale


@pytest.fixture
def zh_cn_locale(qgis_app):
    with ui_locale("zh_CN"):
        yield


def test_provider_and_algorithm_names_are_chinese_with_zh_cn(zh_cn_locale):
    import carbon_budget
    from carbon_budget.algorithms.provider import CarbonProvider
    from carbon_budget.algorithms.stackyears import StackYears

    plugin = carbon_budget.classFactory(None)
    try:
        assert plugin.translator is not None
        assert CarbonProvider().name() == "碳收支与碳失衡风险"
        alg = StackYears()
        alg.initAlgorithm()
        assert alg.displayName() == "逐年栅格合成时间序列"
        assert alg.group() == "时间序列"
        assert alg.parameterDefinition("INPUT").description() == "逐年栅格（每年一个）"
        assert "时间序列栅格" in alg.shortHelpString()
    finally:
        plugin.unload()
    assert CarbonProvider().name() == "Carbon budget & imbalance risk"


@pytest.mark.parametrize("locale", ["zh_CN", "zh-Hans", "zh_Hans", "zh", "zh-Hant", "zh_TW"])
def test_every_chinese_locale_string_loads_chinese(qgis_app, locale):
    """QGIS offers 'zh-Hans' / 'zh-Hant', the system says 'zh_CN': all give the Chinese plugin
    (Traditional falls back to Simplified while there is no zh_TW translation)."""
    import carbon_budget
    from carbon_budget.algorithms.provider import CarbonProvider

    with ui_locale(locale):
        plugin = carbon_budget.classFactory(None)
        try:
            assert plugin.translator is not None
            assert CarbonProvider().name() == "碳收支与碳失衡风险"
        finally:
            plugin.unload()


def test_translation_names():
    from carbon_budget.algorithms.i18n import translation_names

    assert translation_names("zh-Hans") == translation_names("zh_CN") == translation_names("zh") == ["zh_CN"]
    assert translation_names("zh-Hant") == translation_names("zh_HK") == ["zh_TW", "zh_CN"]
    assert translation_names("pt_BR") == ["pt_BR", "pt"] and translation_names("en") == ["en"]
    assert translation_names("") == []


# ---------------------------------------------------------------------------------------------
# The catalogue: every extracted string translated, the shipped .qm compiled from the .ts

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "i18n" / "carbon_plugin_zh_CN.ts"
QM = REPO / "i18n" / "carbon_plugin_zh_CN.qm"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(message.findtext("source") or "", message.find("translation")) for message in root.iter("message")]


def test_every_string_of_the_catalogue_is_translated():
    messages = _messages()
    assert messages, f"{TS} holds no message: run `make translations`"
    missing = [source for source, translation in messages
               if translation is None or not (translation.text or "").strip()
               or translation.get("type") in ("unfinished", "obsolete", "vanished")]
    for source in missing:
        print("untranslated:", source.replace("\n", "\\n"))
    assert len(missing) == 0, f"{len(missing)} untranslated strings (add them to i18n/zh_CN.tsv)"


def test_the_table_has_no_row_the_code_no_longer_uses():
    """i18n/zh_CN.tsv is the reviewable source: a row for a string that is gone (an old help text)
    is dead weight that a reviewer would still read; `make translations` removes such rows."""
    sources = {source for source, _ in _messages()}
    table = (REPO / "i18n" / "zh_CN.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t", 1)[0] for line in table if line.strip() and not line.startswith("#")]
    unused = [row for row in rows if row.replace("\\n", "\n") not in sources]
    assert unused == []


def test_translations_keep_placeholders_and_line_breaks():
    """`tr(...).format(...)` must find every {placeholder} of the source in the translation."""
    wrong = [source for source, translation in _messages()
             if translation is not None and translation.text
             and (sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text))
                  or source.count("\n") != translation.text.count("\n"))]
    for source in wrong:
        print("placeholders or line breaks differ:", source.replace("\n", "\\n"))
    assert wrong == []


def test_shipped_qm_is_compiled_from_the_ts(tmp_path):
    lrelease = shutil.which("lrelease")
    if lrelease is None:
        pytest.skip("lrelease is not installed (Debian: qttools5-dev-tools)")
    assert QM.exists(), f"{QM} is missing: run `make translations`"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is stale: run `make translations`"


# ---------------------------------------------------------------------------------------------
# With locale zh_CN every tool shows Chinese names, groups, labels and help


def _cjk(text: str) -> bool:
    return bool(CJK.search(text or ""))


def test_every_algorithm_is_chinese_with_zh_cn(zh_cn_locale):
    import carbon_budget
    from carbon_budget.algorithms.provider import CarbonProvider, algorithm_classes

    plugin = carbon_budget.classFactory(None)
    try:
        assert plugin.translator is not None
        assert _cjk(CarbonProvider().name())
        classes = algorithm_classes()
        assert len(classes) >= 10
        english = []
        for cls in classes:
            alg = cls()
            alg.initAlgorithm()
            shown = [("displayName", alg.displayName()), ("group", alg.group()),
                     ("shortHelpString", alg.shortHelpString()), ("tags", ",".join(alg.tags()))]
            shown += [(f"parameter {p.name()}", p.description()) for p in alg.parameterDefinitions()]
            shown += [(f"output {o.name()}", o.description()) for o in alg.outputDefinitions()]
            shown += [(f"option of {p.name()}", option) for p in alg.parameterDefinitions()
                      if p.type() == "enum" for option in p.options()
                      if ENGLISH_WORD.search(option)]  # units such as 't CO2' stay as they are
            english += [f"{alg.name()} {what}: {text!r}" for what, text in shown if not _cjk(text)]
        for line in english:
            print("not Chinese:", line)
        assert english == []
    finally:
        plugin.unload()


def test_bundled_model_is_chinese_with_zh_cn(zh_cn_locale):
    import carbon_budget
    from carbon_budget.algorithms.provider import CarbonProvider

    plugin = carbon_budget.classFactory(None)
    provider = CarbonProvider()  # not registered: the session's provider stays as it is
    try:
        provider.refreshAlgorithms()
        models = [alg for alg in provider.algorithms() if alg.name() == "riskworkflow"]
        assert models
        model = models[0]
        shown = [model.displayName(), model.group()] + [p.description() for p in model.parameterDefinitions()]
        english = [text for text in shown if not _cjk(text)]
        for text in english:
            print("not Chinese:", text)
        assert english == []
    finally:
        plugin.unload()


def test_engine_errors_are_chinese_with_zh_cn(zh_cn_locale, provider, tmp_path):
    """An engine error (a raster without CRS) reaches the user as a translated QgsProcessingException."""
    import numpy as np
    import processing
    from helpers.rasters import write_raster
    from qgis.core import QgsProcessingException

    import carbon_budget

    paths = [write_raster(tmp_path / f"npp_{year}.tif", np.ones((3, 4), np.float32), epsg=None)
             for year in (2001, 2002)]
    plugin = carbon_budget.classFactory(None)
    try:
        with pytest.raises(QgsProcessingException) as raised:
            processing.run("carbonbudget:stackyears", {"INPUT": paths, "OUTPUT": str(tmp_path / "stack.tif")})
    finally:
        plugin.unload()
    message = str(raised.value)
    assert _cjk(message), message
    assert "坐标参考系" in message and "npp_2001.tif" in message


def test_report_headings_are_chinese_with_zh_cn(zh_cn_locale, provider, tmp_path):
    import re

    import processing
    from helpers.report_inputs import report_inputs

    import carbon_budget

    paths = report_inputs(tmp_path)  # the report tests' hand-made layers and tables
    plugin = carbon_budget.classFactory(None)
    try:
        out = processing.run("carbonbudget:report", {"RISK": paths["risk_full"], "OUTPUT": str(tmp_path / "r.html")})
        html = open(out["OUTPUT"], encoding="utf-8").read()
    finally:
        plugin.unload()
    headings = re.findall(r"<h2[^>]*>([^<]+)", html)
    assert headings and all(_cjk(h) for h in headings), headings


def test_bundled_model_validates(provider):
    """The model file opens (as in the modeler, with the provider registered) without missing
    algorithms or parameters; every run works on such a copy (Processing runs create())."""
    from qgis.core import QgsProcessingModelAlgorithm

    from carbon_budget.algorithms.provider import MODELS_DIR

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODELS_DIR / "riskworkflow.model3"))
    valid, errors = model.validate()
    assert valid, errors
    bundled = next(a for a in provider.algorithms() if a.name() == "riskworkflow")
    assert bundled.create().validate()[0]
