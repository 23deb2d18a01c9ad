#!/usr/bin/env bash
# Instructions a touched `cargo check` of one generated crate costs rustc, counted by
# callgrind: the same count run after run, whatever else the machine does, where wall time
# drifts by 10-20%. Diagnosis, not a goal: the goals are wall-clock ratios (bench.py).
#
#   bash benches/compile/instructions.sh hand1000 derived1000     # after bench.py's setup
#   callgrind_annotate --inclusive=yes target/compile-bench/callgrind/out.derived1000.*
#
# Needs valgrind (Debian's package). Each crate is checked once to warm its incremental
# state, then touched and checked under callgrind twice; the two totals are printed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../target/compile-bench"
out="$root/callgrind"

if [ -n "${STATUS_CG_WRAP:-}" ]; then
    # As cargo's RUSTC_WRAPPER: rustc under callgrind for the crate named by $CG_CRATE.
    rustc="$1"; shift
    crate="" prev=""
    for arg in "$@"; do
        [ "$prev" = "--crate-name" ] && crate="$arg"
        prev="$arg"
    done
    if [ -n "${CG_CRATE:-}" ] && [ "$crate" = "$CG_CRATE" ]; then
        status=0
        valgrind --tool=callgrind --callgrind-out-file="$out/out.$crate.%p" \
            "$rustc" "$@" 2> "$out/valgrind.$crate.log" || status=$?
        grep -o 'Collected : [0-9]*' "$out/valgrind.$crate.log" | awk '{print $3}' >> "$out/ir.$crate"
        exit $status
    fi
    exec "$rustc" "$@"
fi

mkdir -p "$out"
cd "$root"
[ "$#" -gt 0 ] || { echo "usage: $0 CRATE... (crates under target/compile-bench)" >&2; exit 2; }
export CARGO_TARGET_DIR="$root/target-callgrind" RUSTC_WRAPPER="$here/instructions.sh" STATUS_CG_WRAP=1
for crate in "$@"; do
    rm -f "$out/ir.$crate" "$out"/out."$crate".*
    cargo check -q -p "$crate"
    for _ in 1 2; do
        touch "$crate/src/lib.rs"
        CG_CRATE="$crate" cargo check -q -p "$crate"
    done
    printf '%s: %s instructions\n' "$crate" "$(paste -sd' ' "$out/ir.$crate")"
done
