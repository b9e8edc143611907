#!/usr/bin/env bash
# Screenshots of every page type of the report site, in Chinese and English, for review: a desktop
# (1280 px) and a phone (390 px) PNG, and an A4 print PDF with its first pages as PNG. For each PDF it
# prints the page count and the words that fall outside the A4 page (text cut off in print).
#   scripts/screenshots.sh [OUTPUT_DIR] [SHOTS_DIR]
# OUTPUT_DIR defaults to the demo site (archive-ops demo in a temporary folder), which has every page type.
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${2:-.build/screenshots}"
mkdir -p "$shots"
site="${1:-}"
if [ -z "$site" ]; then
  ws=$(mktemp -d)
  swift build -q --product archive-ops
  (cd "$ws" && "$OLDPWD/.build/debug/archive-ops" demo >/dev/null)
  site="$ws/Output"
fi
site=$(cd "$site" && pwd)
chromium_bin=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

# One page of each type (globs expand sorted): the latest daily report, monthly summary and month index,
# the first service report and ticket category, and the manual's index, a chapter, the check catalogue
# and a command page.
first() { for f in "$@"; do [ -f "$f" ] && { echo "$f"; return; }; done; echo ""; }
last() { local l=""; for f in "$@"; do [ -f "$f" ] && l="$f"; done; echo "$l"; }
pages=(
  "dashboard:index.html"
  "inspections:inspections/index.html"
  "daily:$(last "$site"/inspections/2*.html)"
  "tickets:tickets/index.html"
  "ticket:$(first "$site"/tickets/[A-Z]*.html)"
  "category:$(first "$site"/tickets/category-*.html)"
  "monthly-index:monthly/index.html"
  "monthly:$(last "$site"/monthly/2*.html)"
  "month:$(last "$site"/months/2*.html)"
  "queries:queries/index.html"
  "query-days:$(last "$site"/queries/days-*.html)"
  "sizing:sizing/index.html"
  "enterprises:enterprises/index.html"
  "enterprise:$(first "$site"/enterprises/9*.html)"
  "acceptance:acceptance/index.html"
  "manual:manual/index.html"
  "manual-daily:manual/daily.html"
  "manual-checks:manual/checks/index.html"
  "manual-command:manual/commands/check.html"
  "search:search.html"
)
# Headless Chromium never lays a window out narrower than 500 px: a 390 px --window-size crops a 500 px
# layout. The phone shot is therefore of a page holding a frame exactly 390 px wide with the page in it.
phone_frame() {  # phone_frame PAGE_PATH → writes $shots/.phone-frame.html around it
  python3 - "$1" "$shots/.phone-frame.html" <<'PY'
import pathlib, sys
url = pathlib.Path(sys.argv[1]).resolve().as_uri()
pathlib.Path(sys.argv[2]).write_text('<!doctype html><html><body style="margin:0">'
    f'<iframe src="{url}" style="width:390px;height:1600px;border:0"></iframe></body></html>\n')
PY
}
printf '%-24s %6s %s\n' "page" "A4" "words outside the page"
for entry in "${pages[@]}"; do
  key=${entry%%:*}; file=${entry#*:}
  [ -n "$file" ] || continue
  file=${file#"$site"/}
  for lang in zh en; do
    path="$site/$file"; name="$key"
    if [ "$lang" = en ]; then path="$site/en/$file"; name="$key-en"; fi
    [ -f "$path" ] || continue
    "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
      --screenshot="$shots/$name.png" "file://$path" 2>/dev/null
    phone_frame "$path"
    "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,1600 \
      --screenshot="$shots/$name-phone.png" "file://$(realpath "$shots")/.phone-frame.html" 2>/dev/null
    "$chromium_bin" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$shots/$name.pdf" "file://$path" 2>/dev/null
    count=$(pdfinfo "$shots/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    width=$(pdfinfo "$shots/$name.pdf" 2>/dev/null | awk '/^Page size:/ {print $3; exit}')
    # Words whose right edge lies beyond the page width were cut off in print.
    outside=$(pdftotext -bbox "$shots/$name.pdf" - 2>/dev/null \
      | awk -v w="$width" -F'"' '/<word / { if ($6 + 0 > w + 0.5) { n++; if (n <= 3) s = s " " $0 } } END { print n + 0 s }' \
      | sed -E 's/<word[^>]*>([^<]*)<\/word>/\1/g')
    printf '%-24s %6s %s\n' "$name" "$count" "$outside"
    pdftoppm -r 50 -png -f 1 -l 2 "$shots/$name.pdf" "$shots/$name-print"
  done
done
echo "截图已生成 (screenshots written): $shots"
