"""Hand-made inputs of the report: a 4 x 4 lattice of 10 km squares with Chinese names, EMI_/SNK_ for
2001-2010 and the period fields of two periods (2001, 2006): CSR_, ST_, RI_, RL_, plus GI_BIN; the tables
are CSV files as the upstream tools write them. Engine-safe (ogr and the engine only).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

from carbon_budget.carbon_plugin.balance import province_totals
from carbon_budget.carbon_plugin.risk import risk_levels
from carbon_budget.carbon_plugin.trend import transition_matrix
from helpers.budgets import NAMES, lattice_budget
from helpers.tables import write_csv

ogr.UseExceptions()

YEARS = list(range(2001, 2011))
FIRSTS = [2001, 2006]
LABELS = ["2001-2005", "2006-2010"]
SIDE = 4
CELL_M = 10_000.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NO_INDEX = 7  # region without a risk index in the first period


# ---------------------------------------------------------------------------------------------
# Hand-made inputs


def lattice_values() -> dict[str, np.ndarray]:
    """Field name -> 16 values (NaN = NULL) for every field of the hand layer."""
    emission, sink = lattice_budget()
    values: dict[str, np.ndarray] = {}
    for j, year in enumerate(YEARS):
        values[f"EMI_{year}"] = emission[:, j]
        values[f"SNK_{year}"] = sink[:, j]
    rows, cols = np.divmod(np.arange(SIDE * SIDE), SIDE)
    ri = {2001: np.linspace(0.05, 0.9, 16), 2006: np.clip(0.1 + 0.25 * cols + 0.02 * rows, 0, 1)}
    ri[2001][NO_INDEX] = np.nan
    for first in FIRSTS:
        csr = np.exp(np.linspace(-0.5, 2.6, 16) + (0.4 if first == 2006 else 0.0))
        values[f"CSR_{first}"] = csr
        values[f"ST_{first}"] = np.select([csr <= 1, csr <= 2, csr <= 4, csr <= 8], [1, 2, 3, 4], 5).astype(float)
        values[f"RI_{first}"] = ri[first]
        level = risk_levels(ri[first]).astype(float)
        values[f"RL_{first}"] = np.where(level == 0, np.nan, level)
    values["GI_BIN"] = np.array([-3, -2, 0, 1, -2, -1, 0, 2, -1, 0, 1, 3, 0, 1, 2, 3], dtype=float)
    return values


def write_layer(path: Path, fields: list[str], values: dict[str, np.ndarray], names=NAMES) -> str:
    """The lattice as a GeoPackage with NAME and the given numeric fields (ST_, RL_, GI_BIN as integers)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("layer", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("NAME", ogr.OFTString))
    for name in fields:
        kind = ogr.OFTInteger if re.match(r"^(ST|RL)_|^GI_BIN$", name) else ogr.OFTReal
        layer.CreateField(ogr.FieldDefn(name, kind))
    for k in range(SIDE * SIDE):
        r, c = divmod(k, SIDE)
        x0, y0 = 400_000.0 + c * CELL_M, 3_800_000.0 - r * CELL_M
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x0} {y0},{x0 + CELL_M} {y0},{x0 + CELL_M} {y0 - CELL_M},{x0} {y0 - CELL_M},{x0} {y0}))"))
        feature.SetField("NAME", names[k])
        for name in fields:
            value = values[name][k]
            if not math.isnan(value):
                feature.SetField(name, int(value) if feature.GetFieldType(name) == ogr.OFTInteger else float(value))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def budget_fields() -> list[str]:
    return [f"{p}_{y}" for y in YEARS for p in ("EMI", "SNK")]


def period_fields(prefixes) -> list[str]:
    return [f"{p}_{first}" for first in FIRSTS for p in prefixes]


def report_inputs(tmp_path: Path) -> dict[str, str]:
    """Paths: a full risk layer, a risk layer without balance fields, a balance layer, hot spots, 3 CSV tables."""
    values = lattice_values()
    paths = {
        "risk_full": write_layer(tmp_path / "risk_full.gpkg",
                                 ["AREA_KM2", *budget_fields(), *period_fields(("CSR", "ST", "RI", "RL")), "GI_BIN"],
                                 {**values, "AREA_KM2": np.full(16, 100.0)}),
        "risk": write_layer(tmp_path / "risk.gpkg", [*budget_fields(), *period_fields(("RI", "RL"))], values),
        "balance": write_layer(tmp_path / "balance.gpkg", [*budget_fields(), *period_fields(("CSR", "ST"))], values),
        "hotspots": write_layer(tmp_path / "hotspots.gpkg", ["GI_BIN"], values),
    }
    emission = np.stack([values[f"EMI_{y}"] for y in YEARS], axis=1)
    sink = np.stack([values[f"SNK_{y}"] for y in YEARS], axis=1)
    totals = province_totals(emission, sink, YEARS)
    paths["province"] = write_csv(tmp_path / "province.csv", ["year", "emission", "sink", "net", "csr", "regions"],
                                  [[y, float(totals.emission[k]), float(totals.sink[k]), float(totals.net[k]),
                                    float(totals.csr[k]), int(totals.regions[k])] for k, y in enumerate(YEARS)])
    matrix = transition_matrix(values["ST_2001"], values["ST_2006"])
    paths["transitions"] = write_csv(
        tmp_path / "transitions.csv", ["from_per", "to_per", "from_year", "to_year", "from_state", "to_state", "count"],
        [[LABELS[0], LABELS[1], 2001, 2006, a, b, int(matrix[a - 1, b - 1])] for a in range(1, 6) for b in range(1, 6)])
    rows = []
    for b, first in enumerate(FIRSTS):
        level = np.nan_to_num(values[f"RL_{first}"])
        valid = int(np.sum(level > 0))
        counts = [int(np.sum(level == k)) for k in range(1, 6)]
        high = int(np.sum(values[f"RI_{first}"] >= 0.6))
        rows.append([LABELS[b], first, valid, 16 - valid, *counts, *[c / valid for c in counts], high, high / valid,
                     0.625, 0.375])
    paths["summary"] = write_csv(
        tmp_path / "risk_summary.csv",
        ["period", "year", "regions", "n_nodata", *[f"n_l{k}" for k in range(1, 6)],
         *[f"sh_l{k}" for k in range(1, 6)], "n_high", "high_share", "w_state", "w_trend"], rows)
    return paths
