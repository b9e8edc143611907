#!/usr/bin/env bash
# Screenshots of the training site for review, with headless Chromium opening the pages from disk (file://,
# as staff do from a file share): a manual page, the generated check catalogue, and the search page showing
# the results for 签章; plus an A4 print PDF of the manual page.
#   scripts/screenshots-manual.sh [WORKSPACE] [SHOTS_DIR]
# WORKSPACE defaults to a fresh demo workspace (archive-ops demo); SHOTS_DIR to .build/screenshots/manual.
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${2:-.build/screenshots/manual}"
mkdir -p "$shots"
ws="${1:-}"
swift build -q --product archive-ops
if [ -z "$ws" ]; then
  ws=$(mktemp -d)
  .build/debug/archive-ops demo --workspace "$ws" >/dev/null
else
  .build/debug/archive-ops build --workspace "$ws" >/dev/null
fi
site=$(cd "$ws/Output" && pwd)
chromium_bin=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
profile=$(mktemp -d)
shoot() {  # name url height
  "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --virtual-time-budget=5000 --window-size=1280,"$3" --screenshot="$shots/$1.png" "$2" 2>/dev/null
}
shoot manual-page "file://$site/manual/install.html" 1800
shoot manual-checks "file://$site/manual/checks/seal.html" 1400
shoot search-result "file://$site/search.html?q=%E7%AD%BE%E7%AB%A0" 1100
"$chromium_bin" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$shots/manual-page.pdf" "file://$site/manual/install.html" 2>/dev/null
if command -v pdftoppm >/dev/null; then pdftoppm -r 60 -png -f 1 -l 2 "$shots/manual-page.pdf" "$shots/manual-page-print"; fi
rm -rf "$profile"
echo "截图已生成 (screenshots written): $shots"
ls "$shots"
