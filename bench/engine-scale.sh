#!/usr/bin/env bash
# Engine scale benchmark (release build): a sample center of about 100,000 volumes, then
#   1. the first (full) inspection and the next morning's incremental one: wall time and peak RSS;
#   2. the store walk (check --only anomaly --full: list + stat every file, read metadata.xml) in
#      files/s against `find STORE -type f -printf '%s\n' | wc -l` on the same tree;
#   3. the fixity re-hash (check --only fixity --full: every page at dc and offsite) in MB/s against
#      `sha256sum` over the same files.
# Caches cannot be dropped here, so every measurement runs twice and the second (warm) run is reported.
# Usage: bench/engine-scale.sh [ENTERPRISES] [WORKDIR]     (default 48000 enterprises ≈ 100,000 volumes)
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises="${1:-48000}"
work="${2:-bench-work/engine}"
bin=.build/release/archive-ops
at="2023-06-30T07:30:00+08:00"
next="2023-07-01T07:30:00+08:00"

swift build -c release --product archive-ops >/dev/null
mkdir -p "$work"
center="$work/center"
if [ ! -f "$center/catalog.sqlite" ]; then
  rm -rf "$center"
  /usr/bin/time -f "%e" -o "$work/generate.time" "$bin" sample-center "$center" --enterprises "$enterprises" \
    --seed bench --max-pages 1 --faults 2 --manifest "$work/sample-center.json"
fi
python3 - "$work/sample-center.json" "$work/seal.pem" <<'PY'
import json, sys
open(sys.argv[2], "w").write(json.load(open(sys.argv[1]))["sealCertificatePEM"])
PY

stores="$center/stores"
files=$(find "$stores" -type f | wc -l)
volumes=$(sqlite3 "file:$center/catalog.sqlite?immutable=1" "select count(*) from volume")

timed() {  # label, command… → prints "label wall_s rss_kb"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t.out" "$@" >/dev/null 2>"$work/t.err" || true
  echo "$label $(cat "$work/t.out")"
}

ws="$work/ws"
rm -rf "$ws"
check=("$bin" check --workspace "$ws" --center "$center" --seal-cert "$work/seal.pem" --quiet)
full=$(timed full "${check[@]}" --at "$at")
incr=$(timed incremental "${check[@]}" --at "$next")
coverage=$(sqlite3 "$ws/archive-ops.sqlite" "select coverage from inspection_run order by started_at desc limit 1")

findrun() { find "$stores" -type f -printf '%s\n' | wc -l >/dev/null; }
export -f findrun; export stores
timed find1 bash -c findrun >/dev/null
find2=$(timed find bash -c findrun)
timed walk1 "${check[@]}" --at "$at" --only anomaly --full >/dev/null
walk2=$(timed walk "${check[@]}" --at "$at" --only anomaly --full)

pages=$(find "$stores/dc" "$stores/offsite" -type f -name 'page-*' | wc -l)
bytes=$(find "$stores/dc" "$stores/offsite" -type f -name 'page-*' -printf '%s\n' | awk '{s+=$1} END {print s}')
shaRun() { find "$stores/dc" "$stores/offsite" -type f -name 'page-*' -print0 | xargs -0 sha256sum >/dev/null; }
export -f shaRun
timed sha1 bash -c shaRun >/dev/null
sha2=$(timed sha256sum bash -c shaRun)
timed fixity1 "${check[@]}" --at "$at" --only fixity --full >/dev/null
fix2=$(timed fixity "${check[@]}" --at "$at" --only fixity --full)

python3 - "$volumes" "$files" "$pages" "$bytes" "$full" "$incr" "$find2" "$walk2" "$sha2" "$fix2" "$coverage" <<'PY'
import sys, platform, subprocess, datetime
vol, files, pages, nbytes = map(int, sys.argv[1:5])
rows = {a.split()[0]: (float(a.split()[1]), int(a.split()[2])) for a in sys.argv[5:11]}
coverage = sys.argv[11]
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
f = lambda s: f"{s:.1f} s"
mb = nbytes / 1e6
walk_rate = files / rows["walk"][0]; find_rate = files / rows["find"][0]
fix_rate = mb / rows["fixity"][0]; sha_rate = mb / rows["sha256sum"][0]
print(f"""
## Engine scale: archive-ops check on a sample center ({datetime.date.today()})

Machine: {subprocess.run(['uname', '-a'], capture_output=True, text=True).stdout.strip()}; {model}; {__import__('os').cpu_count()} cores.
Center: {vol:,} volumes, {files:,} files in the stores. Release build. Every number is the second (warm-cache) run;
other work was running on the machine at the same time, so treat them as ±20 %.

| run | wall | peak RSS |
|---|---|---|
| first run (full, every check) | {f(rows['full'][0])} | {rows['full'][1]/1024:.0f} MB |
| next day (incremental, every check) | {f(rows['incremental'][0])} | {rows['incremental'][1]/1024:.0f} MB |

Incremental coverage: {coverage}

| measure | archive-ops | peer | ratio |
|---|---|---|---|
| store walk, files/s (`check --only anomaly --full` vs `find -type f -printf '%s\\n' \\| wc -l`) | {walk_rate:,.0f} | {find_rate:,.0f} | {walk_rate/find_rate:.2f}× |
| fixity re-hash, MB/s ({pages:,} pages at dc+offsite, {mb:,.0f} MB; vs `sha256sum`) | {fix_rate:,.0f} | {sha_rate:,.0f} | {fix_rate/sha_rate:.2f}× |
""")
PY
