#!/usr/bin/env bash
# Builds the demo site from REV (default HEAD~) and from the working tree and diffs the two Output/
# folders. No output and exit 0 means the demo site is byte-identical.
#
#   scripts/compare-demo.sh            # HEAD~ against the working tree
#   scripts/compare-demo.sh main       # any commit, branch or tag
#
# REV is checked out in a temporary `git worktree` (.build-compare/rev) and built with its own scratch
# path (.build-compare/build; both ignored by git, the build kept so the next comparison is incremental);
# the working tree uses the usual .build/. Both demos run in the same folder one after the other, so the one
# path-dependent value (the center path shown on the inspection pages) is the same on both sides.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD~}"
commit="$(git -C "$repo" rev-parse --verify "$rev^{commit}")"

# The worktree keeps one path so that the next comparison's build is incremental.
compare="$repo/.build-compare"
tree="$compare/rev"
work="$(mktemp -d /tmp/compare-demo.XXXXXX)"
cleanup() {
    git -C "$repo" worktree remove --force "$tree" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "构建 $rev ($commit) 与工作区 (building $rev and the working tree)…" >&2
mkdir -p "$compare"
git -C "$repo" worktree remove --force "$tree" 2>/dev/null || true
git -C "$repo" worktree prune
git -C "$repo" worktree add --detach --quiet "$tree" "$commit"
swift build --package-path "$tree" --scratch-path "$compare/build" --product archive-ops >&2
before_bin="$(swift build --package-path "$tree" --scratch-path "$compare/build" --show-bin-path)/archive-ops"
swift build --package-path "$repo" --product archive-ops >&2
after_bin="$(swift build --package-path "$repo" --show-bin-path)/archive-ops"

demo() { # binary, where to keep its Output/
    rm -rf "$work/demo" && mkdir -p "$work/demo"
    (cd "$work/demo" && "$1" demo >/dev/null)
    mv "$work/demo/Output" "$2"
}
demo "$before_bin" "$work/before"
demo "$after_bin" "$work/after"

if diff -r "$work/before" "$work/after"; then
    echo "演示站点逐字节相同 (demo site byte-identical): $rev → working tree" >&2
else
    echo "演示站点不同 (demo site differs): $rev → working tree" >&2
    exit 1
fi
