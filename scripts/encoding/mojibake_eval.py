#!/usr/bin/env python3
"""Generated mojibake corpus (fixed seed) vs ftfy.fix_encoding, in the same run.

Clean sentences in many languages (scripts/encoding/samples.py) are turned into mojibake the
way it happens: UTF-8 bytes decoded as a single-byte code page (undefined bytes become the C1
control of the same number, or U+FFFD when "lost"), over the whole text, confined to one
sentence inside clean text, or twice. Clean texts are the negatives. A case passes when the
output equals the original (for lost bytes: the original with each damaged character as U+FFFD).
Usage: mojibake_eval.py DECANT_BINARY [--failures]
"""
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from samples import SENTENCES  # noqa: E402

SEED = 5
PAGES = ["cp1252", "latin-1", "mac_roman", "cp437", "cp1251", "cp1250", "cp1257", "cp1253", "cp1254", "iso-8859-2"]
ONLY_ENCODING = ["--no-repair", "entity", "--no-repair", "control-character", "--no-repair", "hyphenation",
                 "--no-repair", "apostrophe", "--no-repair", "glued-words"]


def garble(text, page, lost=False):
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(page))
        except UnicodeDecodeError:
            out.append("\ufffd" if lost else chr(byte))
    return "".join(out)


def lost_expected(text, page):
    out = []
    for ch in text:
        bad = False
        for byte in ch.encode("utf-8"):
            try:
                bytes([byte]).decode(page)
            except UnicodeDecodeError:
                bad = True
        out.append("\ufffd" if bad else ch)
    return "".join(out)


def build():
    rng = random.Random(SEED)
    cases = []
    languages = [l for l in SENTENCES if l not in ("ja", "zh-hans", "zh-hant", "ko")]
    for page in PAGES:
        for lang in languages:
            sents = SENTENCES[lang]
            s = rng.choice(sents)
            if all(ord(c) < 128 for c in s):
                continue
            cases.append(("whole", page, s, garble(s, page)))
            a, b, c = rng.sample(sents, 3) if len(sents) >= 3 else (sents * 3)[:3]
            if any(ord(ch) > 127 for ch in b):
                cases.append(("span", page, f"{a} {b} {c}", f"{a} {garble(b, page)} {c}"))
        # Doubled: the commonest double (Windows-1252 twice) and this page twice.
        for lang in rng.sample(languages, 6):
            s = rng.choice(SENTENCES[lang])
            if any(ord(c) > 127 for c in s):
                cases.append(("doubled", page, s, garble(garble(s, page), page)))
    for lang in languages:  # lost bytes: Windows-1252 decoders that drop undefined bytes
        s = rng.choice(SENTENCES[lang])
        g = garble(s, "cp1252", lost=True)
        if "\ufffd" in g:
            cases.append(("lost", "cp1252", lost_expected(s, "cp1252"), g))
    for lang in SENTENCES:
        for s in SENTENCES[lang]:
            cases.append(("negative", "-", s, s))
    extra = ["5×£35, 10 Å—, ∆°, √π, ½ cup", "NESTLÉ® Ôôô SÓ… C O N C L U S Ã O", "naïve café ÉCOLE Ünïcödé 😀 ∑ x²",
             "Çà et là, l’été — « déjà vu »", "¿Qué pasó? ¡Olé! Año, niño", "Größe, Maß, Fußgänger"]
    cases += [("negative", "-", s, s) for s in extra]
    return cases


def decant(binary, texts):
    lines = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    run = subprocess.run([binary, "repair", "--jsonl", *ONLY_ENCODING], input=lines.encode(), capture_output=True, check=True)
    out = {}
    for line in run.stdout.decode().split("\n"):
        if line.strip():
            obj = json.loads(line)
            out[int(obj["id"])] = obj["text"]
    return [out[i] for i in range(len(texts))]


def main():
    import ftfy
    binary = sys.argv[1]
    cases = build()
    ours = decant(binary, [c[3] for c in cases])
    theirs = [ftfy.fix_encoding(c[3]) for c in cases]
    groups = {}
    for (kind, page, want, _), o, t in zip(cases, ours, theirs):
        key = kind if kind in ("negative", "lost") else f"{kind} {page}"
        g = groups.setdefault(key, [0, 0, 0])
        g[0] += 1
        g[1] += o == want
        g[2] += t == want
    print(f"Mojibake corpus (seed {SEED}): exact repairs; negatives: unchanged")
    print("| case | n | Decant | ftfy fix_encoding |")
    print("|---|---:|---:|---:|")
    totals = {"repair": [0, 0, 0], "negative": [0, 0, 0]}
    for key in sorted(groups, key=lambda k: (k.split()[0], PAGES.index(k.split()[1]) if " " in k else 0)):
        n, d, f = groups[key]
        print(f"| {key} | {n} | {d} ({100*d/n:.0f}%) | {f} ({100*f/n:.0f}%) |")
        t = totals["negative" if key == "negative" else "repair"]
        t[0] += n; t[1] += d; t[2] += f
    n, d, f = totals["repair"]
    print(f"| **all mojibake** | {n} | **{100*d/n:.1f}%** | **{100*f/n:.1f}%** |")
    n, d, f = totals["negative"]
    print(f"| **clean texts changed (false positives)** | {n} | **{n-d}** | **{n-f}** |")
    if "--failures" in sys.argv:
        for (kind, page, want, garbled), o in zip(cases, ours):
            if o != want:
                print("  FAIL", kind, page, repr(garbled)[:90], "->", repr(o)[:90], file=sys.stderr)


if __name__ == "__main__":
    main()
