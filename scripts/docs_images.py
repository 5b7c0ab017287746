"""Render the README's pictures from `make demo`'s output: the report page and the styled risk map.

    python3 scripts/docs_images.py demo_output docs

docs/report.png: the report in headless Chromium (scripts/screenshot_report.py);
docs/risk_map.png: the last period's risk-level map as QGIS rendered it into the report.
"""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def risk_map(report: Path) -> bytes:
    """The last risk-level map embedded in the report (the maps carry their title as alt text)."""
    html = report.read_text(encoding="utf-8")
    maps = re.findall(r'<img class="map" alt="([^"]*)" src="data:image/png;base64,([^"]+)"', html)
    risk = [data for alt, data in maps if alt.startswith("Risk level")]
    if not risk:
        raise SystemExit("no risk-level map found in the report")
    return base64.b64decode(risk[-1])


def main(demo: str, docs: str) -> int:
    report, out = Path(demo) / "report.html", Path(docs)
    (out / "risk_map.png").write_bytes(risk_map(report))
    subprocess.run([sys.executable, str(HERE / "screenshot_report.py"), str(report), str(out / "report.png"),
                    "--width", "1200", "--height", "2400"], check=True)
    print(out / "risk_map.png", out / "report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:3] if len(sys.argv) > 2 else ("demo_output", "docs"))))
