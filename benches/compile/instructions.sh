#!/usr/bin/env bash
# Instructions rustc executes, counted by callgrind: the same count run after run, whatever
# else the machine does, where wall time drifts by 10-30%. Diagnosis, not a goal: the goals
# are wall-clock ratios (bench.py).
#
#   bash benches/compile/instructions.sh hand1000 derived1000     # after bench.py's setup
#   callgrind_annotate --inclusive=yes target/compile-bench/callgrind/out.derived1000.*
#   bash benches/compile/instructions.sh --cold                   # about 10 minutes
#
# CRATE...: a touched `cargo check` of each generated crate. Each is checked once to warm its
# incremental state, then touched and checked under callgrind twice; the two totals are
# printed.
#
# --cold: the work of a cold build. Every rustc of a clean `cargo build` of the stack
# (thiserror + serde + serde_json), with and without `status`, under callgrind, summed per
# crate. On two cores the stack without `status` keeps both busy (its wall time is half its
# CPU time), so the ratio of the sums is what the wall-clock ratio comes to when cargo packs
# the two cores well. Build scripts run natively; only rustc is counted, as is nearly all of
# a cold build's time.
#
# Needs valgrind (Debian's package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../target/compile-bench"
out="$root/callgrind"

if [ -n "${STATUS_CG_WRAP:-}" ]; then
    # As cargo's RUSTC_WRAPPER: rustc under callgrind for the crate named by $CG_CRATE, or for
    # every compile when $COLD_LOG names the log of a cold build.
    rustc="$1"; shift
    crate="" kind="" prev=""
    for arg in "$@"; do
        [ "$prev" = "--crate-name" ] && crate="$arg"
        [ "$prev" = "--crate-type" ] && kind="$arg"
        prev="$arg"
    done
    # rustc under callgrind, its profile written to $1 (/dev/null for none); prints the count
    # and returns rustc's status. rustc's own stderr stays cargo's.
    counted() {
        local profile="$1" log status=0
        shift
        log="$(mktemp "$out/valgrind.XXXXXX")"
        valgrind --tool=callgrind --callgrind-out-file="$profile" --log-file="$log" \
            "$rustc" "$@" || status=$?
        grep -o 'Collected : [0-9]*' "$log" | awk '{print $3}'
        rm -f "$log"
        return $status
    }
    status=0
    if [ -n "${CG_CRATE:-}" ] && [ "$crate" = "$CG_CRATE" ]; then
        counted "$out/out.$crate.%p" "$@" >> "$out/ir.$crate" || status=$?
        exit $status
    fi
    # `___` is cargo's query of the compiler's settings, not a compile.
    if [ -n "${COLD_LOG:-}" ] && [ -n "$crate" ] && [ "$crate" != "___" ]; then
        ir="$(counted /dev/null "$@")" || status=$?
        printf '%s %s %s\n' "$crate" "${kind:-lib}" "$ir" >> "$COLD_LOG"
        exit $status
    fi
    exec "$rustc" "$@"
fi

mkdir -p "$out"
cd "$root"
[ "$#" -gt 0 ] || { echo "usage: $0 CRATE... | --cold (crates under target/compile-bench)" >&2; exit 2; }
export RUSTC_WRAPPER="$here/instructions.sh" STATUS_CG_WRAP=1

if [ "$1" = "--cold" ]; then
    export CARGO_INCREMENTAL=0
    for stack in stack-without-status stack-with-status; do
        export COLD_LOG="$out/cold.$stack.txt" CARGO_TARGET_DIR="$out/target-$stack"
        rm -rf "$CARGO_TARGET_DIR" "$COLD_LOG"
        cargo build -q -p "$stack"
    done
    python3 - "$out" <<'EOF'
import sys, collections
out = sys.argv[1]
def load(stack):
    units = collections.OrderedDict()
    for line in open(f"{out}/cold.{stack}.txt"):
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
    exit 0
fi

export CARGO_TARGET_DIR="$root/target-callgrind"
for crate in "$@"; do
    rm -f "$out/ir.$crate" "$out"/out."$crate".*
    cargo check -q -p "$crate"
    for _ in 1 2; do
        touch "$crate/src/lib.rs"
        CG_CRATE="$crate" cargo check -q -p "$crate"
    done
    printf '%s: %s instructions\n' "$crate" "$(paste -sd' ' "$out/ir.$crate")"
done
