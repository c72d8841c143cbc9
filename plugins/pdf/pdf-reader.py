#!/usr/bin/env python3
"""Decant reader plugin: a PDF on standard input -> a Decant document (JSON) on standard output.

Runs poppler's `pdftotext -bbox-layout`, which groups words into lines and lines into text
blocks with coordinates: each block becomes a paragraph, and a block whose lines are clearly
taller than the document's usual line becomes a heading. Title, author and creation date come
from the PDF's information dictionary. Needs poppler-utils (`apt-get install poppler-utils`).
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def fail(message, status):
    print(f"pdf plugin: {message}", file=sys.stderr)
    sys.exit(status)


def blocks_of(page_tree):
    """(text, line height) for every text block, in reading order."""
    found = []
    for block in page_tree.iter(NS + "block"):
        lines, heights = [], []
        for line in block.iter(NS + "line"):
            words = [w.text or "" for w in line.iter(NS + "word")]
            if words:
                lines.append(" ".join(words))
                heights.append(float(line.get("yMax")) - float(line.get("yMin")))
        if not lines:
            continue
        text = lines[0]
        for line in lines[1:]:
            # Re-join words hyphenated at the end of a line ("pro-" + "cess").
            if text.endswith("-") and line[:1].islower():
                text = text[:-1] + line
            else:
                text += " " + line
        found.append((text, max(heights)))
    return found


def main():
    data = sys.stdin.buffer.read()
    if not data.startswith(b"%PDF-"):
        fail("the input is not a PDF (it does not start with %PDF-)", 65)
    try:
        # "-" as the input file: pdftotext reads the PDF from its standard input.
        run = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", "-bbox-layout", "-", "-"], input=data, capture_output=True)
    except FileNotFoundError:
        fail("pdftotext is not installed; install poppler-utils", 69)
    if run.returncode != 0 or not run.stdout:
        fail(f"pdftotext could not read the PDF (status {run.returncode}); it may be damaged or encrypted", 65)
    root = ET.fromstring(run.stdout)
    meta = {m.get("name"): m.get("content") for m in root.iter(NS + "meta")}
    title = root.find(f"{NS}head/{NS}title")
    found = blocks_of(root)
    heights = sorted(h for _, h in found)
    body = heights[(len(heights) - 1) // 2] if heights else 0  # the lower median
    blocks = []
    for text, height in found:
        if body and height > body * 1.25 and len(text) < 200:
            blocks.append({"type": "heading", "level": 1 if height > body * 1.6 else 2, "text": text})
        else:
            blocks.append({"type": "paragraph", "text": text})
    date = (meta.get("CreationDate") or "")[:10]
    document = {
        "format": "pdf",
        "metadata": {
            "title": title.text if title is not None and title.text else None,
            "authors": [meta["Author"]] if meta.get("Author") else [],
            "date": date if len(date) == 10 and date[4] == "-" else None,
        },
        "blocks": blocks,
    }
    json.dump(document, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
