"""Validate Decant JSON Lines output against the shared schema.

usage: validate_documents.py SCHEMA PRINTED_SCHEMA FILE.jsonl...

Checks that `decant schema` prints the committed schema, that the schema itself is valid
JSON Schema 2020-12, and that every line of every file is a valid document. Also checks the
readers that produced them, so a reader without output is noticed.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main() -> int:
    schema_path, printed_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(printed_path, encoding="utf-8") as f:
        printed = json.load(f)
    passed = failed = 0
    if printed != schema:
        print(f"FAIL: `decant schema` differs from {schema_path}")
        failed += 1
    else:
        passed += 1
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    readers = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                document = json.loads(line)
                errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
                if errors:
                    failed += 1
                    for error in errors[:3]:
                        where = "/".join(map(str, error.path))
                        print(f"FAIL {path}:{number} ({document.get('source')}): {where}: {error.message}")
                else:
                    passed += 1
                reader = document["decant"]["reader"] or "(error record)"
                readers[reader] = readers.get(reader, 0) + 1
    for reader, count in sorted(readers.items()):
        print(f"  {reader}: {count} documents validated")
    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
