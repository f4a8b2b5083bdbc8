#!/usr/bin/env bash
# Set up everything Outreach needs on a Debian/Ubuntu machine, then stop.
# Sourced by ./run and ./run-tests; safe to run again (it only does what is missing).
#   - system libraries Qt needs (installed with apt-get when run as root, otherwise the
#     exact command to run is printed);
#   - for the tests, Debian's PostgreSQL server programs (the tests run their own server);
#   - a virtual environment in .venv with the project and its test tools installed,
#     reinstalled only when pyproject.toml changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Libraries the Qt wheels load even with the offscreen platform (tests, PDF rendering).
QT_CORE_PACKAGES=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0)
# And for a real window on an X11 display.
QT_WINDOW_PACKAGES=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
  libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libx11-xcb1 fonts-dejavu-core)

say() { printf 'outreach setup: %s\n' "$*" >&2; }

missing_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || printf '%s\n' "$package"
  done
}

ensure_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian-like system; skipping system packages"; return 0; }
  local wanted=("$@") missing
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing system packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "these system packages are missing; install them and run again:"
    printf '  sudo apt-get install -y %s\n' "${missing[*]}" >&2
    exit 1
  fi
}

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_python() {
  if ! PYTHON="$(find_python)"; then
    ensure_system_packages python3 python3-venv
    PYTHON="$(find_python)" || { say "Python 3.11 or newer is needed"; exit 1; }
  fi
  if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
    ensure_system_packages python3-venv
  fi
}

ensure_venv() {
  local stamp="$VENV/.outreach-installed" wanted
  wanted="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in .venv"
    "$PYTHON" -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    say "installing Outreach and its dependencies (first run takes a few minutes)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[test]"
    printf '%s' "$wanted" >"$stamp"
  fi
}

bootstrap() {
  local mode="$1"  # app | test
  if [ "$mode" = app ]; then
    ensure_system_packages "${QT_CORE_PACKAGES[@]}" "${QT_WINDOW_PACKAGES[@]}"
  else
    # postgresql: the tests start a throwaway server of their own (tests/postgres_server.py);
    # libreoffice-writer-nogui: they open the Word documents Outreach writes, as an
    # officer's word processor would, and convert them to PDF
    ensure_system_packages "${QT_CORE_PACKAGES[@]}" fonts-dejavu-core poppler-utils postgresql \
      libreoffice-writer-nogui
  fi
  ensure_python
  ensure_venv
}
