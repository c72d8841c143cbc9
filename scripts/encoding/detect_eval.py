#!/usr/bin/env python3
"""Charset detection, side by side: a generated corpus (fixed seed) of clean multilingual text
encoded in each legacy encoding, short (<= 100 bytes) and long (~20 KB). Strict accuracy = the
bytes decoded with the detector's answer equal the original text. Decant (`decant detect
--json`), charset-normalizer, chardet and uchardet (faust-cchardet) run on the same files.
Usage: detect_eval.py DECANT_BINARY WORKDIR [--short N] [--long N]
"""
import codecs
import json
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from samples import PAIRS, SENTENCES  # noqa: E402

SEED = 20261122
FALLBACK = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u0219": "\u015f",
            "\u021b": "\u0163", "\u0218": "\u015e", "\u021a": "\u0162", "\u20ac": "EUR", "\u0153": "oe"}
ALIASES = {"macroman": "mac_roman", "mac-roman": "mac_roman", "x-mac-roman": "mac_roman", "iso-8859-8-i": "iso-8859-8",
           "mac-cyrillic": "mac_cyrillic", "maccyrillic": "mac_cyrillic", "ibm866": "cp866", "x-mac-cyrillic": "mac_cyrillic",
           "windows-1258": "cp1258", "tis-620": "cp874", "euc-tw": "big5", "utf-16": "utf-16", "ascii": "ascii"}


def encodable(text, codec):
    out = []
    for ch in text:
        try:
            ch.encode(codec)
            out.append(ch)
        except UnicodeEncodeError:
            out.append(FALLBACK.get(ch, ""))
    return "".join(out)


def build(workdir, short_n, long_n):
    rng = random.Random(SEED)
    cases = []
    os.makedirs(workdir, exist_ok=True)
    for lang, codec in PAIRS:
        sentences = [encodable(s, codec) for s in SENTENCES[lang]]
        for kind, n in (("short", short_n), ("long", long_n)):
            for i in range(n):
                order = sentences[:]
                rng.shuffle(order)
                sep = "" if lang in ("ja", "zh-hans", "zh-hant") else " "
                if kind == "short":
                    text = ""
                    for ch in sep.join(order * 2)[rng.randrange(0, max(1, len(order[0]) // 2)):]:
                        if len((text + ch).encode(codec)) > 100:
                            break
                        text += ch
                    if codec == "iso-2022-jp":  # the escape back to ASCII must fit
                        while len(text.encode(codec)) > 100:
                            text = text[:-1]
                else:
                    parts = []
                    while len("\n".join(parts).encode(codec)) < 20000:
                        rng.shuffle(order)
                        parts.append(sep.join(order))
                    text = "\n".join(parts)
                name = f"{kind}-{lang}-{codec}-{i:02d}.txt"
                with open(os.path.join(workdir, name), "wb") as f:
                    f.write(text.encode(codec))
                cases.append({"file": name, "lang": lang, "codec": codec, "kind": kind, "text": text})
    return cases


def strict(data, answer, text):
    if not answer:
        return False
    name = ALIASES.get(answer.lower(), answer)
    try:
        return data.decode(name) == text
    except (LookupError, UnicodeDecodeError):
        return False


def main():
    binary, workdir = sys.argv[1], sys.argv[2]
    short_n = int(sys.argv[sys.argv.index("--short") + 1]) if "--short" in sys.argv else 20
    long_n = int(sys.argv[sys.argv.index("--long") + 1]) if "--long" in sys.argv else 2
    cases = build(workdir, short_n, long_n)
    import cchardet
    import chardet
    import charset_normalizer

    files = [os.path.join(workdir, c["file"]) for c in cases]
    answers = {"Decant": {}, "charset-normalizer": {}, "chardet": {}, "uchardet": {}}
    seconds = {}
    start = time.perf_counter()
    for chunk in range(0, len(files), 500):
        run = subprocess.run([binary, "detect", "--json", *files[chunk:chunk + 500]], capture_output=True, check=True)
        for line in run.stdout.decode().splitlines():
            obj = json.loads(line)
            answers["Decant"][os.path.basename(obj["file"])] = obj["encoding"]
    seconds["Decant"] = time.perf_counter() - start
    peers = {
        "charset-normalizer": lambda b: (charset_normalizer.from_bytes(b).best() or None) and charset_normalizer.from_bytes(b).best().encoding,
        "chardet": lambda b: chardet.detect(b)["encoding"],
        "uchardet": lambda b: cchardet.detect(b)["encoding"],
    }
    for name, fn in peers.items():
        start = time.perf_counter()
        for c, path in zip(cases, files):
            with open(path, "rb") as f:
                answers[name][c["file"]] = fn(f.read())
        seconds[name] = time.perf_counter() - start

    tools = list(answers)
    results = {}  # (codec, kind) -> tool -> [ok...]
    for c, path in zip(cases, files):
        with open(path, "rb") as f:
            data = f.read()
        for tool in tools:
            results.setdefault((c["codec"], c["kind"]), {}).setdefault(tool, []).append(strict(data, answers[tool][c["file"]], c["text"]))

    def pct(values):
        return 100.0 * sum(values) / len(values) if values else 0.0

    print(f"Strict accuracy (decoded text == original), {len(cases)} files, seed {SEED}")
    print("| encoding | size | files | " + " | ".join(tools) + " |")
    print("|---|---|---:|" + "---:|" * len(tools))
    codecs_seen = []
    for lang, codec in PAIRS:
        if codec not in codecs_seen:
            codecs_seen.append(codec)
    totals = {t: [] for t in tools}
    worst = {t: 0.0 for t in tools}
    per_codec = {}
    for codec in codecs_seen:
        for kind in ("short", "long"):
            row = results.get((codec, kind))
            if not row:
                continue
            for t in tools:
                totals[t] += row[t]
            cells = [f"{pct(row[t]):.0f}%" for t in tools]
            print(f"| {codec} | {kind} | {len(row[tools[0]])} | " + " | ".join(cells) + " |")
        merged = {t: results.get((codec, "short"), {}).get(t, []) + results.get((codec, "long"), {}).get(t, []) for t in tools}
        per_codec[codec] = {t: pct(merged[t]) for t in tools}
    for kind in ("short", "long"):
        vals = {t: [] for t in tools}
        for (codec, k), row in results.items():
            if k == kind:
                for t in tools:
                    vals[t] += row[t]
        print(f"| **all** | {kind} | {len(vals[tools[0]])} | " + " | ".join(f"**{pct(vals[t]):.1f}%**" for t in tools) + " |")
    print(f"| **all** | both | {len(totals[tools[0]])} | " + " | ".join(f"**{pct(totals[t]):.1f}%**" for t in tools) + " |")
    # Worst gap to the best peer on any encoding.
    gaps = []
    for codec, row in per_codec.items():
        best_peer = max(row[t] for t in tools if t != "Decant")
        gaps.append((row["Decant"] - best_peer, codec))
    gaps.sort()
    print(f"\nDecant minus best peer, worst encodings: " + ", ".join(f"{c} {g:+.0f}" for g, c in gaps[:5]))
    print("Seconds for all files: " + ", ".join(f"{t} {seconds[t]:.2f}" for t in tools) + " (Decant includes process start)")
    if "--failures" in sys.argv:
        for c in cases:
            data = open(os.path.join(workdir, c["file"]), "rb").read()
            if not strict(data, answers["Decant"][c["file"]], c["text"]):
                print("  FAIL", c["file"], "->", answers["Decant"][c["file"]], file=sys.stderr)


if __name__ == "__main__":
    main()
