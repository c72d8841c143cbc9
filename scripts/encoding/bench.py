#!/usr/bin/env python3
"""Throughput on the same input, median of 3 runs (wall clock, one core each):
  1. repair of mojibake-laden text (the generated corpus, repeated to ~2 MB, one text per line):
     `decant repair` with the encoding repairs vs ftfy.fix_encoding line by line;
  2. decode + repair of already clean UTF-8 (~64 MB of multilingual text): `decant repair` with the
     encoding repairs (the fast path) and with every default repair;
  3. decode + all default repairs of clean English web text (the seed pages repeated to ~16 MB),
     where the word repairs (apostrophes, glued words) look at every word.
"MB/s" is the whole command, process start included. "MB/s w/o start" is the library path on
the text: the time of the same command on the first 4 KB of the same file (process start, code
page tables, the same word lists, loaded by the same first 200 words) is subtracted.
Usage: bench.py DECANT_BINARY WORKDIR
"""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from mojibake_eval import ONLY_ENCODING, build  # noqa: E402
from samples import SENTENCES  # noqa: E402


def timed(fn, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    binary, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    import ftfy

    lines = [c[3].replace("\n", " ") for c in build()]
    text = ""
    while len(text.encode()) < 2_000_000:
        text += "\n".join(lines) + "\n"
    garbled = os.path.join(workdir, "mojibake.txt")
    with open(garbled, "w", encoding="utf-8") as f:
        f.write(text)
    size = os.path.getsize(garbled) / 1e6
    null = open(os.devnull, "wb")
    split = text.split("\n")
    f = timed(lambda: [ftfy.fix_encoding(line) for line in split], runs=1)

    clean = os.path.join(workdir, "clean.txt")
    if not os.path.exists(clean) or os.path.getsize(clean) < 60_000_000:
        para = "\n".join(" ".join(s) for s in SENTENCES.values()) + "\n"
        with open(clean, "w", encoding="utf-8") as out:
            written = 0
            while written < 64_000_000:
                out.write(para)
                written += len(para.encode())
    clean_size = os.path.getsize(clean) / 1e6
    english = os.path.join(workdir, "english.txt")
    if not os.path.exists(english) or os.path.getsize(english) < 16_000_000:
        seeds = os.path.join(os.path.dirname(__file__), "..", "..", "seeds")
        page = "\n\n".join(open(os.path.join(seeds, n), encoding="utf-8").read().strip()
                           for n in sorted(os.listdir(seeds)) if n.endswith(".txt")) + "\n\n"
        with open(english, "w", encoding="utf-8") as out:
            written = 0
            while written < 16_000_000:
                out.write(page)
                written += len(page.encode())
    english_size = os.path.getsize(english) / 1e6

    def head(path):
        small = path + ".head"
        with open(path, "rb") as f, open(small, "wb") as out:
            data = f.read(4096)
            out.write(data[:data.rfind(b" ")])  # whole characters
        return small

    def run(path, extra, runs=3):
        return timed(lambda: subprocess.run([binary, "repair", path, *extra], stdout=null, check=True), runs=runs)

    rows = []
    def row(label, path, size, tool, extra):
        total = run(path, extra)
        start = run(head(path), extra)
        rows.append((label, size, tool, total, size / total, (size - 0.004) / max(total - start, 1e-6), start))
        return total

    d = row("mojibake corpus", garbled, size, "Decant repair (encoding repairs)", ONLY_ENCODING)
    row("clean UTF-8 (25 languages)", clean, clean_size, "Decant decode + encoding repairs", ONLY_ENCODING)
    row("clean UTF-8 (25 languages)", clean, clean_size, "Decant decode + all default repairs", [])
    row("clean English web text", english, english_size, "Decant decode + all default repairs", [])

    print("| input | size | tool | seconds | MB/s | MB/s w/o start | start (s) |")
    print("|---|---:|---|---:|---:|---:|---:|")
    print(f"| mojibake corpus | {size:.1f} MB | ftfy.fix_encoding per line | {f:.2f} | {size/f:.2f} | | |")
    for label, mb, tool, total, rate, library, start in rows:
        print(f"| {label} | {mb:.1f} MB | {tool} | {total:.2f} | {rate:.3g} | {library:.3g} | {start:.3f} |")
    print(f"\nRepair speed-up over ftfy on the same input: {f/d:.1f}x (whole command), "
          f"{rows[0][5] / (size / f):.1f}x (without process start)")


if __name__ == "__main__":
    main()
