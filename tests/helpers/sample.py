"""The sample province (scripts/make_sample.py), generated once per test session.

Make it visible to a test module with ``from fixtures_sample import sample_dir  # noqa: F401``
(then ``# noqa: F811`` on the tests that take it), or with ``import fixtures_sample`` and
``sample_dir = fixtures_sample.sample_dir`` (an assignment: no F811), or import it in conftest.py.
The fixture's value is a Path holding the files of docs/SAMPLE_DATA.md; copy before modifying.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MAKE_SAMPLE = REPO / "scripts" / "make_sample.py"


@functools.cache
def make_sample_module():
    """scripts/make_sample.py imported as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_sample", MAKE_SAMPLE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """A folder with the generated sample province (read-only by convention: copy before editing)."""
    out = tmp_path_factory.mktemp("sample")
    make_sample_module().make_sample(out)
    return out
