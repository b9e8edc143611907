#!/usr/bin/env bash
# Benchmark: writing the engine's benchmark center with `archive-ops sample-center` (about 100,000 volumes,
# 1.6 million files: 4 copies of each volume's metadata.xml, page and two PDFs, every PDF sealed), against
# `cp -a` of the finished tree as the reference (the same files and bytes written, nothing computed).
# Records wall time, files/s and peak memory (/usr/bin/time -v), and appends the results to BENCHMARKS.md.
#
#   bench/sample-center.sh                       48,000 enterprises (≈100,000 volumes), one page per volume
#   ENTERPRISES=5000 MAX_PAGES=4 bench/sample-center.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ENTERPRISES="${ENTERPRISES:-48000}"
MAX_PAGES="${MAX_PAGES:-1}"
work=bench-work/sample-center
rm -rf "$work" && mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "需要 /usr/bin/time (apt-get install time)"; exit 1; }

echo "构建 release 版本 (release build)…"
swift build -c release --product archive-ops >/dev/null
bin="$(swift build -c release --show-bin-path)/archive-ops"

echo "生成样例中心 (generating) ${ENTERPRISES} 家企业…"
/usr/bin/time -v "$bin" sample-center "$work/center" --enterprises "$ENTERPRISES" --seed bench \
  --max-pages "$MAX_PAGES" --faults 2 >"$work/generate.out" 2>"$work/generate.time"
cat "$work/generate.out"
sync
echo "参照：cp -a 同一目录树 (reference: cp -a of the same tree)…"
/usr/bin/time -v cp -a "$work/center" "$work/copy" 2>"$work/copy.time"

seconds() { # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.33" -> 62.33
  grep "Elapsed (wall clock)" "$1" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }'
}
peak() { grep "Maximum resident set size" "$1" | awk '{print $NF}'; }
gen_s=$(seconds "$work/generate.time"); cp_s=$(seconds "$work/copy.time")
files=$(find "$work/center/stores" -type f | wc -l)
volumes=$(sqlite3 "$work/center/catalog.sqlite" "SELECT count(*) FROM volume" 2>/dev/null || echo "?")
bytes=$(du -sb "$work/center" | awk '{print $1}')
ratio=$(awk -v a="$gen_s" -v b="$cp_s" 'BEGIN { printf "%.2f", a / b }')
rate=$(awk -v f="$files" -v s="$gen_s" 'BEGIN { printf "%.0f", f / s }')

{
  echo ""
  echo "## sample-center: ${ENTERPRISES} 家企业 / ${volumes} 个案卷 / ${files} 个文件 ($(date -u +%Y-%m-%d))"
  echo ""
  echo "- 机器 (machine): $(nproc) 核, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); \`$(uname -a)\`"
  echo "- 命令 (command): \`archive-ops sample-center DIR --enterprises ${ENTERPRISES} --seed bench --max-pages ${MAX_PAGES} --faults 2\` (release)"
  echo ""
  echo "| | 用时 wall (s) | 文件/秒 files/s | 峰值内存 peak RSS (KB) |"
  echo "|---|---|---|---|"
  echo "| archive-ops sample-center（生成、哈希、签章、写入） | ${gen_s} | ${rate} | $(peak "$work/generate.time") |"
  echo "| 参照 cp -a 同一目录树 (reference) | ${cp_s} | $(awk -v f="$files" -v s="$cp_s" 'BEGIN { printf "%.0f", f / s }') | $(peak "$work/copy.time") |"
  echo ""
  echo "生成耗时是单纯复制的 ${ratio} 倍（数据量 $((bytes / 1048576)) MiB）。 Generation takes ${ratio}× the time of copying the finished tree."
} >>BENCHMARKS.md
echo "结果已追加到 BENCHMARKS.md (results appended)"
rm -rf "$work/copy"
