#!/usr/bin/env bash
# Sets everything up, builds the release site and serves it at
# http://127.0.0.1:8080/ (PORT=... to change). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
NEED_BROWSER=0 ./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
./scripts/build.sh
# As a plain static host serves it: files and pages, 404.html for the rest.
exec node scripts/serve.mjs --dir dist --port "${PORT:-8080}" --no-fallback
