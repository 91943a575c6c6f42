#!/usr/bin/env bash
# The Debian/Ubuntu packages that Qt needs (offscreen for the tests, a window on a desktop,
# printing), the Chinese font, and Python's venv module. `make test` and `make run` run this
# first. When some are missing it prints the one `apt-get install` line and fails, or, run
# as root (CI), installs them. On a system without dpkg it does nothing.
set -euo pipefail
command -v dpkg-query >/dev/null 2>&1 || exit 0

packages=(
  # Qt offscreen (PLATFORM.md)
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  # a real window (xcb) and printing
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 libcups2
  # Chinese glyphs on screen
  fonts-wqy-microhei
)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${packages[@]}"; do
  # Debian 13 and Ubuntu 24.04 renamed some libraries (libglib2.0-0t64, libcups2t64); apt
  # installs the new name when asked for the old one.
  installed "$p" || installed "${p}t64" || missing+=("$p")
done
if ! "${PYTHON:-python3}" -c "import ensurepip, venv" 2>/dev/null; then
  missing+=(python3-venv)  # Debian's python3 leaves out ensurepip, which `make` needs
fi
((${#missing[@]})) || exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "check-system: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Station Desk needs these system packages. Install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
