#!/usr/bin/env bash
# Benchmark of `archive-ops archive` (release build): the acceptance bundle of a contract year
# (365 daily inspection reports, 400 tickets, 12 monthly summaries) against `zip -r -X` of the very same
# files as the reference, wall time and peak memory; plus `archive-ops verify` of the bundle.
#   bench/acceptance-archive.sh    prints the results and appends them to BENCHMARKS.md
#   CONFIG=debug [BIN=.build/debug/archive-ops] bench/acceptance-archive.sh   the debug build (when a release build is not at hand)
set -euo pipefail
config=${CONFIG:-release}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${BIN:-}" ]; then bin=$BIN; else  # BIN=path/to/archive-ops skips the build (e.g. while tests hold .build)
  swift build -c "$config" -q
  bin=$(swift build -c "$config" --show-bin-path)/archive-ops
fi

ws="$work/ws"
"$bin" init --workspace "$ws" >/dev/null
python3 bench/site-fixture.py "$ws/archive-ops.sqlite" --days 365 --tickets 400 --start 2022-07-01
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$ws/team-key.pem" -out "$ws/team.pem" \
  -days 365 -subj "/CN=BENCH DEMO team" 2>/dev/null
printf 'contract:\n  name: 基准测试合同 BENCH\n  number: BENCH-1\nteam_certificate: team.pem\nteam_key: team-key.pem\n' >> "$ws/archive-ops.yaml"

measure() {  # measure CMD… → sets secs (wall), cpu (user+sys seconds) and peak_kb
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$work/time.txt")
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
}
best() {  # best NAME CMD… (three runs; the minimum wall time is the least disturbed on a shared machine)
  local name=$1; shift
  local b=999999 c=0 k=0
  for i in 1 2 3; do
    measure "$@"
    if python3 -c "import sys; sys.exit(0 if $secs < $b else 1)"; then b=$secs; c=$cpu; k=$peak_kb; fi
  done
  eval "${name}_secs=$b; ${name}_cpu=$c; ${name}_kb=$k"
}

# /usr/bin/time runs programs, not shell functions: each measured command is a program with its arguments.
best archive "$bin" archive --from 2022-07 --to 2023-06 --workspace "$ws" --out "$work/bundles"
cat "$work/out.txt"
bundle=$(ls "$work/bundles"/*.zip | head -1)
files=$(unzip -Z1 "$bundle" | wc -l)
bytes=$(stat -c %s "$bundle")

# The reference: the same files, extracted, zipped by Info-ZIP without extra attributes.
mkdir -p "$work/files" && unzip -q "$bundle" -d "$work/files"
raw=$(du -sb "$work/files" | cut -f1)
best zip bash -c "cd '$work/files' && rm -f '$work/ref.zip' && zip -q -r -X '$work/ref.zip' ."
ref_bytes=$(stat -c %s "$work/ref.zip")

best verify "$bin" verify "$bundle" --cert "$ws/team.pem"

ratio=$(python3 -c "print(f'{$archive_secs / $zip_secs:.1f}')")
machine="$(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1 /proc/loadavg)"
report=$(cat <<MD

## Acceptance bundle: \`archive-ops archive\` of a contract year ($(date +%F))

Command: \`bench/acceptance-archive.sh\` ($config build; \`bench/site-fixture.py --days 365 --tickets 400\`:
365 daily inspection reports, 400 tickets, 12 monthly summaries). Machine: \`$machine\`. Best of three runs.
The bundle holds $files files ($raw bytes uncompressed); the reference zips the same files, extracted from it.

| run | wall | CPU | peak RSS | output |
|---|---|---|---|---|
| \`archive-ops archive --from 2022-07 --to 2023-06\` (render pages, deflate, hash, sign, record) | ${archive_secs} s | ${archive_cpu} s | $((archive_kb / 1024)) MB | $bytes bytes |
| \`zip -r -X\` of the same files (reference) | ${zip_secs} s | ${zip_cpu} s | $((zip_kb / 1024)) MB | $ref_bytes bytes |
| \`archive-ops verify BUNDLE --cert team.pem\` (every file inflated and hashed, signature) | ${verify_secs} s | ${verify_cpu} s | $((verify_kb / 1024)) MB | exit 0 |

archive / zip wall-time ratio: **${ratio}×** — archive renders every page from the database first (the site
build's report steps), zip only compresses files already on disk.
MD
)
echo "$report"
echo "$report" >> BENCHMARKS.md
