#!/usr/bin/env bash
# Mutation testing of the two crates that hold the logic: status-core and status-derive.
# Every mutant cargo-mutants makes (a function body replaced, an operator flipped, a match
# arm deleted) should make some test fail.
#
#   scripts/mutants.sh                    # every file, each against the tests that exercise it
#   scripts/mutants.sh status-core/src/contract.rs ...   # only these files
#   MUTANTS_ALL_TESTS=1 scripts/mutants.sh FILE          # one file against every test (slow)
#
# Results land in mutants.out/<file>/mutants.out/ (caught.txt, missed.txt, unviable.txt, timeout.txt);
# `scripts/mutants.sh --summary` totals them.
#
# Why a plan per file: a mutant in status-core rebuilds status-derive and every test crate,
# and the whole suite (trybuild, servers) takes minutes; against the suites that exercise
# the file a mutant takes 10-60 s on 2 cores. The plan below says which suites those are.
# A survivor is then re-checked against every test (MUTANTS_ALL_TESTS=1) before it is
# listed as missed in the README.
#
# --in-place: the mutants are applied to this tree one at a time (and reverted), so the
# target dir stays warm; do not edit the tree while it runs. --build-timeout matters: a
# mutant that loops inside a const fn the macro calls (`i += 1` made `i *= 1` in
# is_valid_header_name) hangs rustc itself. A mutant that loops in the macro hangs the
# build of every test that derives: with a warm target, MUTANTS_BUILD_TIMEOUT=120 cuts each
# such mutant from 10 minutes to 2.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--summary" ]; then
    printf '| file | mutants | caught | missed | unviable | timeout |\n|---|---|---|---|---|---|\n'
    for dir in mutants.out/*/; do
        name=$(basename "$dir" | tr '+' '/')
        dir="$dir/mutants.out" # cargo-mutants nests its own directory under -o
        [ -f "$dir/outcomes.json" ] || continue
        count() { if [ -f "$dir/$1.txt" ]; then grep -c . "$dir/$1.txt" || true; else echo 0; fi; }
        c=$(count caught) m=$(count missed) u=$(count unviable) t=$(count timeout)
        printf '| `%s` | %d | %d | %d | %d | %d |\n' "$name" $((c + m + u + t)) "$c" "$m" "$u" "$t"
    done
    exit 0
fi

if ! command -v cargo-mutants >/dev/null; then
    cargo install cargo-mutants --locked
fi

# The test targets that exercise each file. `derive` means status-derive's own tests (the
# macro's property tests and the diagnostics check against tests/ui/**/*.stderr), which
# run without building a test crate per UI case.
declare -A plan=(
    [status-core/src/status.rs]="--lib --test body --test http --test handwritten --test catalog"
    [status-core/src/header.rs]="--test headers --test header_properties --test http derive"
    [status-core/src/body.rs]="--test body --test properties --test handwritten"
    [status-core/src/api_error.rs]="--test body --test nesting --test handwritten --test headers --test http"
    [status-core/src/catalog.rs]="--test catalog --test packed_catalog --test bench_consistency --test nesting --test contract derive"
    [status-core/src/render.rs]="--test catalog --test contract"
    [status-core/src/contract.rs]="--lib --test contract"
    [status-core/src/catalog/packed.rs]="--lib --test packed_catalog --test wide_catalog --test catalog"
    [status-core/src/catalog/unique.rs]="--lib --test nesting --test nested_catalog"
    [status-core/src/openapi/mod.rs]="--test openapi --test aide"
    [status-core/src/openapi/utoipa.rs]="--test openapi"
    [status-core/src/openapi/aide.rs]="--test aide"
    [status-core/src/grammar.rs]="--lib --test hostile --test http derive"
    [status-core/src/guard.rs]="--lib --test body --test message_template --test tracing --test hostile"
    [status-core/src/context.rs]="--test framework --test axum --test actix"
    [status-core/src/violations/mod.rs]="--test violations"
    [status-core/src/violations/validator.rs]="--test violations"
    [status-core/src/violations/garde.rs]="--test violations"
    [status-core/src/violations/utoipa.rs]="--test violations --test openapi"
    [status-core/src/violations/aide.rs]="--test violations --test aide"
    [status-core/src/wire.rs]="--test http --test header_properties --test axum --test actix --test tracing"
    [status-core/src/http.rs]="--test http --test header_properties"
    [status-core/src/adapters.rs]="--test axum --test actix --test http"
    [status-core/src/lib.rs]="--lib --test body --test nesting --test handwritten --test http"
    [status-derive/src/lib.rs]="derive --test body"
    [status-derive/src/ast.rs]="derive --test body --test nesting"
    [status-derive/src/attr.rs]="derive"
    [status-derive/src/ctxt.rs]="derive"
    [status-derive/src/names.rs]="derive"
    [status-derive/src/valid.rs]="derive --test message_template"
    [status-derive/src/header.rs]="derive --test headers"
    [status-derive/src/fallback.rs]="derive --test headers"
    [status-derive/src/catalog.rs]="derive --test packed_catalog --test nested_catalog --test wide_catalog --test catalog"
    [status-derive/src/generics.rs]="derive --test nesting --test hygiene --test macro_rules --test message_template"
    [status-derive/src/expand.rs]="derive --test body --test nesting --test headers --test http --test catalog --test packed_catalog --test bench_consistency --test hygiene --test handwritten --test axum --test actix --test openapi"
)

# Every source file has a plan: a new file without one fails here rather than go unmutated.
for file in status-core/src/*.rs status-core/src/*/*.rs status-derive/src/*.rs status-derive/src/*/*.rs; do
    [ -f "$file" ] || continue
    case "$file" in
    # Test-only modules (`#[cfg(test)] mod ...`), which cargo-mutants does not mutate.
    status-derive/src/proptests.rs | status-derive/src/diagnostics.rs) continue ;;
    esac
    if [ -z "${plan[$file]:-}" ]; then
        echo "scripts/mutants.sh: no test plan for $file" >&2
        exit 1
    fi
done

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    mapfile -t files < <(printf '%s\n' "${!plan[@]}" | sort)
fi

for file in "${files[@]}"; do
    tests=${plan[$file]:-}
    if [ -z "$tests" ]; then
        echo "no test plan for $file" >&2
        exit 1
    fi
    # -C: arguments for every cargo call, the `cargo test --no-run` build among them, so a
    # mutant builds only the test targets of its plan (arguments after `--` would reach the
    # test run only, and the build would compile every test, example and bench).
    args=(-C --all-features)
    if [ -n "${MUTANTS_ALL_TESTS:-}" ]; then
        args+=(--test-workspace=true)
    elif [ "$tests" = "derive" ]; then
        # status-derive's own unit tests only: a mutant there rebuilds no test crate.
        args+=(--test-workspace=false)
    else
        # `derive` is the `--lib` unit tests of every member, status-derive's among them.
        args+=(--test-workspace=true)
        for arg in ${tests//derive/--lib}; do
            args+=(-C "$arg")
        done
    fi
    out="mutants.out/${file//\//+}"
    mkdir -p "$out"
    echo "== $file: ${args[*]}"
    cargo mutants --workspace -f "$file" --in-place --baseline=skip \
        --timeout 90 --build-timeout "${MUTANTS_BUILD_TIMEOUT:-600}" -o "$out" "${args[@]}" || true
done
