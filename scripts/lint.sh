#!/usr/bin/env bash
# Style checks CI runs before the tests: swift-format's rules (configured in .swift-format) and the
# 140-column limit. Exits non-zero and names file:line for every finding.
#
# swift-format ships in the Swift toolchain (`swift format`). Its pretty-printer is not enforced: the
# code aligns continuation lines under their opening bracket, which swift-format cannot express, and
# reformatting every file would bury the history. So the lint runs the rules only
# (--debug-disable-pretty-print), and line length — the one layout rule we keep — is checked here.
# To format a new file by hand: `swift format --in-place FILE` (then keep the alignment you want).
set -euo pipefail
cd "$(dirname "$0")/.."

limit=140
paths=(Package.swift Sources Tests)

status=0
swift format lint --strict --recursive --parallel --debug-disable-pretty-print "${paths[@]}" || status=1

# Columns are characters, not bytes (Chinese text is three bytes a character in UTF-8). Files listed in
# scripts/lint-long-lines.pending are still waiting to be wrapped (see that file); the list only shrinks.
pending="$(grep -v '^#' scripts/lint-long-lines.pending | sed '/^$/d' || true)"
if LC_ALL=C.UTF-8 grep -rnP --include='*.swift' "^.{$((limit + 1)),}" "${paths[@]}" \
    | grep -vF -f <(printf '%s\n' "${pending:-/nothing-pending/}" | sed 's/$/:/') \
    | sed -E "s/^([^:]+:[0-9]+):.*/\1: line longer than $limit columns; wrap it (行超过 $limit 列，请换行)/" \
    | grep .; then
    status=1
fi
exit $status
