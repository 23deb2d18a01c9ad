#!/usr/bin/env bash
# The macro's own build against thiserror-impl's: the instructions of the one rustc that
# compiles each proc-macro crate (its dependencies built first, not counted), under
# callgrind, as a user's cold build runs it (dev profile, not incremental).
#
#   bash benches/compile/macro-build.sh
#
# Needs valgrind (Debian's package).
set -euo pipefail
if [ -n "${MACRO_BUILD_LOG:-}" ]; then
    # As cargo's RUSTC_WRAPPER: the two crates' rustc under callgrind, cargo's environment
    # kept (thiserror-impl reads CARGO_PKG_VERSION_PATCH); every other rustc as it is.
    rustc="$1"; shift
    crate="" prev=""
    for arg in "$@"; do
        [ "$prev" = "--crate-name" ] && crate="$arg"
        prev="$arg"
    done
    case "$crate" in
        status_derive | thiserror_impl)
            valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$MACRO_BUILD_LOG.$crate" \
                "$rustc" "$@"
            ;;
        *) exec "$rustc" "$@" ;;
    esac
    exit
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/target/compile-bench/macro-build"
rm -rf "$work" && mkdir -p "$work/probe/src"
touch "$work/probe/src/lib.rs"
cat > "$work/probe/Cargo.toml" <<TOML
[package]
name = "probe"
version = "0.0.0"
edition = "2024"
[dependencies]
status-derive = { path = "$root/status-derive" }
thiserror-impl = "2"
[workspace]
TOML
cd "$work/probe"
CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0 MACRO_BUILD_LOG="$work/callgrind" \
    RUSTC_WRAPPER="$root/benches/compile/macro-build.sh" cargo build -q
for crate in status_derive thiserror_impl; do
    printf '%s: %s instructions\n' "$crate" \
        "$(sed -n 's/^==[0-9]*== Collected : //p' "$work/callgrind.$crate")"
done
