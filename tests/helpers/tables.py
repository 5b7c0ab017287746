"""CSV tables written for the tests (statistics, energy tables), engine-safe."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_csv(path: Path | str, header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """A UTF-8 CSV with a header row; a NaN value is written as an empty cell. Returns the path."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(["" if isinstance(v, float) and math.isnan(v) else v for v in row] for row in rows)
    return str(path)
