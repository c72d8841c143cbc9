#!/usr/bin/env python3
"""make bench-scraped: how fast Decant cleans scraped pages, per core, next to the line filters.

Input: the lynx dumps of webpages-dev (rendered by scraped_eval.py's renderer if missing),
concatenated --copies times into a scratch folder so a run lasts long enough to time. Decant runs
`decant clean DIR -o OUT --jobs 1` (release build: reading, cleaning, JSON writing); the Python
peers run in-process, one core, on the same texts. Median of --runs runs; MB = 10^6 bytes of text.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scraped_eval as ev  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=4, help="copies of the dump set (more = longer runs)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peers", default="c4,gopher,justext,trafilatura")
    args = parser.parse_args()
    dataset = ev.unpack()
    ids = sorted(f[:-5] for f in os.listdir(os.path.join(dataset, "truth")) if f.endswith(".json"))
    folder = ev.render_all(dataset, "lynx", ids, os.cpu_count() or 2)
    texts = [open(os.path.join(folder, i + ".txt"), encoding="utf-8").read() for i in ids]
    one_set = sum(len(t.encode("utf-8")) for t in texts)
    scratch = tempfile.mkdtemp(prefix="decant-bench-")
    try:
        for copy in range(args.copies):
            target = os.path.join(scratch, "in", f"copy{copy}")
            shutil.copytree(folder, target)
        total = one_set * args.copies
        rows = []
        no_repairs = [a for kind in ("mojibake", "entity", "control-character", "nfc", "hyphenation", "apostrophe", "glued-words")
                      for a in ("--no-repair", kind)]
        for label, extra in [("decant clean --jobs 1 (read, clean, repair, write JSONL)", []),
                             ("decant clean --jobs 1, text repairs off (read, clean, write)", no_repairs)]:
            times = []
            for _ in range(args.runs):
                out = os.path.join(scratch, "out")
                shutil.rmtree(out, ignore_errors=True)
                start = time.perf_counter()
                subprocess.run([ev.decant_bin(), "clean", os.path.join(scratch, "in"), "-o", out, "--jobs", "1", "--quiet", *extra],
                               check=True)
                times.append(time.perf_counter() - start)
            rows.append((label, total, statistics.median(times)))
        peer_fns = {"c4": ("C4 line filter (Python)", ev.c4_lines), "gopher": ("Gopher line filter (Python)", ev.gopher_lines),
                    "justext": ("jusText (lines as <p>)", ev.justext_lines), "trafilatura": ("trafilatura (lines as <p>)", ev.trafilatura_lines)}
        for key in args.peers.split(","):
            name, fn = peer_fns[key]
            times = []
            for _ in range(1 if key in ("justext", "trafilatura") else args.runs):
                start = time.perf_counter()
                for text in texts:
                    fn(text)
                times.append(time.perf_counter() - start)
            rows.append((name, one_set, statistics.median(times)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"### Throughput on webpages-dev lynx dumps ({len(ids)} pages, {one_set / 1e6:.1f} MB per set), one core\n")
    print("| tool | text | median time | MB/s per core | vs decant (repairs off) |")
    print("|---|---:|---:|---:|---:|")
    base = rows[1][1] / rows[1][2]
    for name, size, seconds in rows:
        rate = size / seconds
        print(f"| {name} | {size / 1e6:.1f} MB | {seconds:.2f} s | **{rate / 1e6:.1f}** | {rate / base:.2f}× |")


if __name__ == "__main__":
    main()
