#!/usr/bin/env bash
# Mutation testing of the pure domain with cargo-mutants: each mutant (an
# operator flipped, a function body replaced by a default...) must make a
# native test fail. Not part of scripts/test.sh: a full run over src/domain is
# ~850 mutants, about 40 s each on 2 shared cores: hours. Runs one file at a
# time, one job, the native tests of the domain only (the lib's unit tests and
# tests/booking.rs and tests/data_files.rs, where the data files' rules are
# tested), without debug info (each mutant links the test binaries
# again; debug info makes that several times slower). The baseline is skipped
# (run `cargo test` first): a fixed timeout, generous for a busy machine.
#
# Usage: scripts/mutants.sh [file ...]   (default: every file of src/domain)
# Install: cargo install --locked cargo-mutants
# Results: target/mutants/<file>/mutants.out (caught.txt, missed.txt, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ $# -eq 0 ]; then
  mapfile -t files < <(find src/domain -name '*.rs' | sort)
else
  files=("$@")
fi
for file in "${files[@]}"; do
  out="target/mutants/$(basename "$file" .rs)"
  mkdir -p "$out"
  echo "==> $file"
  # The summary line (caught, missed, unviable) ends each file's run; a
  # missed mutant exits non-zero, so keep going and report them all.
  CARGO_PROFILE_DEV_DEBUG=0 cargo mutants -j 1 --no-shuffle --baseline skip --timeout 120 \
    --file "$file" --output "$out" -- --lib --test booking --test data_files || true
done
