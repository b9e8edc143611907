#!/usr/bin/env bash
# The full test suite from a fresh machine: system packages, test tools, build, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh --test
export ARCHIVEOPS_TOOLS="$PWD/.build-tools"
bash scripts/lint.sh
swift build --build-tests
swift test --skip-build
