#!/usr/bin/env bash
# Idempotent setup: Debian QGIS packages, a venv on the system Python, test tools with numpy pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

SYS_PY=/usr/bin/python3
APT_PKGS="qgis python3-qgis qgis-providers python3-gdal gdal-bin pyqt5-dev-tools qttools5-dev-tools"
# `setup.sh screenshots` (make screenshots): also Chromium for the report and a font with Chinese glyphs
SCREENSHOTS=0
if [ "${1:-}" = screenshots ]; then SCREENSHOTS=1; APT_PKGS="$APT_PKGS chromium fonts-noto-cjk"; fi

need_apt=0
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt=1
done
if [ "$need_apt" = 1 ]; then
  echo "setup: installing Debian packages: $APT_PKGS"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $APT_PKGS >/dev/null
fi

stamp=.venv/.setup-stamp
if [ ! -f "$stamp" ] || [ requirements-dev.txt -nt "$stamp" ]; then
  [ -x .venv/bin/python ] || "$SYS_PY" -m venv --system-site-packages .venv
  # pin numpy to the system's: GDAL's compiled bindings are built against it
  np=$("$SYS_PY" -c 'import numpy; print(numpy.__version__)')
  echo "numpy==$np" > .venv/constraints.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check -c .venv/constraints.txt -r requirements-dev.txt
  touch "$stamp"
fi

if [ "$SCREENSHOTS" = 1 ]; then
  # matplotlib keeps its own list of the fonts it found once: without the CJK font installed after it,
  # the Chinese report would draw its charts without matplotlib; the list is rebuilt when next needed
  rm -f "$(.venv/bin/python -c 'import matplotlib; print(matplotlib.get_cachedir())')"/fontlist-*.json
fi
