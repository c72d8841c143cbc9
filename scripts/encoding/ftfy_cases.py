#!/usr/bin/env python3
"""ftfy's own test cases: pass rate per file for Decant and ftfy in the same run.

A case passes when the output equals `fixed-encoding` (or `fixed` up to quote style); for
negative.json the output must equal the input. Decant runs `decant repair --jsonl` with only the
encoding repairs (mojibake, NFC), ftfy runs `ftfy.fix_encoding`.
Usage: ftfy_cases.py DECANT_BINARY CASES_DIR [--failures]
"""
import json
import os
import subprocess
import sys
import unicodedata

FILES = ["in-the-wild.json", "synthetic.json", "negative.json"]
ONLY_ENCODING = ["--no-repair", "entity", "--no-repair", "control-character", "--no-repair", "hyphenation",
                 "--no-repair", "apostrophe", "--no-repair", "glued-words"]


def straight(text):
    return (text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"'))


def passes(case, output, negative):
    if negative:
        return output == case["original"]
    wanted = case.get("fixed-encoding", case["fixed"])
    if output == wanted:
        return True
    return unicodedata.normalize("NFC", straight(output)) == unicodedata.normalize("NFC", straight(case["fixed"]))


def decant_outputs(binary, texts):
    lines = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    run = subprocess.run([binary, "repair", "--jsonl", *ONLY_ENCODING], input=lines.encode(), capture_output=True, check=True)
    out = {}
    for line in run.stdout.decode().split("\n"):
        if not line.strip():
            continue
        obj = json.loads(line)
        out[int(obj["id"])] = obj["text"]
    return [out[i] for i in range(len(texts))]


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    show = "--failures" in sys.argv
    import ftfy
    print(f"| file | cases | Decant pass | ftfy {ftfy.__version__} fix_encoding pass |")
    print("|---|---:|---:|---:|")
    for name in FILES:
        cases = [c for c in json.load(open(os.path.join(folder, name), encoding="utf-8")) if c.get("expect", "pass") == "pass"]
        negative = name == "negative.json"
        texts = [c["original"] for c in cases]
        ours = decant_outputs(binary, texts)
        theirs = [ftfy.fix_encoding(t) for t in texts]
        d = sum(passes(c, o, negative) for c, o in zip(cases, ours))
        f = sum(passes(c, o, negative) for c, o in zip(cases, theirs))
        print(f"| {name} | {len(cases)} | {d} ({100 * d / len(cases):.1f}%) | {f} ({100 * f / len(cases):.1f}%) |")
        if show:
            for c, o in zip(cases, ours):
                if not passes(c, o, negative):
                    print("   FAIL", repr(c["original"])[:100], "->", repr(o)[:80], "want", repr(c.get("fixed-encoding", c["fixed"]))[:80], file=sys.stderr)


if __name__ == "__main__":
    main()
