#!/usr/bin/env bash
# The work of a cold build, in instructions: every rustc of a clean `cargo build` of the stack
# (thiserror + serde + serde_json, with and without `status`) under callgrind, summed per
# crate. The same counts run after run, where the wall-clock cold build here drifts by 10-30%
# (a noisy machine moves both sides of bench.py's ratio, but not by the same amount). On two
# cores the stack without `status` keeps both busy (its wall time is half its CPU time), so
# the ratio of the sums is what the wall-clock ratio comes to when cargo packs the two cores
# well. Diagnosis beside bench.py's goal figure, not a goal of its own.
#
#   python3 benches/compile/bench.py --runs 0 --cold 0   # generate the crates
#   bash benches/compile/cold-instructions.sh            # about 10 minutes on 2 cores
#
# Needs valgrind (Debian's package). Build scripts run natively; only rustc is counted, as
# is nearly all of a cold build's time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../target/compile-bench"
out="$root/cold-callgrind"

if [ -n "${STATUS_COLD_WRAP:-}" ]; then
    # As cargo's RUSTC_WRAPPER: a compile under callgrind, its total appended to $COLD_LOG.
    rustc="$1"; shift
    crate="" kind="" prev=""
    for arg in "$@"; do
        [ "$prev" = "--crate-name" ] && crate="$arg"
        [ "$prev" = "--crate-type" ] && kind="$arg"
        prev="$arg"
    done
    # `___` is cargo's query of the compiler's settings, not a compile.
    if [ -z "$crate" ] || [ "$crate" = "___" ]; then
        exec "$rustc" "$@"
    fi
    log="$(mktemp "$out/valgrind.XXXXXX")"
    status=0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$log" \
        "$rustc" "$@" || status=$?
    ir="$(grep -o 'Collected : [0-9]*' "$log" | awk '{print $3}')"
    printf '%s %s %s\n' "$crate" "${kind:-lib}" "$ir" >> "$COLD_LOG"
    rm -f "$log"
    exit $status
fi

mkdir -p "$out"
cd "$root"
export RUSTC_WRAPPER="$here/cold-instructions.sh" STATUS_COLD_WRAP=1 CARGO_INCREMENTAL=0
for stack in stack-without-status stack-with-status; do
    export COLD_LOG="$out/$stack.txt" CARGO_TARGET_DIR="$out/target-$stack"
    rm -rf "$CARGO_TARGET_DIR" "$COLD_LOG"
    cargo build -q -p "$stack"
done
python3 - "$out" <<'EOF'
import sys, collections
out = sys.argv[1]
def load(stack):
    units = collections.OrderedDict()
    for line in open(f"{out}/{stack}.txt"):
        crate, kind, ir = line.split()
        units[f"{crate} ({kind})"] = units.get(f"{crate} ({kind})", 0) + int(ir)
    return units
without, with_ = load("stack-without-status"), load("stack-with-status")
# The empty leaf crate differs in name only.
added = {unit: ir for unit, ir in with_.items() if unit not in without and not unit.startswith("stack_")}
for unit, ir in sorted(added.items(), key=lambda kv: -kv[1]):
    print(f"{unit}: {ir / 1e6:,.1f} M")
total_without, total_with = sum(without.values()), sum(with_.values())
print(f"stack without status: {total_without / 1e6:,.1f} M instructions in {len(without)} rustc runs")
print(f"stack with status:    {total_with / 1e6:,.1f} M instructions in {len(with_)} rustc runs")
print(f"ratio: {total_with / total_without:.3f}")
EOF
