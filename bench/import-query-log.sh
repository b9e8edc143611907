#!/usr/bin/env bash
# Benchmark: importing a center snapshot's query_log of 1,000,000 rows (archive-ops import queries
# catalog.sqlite) against sqlite3's own `.import` of the same rows from CSV, the reference.
# Records wall time, rows/s and peak memory (/usr/bin/time -v), and a 250,000-row run to show that memory
# does not grow with the file. Appends the results to BENCHMARKS.md.
#
#   bench/import-query-log.sh            1,000,000 rows (default)
#   ROWS=200000 bench/import-query-log.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1000000}"
SMALL=$((ROWS / 4))
work=bench-work/import-query-log
rm -rf "$work" && mkdir -p "$work"

source bench/lib.sh
bin="$(release_bin)"

# A catalog with query_log in the snapshot's schema: times every 15 s from 2023-01-01, kiosks T-001…T-060,
# mostly found, some not_found and error. Deterministic (no random()).
make_catalog() { # rows file
  sqlite3 "$2" <<SQL
CREATE TABLE query_log (id INTEGER PRIMARY KEY, at TEXT, channel TEXT, terminal TEXT, site_id TEXT,
  kind TEXT, text TEXT, result TEXT, uscc TEXT, latency_ms INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
INSERT INTO query_log
SELECT i,
  strftime('%Y-%m-%dT%H:%M:%S', 1672502400 + i * 15, 'unixepoch', '+8 hours') || '+08:00',
  CASE i % 10 WHEN 0 THEN 'window' WHEN 1 THEN 'window' WHEN 2 THEN 'online' WHEN 3 THEN 'province' ELSE 'kiosk' END,
  printf('T-%03d', i % 60 + 1), 'dc',
  CASE i % 3 WHEN 0 THEN 'name' ELSE 'uscc' END,
  printf('91441900MA%08d', i),
  CASE WHEN i % 50 = 0 THEN 'not_found' WHEN i % 200 = 1 THEN 'error' ELSE 'found' END,
  CASE WHEN i % 50 = 0 OR i % 200 = 1 THEN NULL ELSE printf('91441900MA%08d', i) END,
  (i * 37) % 900 + 40
FROM n;
SQL
}

echo "生成 $ROWS 行与 $SMALL 行查询明细 (generating rows)…"
make_catalog "$ROWS" "$work/catalog.sqlite"
make_catalog "$SMALL" "$work/catalog-small.sqlite"
sqlite3 -header -csv "$work/catalog.sqlite" "SELECT * FROM query_log" > "$work/rows.csv"


"$bin" init --workspace "$work/ws" >/dev/null
"$bin" init --workspace "$work/ws-small" >/dev/null
read -r ours_s ours_kb < <(measure archive-ops "$bin" import queries "$work/catalog.sqlite" --workspace "$work/ws")
read -r small_s small_kb < <(measure archive-ops-small "$bin" import queries "$work/catalog-small.sqlite" --workspace "$work/ws-small")
read -r again_s again_kb < <(measure archive-ops-again "$bin" import queries "$work/catalog.sqlite" --workspace "$work/ws")
read -r ref_s ref_kb < <(measure sqlite3 sqlite3 "$work/reference.db" ".mode csv" ".import $work/rows.csv query_log")

imported=$(sqlite3 "$work/ws/archive-ops.sqlite" "SELECT count(*) FROM query_event")
reference=$(sqlite3 "$work/reference.db" "SELECT count(*) FROM query_log")
[ "$imported" = "$ROWS" ] && [ "$reference" = "$ROWS" ] || { echo "行数不符 (row counts differ): $imported / $reference"; exit 1; }

ours_rate=$(rate "$ROWS" "$ours_s"); ref_rate=$(rate "$ROWS" "$ref_s"); again_rate=$(rate "$ROWS" "$again_s")
ratio=$(awk -v a="$ours_rate" -v b="$ref_rate" 'BEGIN { printf "%.2f", a / b }')

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
report=$(cat <<MD

## Import of query_log rows — $(date -u +%Y-%m-%d)

Machine: $(nproc) cores, ${cpu}; \`$(uname -a)\`.
Command: \`bench/import-query-log.sh\` (release build). Peer: \`sqlite3 new.db ".mode csv" ".import rows.csv query_log"\`
(sqlite3 $(sqlite3 --version | cut -d' ' -f1), CSV of the same rows with a header; it creates an untyped table without index).
archive-ops reads \`catalog.sqlite\` read-only as a stream, validates every row, upserts into \`query_event\`
(primary key + index on time) in one transaction and recounts the day totals per channel.

| run | rows | wall s | rows/s | peak RSS MiB |
|---|---:|---:|---:|---:|
| archive-ops import queries (new database) | $ROWS | $ours_s | $ours_rate | $(mb "$ours_kb") |
| archive-ops import queries, same file again (nothing changes) | $ROWS | $again_s | $again_rate | $(mb "$again_kb") |
| archive-ops import queries (a quarter of the rows) | $SMALL | $small_s | $(rate "$SMALL" "$small_s") | $(mb "$small_kb") |
| sqlite3 .import (reference) | $ROWS | $ref_s | $ref_rate | $(mb "$ref_kb") |

Speed ratio archive-ops / sqlite3 .import: **$ratio** (goal ≥ 0.5). Peak memory for $SMALL vs $ROWS rows:
$(mb "$small_kb") vs $(mb "$ours_kb") MiB.
MD
)
echo "$report"
echo "$report" >> BENCHMARKS.md
echo
echo "结果已追加到 BENCHMARKS.md (appended to BENCHMARKS.md)"
