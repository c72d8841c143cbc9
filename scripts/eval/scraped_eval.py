#!/usr/bin/env python3
"""make eval-scraped: Decant against text-only boilerplate removers on pages dumped to text.

Every HTML page of webpages-dev is rendered to a text dump the way scrapers do (lynx and w3m
`-dump`, inscriptis, html-text), keeping menus, footers and comment sections. On the same dumps,
in the same run, it scores:

  keep-everything   the dump as is
  C4 lines          C4's line rules: terminal punctuation, >= 3 words, no "javascript",
                    no policy/cookie lines (page-level C4 drops are not applied)
  Gopher lines      Gopher/dolma quality rules applied per line: >= 3 words, mean word length
                    3-10, <= 10% symbols, >= 80% words with a letter, no bullet start or ellipsis
                    end, >= 1 English stopword of Gopher's list
  jusText           justext on the lines wrapped as <p>
  trafilatura       trafilatura.extract on the same wrapped HTML
  decant            `decant clean` on the dump folder (release build)
  line oracle       keeps exactly the lines whose text is in the truth (lines under four words
                    only when the truth has them as a line of their own): the ceiling of any
                    line-level cleaner

Metrics: ScrapingHub's 4-shingle precision/recall (per page, averaged, F1 from the averages) and
line-level boilerplate removal: a dump line is content when the oracle keeps it; "bp removed" is
the share of boilerplate lines a tool drops, "content kept" the share of content lines it keeps.

A second table measures batch learning: the pages whose site has two or more pages in the set are
grouped into one folder per site and cleaned with and without --learn-repeats.
"""
import argparse
import collections
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORD = re.compile(r"\w+", re.UNICODE)


def shared_dir():
    env = os.environ.get("DECANT_SHARED")
    for candidate in [env, os.path.join(ROOT, "..", "shared"), "/work/shared"]:
        if candidate and os.path.isdir(os.path.join(candidate, "datasets")):
            return candidate
    return None


def unpack():
    target = os.path.join(ROOT, ".datasets", "webpages-dev")
    if os.path.isdir(os.path.join(target, "html")):
        return target
    shared = shared_dir()
    archive = shared and os.path.join(shared, "datasets", "webpages-dev.tar.xz")
    if not archive or not os.path.exists(archive):
        sys.exit("eval-scraped: webpages-dev.tar.xz not found; set DECANT_SHARED to the folder holding datasets/")
    os.makedirs(os.path.join(ROOT, ".datasets"), exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(os.path.join(ROOT, ".datasets"))
    return target


# ---------------------------------------------------------------- renderers
def render_lynx(path, raw):
    out = subprocess.run(["lynx", "-dump", "-nolist", "-width=1024", "-assume_charset=utf-8", "-display_charset=utf-8",
                          "-force_html", path], capture_output=True, timeout=60)
    return out.stdout.decode("utf-8", "replace")


def render_w3m(path, raw):
    out = subprocess.run(["w3m", "-dump", "-cols", "1024", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", path],
                         capture_output=True, timeout=60)
    return out.stdout.decode("utf-8", "replace")


def render_inscriptis(path, raw):
    import inscriptis
    return inscriptis.get_text(raw)


def render_html_text(path, raw):
    import html_text
    return html_text.extract_text(raw)


RENDERERS = {"lynx": render_lynx, "w3m": render_w3m, "inscriptis": render_inscriptis, "html-text": render_html_text}


def render_all(dataset, renderer, ids, jobs):
    folder = os.path.join(ROOT, ".datasets", "webpages-dev-dumps", renderer)
    os.makedirs(folder, exist_ok=True)

    def one(page):
        target = os.path.join(folder, page + ".txt")
        if os.path.exists(target):
            return
        path = os.path.join(dataset, "html", page + ".html")
        raw = open(path, "rb").read().decode("utf-8", "replace")
        try:
            text = RENDERERS[renderer](path, raw)
        except Exception as error:  # a renderer that chokes gives an empty dump, as a scraper would
            print(f"  {renderer} failed on {page}: {error}", file=sys.stderr)
            text = ""
        with open(target + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(target + ".tmp", target)

    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, ids))
    return folder


# ---------------------------------------------------------------- peers
def norm(line):
    return " ".join(WORD.findall(line.lower()))


def lines_of(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")


def c4_lines(text):
    kept = []
    for line in lines_of(text):
        low = line.lower()
        if not line.endswith((".", "!", "?", '"', "”", "’", "'")):
            continue
        if len(line.split()) < 3 or "javascript" in low or any(p in low for p in POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


GOPHER_STOP = {"the", "be", "to", "of", "and", "that", "have", "with"}


def gopher_lines(text):
    kept = []
    for line in lines_of(text):
        words = line.split()
        if len(words) < 3:
            continue
        mean = sum(len(w) for w in words) / len(words)
        symbols = line.count("#") + line.count("...") + line.count("…")
        alpha = sum(1 for w in words if any(c.isalpha() for c in w))
        if not 3 <= mean <= 10 or symbols > 0.1 * len(words) or alpha < 0.8 * len(words):
            continue
        if line[0] in "•*-–·+" or line.endswith(("...", "…")):
            continue
        if not any(w.lower().strip(".,;:!?") in GOPHER_STOP for w in words):
            continue
        kept.append(line)
    return "\n".join(kept)


def wrapped_html(text):
    body = "".join("<p>" + html.escape(l) + "</p>\n" for l in lines_of(text))
    return "<html><head><meta charset='utf-8'></head><body>\n" + body + "</body></html>"


def justext_lines(text):
    import justext
    if not text.strip():
        return ""
    paragraphs = justext.justext(wrapped_html(text).encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_lines(text):
    import trafilatura
    if not text.strip():
        return ""
    return trafilatura.extract(wrapped_html(text), include_comments=False, include_tables=True) or ""


class Truth:
    """Decides whether a dump line is content: a line of four or more words when its words occur
    in that order in the truth; a shorter line only when the truth has it as a line of its own
    (otherwise every menu word that also occurs in the article would count as content)."""

    def __init__(self, text):
        self.flat = " " + norm(text) + " "
        self.lines = {norm(l) for l in text.splitlines()}

    def has(self, line):
        key = norm(line)
        if not key:
            return False
        if len(key.split()) >= 4:
            return (" " + key + " ") in self.flat
        return key in self.lines


def oracle_lines(text, truth):
    t = Truth(truth)
    return "\n".join(l for l in lines_of(text) if t.has(l))


# ---------------------------------------------------------------- metrics
def shingles(text, n=4):
    words = WORD.findall(text.lower())
    return collections.Counter(tuple(words[i:i + n]) for i in range(max(0, len(words) - n + 1)))


def shingle_pr(pred, truth):
    p, t = shingles(pred), shingles(truth)
    if not p and not t:
        return 1.0, 1.0
    if not p or not t:
        return (0.0 if p or not t else 1.0), (0.0 if t else 1.0)
    overlap = sum((p & t).values())
    return overlap / sum(p.values()), overlap / sum(t.values())


def line_counts(dump, pred, truth):
    """(boilerplate lines, removed of them, content lines, kept of them)."""
    t = Truth(truth)
    kept = {norm(l) for l in lines_of(pred)}
    bp = bp_removed = content = content_kept = 0
    for line in lines_of(dump):
        key = norm(line)
        if not key:
            continue
        is_content = t.has(line)
        was_kept = key in kept
        if is_content:
            content += 1
            content_kept += was_kept
        else:
            bp += 1
            bp_removed += not was_kept
    return bp, bp_removed, content, content_kept


def decant_bin():
    path = os.environ.get("DECANT_BIN") or os.path.join(ROOT, ".build", "release", "decant")
    if not os.path.exists(path):
        sys.exit("eval-scraped: build first (swift build -c release)")
    return path


def run_decant(folder, out, extra=()):
    shutil.rmtree(out, ignore_errors=True)
    start = time.time()
    subprocess.run([decant_bin(), "clean", folder, "-o", out, "--quiet", *extra], check=False)
    elapsed = time.time() - start
    docs = {}
    formats = collections.Counter()
    path = os.path.join(out, "documents.jsonl")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            docs[d["source"]] = d["text"]
            formats[d["format"]] += 1
    return docs, formats, elapsed


def score(name, preds, dumps, truths):
    ps, rs = [], []
    bp = bp_removed = content = content_kept = 0
    for page, truth in truths.items():
        pred = preds.get(page, "")
        p, r = shingle_pr(pred, truth)
        ps.append(p)
        rs.append(r)
        counts = line_counts(dumps[page], pred, truth)
        bp += counts[0]; bp_removed += counts[1]; content += counts[2]; content_kept += counts[3]
    P, R = statistics.mean(ps), statistics.mean(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"tool": name, "P": P, "R": R, "F1": F, "bp_removed": bp_removed / max(bp, 1),
            "content_kept": content_kept / max(content, 1), "pages": len(truths)}


def table(rows, title):
    out = [f"### {title}", "", "| tool | precision | recall | F1 | boilerplate lines removed | content lines kept |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        out.append(f"| {r['tool']} | {r['P']:.3f} | {r['R']:.3f} | **{r['F1']:.3f}** | {r['bp_removed']:.1%} | {r['content_kept']:.1%} |")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--renderers", default="lynx,inscriptis", help="comma-separated: lynx,w3m,inscriptis,html-text")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--peers", default="keep,c4,gopher,justext,trafilatura,oracle")
    parser.add_argument("--out", default=os.path.join(ROOT, "out", "eval-scraped"))
    parser.add_argument("--repeat-threshold", type=int, default=2, help="documents a line must recur in (batch table)")
    args = parser.parse_args()

    dataset = unpack()
    ids = sorted(f[:-5] for f in os.listdir(os.path.join(dataset, "truth")) if f.endswith(".json"))
    if args.limit:
        ids = ids[:args.limit]
    truths, sites = {}, collections.defaultdict(list)
    for page in ids:
        d = json.load(open(os.path.join(dataset, "truth", page + ".json"), encoding="utf-8"))
        truths[page] = d["ground_truth"].get("main_content") or ""
        sites[urllib.parse.urlparse(d.get("url", "")).netloc].append(page)
    os.makedirs(args.out, exist_ok=True)
    peers = {"keep": ("keep-everything", lambda t, tr: t), "c4": ("C4 line filter", lambda t, tr: c4_lines(t)),
             "gopher": ("Gopher/dolma line filter", lambda t, tr: gopher_lines(t)),
             "justext": ("jusText (lines as <p>)", lambda t, tr: justext_lines(t)),
             "trafilatura": ("trafilatura (lines as <p>)", lambda t, tr: trafilatura_lines(t)),
             "oracle": ("line oracle (ceiling)", oracle_lines)}
    report = [f"webpages-dev: {len(ids)} pages; truth = main_content; dumps rendered in this run.", ""]
    for renderer in args.renderers.split(","):
        folder = render_all(dataset, renderer, ids, args.jobs)
        dumps = {page: open(os.path.join(folder, page + ".txt"), encoding="utf-8").read() for page in ids}
        if args.limit:
            sub = os.path.join(args.out, "dumps-" + renderer)
            shutil.rmtree(sub, ignore_errors=True)
            os.makedirs(sub)
            for page in ids:
                shutil.copy(os.path.join(folder, page + ".txt"), sub)
            folder = sub
        rows = []
        for key in args.peers.split(","):
            name, fn = peers[key]
            start = time.time()
            with ThreadPoolExecutor(args.jobs if key not in ("justext", "trafilatura") else 1) as pool:
                outs = list(pool.map(lambda page: fn(dumps[page], truths[page]), ids))
            preds = dict(zip(ids, outs))
            rows.append(score(name, preds, dumps, truths))
            print(f"  {renderer}: {name} done in {time.time() - start:.1f} s", file=sys.stderr)
        docs, formats, elapsed = run_decant(folder, os.path.join(args.out, "decant-" + renderer))
        preds = {src[:-4]: text for src, text in docs.items()}
        row = score("**decant**", preds, dumps, truths)
        rows.insert(len(rows) - 1 if rows and rows[-1]["tool"].startswith("line oracle") else len(rows), row)
        text = table(rows, f"{renderer} dumps ({len(ids)} pages)")
        text += f"\n\nDecant read {dict(formats)} in {elapsed:.1f} s.\n"
        print(text + "\n")
        report.append(text)

        # Batch learning: pages of sites with two or more pages, one folder per site.
        grouped = {site: pages for site, pages in sites.items() if len(pages) >= 2}
        bysite = os.path.join(args.out, "bysite-" + renderer)
        shutil.rmtree(bysite, ignore_errors=True)
        for site, pages in grouped.items():
            os.makedirs(os.path.join(bysite, site))
            for page in pages:
                shutil.copy(os.path.join(folder, page + ".txt"), os.path.join(bysite, site))
        subset = {page: truths[page] for pages in grouped.values() for page in pages}
        brows = []
        for label, extra in [("decant", ()), (f"decant --learn-repeats (threshold {args.repeat_threshold})",
                                               ("--learn-repeats", "--repeat-threshold", str(args.repeat_threshold)))]:
            docs, _, _ = run_decant(bysite, os.path.join(args.out, "decant-bysite-" + renderer), extra)
            preds = {src.split("/")[-1][:-4]: t for src, t in docs.items()}
            brows.append(score(label, preds, dumps, subset))
        for key in ("keep", "oracle"):
            name, fn = peers[key]
            brows.append(score(name, {p: fn(dumps[p], truths[p]) for p in subset}, dumps, subset))
        btext = table(brows, f"batch learning, {renderer} dumps: {len(subset)} pages from {len(grouped)} sites with 2+ pages")
        print(btext + "\n")
        report.append(btext + "\n")
    with open(os.path.join(args.out, "report.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(report) + "\n")
    print(f"eval-scraped: report written to {os.path.relpath(os.path.join(args.out, 'report.md'), ROOT)}")


if __name__ == "__main__":
    main()
