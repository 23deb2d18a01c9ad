#!/usr/bin/env bash
# Generates a Python client (openapi-python-client, from PyPI) for the products example's
# OpenAPI document and reports what a client author meets: how many model and code types
# the error types became, and whether a body with a code the document does not list (one a
# newer server sends) still parses. Not in CI: it installs from PyPI into target/.
#
#   bash scripts/generate-client.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/client"
rm -rf "$out"
mkdir -p "$out"
cd "$root"
cargo run -q --example openapi --features utoipa > "$out/openapi.json"
python3 -m venv "$out/venv"
"$out/venv/bin/pip" install -q openapi-python-client
"$out/venv/bin/openapi-python-client" --version
(cd "$out" && "$out/venv/bin/openapi-python-client" generate --path openapi.json --meta none \
    --output-path products_client > generate.log 2>&1) || { cat "$out/generate.log"; exit 1; }
models="$out/products_client/models"
echo "model files: $(ls "$models" | grep -v '^__init__' | tr '\n' ' ')"
echo "code types (enum classes with Code in the name): $(grep -l '^class .*Code.*Enum)' "$models"/*.py | wc -l)"
grep -h '^class .*Code.*Enum)' "$models"/*.py | sed 's/^/  /' || true
cd "$out"
"$out/venv/bin/python" - <<'PY'
import importlib, pkgutil
import products_client.models as models
error = next(getattr(models, name) for name in dir(models) if name == "ApiFault")
known = error.from_dict({"error": "product 42 not found", "code": "PRODUCT_NOT_FOUND", "id": 42})
print("a known code parses:", repr(known.code))
newer = error.from_dict({"error": "on hold", "code": "PRODUCT_ON_HOLD"})
print("a new code parses:", repr(newer.code))
PY
