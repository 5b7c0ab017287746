#!/usr/bin/env bash
# Run qgis_process with this checkout as the plugin `carbon_budget`, headless, in a private profile.
# Debian's /usr/bin/qgis_process wrapper is broken by QGIS_OPTS in /etc/default/qgis, so call the .bin.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# one state folder per checkout: a shared one would keep running whichever checkout linked it first
tag="$(printf '%s' "$repo" | cksum | cut -d' ' -f1)"
state="${CARBON_QGIS_STATE:-${TMPDIR:-/tmp}/carbon_budget_qgis_$(id -u)_$tag}"
mkdir -p "$state/plugins" "$state/profile"
[ "$(readlink "$state/plugins/carbon_budget" 2>/dev/null)" = "$repo" ] || ln -sfn "$repo" "$state/plugins/carbon_budget"
export QT_QPA_PLATFORM=offscreen
export QGIS_PLUGINPATH="$state/plugins${QGIS_PLUGINPATH:+:$QGIS_PLUGINPATH}"
export QGIS_CUSTOM_CONFIG_PATH="$state/profile"
if [ ! -f "$state/profile/.enabled" ]; then
  qgis_process.bin plugins enable carbon_budget >/dev/null 2>&1 || true
  touch "$state/profile/.enabled"
fi
exec qgis_process.bin "$@"
