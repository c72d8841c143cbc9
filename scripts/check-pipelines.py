"""Pipeline integration checks run by `make test`:

1. Spark: examples/spark/decant_spark.py (local mode, 2 workers) over a folder gives the same
   documents as `decant clean` on that folder, document for document.
2. datatrove: its JsonlReader loads `decant clean` output unchanged (id, text, metadata).

usage: check-pipelines.py DECANT_BINARY
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def clean(decant, folder, out):
    subprocess.run([decant, "clean", folder, "-o", out, "--quiet"], check=False)
    with open(os.path.join(out, "documents.jsonl"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def check_spark(decant, folder, tmp):
    expected = clean(decant, folder, os.path.join(tmp, "clean"))
    output = os.path.join(tmp, "spark.jsonl")
    subprocess.run([sys.executable, os.path.join(ROOT, "examples/spark/decant_spark.py"), "--decant", decant,
                    "--input-folder", folder, "--output", output, "--master", "local[2]"], check=True)
    with open(output, encoding="utf-8") as f:
        # decant clean lists skipped/failed inputs in errors.jsonl; pipe returns them inline.
        got = [line.rstrip("\n") for line in f if json.loads(line)["error"] is None]
    problems = []
    if len(got) != len(expected):
        problems.append(f"spark wrote {len(got)} documents, clean wrote {len(expected)}")
    for a, b in zip(got, expected):
        if a != b:
            problems.append(f"document differs: {json.loads(b)['source']}")
    return problems


def check_datatrove(decant, folder, tmp):
    from datatrove.pipeline.readers import JsonlReader

    out = os.path.join(tmp, "dt")
    expected = [json.loads(line) for line in clean(decant, folder, out)]
    documents = list(JsonlReader(out, glob_pattern="documents.jsonl").run())
    problems = []
    if len(documents) != len(expected):
        problems.append(f"datatrove read {len(documents)} documents, expected {len(expected)}")
    for doc, want in zip(documents, expected):
        if doc.id != want["id"] or doc.text != want["text"]:
            problems.append(f"datatrove document {doc.id} differs from {want['source']}")
        # datatrove keeps every other top-level key as metadata and lifts our `metadata` object into it.
        if doc.metadata.get("source") != want["source"] or doc.metadata.get("title") != want["metadata"]["title"]:
            problems.append(f"datatrove lost metadata of {want['source']}")
    return problems


def main():
    decant = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="decant-pipelines-")
    try:
        folder = os.path.join(tmp, "input")
        shutil.copytree(os.path.join(ROOT, "Tests/Fixtures/text"), os.path.join(folder, "fixtures"))
        os.makedirs(os.path.join(folder, "seeds"))
        for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(ROOT, "seeds", name), os.path.join(folder, "seeds", name))
        passed = failed = 0
        for name, check in [("spark equals clean", check_spark), ("datatrove reads the output", check_datatrove)]:
            problems = check(decant, folder, tmp)
            if problems:
                failed += 1
                print(f"FAIL {name}:")
                for problem in problems[:10]:
                    print(f"  {problem}")
            else:
                passed += 1
                print(f"ok   {name}")
        print(f"pipelines: {passed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
