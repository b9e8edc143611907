#!/usr/bin/env bash
# The main job on the embedded default, from a fresh machine: install libraries, build, run the demo.
# The workspace is the repository root, so the site lands in ./Output (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh
swift build -c release --product archive-ops
.build/release/archive-ops demo "$@"
