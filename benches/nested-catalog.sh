#!/usr/bin/env bash
# What the cross-type duplicate-code check costs a touched `cargo check`: the crate of
# tests/nested_catalog.rs (two inner enums of 5,000 variants and a transparent wrapper
# over both), against the same crate without the wrapper. Medians of N runs each (default
# 9), alternating. Wall clock: run it on a quiet machine.
#
#   bash benches/nested-catalog.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-9}"
cd "$root"
cargo test -q --all-features --test nested_catalog >/dev/null   # writes the crate
bench="$root/target/nested-bench"
export CARGO_TARGET_DIR="$bench/target"
for v in with without; do
    mkdir -p "$bench/$v/src"
    printf '[package]\nname = "nested-%s"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\nstatus = { path = "%s" }\n[workspace]\n' \
        "$v" "$root" > "$bench/$v/Cargo.toml"
done
src="$root/target/tmp/nested-catalog/nested.rs"
cp "$src" "$bench/with/src/main.rs"
{ sed '/^#\[derive(Debug, ApiError)\]$/{N;/pub enum Outer/q}' "$src" | sed '$d' | sed '$d'; echo 'fn main() {}'; } \
    > "$bench/without/src/main.rs"
for v in with without; do (cd "$bench/$v" && cargo check -q); done
for i in $(seq "$runs"); do
    for v in with without; do
        touch "$bench/$v/src/main.rs"
        start=$(date +%s%N)
        (cd "$bench/$v" && cargo check -q)
        echo "$v $(( ($(date +%s%N) - start) / 1000000 ))"
    done
done | sort -k1,1 -k2,2n | awk '{t[$1]=t[$1] " " $2; n[$1]++; v[$1, n[$1]]=$2}
    END {for (k in n) printf "%-8s median %d ms (of%s)\n", k, v[k, int((n[k]+1)/2)], t[k]}'
