#!/usr/bin/env python3
"""Side-by-side HTML main-content evaluation: Decant and its peers on the same pages, one run.

Modes
  eval     Decant alone: quality on webpages-dev and trafilatura-eval.
  compare  Decant, trafilatura (standard), readability-lxml, jusText and resiliparse: quality.
  bench    The same tools: pages per second on one core and peak memory (Decant release build).

Metrics
  webpages-dev: ScrapingHub 4-shingle precision/recall of main_content per page (multisets of
  lower-cased 4-word shingles; an empty side is one empty shingle, so both empty -> 1),
  averaged over pages, F1 from the averages; title/author/date accuracy on the pages whose
  truth has the field.
  trafilatura-eval: every `with` snippet found is a TP (missing: FN), every `without` snippet
  found is a FP (absent: TN); precision, recall, accuracy, F-score over all snippets.

Every tool runs in its own child process (one core, files read before the clock starts for the
Python peers; Decant is timed for its whole `decant clean DIR --jobs 1` run, reading included).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter

TOKEN_RE = re.compile(r"\w+", re.UNICODE)


# ---------------------------------------------------------------- tools (run in child processes)

def run_tool(tool, files, out_path, dataset):
    pages = []
    for path in files:
        with open(path, "rb") as f:
            pages.append((path, f.read()))
    results = {}
    if tool == "trafilatura":
        import trafilatura
        def extract(raw):
            doc = trafilatura.bare_extraction(raw, include_comments=False, with_metadata=True)
            if doc is None:
                return {"text": ""}
            doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
            return {"text": doc.get("text") or "", "title": doc.get("title"), "author": doc.get("author"), "date": doc.get("date")}
    elif tool == "readability":
        from readability import Document
        import lxml.html
        def extract(raw):
            doc = Document(raw)
            summary = doc.summary(html_partial=True)
            text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
            return {"text": text, "title": doc.short_title()}
    elif tool == "justext":
        import justext
        # The stop-word list of the set's main language, as trafilatura's own benchmark does.
        stop = justext.get_stoplist("German" if dataset == "trafilatura-eval" else "English")
        def extract(raw):
            paragraphs = justext.justext(raw, stop)
            return {"text": "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)}
    elif tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        def extract(raw):
            html = bytes_to_str(raw, detect_encoding(raw))
            tree = HTMLTree.parse(html)
            return {"text": extract_plain_text(tree, main_content=True), "title": tree.title}
    else:
        raise SystemExit("unknown tool " + tool)
    start = time.perf_counter()
    for path, raw in pages:
        try:
            results[path] = extract(raw)
        except Exception as error:  # a peer failing on a page scores as empty output
            results[path] = {"text": "", "error": str(error)[:200]}
    elapsed = time.perf_counter() - start
    with open(out_path, "w") as f:
        json.dump({"seconds": elapsed, "results": results}, f)


def run_child(cmd):
    """Runs a command, returns (wall seconds, peak RSS MB). The peak comes from GNU time, run
    between this (large) Python process and the command: Linux carries a parent's peak RSS
    across fork+exec, so the child's own rusage would report ours."""
    rss_file = os.path.join(os.environ.get("TMPDIR", "/tmp"), "html-eval-rss-%d" % os.getpid())
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"{cmd[0]} failed")
    with open(rss_file) as f:
        rss_kb = int(f.read().strip().splitlines()[-1])
    os.unlink(rss_file)
    return wall, rss_kb / 1024.0


def peer(tool, files, workdir, dataset):
    out = os.path.join(workdir, tool + ".json")
    listing = os.path.join(workdir, tool + ".files")
    with open(listing, "w") as f:
        f.write("\n".join(files))
    cmd = ["taskset", "-c", "0", sys.executable, __file__, "_tool", tool, listing, out, dataset]
    wall, rss = run_child(cmd)
    with open(out) as f:
        data = json.load(f)
    return data["results"], data["seconds"], rss


NO_REPAIRS = [arg for kind in ["mojibake", "entity", "control-character", "nfc", "hyphenation", "apostrophe", "glued-words"]
              for arg in ("--no-repair", kind)]


def decant(binary, root, files, workdir, name, extra=()):
    out = os.path.join(workdir, "decant-" + name + ("-extract" if extra else ""))
    subprocess.run(["rm", "-rf", out])
    folder = root
    if len(files) < sum(1 for _ in os.scandir(root)):
        # A --sample run: give Decant exactly the sampled pages (copies; links out of a folder are not followed).
        folder = os.path.join(workdir, "sample-" + name)
        subprocess.run(["rm", "-rf", folder])
        os.makedirs(folder)
        for path in files:
            shutil.copyfile(path, os.path.join(folder, os.path.relpath(path, root)))
    cmd = ["taskset", "-c", "0", binary, "clean", folder, "-o", out, "--jobs", "1", "--quiet"] + list(extra)
    wall, rss = run_child(cmd)
    results = {}
    with open(os.path.join(out, "documents.jsonl")) as f:
        for line in f:
            doc = json.loads(line)
            meta = doc["metadata"]
            results[os.path.join(root, doc["source"])] = {
                "text": doc["text"], "title": meta.get("title"), "author": ", ".join(meta.get("authors") or []) or None,
                "date": meta.get("date")}
    return {path: results.get(path, {"text": ""}) for path in files}, wall, rss


# ---------------------------------------------------------------- metrics

def shingles(text, n=4):
    tokens = [t.lower() for t in TOKEN_RE.findall(text or "")]
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_pr(truth, pred):
    t, p = shingles(truth), shingles(pred)
    overlap = sum((t & p).values())
    return overlap / sum(p.values()), overlap / sum(t.values())


def norm(s):
    s = (s or "").lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = s.replace("–", "-").replace("—", "-")
    return " ".join(s.split()).strip(" .,:;|-")


def names(s):
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", norm(s))
    return sorted(p for p in parts if p)


def score_webpages(results, truths):
    ps, rs = [], []
    fields = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    for path, truth in truths.items():
        got = results.get(path) or {"text": ""}
        p, r = shingle_pr(truth.get("main_content") or "", got.get("text") or "")
        ps.append(p)
        rs.append(r)
        for field, key in (("title", "title"), ("author", "author"), ("date", "publish_date")):
            expected = truth.get(key)
            if not expected:
                continue
            fields[field][1] += 1
            value = got.get(field)
            if field == "title":
                ok = norm(value) == norm(expected)
            elif field == "author":
                ok = bool(value) and names(value) == names(expected)
            else:
                ok = bool(value) and str(value)[:10] == str(expected)[:10]
            fields[field][0] += ok
    precision = sum(ps) / len(ps)
    recall = sum(rs) / len(rs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    has_meta = any(any((results.get(p) or {}).get(k) for p in truths) for k in ("title", "author", "date"))
    acc = {k: (v[0] / v[1] if v[1] else 0) for k, v in fields.items()}
    return {"precision": precision, "recall": recall, "f1": f1, "acc": acc, "has": {
        k: any((results.get(p) or {}).get(k) for p in truths) for k in ("title", "author", "date")}, "has_meta": has_meta}


def score_snippets(results, evaldata, root):
    tp = fn = fp = tn = 0
    for item in evaldata.values():
        got = results.get(os.path.join(root, item["file"])) or {"text": ""}
        text = " ".join((got.get("text") or "").split())
        for snippet in item.get("with", []):
            if " ".join(snippet.split()) in text:
                tp += 1
            else:
                fn += 1
        for snippet in item.get("without", []):
            if " ".join(snippet.split()) in text:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    accuracy = (tp + tn) / (tp + tn + fp + fn)
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return {"precision": precision, "recall": recall, "accuracy": accuracy, "f": f}


# ---------------------------------------------------------------- main

def main():
    if len(sys.argv) > 1 and sys.argv[1] == "_tool":
        with open(sys.argv[3]) as f:
            files = [line for line in f.read().split("\n") if line]
        run_tool(sys.argv[2], files, sys.argv[4], sys.argv[5])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["eval", "compare", "bench"])
    parser.add_argument("--data", required=True, help="folder holding webpages-dev/ and trafilatura-eval/")
    parser.add_argument("--decant", required=True)
    parser.add_argument("--work", default="out/html-eval")
    parser.add_argument("--tools", default="trafilatura,readability,justext,resiliparse")
    parser.add_argument("--sample", type=int, default=0,
                        help="use only N evenly spaced pages of each set (quick throughput runs; quality tables need all pages)")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    tools = ["decant"] + ([] if args.mode == "eval" else ["decant-extract"] + [t for t in args.tools.split(",") if t])

    web_root = os.path.join(args.data, "webpages-dev", "html")
    truths = {}
    truth_dir = os.path.join(args.data, "webpages-dev", "truth")
    for name in sorted(os.listdir(truth_dir)):
        with open(os.path.join(truth_dir, name)) as f:
            truths[os.path.join(web_root, name[:-5] + ".html")] = json.load(f)["ground_truth"]
    web_files = sorted(truths)
    tra_root = os.path.join(args.data, "trafilatura-eval", "html")
    with open(os.path.join(args.data, "trafilatura-eval", "evaldata.json")) as f:
        evaldata = json.load(f)
    tra_files = sorted({os.path.join(tra_root, item["file"]) for item in evaldata.values()})
    if args.sample:
        web_files = web_files[::max(1, len(web_files) // args.sample)][:args.sample]
        tra_files = tra_files[::max(1, len(tra_files) // args.sample)][:args.sample]
        truths = {path: truths[path] for path in web_files}
        kept = {os.path.relpath(path, tra_root) for path in tra_files}
        evaldata = {url: item for url, item in evaldata.items() if item["file"] in kept}

    rows = []
    for tool in tools:
        runs = {}
        for name, root, files in (("webpages-dev", web_root, web_files), ("trafilatura-eval", tra_root, tra_files)):
            if tool == "decant":
                results, seconds, rss = decant(args.decant, root, files, args.work, name)
            elif tool == "decant-extract":
                results, seconds, rss = decant(args.decant, root, files, args.work, name, NO_REPAIRS)
            else:
                results, seconds, rss = peer(tool, files, args.work, name)
            runs[name] = (results, seconds, rss, len(files))
            sys.stderr.write(f"html-eval: {tool} {name}: {len(files)} pages in {seconds:.1f} s, peak {rss:.0f} MB\n")
        rows.append((tool, runs))

    if args.mode in ("eval", "compare"):
        print("\n### webpages-dev (%d pages): main content, ScrapingHub 4-shingles; metadata accuracy\n" % len(web_files))
        print("| tool | precision | recall | F1 | title acc. | author acc. | date acc. |")
        print("|---|---|---|---|---|---|---|")
        scored = []
        for tool, runs in rows:
            if tool == "decant-extract":
                continue
            s = score_webpages(runs["webpages-dev"][0], truths)
            scored.append((tool, s))
            cell = lambda k: ("%.3f" % s["acc"][k]) if s["has"][k] else "—"
            print(f"| {tool} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {cell('title')} | {cell('author')} | {cell('date')} |")
        print("\n### trafilatura-eval (%d pages): with/without snippets\n" % len(evaldata))
        print("| tool | precision | recall | accuracy | F |")
        print("|---|---|---|---|---|")
        for tool, runs in rows:
            if tool == "decant-extract":
                continue
            s = score_snippets(runs["trafilatura-eval"][0], evaldata, tra_root)
            print(f"| {tool} | {s['precision']:.3f} | {s['recall']:.3f} | {s['accuracy']:.3f} | {s['f']:.3f} |")
        if args.mode == "compare":
            base = dict(scored)
            if "trafilatura" in base:
                delta = base["decant"]["f1"] - base["trafilatura"]["f1"]
                print(f"\nDecant F1 − trafilatura F1 on webpages-dev: {delta:+.3f} (target ≥ +0.030)")
    if args.mode in ("compare", "bench"):
        print("\n### Throughput, one core (taskset -c 0), Decant release build\n")
        print("| tool | webpages-dev pages/s | trafilatura-eval pages/s | peak memory (MB) | Decant speed-up |")
        print("|---|---|---|---|---|")
        decant_speed = None
        for tool, runs in rows:
            speeds = [runs[n][3] / runs[n][1] for n in ("webpages-dev", "trafilatura-eval")]
            total = (runs["webpages-dev"][3] + runs["trafilatura-eval"][3]) / (runs["webpages-dev"][1] + runs["trafilatura-eval"][1])
            if tool == "decant":
                decant_speed = total
            rss = max(runs[n][2] for n in runs)
            ratio = "—" if tool.startswith("decant") else f"{decant_speed / total:.1f}×"
            print(f"| {tool} | {speeds[0]:.1f} | {speeds[1]:.1f} | {rss:.0f} | {ratio} |")
        print("\nPython peers are timed around their extraction loop only (files already in memory);"
              " Decant for its whole `decant clean DIR --jobs 1` run, reading and writing included."
              " `decant` runs the default pipeline (extraction, then the text repairs); `decant-extract` switches"
              " the repairs off (`--no-repair` for each kind), which is what the peers do. The speed-up column"
              " compares the default `decant`.")
    if args.mode == "bench":
        bad_input(args.decant, args.work)


def bad_input(binary, work):
    """Hostile pages: each must give a document or a clear error record, in bounded time and memory."""
    folder = os.path.join(work, "bad")
    os.makedirs(folder, exist_ok=True)
    para = "<p>" + "A paragraph of ordinary prose, long enough to count as content, with a comma. " * 3 + "</p>\n"
    cases = {
        "truncated.html": ("<html><body><article>" + para * 20)[:-700],
        "huge-50mb.html": "<html><body><article>" + para * (50 * 1024 * 1024 // len(para)) + "</article></body></html>",
        "nested-10000-divs.html": "<div>" * 10000 + para + "</div>" * 10000,
        "only-scripts.html": "<html><head><script>var a=1;</script></head><body>" + "<script>x()</script>" * 1000 + "</body></html>",
        "not-html.html": "Just a plain note someone saved with the wrong extension.\nSecond line.\n",
        "invalid-bytes.html": None,
    }
    print("\n### Bad input (one `decant clean FILE` run each)\n")
    print("| input | size | seconds | peak memory (MB) | result |")
    print("|---|---|---|---|---|")
    for name, text in cases.items():
        path = os.path.join(folder, name)
        if text is None:
            data = b"<html><body><p>Caf\xc3\xa9 " + bytes(range(0x80, 0x100)) * 400 + b"</p></body></html>"
        else:
            data = text.encode()
        with open(path, "wb") as f:
            f.write(data)
        out = os.path.join(folder, "out-" + name)
        subprocess.run(["rm", "-rf", out])
        wall, rss = run_child([binary, "clean", path, "-o", out, "--jobs", "1", "--quiet"])
        result = "?"
        docs = os.path.join(out, "documents.jsonl")
        errors = os.path.join(out, "errors.jsonl")
        if os.path.exists(docs) and os.path.getsize(docs) > 0:
            with open(docs) as f:
                doc = json.loads(f.readline())
            result = f"document ({doc['format']}, {len(doc['text'])} chars of text)"
        elif os.path.exists(errors) and os.path.getsize(errors) > 0:
            with open(errors) as f:
                result = "error record: " + json.loads(f.readline())["error"]["code"]
        print(f"| {name} | {len(data) / 1024:.0f} KB | {wall:.2f} | {rss:.0f} | {result} |")


if __name__ == "__main__":
    main()
