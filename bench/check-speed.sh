#!/usr/bin/env bash
# Issue 14's engine rows, each against its reference measured in the same run (release build):
#   1. check --full, all checks            vs  find stores -type f -print0 | xargs -0 -P2 -n 5000 sha256sum
#   2. store walk: check --only anomaly --full  vs  find stores -type f -printf '%s\n'
#   3. fixity: check --only fixity --full  vs  xargs -0 sha256sum over the same pages (dc + offsite)
#   4. incremental morning check (the next day, after the full run)  — no reference; the aim is < 60 s at 10×
# plus check --full with one worker, to show what the second core brings.
# Caches cannot be dropped here, so every command runs twice and the second (warm) run is reported.
# Prints a Markdown section (for BENCHMARKS.md) to stdout; progress goes to stderr.
# Usage: bench/check-speed.sh ENTERPRISES [WORKDIR] [MAX_PAGES]
#   e.g. bench/check-speed.sh 2400   (≈ 100k files)    bench/check-speed.sh 7200   (≈ 300k files)
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises="${1:?usage: bench/check-speed.sh ENTERPRISES [WORKDIR] [MAX_PAGES]}"
work="${2:-bench-work/check-speed-$enterprises}"
maxpages="${3:-3}"
bin="${ARCHIVEOPS_BIN:-.build/release/archive-ops}"
at="2023-06-30T07:30:00+08:00"
next="2023-07-01T07:30:00+08:00"

[ -x "$bin" ] || swift build -c release --product archive-ops >/dev/null
export load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work"
center="$work/center"
if [ ! -f "$center/catalog.sqlite" ]; then
  rm -rf "$center"
  "$bin" sample-center "$center" --enterprises "$enterprises" --seed bench --max-pages "$maxpages" --faults 2 \
    --manifest "$work/sample-center.json" >&2
fi
python3 -c 'import json,sys; open(sys.argv[2],"w").write(json.load(open(sys.argv[1]))["sealCertificatePEM"])' \
  "$work/sample-center.json" "$work/seal.pem"
stores="$center/stores"
files=$(find "$stores" -type f | wc -l)
bytes=$(find "$stores" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
volumes=$(sqlite3 "file:$center/catalog.sqlite?immutable=1" "select count(*) from volume")
pages=$(find "$stores/dc" "$stores/offsite" -type f -name 'page-*' | wc -l)
pagebytes=$(find "$stores/dc" "$stores/offsite" -type f -name 'page-*' -printf '%s\n' | awk '{s+=$1} END {print s}')

# timed LABEL CMD… → "LABEL wall user sys rss_kb" on stdout (the second of two runs), both on stderr.
timed() {
  local label=$1; shift
  local line
  for round in 1 2; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/t.out" "$@" >/dev/null 2>"$work/t.err" || true
    line="$label $(tail -1 "$work/t.out")"
    echo "  $round: $line" >&2
  done
  echo "$line"
}
fresh() { rm -rf "$work/ws"; }
check=("$bin" check --workspace "$work/ws" --center "$center" --seal-cert "$work/seal.pem" --quiet)

export stores
hashAll() { find "$stores" -type f -print0 | xargs -0 -P2 -n 5000 sha256sum >/dev/null; }
walkFind() { find "$stores" -type f -printf '%s\n' >/dev/null; }
hashPages() { find "$stores/dc" "$stores/offsite" -type f -name 'page-*' -print0 | xargs -0 sha256sum >/dev/null; }
export -f hashAll walkFind hashPages

echo "1/5 check --full vs sha256sum of every file" >&2
ref_full=$(timed ref_full bash -c hashAll)
full=$(timed full bash -c "rm -rf '$work/ws'; $(printf '%q ' "${check[@]}") --at $at --full")
full1=$(timed full1 bash -c "rm -rf '$work/ws'; $(printf '%q ' "${check[@]}") --at $at --full --workers 1")
echo "2/5 walk vs find" >&2
ref_walk=$(timed ref_walk bash -c walkFind)
walk=$(timed walk "${check[@]}" --at "$at" --only anomaly --full)
echo "3/5 fixity vs sha256sum of the pages" >&2
ref_fix=$(timed ref_fixity bash -c hashPages)
fix=$(timed fixity "${check[@]}" --at "$at" --only fixity --full)
echo "4/5 incremental morning check" >&2
fresh
"${check[@]}" --at "$at" >/dev/null 2>&1 || true
rm -rf "$work/ws-first" && cp -a "$work/ws" "$work/ws-first"
for round in 1 2; do  # each round starts from the state right after the first (full) run
  rm -rf "$work/ws" && cp -a "$work/ws-first" "$work/ws"
  /usr/bin/time -f "%e %U %S %M" -o "$work/t.out" "${check[@]}" --at "$next" >/dev/null 2>"$work/t.err" || true
  incr="incremental $(tail -1 "$work/t.out")"
  echo "  $round: $incr" >&2
done
echo "5/5 phase times of one full run" >&2
fresh
ARCHIVEOPS_PHASE_TIMES=1 "${check[@]}" --at "$at" --full >/dev/null 2>"$work/phases.txt" || true
coverage=$(sqlite3 "$work/ws/archive-ops.sqlite" "select coverage from inspection_run order by started_at desc limit 1")

python3 - "$volumes" "$files" "$bytes" "$pages" "$pagebytes" "$work/phases.txt" "$coverage" \
  "$ref_full" "$full" "$full1" "$ref_walk" "$walk" "$ref_fix" "$fix" "$incr" <<'PY'
import sys, subprocess, datetime, os, json, re
vol, files, nbytes, pages, pagebytes = map(int, sys.argv[1:6])
phases = open(sys.argv[6]).read().strip()
coverage = sys.argv[7]
rows = {}
for a in sys.argv[8:]:
    p = a.split()
    rows[p[0]] = dict(wall=float(p[1]), cpu=float(p[2]) + float(p[3]), rss=int(p[4]) / 1024)
# Raw numbers for bench/project-scale.py (the 30-million-file projection from two sizes).
phase_s = {m.group(1).strip(): float(m.group(2)) for m in re.finditer(r"^\s+(.+?)\s+([0-9.]+) s\s+\(\d+\)$", phases, re.M)}
json.dump(dict(volumes=vol, files=files, bytes=nbytes, rows=rows, phases=phase_s),
          open(os.path.join(os.path.dirname(sys.argv[6]), "result.json"), "w"), indent=1)
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
load = open("/proc/loadavg").read().split()[:3]
def r(name): return rows[name]
def fmt(name): x = r(name); return f"{x['wall']:.2f} s wall, {x['cpu']:.2f} s CPU, {x['rss']:.0f} MiB"
full, ref_full = r("full"), r("ref_full")
print(f"""
### check 速度 (check speed) — {files:,} 个文件 files, {vol:,} 卷 volumes ({datetime.date.today()})

机器 (machine): {subprocess.run(['uname', '-srm'], capture_output=True, text=True).stdout.strip()}; {model}; {os.cpu_count()} 核 cores;
负载 (load average 1/5/15 min) at the start {os.environ.get('load_start', '?')}, at the end {' '.join(load)}. 命令 (command): `bench/check-speed.sh` (release build; center from
`archive-ops sample-center`, {nbytes / 1e6:,.0f} MB; every row is the second of two runs, caches warm).

| 工作 work | archive-ops | 参照 reference, same data | 比值 ratio | 目标 aim |
|---|---|---|---|---|
| `check --full`, all checks | {fmt('full')} | `xargs -0 -P2 -n 5000 sha256sum` of every file: {fmt('ref_full')} | {full['wall'] / ref_full['wall']:.2f}× the time (wall); {full['cpu'] / ref_full['cpu']:.2f}× the CPU; CPU/wall {full['cpu'] / full['wall']:.2f} | ≤ 1.5× |
| `check --full --workers 1` | {fmt('full1')} | the same check on both cores: {full['wall']:.2f} s | {r('full1')['wall'] / full['wall']:.2f}× speed-up from the second core | |
| walk `check --only anomaly --full` | {fmt('walk')} | `find -type f -printf '%s\\n'`: {fmt('ref_walk')} | {r('ref_walk')['wall'] / r('walk')['wall']:.2f}× find's speed (wall); {r('ref_walk')['cpu'] / r('walk')['cpu']:.2f}× (CPU) | ≥ 1.0× |
| fixity `check --only fixity --full` ({pages:,} pages, {pagebytes / 1e6:,.0f} MB) | {fmt('fixity')} | `xargs -0 sha256sum` of the same pages: {fmt('ref_fixity')} | {r('ref_fixity')['wall'] / r('fixity')['wall']:.2f}× (wall); {r('ref_fixity')['cpu'] / r('fixity')['cpu']:.2f}× (CPU) | ≥ 1.5× |
| incremental morning check (next day) | {fmt('incremental')} | | | < 60 s at 10× |

Coverage of the full run: {coverage}

<details><summary>阶段耗时 (phase times of one full run, ARCHIVEOPS_PHASE_TIMES=1; worker phases summed over workers)</summary>

```text
{phases}
```
</details>
""")
PY
