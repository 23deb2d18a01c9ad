#!/usr/bin/env bash
# Mutation testing of the two crates that hold the logic: status-core and status-derive.
# Every mutant cargo-mutants makes (a function body replaced, an operator flipped, a match
# arm deleted) must make some test fail. Survivors are listed in mutants.out/missed.txt.
#
#   scripts/mutants.sh                 # both crates, all tests (slow: hours on 2 cores)
#   scripts/mutants.sh -f valid.rs     # any extra cargo-mutants arguments
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
    cargo install cargo-mutants --locked
fi

# --test-workspace: a mutant in status-derive is caught by the facade's tests (behaviour,
# trybuild UI cases, property tests), not by status-derive's own few unit tests.
cargo mutants \
    --package status-core --package status-derive \
    --test-workspace=true \
    --timeout-multiplier 3 \
    "$@" \
    -- --all-features
