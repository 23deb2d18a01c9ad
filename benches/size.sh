#!/usr/bin/env bash
# Lines of status-derive/src, per file: production (every line but `#[cfg(test)]` items)
# and total; then thiserror-impl's, the derive it is measured against (after `cargo fetch`).
#
#   bash benches/size.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# Production lines of a file: a `#[cfg(test)]` item is skipped, to the end of the file for
# a `mod tests {` (test modules come last), else through its `mod name;` line.
production() {
    awk '
        /^#\[cfg\(test\)\]/ { skip = 1; next }
        skip && /^mod [a-z_]+ \{/ { exit }
        skip && /^mod [a-z_]+;/ { skip = 0; next }
        skip { next }
        { n++ }
        END { print n + 0 }
    ' "$1"
}

printf '%-14s %10s %6s\n' file production total
prod=0 total=0
for file in "$root"/status-derive/src/*.rs; do
    p=$(production "$file") t=$(wc -l <"$file")
    printf '%-14s %10d %6d\n' "$(basename "$file")" "$p" "$t"
    prod=$((prod + p)) total=$((total + t))
done
printf '%-14s %10d %6d\n' status-derive "$prod" "$total"

impl=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/thiserror-impl-2.* 2>/dev/null | sort -V | tail -1)
if [ -n "$impl" ]; then
    printf '%-14s %10s %6d\n' "$(basename "$impl")" "" "$(cat "$impl"/src/*.rs | wc -l)"
fi
