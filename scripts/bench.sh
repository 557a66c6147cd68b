#!/usr/bin/env bash
# Builds the release site and prints its benchmark numbers (sizes and
# in-browser timings). The README records the latest output.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
./scripts/build.sh >/dev/null
node scripts/bench.mjs
