"""The plugin loads as QGIS loads it and registers the provider with its algorithms."""

from __future__ import annotations


def test_provider_registered(provider):
    assert provider.id() == "carbonbudget"
    assert provider.name() == "Carbon budget & imbalance risk"
    ids = {alg.id() for alg in provider.algorithms()}
    assert "carbonbudget:stackyears" in ids


def test_every_algorithm_has_help_icon_and_group(provider):
    for alg in provider.algorithms():
        if alg.id().startswith("carbonbudget:") and hasattr(alg, "ALG_ID"):
            assert len(alg.shortHelpString()) > 200, alg.id()
            assert alg.group() and alg.groupId()
            assert not alg.icon().isNull()
            assert alg.helpUrl().startswith("file://")
            assert alg.tags()
