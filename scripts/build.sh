#!/usr/bin/env bash
# Builds the release site into a folder any static host can serve:
#   1. Trunk, twice: the main entry (news, articles, sponsors) with the CSS,
#      data files, images and fonts; then the booking entry, whose Wasm only
#      the booking pages load (its page shell is index.html with the other
#      binary and nothing to copy, so the two cannot drift apart);
#   2. the build-time renderer: every page, in both languages, as HTML from
#      the app's own components (src/prerender.rs), after checking every data
#      file (a broken one stops the build, with the file and the field);
#   3. the stylesheets into every page, so its first paint waits for no other
#      file (scripts/inline-css.mjs); then the security step: subresource
#      integrity and the Content-Security-Policy on every page (scripts/csp.mjs);
#   4. the offline step: web app manifests and the service worker (scripts/sw.mjs).
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
book_stage="$dist.book"
sed -e 's/data-bin="expo-site"/data-bin="expo-book"/' -e '/rel="copy-dir"/d' index.html > .book.html
trap 'rm -f .book.html' EXIT
trunk build --release --public-url "$public_url" --dist "$book_stage" .book.html
cp "$book_stage"/expo-book-* "$dist"/
cp "$book_stage"/index.html "$dist"/book-shell.html
rm -rf "$book_stage"
if [ "$data" != public ]; then
  rm -rf "$dist/data" && cp -r "$data/data" "$dist/data"
  if [ -d "$data/images" ]; then cp -r "$data/images/." "$dist/images/"; fi
fi
cargo run --quiet --bin prerender -- --dist "$dist" --public "$data" --public-url "$public_url"
node scripts/inline-css.mjs "$dist" > /dev/null
node scripts/csp.mjs "$dist" > /dev/null
node scripts/sw.mjs "$dist"   # manifests and the service worker (offline use), over the final files
echo "build.sh: $dist is ready (public URL $public_url)"
