#!/usr/bin/env bash
# Sets everything up and runs every test: formatting and lints, native tests
# (domain and data files), component tests in headless Chromium, then
# end-to-end tests against the release build (at the root and under /expo/).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "Format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Native tests: domain rules and data files"
cargo test

step "Component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser

step "Release builds (root, sub-path, and the fixture site the journeys run on)"
./scripts/build.sh
./scripts/build.sh --public-url /expo/ --dist dist-subpath
./scripts/build.sh --data tests/fixtures/site --dist dist-fixture

step "End-to-end tests"
npx playwright test
