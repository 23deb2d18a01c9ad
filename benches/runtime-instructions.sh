#!/usr/bin/env bash
# Run-time instructions per pass, derived against hand-written: the passes of
# benches/runtime.rs (one value of each of the 300 variants), run PASSES times without
# criterion under callgrind, each pass function's inclusive count read by name. The same
# count run after run, where criterion's wall time moves with the machine.
#
#   bash benches/runtime-instructions.sh          # PASSES=20 by default
#
# Needs valgrind (Debian's package).
set -euo pipefail
cd "$(dirname "$0")/.."
passes="${PASSES:-20}"
bin=$(cargo bench --all-features --bench runtime --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "runtime" and m.get("executable"):
        print(m["executable"])')
profile="$(mktemp)"
trap 'rm -f "$profile"' EXIT
PASSES="$passes" valgrind --tool=callgrind --callgrind-out-file="$profile" "$bin" 2>/dev/null
annotated=$(callgrind_annotate --inclusive=yes --threshold=100 "$profile")
count() {
    # The inclusive count of runtime::pass::<side>::<measure>, per pass.
    echo "$annotated" | grep -E "runtime::pass::$1::$2( |::h|$)" | head -1 |
        awk -v n="$passes" '{ gsub(",", "", $1); printf "%d", $1 / n }'
}
printf '| what | derived | hand-written | ratio |\n|---|---|---|---|\n'
for measure in status code body problem response; do
    d=$(count derived "$measure") h=$(count hand "$measure")
    printf '| %s | %s | %s | %s |\n' "$measure" "$d" "$h" "$(python3 -c "print(f'{$d / $h:.2f}x')")"
done
