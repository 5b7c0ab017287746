"""Capture an HTML report (e.g. ``demo_output/report.html``) as a PNG with headless Chromium.

Used for the report screenshot in the README. Chromium is not installed by this script; on Debian:
``apt-get install chromium`` (and a CJK font such as ``fonts-noto-cjk`` for Chinese text).
Runs with plain Python (no QGIS):

    python3 scripts/screenshot_report.py demo_output/report.html docs/report.png
    python3 scripts/screenshot_report.py report.html report.png --width 1200 --height 3600

The page is captured at the window size (Chromium's command line has no full-page capture): raise
``--height`` to see more of a long report. The report embeds all its images, so Chromium runs
with networking features off and a throw-away profile.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def find_chromium(explicit: str | None = None) -> str | None:
    """The Chromium executable: ``explicit`` if given, else the first of CANDIDATES on the PATH."""
    if explicit:
        return explicit if Path(explicit).exists() or shutil.which(explicit) else None
    return next((path for path in (shutil.which(name) for name in CANDIDATES) if path), None)


def chromium_command(chromium: str, html: Path, png: Path, width: int, height: int, profile: str) -> list[str]:
    return [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={png}",
        f"--window-size={width},{height}", html.resolve().as_uri(),
    ]


def screenshot(html: Path | str, png: Path | str, width: int = 1200, height: int = 2400,
               chromium: str | None = None, timeout: float = 180.0) -> Path:
    """Render ``html`` in headless Chromium and write ``png``; raises RuntimeError on failure."""
    html, png = Path(html), Path(png).resolve()
    if not html.is_file():
        raise RuntimeError(f"No such report: {html}")
    executable = find_chromium(chromium)
    if executable is None:
        raise RuntimeError("Chromium was not found; install it (Debian: apt-get install chromium) or pass --chromium.")
    png.parent.mkdir(parents=True, exist_ok=True)
    if png.exists():
        png.unlink()
    with tempfile.TemporaryDirectory(prefix="chromium_profile_") as profile:
        command = chromium_command(executable, html, png, width, height, profile)
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"Chromium did not finish within {timeout:.0f} s.") from None
    if not png.exists() or png.stat().st_size == 0 or png.read_bytes()[:8] != PNG_SIGNATURE:
        raise RuntimeError(f"Chromium wrote no screenshot (exit code {done.returncode}):\n{done.stderr[-2000:]}")
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the report (.html)")
    parser.add_argument("png", type=Path, help="the screenshot to write (.png)")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=2400)
    parser.add_argument("--chromium", help="path of the Chromium executable (default: found on the PATH)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds (default 180)")
    args = parser.parse_args(argv)
    try:
        path = screenshot(args.html, args.png, args.width, args.height, args.chromium, args.timeout)
    except RuntimeError as err:
        print(err, file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
