#!/usr/bin/env bash
# Validates real output of every reader (seeds and the test fixtures, error records included)
# against schema/decant-document.schema.json with Python's jsonschema.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/decant}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Exit status 1 (some documents failed) is expected: the fixtures include broken inputs.
"$BIN" clean seeds Tests/Fixtures -o "$tmp/out" --quiet || [ $? -eq 1 ]
"$BIN" schema > "$tmp/printed.schema.json"
.venv/bin/python scripts/validate_documents.py schema/decant-document.schema.json "$tmp/printed.schema.json" \
  "$tmp/out/documents.jsonl" "$tmp/out/errors.jsonl"
