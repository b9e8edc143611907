#!/usr/bin/env bash
# Screenshots of the report site for review: screen PNGs and A4 print PDFs (+ PNG of each PDF's first
# pages) of the dashboard, a daily inspection report and a monthly summary, with headless Chromium.
#   scripts/screenshots.sh [OUTPUT_DIR] [SHOTS_DIR]
# OUTPUT_DIR defaults to a demo-like site built here from bench/site-fixture.py (60 days, 200 tickets).
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${2:-.build/screenshots}"
mkdir -p "$shots"
site="${1:-}"
if [ -z "$site" ]; then
  ws=$(mktemp -d)
  swift build -q
  .build/debug/archive-ops init --workspace "$ws" >/dev/null
  python3 bench/site-fixture.py "$ws/archive-ops.sqlite" --days 60 --tickets 200 --start 2023-05-02 >/dev/null
  .build/debug/archive-ops build --workspace "$ws" >/dev/null
  site="$ws/Output"
fi
site=$(cd "$site" && pwd)
chromium_bin=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
# The latest daily report and monthly summary, and the first service report (globs expand sorted).
runs=("$site"/inspections/2*.html); daily="${runs[-1]}"
months=("$site"/monthly/2*.html); monthly="${months[-1]}"
ticket=""
for f in "$site"/tickets/*.html; do
  case "$(basename "$f")" in index.html|open.html|category-*) ;; *) ticket="$f"; break ;; esac
done
for name in dashboard:"$site/index.html" daily:"$daily" monthly:"$monthly" ticket:"$ticket" queries:"$site/queries/index.html" dashboard-en:"$site/en/index.html"; do
  key=${name%%:*}; file=${name#*:}
  [ -f "$file" ] || continue
  "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
    --screenshot="$shots/$key.png" "file://$file" 2>/dev/null
  "$chromium_bin" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$shots/$key.pdf" "file://$file" 2>/dev/null
  if command -v pdftoppm >/dev/null; then pdftoppm -r 60 -png -f 1 -l 2 "$shots/$key.pdf" "$shots/$key-print"; fi
  # Phone width (a duty engineer's first look of the morning).
  "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,1600 \
    --screenshot="$shots/$key-phone.png" "file://$file" 2>/dev/null
done
echo "截图已生成 (screenshots written): $shots"
ls "$shots"
