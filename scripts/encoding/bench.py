#!/usr/bin/env python3
"""Throughput on the same input, median of 3 runs (wall clock, one core each):
  1. repair of mojibake-laden text (the generated corpus, repeated to ~2 MB, one text per line):
     `decant repair` with the encoding repairs vs ftfy.fix_encoding line by line;
  2. decode + repair of already clean UTF-8 (~64 MB of multilingual text): `decant repair` with the
     encoding repairs (the fast path) and with every default repair.
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
    d = timed(lambda: subprocess.run([binary, "repair", garbled, *ONLY_ENCODING], stdout=null, check=True))
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
    fast = timed(lambda: subprocess.run([binary, "repair", clean, *ONLY_ENCODING], stdout=null, check=True))
    full = timed(lambda: subprocess.run([binary, "repair", clean], stdout=null, check=True), runs=1)

    print("| input | size | tool | seconds | MB/s |")
    print("|---|---:|---|---:|---:|")
    print(f"| mojibake corpus | {size:.1f} MB | Decant repair (encoding repairs) | {d:.2f} | {size/d:.1f} |")
    print(f"| mojibake corpus | {size:.1f} MB | ftfy.fix_encoding per line | {f:.2f} | {size/f:.2f} |")
    print(f"| clean UTF-8 | {clean_size:.0f} MB | Decant decode + encoding repairs | {fast:.2f} | {clean_size/fast:.0f} |")
    print(f"| clean UTF-8 | {clean_size:.0f} MB | Decant decode + all default repairs | {full:.2f} | {clean_size/full:.0f} |")
    print(f"\nRepair speed-up over ftfy on the same input: {f/d:.1f}x")


if __name__ == "__main__":
    main()
