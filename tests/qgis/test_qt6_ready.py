"""QGIS 4 / Qt6 readiness: the plugin imports Qt only through qgis.PyQt and spells enums scoped.

PyQt6 (QGIS 4) has no unscoped enum members: ``Qt.AlignLeft`` must be ``Qt.AlignmentFlag.AlignLeft``
(which PyQt5 also accepts), ``QVariant.String`` is gone (compare field types with ``QMetaType.Type``,
through ``algorithms/compat.py``), ``exec_()`` is ``exec()``. QGIS 4 also drops the unscoped PyQGIS
enum values that moved to ``Qgis.*`` (``QgsWkbTypes.PointGeometry``...): compat resolves those once.
The check reads Python tokens, so strings, comments and docstrings may mention the old spellings.
"""

from __future__ import annotations

import configparser
import re
import tokenize
from pathlib import Path

import pytest
from helpers.plugin_sources import COMPAT, PLUGIN_FILES, REPO, code_tokens, relative_name

QT_CLASS = re.compile(r"Q[A-Za-z0-9]+$")  # Qt, QVariant, QPainter, QgsWkbTypes...
# the old PyQGIS enum values that QGIS 4 removes and compat.py resolves (owner -> members)
PYQGIS_OLD_ENUMS = {
    "QgsWkbTypes": None,  # every member (geometry and WKB types: Qgis.GeometryType, Qgis.WkbType)
    "QgsUnitTypes": None,  # units: Qgis.DistanceUnit, Qgis.AreaUnit...
    "QgsFeatureRequest": {"NoGeometry", "SubsetOfAttributes", "ExactIntersect", "NoFlags"},
    "QgsMapSettings": {"Antialiasing", "DrawLabeling", "UseAdvancedEffects", "ForceVectorOutput",
                       "RenderMapTile", "DrawEditingInfo"},
    "QgsProcessing": {n for n in ("TypeRaster", "TypeVector", "TypeVectorPoint", "TypeVectorLine",
                                  "TypeVectorPolygon", "TypeVectorAnyGeometry", "TypeFile", "TypeMapLayer")},
    "QgsProcessingParameterNumber": {"Double", "Integer"},
    "QgsProcessingParameterField": {"Any", "Numeric", "String", "DateTime"},
    "QgsProcessingParameterFile": {"File", "Folder"},
    "QgsProcessingParameterDefinition": {"FlagAdvanced", "FlagOptional", "FlagHidden"},
    "QgsFeatureSink": {"FastInsert", "RegeneratePrimaryKey"},
}


def _attribute_chains(path: Path):
    """(line, owner, member, next token) for every ``Owner.Member`` in the code (not in strings)."""
    tokens = code_tokens(path)
    for k in range(len(tokens) - 2):
        a, dot, b = tokens[k], tokens[k + 1], tokens[k + 2]
        if a.type == tokenize.NAME and dot.string == "." and b.type == tokenize.NAME:
            before = tokens[k - 1].string if k > 0 else ""
            after = tokens[k + 3].string if k + 3 < len(tokens) else ""
            if before != ".":  # the start of a chain: Qt.AlignLeft, not x.Qt.AlignLeft
                yield a.start[0], a.string, b.string, after


def qt5_spellings(path: Path) -> list[str]:
    """The Qt5-only (and QGIS-3-only) spellings in one file, as 'line: text'."""
    found = []
    for line, owner, member, after in _attribute_chains(path):
        if not QT_CLASS.match(owner):
            continue
        if not member[:1].isupper() or after in (".", "("):  # scoped (Qt.AlignmentFlag.X) or a nested class
            continue
        if owner.startswith("Qgs"):
            members = PYQGIS_OLD_ENUMS.get(owner, set())
            if owner in PYQGIS_OLD_ENUMS and (members is None or member in members):
                found.append(f"{line}: {owner}.{member} (resolve it in compat.py)")
            continue
        found.append(f"{line}: {owner}.{member} (unscoped Qt enum)")
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"\s*(from|import)\s+PyQt5\b", text):
            found.append(f"{number}: {text.strip()} (import from qgis.PyQt)")
        if re.search(r"\.exec_\(", text.split("#")[0]):
            found.append(f"{number}: exec_() (exec())")
    return sorted(set(found))


@pytest.mark.parametrize("path", [p for p in PLUGIN_FILES if p != COMPAT], ids=relative_name)
def test_no_qt5_only_spellings(path):
    assert qt5_spellings(path) == []


def test_compat_names_old_spellings_only_behind_version_checks():
    """compat.py may name QVariant types for 3.22 (QgsField takes QMetaType from 3.38 only)."""
    allowed = {"QVariant.Double", "QVariant.Int", "QVariant.String"}
    found = [s for s in qt5_spellings(COMPAT) if s.split(": ")[1].split(" ")[0] not in allowed]
    assert found == []


def test_the_check_finds_qt5_spellings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PyQt5.QtCore import Qt\n"
        "x = int(Qt.AlignLeft | Qt.AlignmentFlag.AlignVCenter)\n"
        "t = field.type() == QVariant.String\n"
        "g = QgsWkbTypes.PointGeometry\n"
        "dialog.exec_()\n"
        "ok = QgsRasterLayer.LayerOptions()  # Qt.AlignLeft in a comment is fine\n"
        "s = 'QVariant.Int in a string is fine'\n", encoding="utf-8")
    found = qt5_spellings(sample)
    assert [f.split(": ")[1].split(" ")[0] for f in found] == [
        "from", "Qt.AlignLeft", "QVariant.String", "QgsWkbTypes.PointGeometry", "exec_()"]


def test_metadata_declares_qt6_and_qgis_4():
    meta = configparser.ConfigParser()
    meta.read(REPO / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    # declared because test_no_qt5_only_spellings finds no Qt5-only spelling in any file
    assert general.get("supportsQt6", "").lower() == "true"
