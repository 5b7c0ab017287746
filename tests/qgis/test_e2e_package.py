"""End to end: the packaged zip installs into an empty plugins folder and runs in qgis_process."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from helpers.qgisprocess import enable_plugin, qgis_process, run_algorithm
from helpers.rasters import read_all, write_raster

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def _checkout_state() -> dict[str, tuple[int, int]]:
    """(size, mtime in ns) of every generated help file in the checkout."""
    files = [*(REPO / "docs" / "html").glob("*.html"), REPO / "algorithms" / "help_text.py"]
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in files}


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The plugin zip built by `make package`, unzipped into a fresh plugins folder and enabled."""
    dist = tmp_path_factory.mktemp("dist")
    before = _checkout_state()
    built = subprocess.run([sys.executable, str(REPO / "scripts" / "package.py"), str(dist)],
                           capture_output=True, text=True, check=True)
    # packaging writes nothing into the checkout (else it would refresh the committed help pages
    # that test_help_pages checks, hiding a stale one)
    assert _checkout_state() == before
    zip_path = Path(built.stdout.strip())
    plugins = tmp_path_factory.mktemp("plugins")
    profile = tmp_path_factory.mktemp("profile")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        zf.extractall(plugins)
    enable_plugin(plugins, profile)
    return plugins, profile, names


def test_zip_has_one_top_folder_and_no_dev_files(installed):
    _, _, names = installed
    assert {n.split("/")[0] for n in names} == {"carbon_budget"}
    assert "carbon_budget/metadata.txt" in names
    assert not [n for n in names if n.startswith(("carbon_budget/tests/", "carbon_budget/bench/",
                                                   "carbon_budget/scripts/", "carbon_budget/.ci/"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".aux.xml"))]


def test_qgis_process_lists_provider_and_plugin(installed):
    plugins, profile, _ = installed
    listed = qgis_process(["list"], plugins, profile)
    assert "Carbon budget & imbalance risk" in listed.stdout
    assert "carbonbudget:stackyears" in listed.stdout
    shown = qgis_process(["plugins"], plugins, profile)
    assert "carbon_budget" in shown.stdout


def test_qgis_process_lists_every_algorithm_and_the_bundled_model(installed, provider):
    """Every algorithm module and every .model3 shipped in the zip is a tool of the installed plugin."""
    from carbon_budget.algorithms.provider import algorithm_classes

    plugins, profile, names = installed
    shipped = {Path(n).stem for n in names if n.startswith("carbon_budget/algorithms/") and n.count("/") == 2}
    expected = {f"carbonbudget:{cls.ALG_ID}" for cls in algorithm_classes() if cls.__module__.split(".")[-1] in shipped}
    models = {f"carbonbudget:{Path(n).stem}" for n in names
              if n.startswith("carbon_budget/algorithms/models/") and n.endswith(".model3")}
    assert len(expected) >= 12 and "carbonbudget:riskworkflow" in models
    listed = qgis_process(["list"], plugins, profile)
    assert listed.returncode == 0, listed.stderr
    ids = {word for word in listed.stdout.split() if word.startswith("carbonbudget:")}
    assert expected | models <= ids, sorted((expected | models) - ids)


def test_stackyears_via_qgis_process_matches_processing_run(installed, provider, tmp_path):
    import processing

    plugins, profile, _ = installed
    rng = np.random.default_rng(7)
    paths = [write_raster(tmp_path / f"ntl_{y}.tif", rng.random((6, 9)).astype(np.float32)) for y in (2003, 2001, 2002)]
    via_cli = run_algorithm("carbonbudget:stackyears", {"INPUT": paths, "OUTPUT": str(tmp_path / "cli.tif")},
                            plugins, profile)
    processing.run("carbonbudget:stackyears", {"INPUT": paths, "OUTPUT": str(tmp_path / "py.tif")})
    assert via_cli["YEARS_OUT"] == "2001,2002,2003"
    np.testing.assert_array_equal(read_all(via_cli["OUTPUT"]), read_all(tmp_path / "py.tif"))


def test_every_help_url_and_doc_link_resolves_inside_the_zip(installed, provider):
    """The Help button of every tool and bundled model opens an HTML page shipped in the zip, and no
    shipped page (HTML help, Markdown docs) links to a file the zip does not hold; the README and
    its screenshots stay in the repository."""
    from helpers.doclinks import broken_links
    from qgis.PyQt.QtCore import QUrl

    from carbon_budget.algorithms.base import PLUGIN_DIR

    plugins, _, names = installed
    present = {n.rstrip("/") for n in names}
    algorithms = list(provider.algorithms())
    assert len(algorithms) >= 15
    for alg in algorithms:
        local = Path(QUrl(alg.helpUrl()).toLocalFile())
        inside = "carbon_budget/" + local.relative_to(PLUGIN_DIR).as_posix()
        assert inside.endswith(".html") and inside in present, (alg.id(), alg.helpUrl())
        assert "<h1" in (plugins / inside).read_text(encoding="utf-8")
    pages = {n: (plugins / n).read_text(encoding="utf-8") for n in sorted(present)
             if n.endswith((".md", ".html"))}
    assert "carbon_budget/docs/html/METHODS.html" in pages and "carbon_budget/docs/METHODS.md" in pages
    assert broken_links(pages, present) == []
    assert "carbon_budget/README.md" not in present
    assert not [n for n in present if n.startswith("carbon_budget/docs/") and n.endswith(".png")]
