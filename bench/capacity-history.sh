#!/usr/bin/env bash
# Benchmark: capacity history at scale — 5 years × 20 mounts × hourly readings (876,000 rows) carried as
# another host's inspection results (archive-ops import inspections, {"disk_sample": …} lines), then every
# mount forecast (archive-ops sizing --json: backtest of both methods per mount). A quarter of the mounts
# is run too, to show whether memory grows with the history. Reference: sqlite3's `.import` of the same
# rows from CSV. Appends the results to BENCHMARKS.md. Not a timed test.
#
#   bench/capacity-history.sh                 20 mounts × 5 years (default)
#   MOUNTS=4 YEARS=1 bench/capacity-history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MOUNTS="${MOUNTS:-20}"
YEARS="${YEARS:-5}"
HOURS=$((YEARS * 365 * 24))
ROWS=$((MOUNTS * HOURS))
SMALL_MOUNTS=$(( MOUNTS / 4 > 0 ? MOUNTS / 4 : 1 ))
work=bench-work/capacity-history
rm -rf "$work" && mkdir -p "$work"

source bench/lib.sh
bin="$(release_bin)"

# Readings from 2019-01-01 00:00 +08:00, one an hour per mount. Mount k (1…N) grows 0.5–10 GiB a day on a
# 40 TiB disk with ±0.2 % noise; every fifth mount is expanded to 80 TiB after two years, every seventh is
# cleaned up (−30 %) after three. Deterministic: the noise is a hash of the row number, not random().
make_rows() { # mounts db
  sqlite3 "$2" <<SQL
CREATE TABLE r (host TEXT, mount TEXT, at TEXT, total_bytes INTEGER, used_bytes INTEGER);
WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < $1),
               h(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM h WHERE i < $HOURS - 1)
INSERT INTO r
SELECT printf('host-%02d', (k + 1) / 2), CASE k % 2 WHEN 0 THEN '/archive' ELSE '/backup' END,
  strftime('%Y-%m-%dT%H:00:00', 1546272000 + i * 3600, 'unixepoch', '+8 hours') || '+08:00',
  CASE WHEN k % 5 = 0 AND i >= 2 * 8760 THEN 87960930222080 ELSE 43980465111040 END,
  CAST((5497558138880 + (0.5 + (k % 20) * 0.5) * 1073741824 * i / 24.0
        - CASE WHEN k % 7 = 0 AND i >= 3 * 8760 THEN 0.3 * (5497558138880 + (0.5 + (k % 20) * 0.5) * 1073741824 * 3 * 365) ELSE 0 END)
       * (1 + ((i * 7919 + k * 104729) % 2001 - 1000) / 500000.0) AS INTEGER)
FROM m, h;
SQL
}

to_jsonl() { # db file
  {
    echo '{"run": {"started_at": "2023-12-31T08:00:00+08:00", "finished_at": "2023-12-31T08:01:00+08:00", "host": "bench-host", "center": "/bench/center"}}'
    sqlite3 "$1" "SELECT json_object('disk_sample', json_object('host', host, 'mount', mount, 'at', at, 'total_bytes', total_bytes, 'used_bytes', used_bytes)) FROM r"
  } > "$2"
}

echo "生成 $ROWS 行与 $((SMALL_MOUNTS * HOURS)) 行磁盘采样 (generating rows)…"
make_rows "$MOUNTS" "$work/rows.sqlite"
make_rows "$SMALL_MOUNTS" "$work/rows-small.sqlite"
to_jsonl "$work/rows.sqlite" "$work/history.jsonl"
to_jsonl "$work/rows-small.sqlite" "$work/history-small.jsonl"
sqlite3 -header -csv "$work/rows.sqlite" "SELECT * FROM r" > "$work/rows.csv"


"$bin" init --workspace "$work/ws" >/dev/null
"$bin" init --workspace "$work/ws-small" >/dev/null
read -r imp_s imp_kb < <(measure import "$bin" import inspections "$work/history.jsonl" --workspace "$work/ws")
read -r again_s again_kb < <(measure import-again "$bin" import inspections "$work/history.jsonl" --workspace "$work/ws")
read -r small_s small_kb < <(measure import-small "$bin" import inspections "$work/history-small.jsonl" --workspace "$work/ws-small")
read -r fc_s fc_kb < <(measure sizing "$bin" sizing --json --workspace "$work/ws")
read -r fcs_s fcs_kb < <(measure sizing-small "$bin" sizing --json --workspace "$work/ws-small")
read -r ref_s ref_kb < <(measure sqlite3 sqlite3 "$work/reference.db" ".mode csv" ".import $work/rows.csv disk_history")

stored=$(sqlite3 "$work/ws/archive-ops.sqlite" "SELECT count(*) FROM disk_history")
reference=$(sqlite3 "$work/reference.db" "SELECT count(*) FROM disk_history")
[ "$stored" = "$ROWS" ] && [ "$reference" = "$ROWS" ] || { echo "行数不符 (row counts differ): $stored / $reference"; exit 1; }
forecasts=$(grep -c '"status" : "forecast"' "$work/sizing.out" || true)

ratio=$(awk -v a="$imp_s" -v b="$ref_s" 'BEGIN { printf "%.2f", a / b }')
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
report=$(cat <<MD

## 容量历史：导入与预测 (capacity history import and forecast) — $(date -u +%Y-%m-%d)

机器 (machine): $(nproc) 核, ${cpu}; \`$(uname -a)\`; 负载 (load average) $(cut -d' ' -f1-3 /proc/loadavg)。
命令 (command): \`MOUNTS=$MOUNTS YEARS=$YEARS bench/capacity-history.sh\`（release 构建）。数据：$MOUNTS 个挂载点 × $YEARS 年 × 每小时一个采样，
以另一台主机巡检结果的 \`{"disk_sample": …}\` 行导入（JSON lines 文件 $(du -m "$work/history.jsonl" | cut -f1) MB）；
参照 (reference)：\`sqlite3 new.db ".mode csv" ".import rows.csv disk_history"\`（同样的行，CSV，无类型、无主键的表）。
预测：\`archive-ops sizing --json\` 读出每个挂载点的全部采样，按天取中位数，两种方法各做 5 个起点的滚动回测后选择，得出 $forecasts 个预测。

| 运行 (run) | 行数 | 耗时 s | 行/秒 | 峰值内存 MiB |
|---|---:|---:|---:|---:|
| archive-ops import inspections（新数据库） | $ROWS | $imp_s | $(rate "$ROWS" "$imp_s") | $(mb "$imp_kb") |
| 同一文件再导入一次（无变化） | $ROWS | $again_s | $(rate "$ROWS" "$again_s") | $(mb "$again_kb") |
| archive-ops import inspections（$SMALL_MOUNTS 个挂载点） | $((SMALL_MOUNTS * HOURS)) | $small_s | $(rate "$((SMALL_MOUNTS * HOURS))" "$small_s") | $(mb "$small_kb") |
| archive-ops sizing --json（$MOUNTS 个挂载点的预测） | $ROWS | $fc_s | $(rate "$ROWS" "$fc_s") | $(mb "$fc_kb") |
| archive-ops sizing --json（$SMALL_MOUNTS 个挂载点） | $((SMALL_MOUNTS * HOURS)) | $fcs_s | $(rate "$((SMALL_MOUNTS * HOURS))" "$fcs_s") | $(mb "$fcs_kb") |
| sqlite3 .import（参照） | $ROWS | $ref_s | $(rate "$ROWS" "$ref_s") | $(mb "$ref_kb") |

导入耗时比 archive-ops / sqlite3 .import = **$ratio**（>1 表示 archive-ops 更慢）。
MD
)
echo "$report"
echo "$report" >> BENCHMARKS.md
echo
echo "结果已追加到 BENCHMARKS.md (appended to BENCHMARKS.md)"
