#!/usr/bin/env python3
"""Throughput of Decant's readers per format, and the cost of the plugin protocol.

Copies each small fixture of Tests/Fixtures N times into .bench/readers/<format>/, runs
`decant clean` on each folder (median of R runs, fixed --jobs) and prints documents and
megabytes per second. For PDF it also runs poppler's `pdftotext -bbox-layout` alone on the same
files with the same parallelism, so the table shows what the plugin protocol (process start,
pipes, the Python wrapper, JSON) adds on top of the tool that does the work.

Usage: scripts/bench-readers.py [--bin .build/release/decant] [--copies 100] [--runs 3] [--jobs 2]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = {
    "markdown": ["markdown/article.md", "markdown/hugo.md"],
    "docx": ["office/report.docx"],
    "odt": ["office/trip.odt"],
    "epub": ["office/story.epub"],
    "feed": ["feeds/news.rss", "feeds/journal.atom"],
    "email": ["mail/newsletter.eml"],
    "warc": ["warc/crawl.warc.gz"],
    "pdf (plugin)": ["plugins/report.pdf"],
    "rtf (plugin)": ["plugins/notes.rtf"],
}


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/decant"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        print(f"bench-readers: {args.bin} is missing; run `swift build -c release` first", file=sys.stderr)
        return 2
    base = os.path.join(ROOT, ".bench/readers")
    shutil.rmtree(base, ignore_errors=True)
    rows = []
    for name, sources in FORMATS.items():
        folder = os.path.join(base, name.split()[0], "in")
        os.makedirs(folder)
        size = 0
        for i in range(args.copies):
            for source in sources:
                target = os.path.join(folder, f"{i:04d}-{os.path.basename(source)}")
                shutil.copyfile(os.path.join(ROOT, "Tests/Fixtures", source), target)
                size += os.path.getsize(target)
        files = args.copies * len(sources)
        out = os.path.join(base, name.split()[0], "out")
        times = []
        for _ in range(args.runs):
            shutil.rmtree(out, ignore_errors=True)
            times.append(timed([args.bin, "clean", folder, "-o", out, "--jobs", str(args.jobs), "--quiet"]))
        documents = sum(1 for _ in open(os.path.join(out, "documents.jsonl")))
        errors = sum(1 for _ in open(os.path.join(out, "errors.jsonl")))
        median = statistics.median(times)
        rows.append((f"decant {name}", files, documents, errors, size, median))
        if name.startswith("pdf") and shutil.which("pdftotext"):
            paths = sorted(os.path.join(folder, f) for f in os.listdir(folder))
            def one(path):
                subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", "-bbox-layout", path, "-"], stdout=subprocess.DEVNULL, check=False)
            alone = []
            for _ in range(args.runs):
                start = time.perf_counter()
                with ThreadPoolExecutor(args.jobs) as pool:
                    list(pool.map(one, paths))
                alone.append(time.perf_counter() - start)
            rows.append(("pdftotext -bbox-layout alone", files, files, 0, size, statistics.median(alone)))
    print(f"{'reader':32} {'files':>6} {'docs':>6} {'errors':>6} {'MB':>7} {'median s':>9} {'docs/s':>8} {'MB/s':>7}")
    for label, files, documents, errors, size, seconds in rows:
        print(f"{label:32} {files:6d} {documents:6d} {errors:6d} {size / 1e6:7.2f} {seconds:9.3f} {documents / seconds:8.1f} {size / 1e6 / seconds:7.2f}")
    print(f"(copies={args.copies}, runs={args.runs}, jobs={args.jobs}; medians of wall-clock time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
