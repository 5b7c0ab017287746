"""The Chinese interface: with QGIS's locale set to zh_CN the provider and tools speak Chinese."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import QSettings


@pytest.fixture
def zh_cn_locale(qgis_app):
    settings = QSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    yield
    settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
    settings.setValue("locale/userLocale", saved[1] or "")


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
