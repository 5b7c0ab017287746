"""No call that QGIS 3.40 deprecates (or has removed) in the plugin: compat.py has the replacements
that also work on 3.22. The 3.40 lane (`make test-qgis340`) shows such calls as DeprecationWarning
in the warnings summary; this test finds them on every version, in code the tests do not run too."""

from __future__ import annotations

import tokenize
from pathlib import Path

import pytest
from helpers.plugin_sources import COMPAT, PLUGIN_FILES, code_tokens, relative_name

# method -> what to call instead (all in algorithms/compat.py)
DEPRECATED = {
    "setMinimal": "compat.null_rectangle() (QgsRectangle.setMinimal is deprecated on 3.40)",
    "band": "compat.renderer_band(renderer) (raster renderers' band() is deprecated on 3.40)",
    "isSaveAndLoadStyleToDatabaseSupported": "compat.can_store_styles(layer) (removed in 3.40)",
}


def deprecated_calls(path: Path) -> list[str]:
    """'line: .method() -> replacement' for every ``.method(`` call of a deprecated method."""
    tokens = code_tokens(path)
    found = []
    for k in range(1, len(tokens) - 1):
        name = tokens[k]
        if (name.type == tokenize.NAME and name.string in DEPRECATED and tokens[k - 1].string == "."
                and tokens[k + 1].string == "("):
            found.append(f"{name.start[0]}: .{name.string}() -> {DEPRECATED[name.string]}")
    return found


@pytest.mark.parametrize("path", [p for p in PLUGIN_FILES if p != COMPAT], ids=relative_name)
def test_no_call_deprecated_on_qgis_340(path):
    assert deprecated_calls(path) == []


def test_the_check_finds_deprecated_calls(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("extent = QgsRectangle()\nextent.setMinimal()\nb = layer.renderer().band()\n"
                      "# extent.setMinimal() in a comment is fine\nband = dataset.GetRasterBand(1)\n", encoding="utf-8")
    assert [f.split(" ->")[0] for f in deprecated_calls(sample)] == ["2: .setMinimal()", "3: .band()"]
