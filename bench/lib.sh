# Shared by the benchmark scripts (source it after `cd` to the package root and setting `work`).

command -v sqlite3 >/dev/null || { echo "需要 sqlite3 (apt-get install sqlite3)"; exit 1; }
[ -x /usr/bin/time ] || { echo "需要 /usr/bin/time (apt-get install time)"; exit 1; }

# The release build of archive-ops: benchmarks never measure a debug build.
release_bin() {
  echo "构建 release 版本 (release build)…" >&2
  swift build -c release --product archive-ops >/dev/null
  echo "$(swift build -c release --show-bin-path)/archive-ops"
}

# measure LABEL COMMAND… → prints "wall-seconds peak-RSS-KiB"; the command's stdout goes to $work/LABEL.out.
measure() {
  local log="$work/$1.time"
  sync
  /usr/bin/time -v -o "$log" "${@:2}" >"$work/$1.out"
  local wall rss secs
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  # h:mm:ss or m:ss.cc → seconds
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  echo "$secs $rss"
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
machine() { echo "$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average (1, 5, 15 min) when the results were written $(cut -d' ' -f1-3 /proc/loadavg)"; }
