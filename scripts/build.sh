#!/usr/bin/env bash
# Builds the release site into a folder any static host can serve:
#   1. Trunk: the Wasm app, its JS, the CSS, data files, images and fonts;
#   2. the build-time renderer: every page, in both languages, as HTML from
#      the app's own components (src/prerender.rs), after checking every data
#      file (a broken one stops the build, with the file and the field);
#   3. the security step: subresource integrity and the Content-Security-Policy
#      on every page (scripts/csp.mjs).
# Usage: scripts/build.sh [--public-url /expo/] [--dist dist] [--data public]
#   --data: the folder whose data/ the site is built from (default public/);
#   the tests build a third site from tests/fixtures/site.   (run setup.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

public_url=/
dist=dist
data=public
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) public_url="$2"; shift 2 ;;
    --dist) dist="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

trunk build --release --public-url "$public_url" --dist "$dist"
if [ "$data" != public ]; then
  rm -rf "$dist/data" && cp -r "$data/data" "$dist/data"
  if [ -d "$data/images" ]; then cp -r "$data/images/." "$dist/images/"; fi
fi
cargo run --quiet --bin prerender -- --dist "$dist" --public "$data" --public-url "$public_url"
node scripts/csp.mjs "$dist" > /dev/null
echo "build.sh: $dist is ready (public URL $public_url)"
