"""The plugin's runtime Python files and their code tokens, for tests that scan the source."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PLUGIN_FILES = sorted(
    [*(REPO / "algorithms").glob("*.py"), *(REPO / "carbon_plugin").glob("*.py"), REPO / "plugin.py",
     REPO / "__init__.py"])
# the one place that may name old spellings and deprecated calls, each behind a version check
COMPAT = REPO / "algorithms" / "compat.py"
_LAYOUT = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)


def code_tokens(path: Path) -> list[tokenize.TokenInfo]:
    """The tokens of a Python file without comments and layout (strings stay single tokens)."""
    return [t for t in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
            if t.type not in _LAYOUT]


def relative_name(path: Path) -> str:
    """'algorithms/report.py' for a file of the repository (test ids)."""
    return path.relative_to(REPO).as_posix()
