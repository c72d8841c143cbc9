"""make bench-batch: throughput and memory of `decant clean` on many small documents.

Generates (once, fixed seed, git-ignored) .bench/batch/N documents of scraped-page-like text,
then runs the release binary with --jobs 1 and --jobs 2 and prints documents/s and peak RSS,
and peak RSS for 10,000 vs 100,000 documents (memory must stay flat as the folder grows).

usage: bench_batch.py DECANT_BINARY [--sizes 10000,100000] [--repeat 3]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("the of and to in a is that for on with as by at from security talks region government "
         "minister meeting said officials country cooperation support economic relations war peace "
         "Tehran Damascus Syria Iran United States forces president council national").split()
BOILERPLATE = ["Back to top button", "Leave a Comment", "Share this article", "Your Email Address",
               "News / Politics / World", "Subscribe to our newsletter", "6 + 7 ="]


def make_corpus(folder, count, seed=20261122):
    marker = os.path.join(folder, ".complete")
    if os.path.exists(marker):
        return
    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(seed)
    for i in range(count):
        sub = os.path.join(folder, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        lines = [rng.choice(BOILERPLATE), " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))).capitalize()]
        for _ in range(rng.randint(2, 6)):
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 45))).capitalize() + ".")
        lines.append(rng.choice(BOILERPLATE))
        with open(os.path.join(sub, f"doc-{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")
    open(marker, "w").close()


def run(binary, folder, jobs):
    out = os.path.join(ROOT, ".bench", "out")
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen([binary, "clean", folder, "-o", out, "--jobs", str(jobs), "--quiet"])
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"decant failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # seconds, MiB, CPU seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large-jobs-only", type=int, default=0,
                        help="on the largest size run only this --jobs value (saves time; the speed-up then comes from the smaller size)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"decant clean on generated small documents (median of {args.repeat} runs, {os.cpu_count()} cores)")
    print(f"{'documents':>10} {'jobs':>4} {'seconds':>8} {'docs/s':>9} {'MB/s':>6} {'CPU s':>7} {'docs/CPU-s':>10} {'peak RSS MiB':>12}")
    results = {}
    for size in sizes:
        folder = os.path.join(ROOT, ".bench", f"batch-{size}")
        make_corpus(folder, size)
        total_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
        job_values = (1, 2)
        if args.large_jobs_only and size == max(sizes) and len(sizes) > 1:
            job_values = (args.large_jobs_only,)
        for jobs in job_values:
            runs = [run(args.binary, folder, jobs) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            results[(size, jobs)] = (seconds, rss)
            print(f"{size:>10} {jobs:>4} {seconds:>8.2f} {size / seconds:>9.0f} {total_bytes / 1e6 / seconds:>6.1f} {cpu:>7.1f} {size / cpu:>10.0f} {rss:>12.1f}")
    largest = max(size for size in sizes if (size, 1) in results and (size, 2) in results)
    one, two = results[(largest, 1)][0], results[(largest, 2)][0]
    print(f"speed-up --jobs 2 vs --jobs 1 on {largest} documents: {one / two:.2f}x (target >= 1.8x; "
          f"only meaningful when both cores are otherwise idle: compare load average {os.getloadavg()[0]:.1f})")
    largest = max(sizes)
    if len(sizes) > 1:
        small, large = min(sizes), largest
        growth = results[(large, 2)][1] / results[(small, 2)][1]
        print(f"peak RSS {large} vs {small} documents (--jobs 2): {growth:.2f}x (target: flat within 20%, <= 1.20x)")


if __name__ == "__main__":
    main()
