#!/usr/bin/env bash
# Mutation testing of the two crates that hold the logic: status-core and status-derive.
# Every mutant cargo-mutants makes (a function body replaced, an operator flipped, a match
# arm deleted) should make some test fail. Results land in mutants.out/ (caught.txt,
# missed.txt, …).
#
#   scripts/mutants.sh                          # every test, both crates (hours on 2 cores)
#   scripts/mutants.sh --fast                   # the quick suites only (no trybuild, no servers)
#   scripts/mutants.sh --fast -f status-core/src/status.rs   # extra cargo-mutants arguments
#
# A mutant is built and tested in a copy of the tree; about 60 s each on 2 cores with --fast.
# --build-timeout matters: a mutant that loops inside a const fn the macro calls (say
# `i += 1` made `i *= 1` in is_valid_header_name) hangs rustc itself.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
    cargo install cargo-mutants --locked
fi

tests=()
if [ "${1:-}" = "--fast" ]; then
    shift
    tests=(--lib --test body --test headers --test nesting --test properties
        --test header_properties --test catalog --test http)
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    files=(-f 'status-core/src/**' -f 'status-derive/src/**')
fi

# --workspace: mutate every member (the -f filters pick the two crates); --test-workspace:
# a mutant in status-derive is caught by the facade's tests (behaviour, trybuild UI cases,
# property tests), not by status-derive's own unit tests. The baseline is skipped because
# cargo-mutants would run it with --package filters that the facade's test names do not fit;
# `cargo test --workspace --all-features` is the baseline, and CI runs it.
cargo mutants --workspace "${files[@]}" \
    --test-workspace=true --baseline=skip --timeout 300 --build-timeout 600 \
    -- --all-features "${tests[@]}"
