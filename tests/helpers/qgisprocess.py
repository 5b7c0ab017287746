"""Run ``qgis_process.bin`` as an analyst would, headless, in a private profile."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def qgis_process(args: list[str], plugins_dir: Path, profile: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugins_dir),
               QGIS_CUSTOM_CONFIG_PATH=str(profile))
    return subprocess.run(["qgis_process.bin", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def enable_plugin(plugins_dir: Path, profile: Path) -> None:
    out = qgis_process(["plugins", "enable", "carbon_budget"], plugins_dir, profile)
    assert out.returncode == 0, out.stdout + out.stderr


def run_algorithm(alg: str, params: dict, plugins_dir: Path, profile: Path) -> dict:
    """``qgis_process.bin run ALG --json -- KEY=VALUE ...``; lists repeat the key. Returns results."""
    args = ["run", alg, "--json", "--"]
    for key, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            args.append(f"{key}={item}")
    out = qgis_process(args, plugins_dir, profile)
    assert out.returncode == 0, f"qgis_process failed ({out.returncode}):\n{out.stdout}\n{out.stderr}"
    return json.loads(out.stdout[out.stdout.index("{"):])["results"]
