#!/usr/bin/env bash
# make test-qgis340: the whole test suite on QGIS 3.40 LTR (Debian 13 "trixie"), in a chroot.
#
# Builds once (cached in .qgis340/, git-ignored) a Debian 13 root file system with debootstrap from
# the host's Debian mirror, installs Debian 13's QGIS and the project's test tools in it (a venv
# inside the chroot, numpy pinned to the chroot's own), then runs ruff and the same pytest command
# as `make test` on this checkout, bind-mounted into the chroot at the same path. Needs root (chroot,
# mount). All mounts live in a private mount namespace (unshare) and are unmounted on exit, even on
# failure; if the script is killed, they vanish with the namespace and never show on the host.
#
#   scripts/qgis340.sh                 build if needed, then ruff + pytest -q
#   scripts/qgis340.sh CMD ARGS...     build if needed, then run CMD in the checkout inside the chroot
#                                      (e.g. `scripts/qgis340.sh python -m pytest -q tests/test_styles.py`)
# Environment: QGIS340_DIR (default .qgis340), QGIS340_MIRROR (default: from the host's apt sources).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd -P)"
CACHE="${QGIS340_DIR:-$REPO/.qgis340}"
ROOT="$CACHE/rootfs"
VENV=/opt/carbon-venv  # inside the chroot, never in the shared checkout
SUITE=trixie
APT_PKGS="qgis python3-qgis qgis-providers python3-gdal gdal-bin pyqt5-dev-tools qttools5-dev-tools
  python3-venv python3-pip git ca-certificates fonts-dejavu-core"

log() { echo "qgis340: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  exec sudo --preserve-env=QGIS340_DIR,QGIS340_MIRROR,PIP_INDEX_URL,PIP_EXTRA_INDEX_URL,PIP_TRUSTED_HOST \
    bash "$0" "$@"
fi

# Run the rest in a private mount namespace: nothing mounted here is seen by (or left on) the host.
if [ -z "${QGIS340_IN_NAMESPACE:-}" ]; then
  mkdir -p "$CACHE"
  export QGIS340_IN_NAMESPACE=1
  # one run at a time per cache (the checkout may be shared)
  exec flock "$CACHE/.lock" unshare --mount --propagation private bash "$0" "$@"
fi

MOUNTED=()
cleanup() {
  local status=$? i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null || log "could not unmount ${MOUNTED[i]}"
  done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bind() {  # bind SRC DEST-inside-root [extra mount options]
  local dest="$ROOT$2"
  mkdir -p "$dest"
  mount --bind "$1" "$dest"
  MOUNTED+=("$dest")
}

mount_all() {
  mkdir -p "$ROOT/proc"
  mount -t proc proc "$ROOT/proc"
  MOUNTED+=("$ROOT/proc")
  bind /dev /dev
  bind /dev/pts /dev/pts
  if mountpoint -q /dev/shm; then bind /dev/shm /dev/shm; fi
}

host_mirror() {  # the Debian mirror of the host's apt sources (deb822 or one-line format)
  if [ -n "${QGIS340_MIRROR:-}" ]; then echo "$QGIS340_MIRROR"; return; fi
  local files=() f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  local found
  found=$( (grep -hE '^[[:space:]]*URIs:' "${files[@]}" 2>/dev/null | sed -E 's/^[[:space:]]*URIs:[[:space:]]*//' | tr ' ' '\n'
            grep -hE '^[[:space:]]*deb[[:space:]]' "${files[@]}" 2>/dev/null \
              | sed -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/') \
          | grep -E '^https?://' | grep -v -- '-security' | grep -E '/debian/?$' | head -n 1)
  echo "${found:-http://deb.debian.org/debian}"
}

# Make the registries reachable from inside exactly as from the host: its CA bundle (TLS may be
# intercepted by a proxy with its own CA; pip gets it as PIP_CERT, see in_root), its resolver, its
# apt transport settings (proxy, Check-Valid-Until...) and its system-wide pip configuration
# (/etc/pip.conf, /etc/xdg/pip; PIP_INDEX_URL and the like pass through in_root). A user pip
# config (~/.config/pip) is not copied: it points at local wheel folders that are not in here.
copy_host_config() {
  mkdir -p "$ROOT/etc/ssl/certs" "$ROOT/etc/apt/apt.conf.d"
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
  local f
  for f in /etc/apt/apt.conf.d/*; do
    if [ -f "$f" ] && grep -q 'Acquire::' "$f"; then cp -L "$f" "$ROOT/etc/apt/apt.conf.d/host-${f##*/}"; fi
  done
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    # kept apart too: update-ca-certificates in the chroot rewrites ca-certificates.crt
    cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/host-ca-certificates.crt"
    cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
  fi
  if [ -f /etc/pip.conf ]; then cp -L /etc/pip.conf "$ROOT/etc/pip.conf"; fi
  if [ -d /etc/xdg/pip ]; then mkdir -p "$ROOT/etc/xdg" && rm -rf "$ROOT/etc/xdg/pip" && cp -rL /etc/xdg/pip "$ROOT/etc/xdg/pip"; fi
}

in_root() {  # run a command in the chroot with a clean, explicit environment
  local pass=() v
  for v in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_TRUSTED_HOST PIP_DEFAULT_TIMEOUT http_proxy https_proxy \
           HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY CI; do
    [ -n "${!v:-}" ] && pass+=("$v=${!v}")
  done
  local ca=/etc/ssl/certs/ca-certificates.crt
  [ -f "$ROOT/etc/ssl/host-ca-certificates.crt" ] && ca=/etc/ssl/host-ca-certificates.crt
  chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH="$VENV/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_CERT="$ca" SSL_CERT_FILE="$ca" REQUESTS_CA_BUNDLE="$ca" "${pass[@]}" "$@"
}

# -- 1. the Debian 13 root file system (once) ---------------------------------------------------
if [ ! -f "$ROOT/.debootstrap-done" ]; then
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  mirror="$(host_mirror)"
  log "debootstrap $SUITE from $mirror into $ROOT"
  start=$SECONDS
  rm -rf "$ROOT"
  mkdir -p "$ROOT"
  debootstrap --variant=minbase "$SUITE" "$ROOT" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
  touch "$ROOT/.debootstrap-done"
  log "debootstrap took $((SECONDS - start)) s"
fi

copy_host_config
mount_all

# -- 2. QGIS 3.40 and the test tools (once, or when requirements-dev.txt changes) -----------------
if [ ! -f "$ROOT/.packages-done" ]; then
  log "installing Debian 13 packages: $(echo $APT_PKGS)"
  start=$SECONDS
  in_root apt-get update -qq
  # shellcheck disable=SC2086
  in_root apt-get install -y -qq --no-install-recommends $APT_PKGS >"$CACHE/apt.log" 2>&1 \
    || { tail -n 30 "$CACHE/apt.log" >&2; exit 1; }
  copy_host_config  # ca-certificates rewrote the bundle
  in_root apt-get clean
  touch "$ROOT/.packages-done"
  log "packages took $((SECONDS - start)) s"
fi

stamp="$ROOT$VENV/.requirements-dev.txt"
if [ ! -f "$stamp" ] || ! cmp -s requirements-dev.txt "$stamp"; then
  log "making the venv $VENV inside the chroot"
  start=$SECONDS
  [ -x "$ROOT$VENV/bin/python" ] || in_root /usr/bin/python3 -m venv --system-site-packages "$VENV"
  # pin numpy to the chroot system's: GDAL's and QGIS's compiled bindings are built against it
  np=$(in_root /usr/bin/python3 -c 'import numpy; print(numpy.__version__)')
  echo "numpy==$np" >"$ROOT$VENV/constraints.txt"
  cp requirements-dev.txt "$ROOT/tmp/requirements-dev.txt"
  in_root "$VENV/bin/python" -m pip install -q -c "$VENV/constraints.txt" -r /tmp/requirements-dev.txt
  cp requirements-dev.txt "$stamp"
  log "venv took $((SECONDS - start)) s"
fi

# -- 3. the checkout, at the same path inside, and the suite ------------------------------------
bind "$REPO" "$REPO"
in_root /bin/sh -c 'echo "qgis340: $(qgis_process.bin --version 2>/dev/null | grep -m1 QGIS), $(python --version), numpy $(python -c "import numpy; print(numpy.__version__)")"' >&2 || true
if [ $# -gt 0 ]; then
  in_root /bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$REPO" "$@"
else
  start=$SECONDS
  in_root /bin/sh -c 'cd "$1" && ruff check . && python -m pytest -q' sh "$REPO"
  log "suite took $((SECONDS - start)) s"
fi
