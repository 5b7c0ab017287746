"""The parameters of the algorithms the tests run most, with the tests' usual choices filled in.

Each builder returns a plain dict for ``helpers.qgisrun.run``; ``extra`` adds or overrides parameters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def zonal_params(regions: str, emissions: Any, sinks: Any, output: Path | str, **extra) -> dict:
    """carbonbudget:zonalbudget over regions keyed by their ``code`` field."""
    return {"REGIONS": regions, "REGION_FIELD": "code", "EMISSIONS": emissions, "SINKS": sinks,
            "OUTPUT": str(output), **extra}


def gridding_params(regions: str, stats: str | None, proxy: str, output: Path | str, **extra) -> dict:
    """carbonbudget:gridemissions of a statistics table (none: per-year fields on the regions) keyed by ``code``."""
    params = {"REGIONS": regions, "REGION_FIELD": "code", "PROXY": proxy, "OUTPUT": str(output), **extra}
    if stats is not None:
        params["STATS"] = stats
    return params


def nep_params(npp: Any, temperature: Any, precipitation: Any, output: Path | str, **extra) -> dict:
    """carbonbudget:nepsink."""
    return {"NPP": npp, "TEMPERATURE": temperature, "PRECIPITATION": precipitation, "OUTPUT": str(output), **extra}
