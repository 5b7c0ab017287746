"""Issue 14, outputs and files: safe writes (fault injection), refused outputs, GB18030 tables,
and the clear messages that replaced tracebacks (hotspots on a text field, GDP as text, two year
candidates in a file name)."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from helpers.params import zonal_params
from helpers.qgisrun import Recorder, features, run
from helpers.rasters import X0, Y0, write_raster
from helpers.vectors import rect, square, write_polygons
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer, QgsWkbTypes

TESTS = Path(__file__).resolve().parent


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def two_year_rasters(tmp_path, size=4, rng=None):
    e = rng.uniform(1, 100, (2, size, size)) if rng is not None else np.arange(32, dtype=np.float64).reshape(2, 4, 4)
    s = np.full((2, size, size), 2.0)
    return (write_raster(tmp_path / "e.tif", e, descriptions=["2001", "2002"]),
            write_raster(tmp_path / "s.tif", s, descriptions=["2001", "2002"]), e)


def listing(folder) -> set[str]:
    return {p.name for p in Path(folder).iterdir()}


# ---------------------------------------------------------------------------------------------
# Refused outputs


def test_raster_output_equal_to_an_input_is_refused_and_the_input_kept(provider, tmp_path):
    emission, sink, _ = two_year_rasters(tmp_path)
    before = digest(emission)
    with pytest.raises(QgsProcessingException, match=r"NET .*is the file of the input EMISSIONS"):
        run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "NET": emission})
    assert digest(emission) == before


def test_vector_output_equal_to_its_input_layer_is_refused(provider, tmp_path):
    emission, sink, _ = two_year_rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 4000, 2000), square(X0 + 2000, Y0 - 4000, 2000)],
                             {"code": ["a", "b"]})
    before = digest(regions)
    with pytest.raises(QgsProcessingException, match=r"OUTPUT .*is the file of the input REGIONS"):
        run("zonalbudget", zonal_params(regions, [emission], [sink], regions))
    assert digest(regions) == before


def test_output_equal_to_input_refused_through_qgis_process(plugins_dir, tmp_path):
    from helpers.qgisprocess import enable_plugin, qgis_process

    emission, sink, _ = two_year_rasters(tmp_path)
    before = digest(emission)
    profile = tmp_path / "profile"
    profile.mkdir()
    enable_plugin(plugins_dir, profile)
    out = qgis_process(["run", "carbonbudget:gridbudget", "--", f"EMISSIONS={emission}", f"SINKS={sink}",
                        f"NET={emission}"], plugins_dir, profile)
    assert out.returncode != 0
    assert "is the file of the input EMISSIONS" in out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    assert digest(emission) == before


def test_raster_output_named_gpkg_is_refused(provider, tmp_path):
    emission, _, _ = two_year_rasters(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"ends in '\.gpkg'.*GeoTIFF: name it \.tif or \.tiff"):
        run("stackyears", {"INPUT": [emission], "OUTPUT": str(tmp_path / "emis.gpkg")})
    assert not (tmp_path / "emis.gpkg").exists()


def test_missing_folder_and_long_name_are_clear_errors(provider, tmp_path):
    emission, sink, _ = two_year_rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 4000, 4000)], {"code": ["a"]})
    with pytest.raises(QgsProcessingException, match="the folder does not exist") as err:
        run("zonalbudget", zonal_params(regions, [emission], [sink], tmp_path / "missing" / "budget.gpkg"))
    assert "sqlite" not in str(err.value)
    with pytest.raises(QgsProcessingException, match="the file name is too long"):
        run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "NET": str(tmp_path / ("n" * 250 + ".tif"))})
    assert listing(tmp_path) == {"e.tif", "s.tif", "r.gpkg"}


def test_geopackage_with_other_layers_is_replaced_with_a_warning(provider, tmp_path):
    """What QGIS 3.22 does with a file path: the whole GeoPackage is replaced (its other layers go);
    the run warns first. An ogr: URI with table= adds the layer and keeps the others."""
    emission, sink, _ = two_year_rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 4000, 4000)], {"code": ["a"]})
    multi = write_polygons(tmp_path / "multi.gpkg", [square(X0, Y0 - 4000, 4000)], {"code": ["a"]}, layer="keep")
    feedback = Recorder()
    run("zonalbudget", zonal_params(regions, [emission], [sink], multi), feedback)
    assert any("holds other layers (keep)" in w for w in feedback.lines)
    assert "keep" not in {layer.GetName() for layer in ogr.Open(multi)}
    kept = write_polygons(tmp_path / "kept.gpkg", [square(X0, Y0 - 4000, 4000)], {"code": ["a"]}, layer="keep")
    run("zonalbudget", zonal_params(regions, [emission], [sink], f"ogr:dbname='{kept}' table=\"budget\" (geom)"))
    assert {"keep", "budget"} <= {layer.GetName() for layer in ogr.Open(kept)}


def test_table_output_as_a_shapefile_is_its_dbf_and_replaces_an_old_shapefile(provider, tmp_path):
    """A table without geometry given as table.shp: the shapefile writer makes table.dbf (and .cpg) only.
    The safe path (vectors.OutputSink) checked and moved table.shp, which does not exist: the run failed
    with 'the disk is probably full (0 of 4 features could be read back)'. It is the .dbf that is checked,
    moved and returned (QGIS's own destination, table.shp, names a missing file: qgis/QGIS#56478), and the
    parts of an older table.shp (geometries, index, .prj) go, or the new .dbf loads as the old polygons."""
    emission, sink, _ = two_year_rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 4000, 2000), square(X0 + 2000, Y0 - 4000, 2000)],
                             {"code": ["甲", "乙"]})
    out = tmp_path / "out"
    out.mkdir()
    write_polygons(out / "table.shp", [square(X0, Y0 - 4000, 1000)] * 3, {"code": ["x", "y", "z"]},
                   driver="ESRI Shapefile")  # an older shapefile of the same name, with geometries
    (out / "table.qix").write_bytes(b"an old spatial index")
    result = run("zonalbudget", zonal_params(regions, [emission], [sink], out / "budget.gpkg",
                                             OUTPUT_TABLE=str(out / "table.shp")))
    assert result["OUTPUT_TABLE"] == str(out / "table.dbf")
    assert listing(out) - {"budget.gpkg", "budget.qml"} == {"table.dbf", "table.cpg"}
    layer = QgsVectorLayer(result["OUTPUT_TABLE"], "table", "ogr")
    assert layer.isValid()
    assert layer.wkbType() == QgsWkbTypes.NoGeometry
    assert [(f["region"], f["year"]) for f in layer.getFeatures()] == [
        ("甲", 2001), ("甲", 2002), ("乙", 2001), ("乙", 2002)]


# ---------------------------------------------------------------------------------------------
# Fault injection: a write that fails halfway leaves nothing behind and no traceback

CHILD = textwrap.dedent("""
    import json, os, resource, sys
    sys.path[:0] = [{plugins!r}, {tests!r}]
    from qgis.core import QgsApplication, QgsProcessingException
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing
    import carbon_budget
    plugin = carbon_budget.classFactory(None)
    plugin.initProcessing()
    limit = {limit}
    if limit:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        processing.run({alg!r}, json.loads({params!r}))
        result = {{"error": None}}
    except QgsProcessingException as err:
        result = {{"error": str(err)}}
    sys.stderr.write("RESULT " + json.dumps(result) + "\\n")
""")


def run_child(plugins_dir, alg: str, params: dict, limit: int = 0) -> tuple[dict, str]:
    script = CHILD.format(plugins=str(plugins_dir), tests=str(TESTS), limit=limit, alg=f"carbonbudget:{alg}",
                          params=json.dumps(params))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300,
                         check=False)
    line = next((t for t in out.stderr.splitlines() if t.startswith("RESULT ")), None)
    assert line, out.stdout + out.stderr
    return json.loads(line[len("RESULT "):]), out.stdout + out.stderr


DISK_FULL = "the disk is full"


def test_full_disk_raster_leaves_nothing(plugins_dir, tmp_path):
    rng = np.random.default_rng(1)
    emission, sink, _ = two_year_rasters(tmp_path, size=600, rng=rng)
    out = tmp_path / "out"
    out.mkdir()
    result, text = run_child(plugins_dir, "gridbudget", {"EMISSIONS": [emission], "SINKS": [sink],
                                                         "NET": str(out / "net.tif"), "RATIO": str(out / "r.tif"),
                                                         "STATE": str(out / "s.tif")}, limit=300_000)
    assert DISK_FULL in result["error"] and "Cannot write the output" in result["error"]
    assert "Traceback" not in text
    assert listing(out) == set()


def test_full_disk_geopackage_leaves_nothing(plugins_dir, tmp_path):
    emission, sink, _ = two_year_rasters(tmp_path)
    wkts = [square(X0 + 10 * i, Y0 - 4000, 10) for i in range(400)]
    regions = write_polygons(tmp_path / "r.gpkg", wkts, {"code": [f"县{i:04d}" for i in range(400)]})
    out = tmp_path / "out"
    out.mkdir()
    result, text = run_child(plugins_dir, "zonalbudget", zonal_params(regions, [emission], [sink], out / "budget.gpkg"),
                             limit=150_000)
    assert result["error"] and "budget.gpkg" in result["error"]
    assert "the disk is probably full" in result["error"] or DISK_FULL in result["error"]
    assert "Traceback" not in text
    assert listing(out) == set()


def test_full_disk_report_leaves_nothing_and_keeps_the_old_report(plugins_dir, inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("old report", encoding="utf-8")
    result, text = run_child(plugins_dir, "report", {"RISK": inputs["risk"], "OUTPUT": str(out / "report.html")},
                             limit=20_000)
    assert DISK_FULL in result["error"] and "report.html" in result["error"]
    assert "Traceback" not in text
    assert listing(out) == {"report.html"}
    assert (out / "report.html").read_text(encoding="utf-8") == "old report"


def test_full_disk_gridemissions_check_table_leaves_nothing_and_keeps_the_old_table(plugins_dir, tmp_path):
    """The round-trip check table (OUTPUT_CHECK) goes by the path of every table output: it was written by
    Processing straight onto the target, so an older check.csv was truncated first and, the disk full
    halfway, the run succeeded with a cut-off table. Now nothing of the run is left (the raster written
    before it is taken back too) and the older table is kept."""
    from helpers.params import gridding_params
    from helpers.tables import write_csv
    from helpers.vectors import rect

    keys = [f"{'区域名称' * 8}{i:03d}" for i in range(100)]  # 10 x 10 one-cell regions with long names
    proxy = write_raster(tmp_path / "ntl.tif", np.ones((2, 10, 10), np.float32), descriptions=["2001", "2002"])
    regions = write_polygons(tmp_path / "regions.gpkg", [rect(i % 10, i // 10, i % 10 + 1, i // 10 + 1)
                                                         for i in range(100)], {"code": keys})
    stats = write_csv(tmp_path / "stats.csv", ("code", "year", "CO2_T"),
                      [[key, year, 10] for key in keys for year in (2001, 2002)])
    out = tmp_path / "out"
    out.mkdir()
    (out / "check.csv").write_text("the older check table", encoding="utf-8")
    params = gridding_params(regions, stats, proxy, out / "grid.tif", OUTPUT_CHECK=str(out / "check.csv"))
    result, text = run_child(plugins_dir, "gridemissions", params, limit=12_000)  # the table: about 30 kB
    assert result["error"] and "OUTPUT_CHECK" in result["error"] and "check.csv" in result["error"]
    assert "Traceback" not in text
    assert listing(out) == {"check.csv"}
    assert (out / "check.csv").read_text(encoding="utf-8") == "the older check table"


@pytest.fixture
def read_only_folder(tmp_path):
    """A read-only tmpfs (tests run as root, where chmod does not stop writes)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a read-only tmpfs here")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_read_only_folder_is_a_clear_error(provider, read_only_folder, tmp_path):
    emission, sink, _ = two_year_rasters(tmp_path)
    with pytest.raises(QgsProcessingException, match="no permission to write there"):
        run("gridbudget", {"EMISSIONS": [emission], "SINKS": [sink], "NET": str(read_only_folder / "net.tif")})
    with pytest.raises(QgsProcessingException, match="no permission to write there"):
        run("stackyears", {"INPUT": [emission], "OUTPUT": str(read_only_folder / "stack.tif")})
    assert listing(read_only_folder) == set()


# ---------------------------------------------------------------------------------------------
# Style files (<output>.qml, GDAL's <output>.aux.xml) belong to the run: a run that fails after its
# outputs are in place leaves none of its own and keeps those of the older outputs it restores


def snapshot(folder) -> dict[str, str]:
    return {p.name: digest(p) for p in Path(folder).iterdir()}


class CancelledOnceWritten(QgsProcessingFeedback):
    """Cancels as soon as a new file is in place at ``path`` (a new inode: the run's commit renamed it
    there), i.e. after that output was written and, where an algorithm styled it at once, styled."""

    def __init__(self, path):
        super().__init__()
        self.path = str(path)
        self.old = os.stat(self.path).st_ino

    def isCanceled(self):
        return os.stat(self.path).st_ino != self.old or super().isCanceled()


def test_cancel_after_the_layer_is_written_leaves_no_style_and_keeps_the_old_one(provider, tmp_path):
    """zonalbudget styled its layer (budget.qml beside a shapefile) and then checked for cancel: the
    cancelled run put the older budget.shp back, with the new run's budget.qml beside it describing
    classes of other data. Styles are saved once every output of the run is in place."""
    emission, sink, e = two_year_rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [square(X0, Y0 - 4000, 2000), square(X0 + 2000, Y0 - 4000, 2000),
                                                   square(X0, Y0 - 2000, 2000), square(X0 + 2000, Y0 - 2000, 2000)],
                             {"code": ["a", "b", "c", "d"]})
    out = tmp_path / "out"
    out.mkdir()
    run("zonalbudget", zonal_params(regions, [emission], [sink], out / "budget.shp"))  # an older run
    older = snapshot(out)
    assert "budget.qml" in older
    other = write_raster(tmp_path / "e2.tif", e[:, ::-1] ** 2 + 7, descriptions=["2001", "2002"])  # other classes
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("zonalbudget", zonal_params(regions, [other], [sink], out / "budget.shp"),
            CancelledOnceWritten(out / "budget.dbf"))
    assert snapshot(out) == older  # no new file (no .partial_*), the older layer and its own style unchanged
    run("zonalbudget", zonal_params(regions, [other], [sink], out / "budget.shp"))  # not cancelled: styled
    assert digest(out / "budget.qml") != older["budget.qml"]


def test_a_run_failing_after_its_outputs_are_styled_keeps_the_older_outputs_and_their_side_files(
        provider, tmp_path, monkeypatch):
    """Whatever an algorithm does after style_outputs (a later output, a cancel check), a failure then
    leaves no .qml or .aux.xml of its own: gridbudget failing once its three rasters are written and
    styled keeps the older net/ratio/state rasters with their own .qml and .aux.xml (statistics), and
    leaves nothing else. The older .aux.xml were deleted when the new rasters were committed, outside
    the run's rollback."""
    from carbon_budget.algorithms.gridbudget import GridBudget
    from carbon_budget.carbon_plugin.errors import CarbonInputError

    emission, sink, e = two_year_rasters(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    params = {"EMISSIONS": [emission], "SINKS": [sink], "NET": str(out / "net.tif"), "RATIO": str(out / "ratio.tif"),
              "STATE": str(out / "state.tif")}
    run("gridbudget", params)  # an older run
    older = snapshot(out)
    assert {"net.qml", "net.tif.aux.xml", "ratio.qml", "state.qml"} <= set(older)

    compute = GridBudget.compute

    def compute_then_fail(self, *args):
        compute(self, *args)
        raise CarbonInputError("a later output could not be written")

    monkeypatch.setattr(GridBudget, "compute", compute_then_fail)
    other = write_raster(tmp_path / "e2.tif", e ** 2 + 50, descriptions=["2001", "2002"])
    with pytest.raises(QgsProcessingException, match="a later output could not be written"):
        run("gridbudget", {**params, "EMISSIONS": [other]})
    assert snapshot(out) == older


# ---------------------------------------------------------------------------------------------
# Encodings


def write_energy(path: Path, encoding: str) -> str:
    rows = [["城市代码", "year", "raw_coal", "natural_gas"], ["郑州市", 2020, 1000.0, 20.0],
            ["开封市", 2020, 500.0, 0.0], ["洛阳市", 2020, 800.0, 5.0]]
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return str(path)


def energy_table(path) -> dict[str, float]:
    return {row["城市代码"]: float(row["CO2_T"]) for row in features(path)}


def test_gb18030_energy_table_reads_chinese_fields_and_names(provider, tmp_path):
    gbk = write_energy(tmp_path / "energy_gbk.csv", "gb18030")
    utf8 = write_energy(tmp_path / "energy_utf8.csv", "utf-8")
    assert b"\xd6\xa3\xd6\xdd" in Path(gbk).read_bytes()  # 郑州 in GBK, as Chinese Excel saves it
    feedback = Recorder()
    run("energyemissions", {"INPUT": gbk, "REGION_FIELD": "城市代码", "YEAR_FIELD": "year",
                            "OUTPUT": str(tmp_path / "gbk_out.csv")}, feedback)
    run("energyemissions", {"INPUT": utf8, "REGION_FIELD": "城市代码", "YEAR_FIELD": "year",
                            "OUTPUT": str(tmp_path / "utf8_out.csv")})
    assert any("GB18030" in line for line in feedback.lines)
    got, reference = energy_table(tmp_path / "gbk_out.csv"), energy_table(tmp_path / "utf8_out.csv")
    assert set(got) == {"郑州市", "开封市", "洛阳市"}
    assert got == pytest.approx(reference, rel=1e-12)
    assert digest(gbk) == digest(tmp_path / "energy_gbk.csv")  # the input is not rewritten


def test_field_not_found_lists_the_fields(provider, tmp_path):
    utf8 = write_energy(tmp_path / "energy.csv", "utf-8")
    with pytest.raises(QgsProcessingException, match=r"no field '城市'; its fields are: '城市代码', 'year'"):
        run("energyemissions", {"INPUT": utf8, "REGION_FIELD": "城市", "YEAR_FIELD": "year",
                                "OUTPUT": str(tmp_path / "out.csv")})


# ---------------------------------------------------------------------------------------------
# Tracebacks that became messages


def test_hotspots_on_a_text_field_names_the_field_and_type(provider, tmp_path):
    layer = write_polygons(tmp_path / "h.gpkg", [square(X0 + 1000 * i, Y0, 1000) for i in range(4)],
                           {"name": ["a", "b", "c", "d"], "RI_2016": [0.1, 0.2, 0.3, 0.4]})
    with pytest.raises(QgsProcessingException, match=r"'name' is a String field, not a number.*'RI_2016'") as err:
        run("hotspots", {"INPUT": layer, "FIELD": "name", "OUTPUT": str(tmp_path / "out.gpkg")})
    assert "zero-size" not in str(err.value)


def test_gdp_stored_as_text_is_read(provider, tmp_path):
    emission, sink, e = two_year_rasters(tmp_path)
    regions = write_polygons(tmp_path / "r.gpkg", [rect(0, 0, 2, 4), rect(2, 0, 4, 4)],  # columns 0-1 / 2-3
                             {"code": ["西区", "东区"], "GDP_2001": ["1,234.5", "2,469"]})
    out = tmp_path / "budget.gpkg"
    run("zonalbudget", zonal_params(regions, [emission], [sink], out, GDP_FIELD_PREFIX="GDP_"))
    got = {row["code"]: row for row in features(out)}
    e_west, e_east = e[0][:, :2].sum(), e[0][:, 2:].sum()  # 2001: 0..15, west columns 0-1
    ecc_west = (1234.5 / (1234.5 + 2469.0)) / (e_west / (e_west + e_east))
    assert got["西区"]["ECC_2001"] == pytest.approx(ecc_west, rel=1e-9)
    bad = write_polygons(tmp_path / "bad.gpkg", [square(X0, Y0 - 4000, 4000)], {"code": ["全区"], "GDP_2001": ["n/a"]})
    with pytest.raises(QgsProcessingException, match=r"GDP field 'GDP_2001', region '全区': 'n/a' is not a number"):
        run("zonalbudget", zonal_params(bad, [emission], [sink], tmp_path / "bad_out.gpkg", GDP_FIELD_PREFIX="GDP_"))


def test_stackyears_two_year_candidates_says_which_and_what_to_do(provider, tmp_path):
    paths = [write_raster(tmp_path / f"npp_{y}_1000m_2020release.tif", np.full((2, 2), 1.0, np.float32))
             for y in (2003, 2004)]
    with pytest.raises(QgsProcessingException, match=r"2 year candidates \(2003, 2020\).*YEARS") as err:
        run("stackyears", {"INPUT": paths, "OUTPUT": str(tmp_path / "npp.tif")})
    assert "No year found" not in str(err.value)
    result = run("stackyears", {"INPUT": paths, "YEARS": "2003, 2004", "OUTPUT": str(tmp_path / "npp.tif")})
    assert result["YEARS_OUT"] == "2003,2004"
