#!/usr/bin/env python3
"""Writes the small WARC fixtures used by DecantWARCTests (run from this folder).

crawl.warc and crawl.warc.gz (one gzip member per record, as Common Crawl ships them) hold a
warcinfo record, a request, two HTML responses (one chunked, one gzip-encoded Latin-1), a
redirect, an image and a metadata record. The gzip members get a fixed mtime, so the output
is byte-identical on every run.
"""
import gzip
import io


COUNTER = [0]


def record(kind, uri, date, content_type, block, extra=""):
    COUNTER[0] += 1
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{COUNTER[0]:012d}>\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "") + extra
            + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http(status, headers, body):
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


page1 = ("<!DOCTYPE html><html><head><title>Tide tables</title></head><body><article><h1>Tide tables for March</h1>"
         "<p>High water at the harbour is at 06:12 and 18:40 on the first of March.</p>"
         "<p>Spring tides bring the highest water of the month on the tenth.</p></article></body></html>").encode()
chunked = b"".join(f"{len(part):x}\r\n".encode() + part + b"\r\n" for part in [page1[:60], page1[60:]]) + b"0\r\n\r\n"
page2 = ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 guide</title><meta name=\"date\" content=\"2023-05-01\"></head><body><main><h1>Caf\u00e9 guide</h1>"
         "<p>The caf\u00e9 on the quay serves cr\u00e8me br\u00fbl\u00e9e until late.</p></main></body></html>").encode("latin-1")
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as z:
    z.write(page2)
page2_gz = buf.getvalue()

records = [
    record("warcinfo", None, "2024-03-01T00:00:00Z", "application/warc-fields", b"software: decant-fixtures\r\nformat: WARC File Format 1.0\r\n"),
    record("request", "https://tides.example/march", "2024-03-01T10:00:00Z", "application/http; msgtype=request",
           b"GET /march HTTP/1.1\r\nHost: tides.example\r\n\r\n"),
    record("response", "https://tides.example/march", "2024-03-01T10:00:01Z", "application/http; msgtype=response",
           http("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")], chunked)),
    record("response", "https://tides.example/old", "2024-03-01T10:00:02Z", "application/http; msgtype=response",
           http("301 Moved Permanently", [("Location", "https://tides.example/march"), ("Content-Type", "text/html")], b"<a href=/march>moved</a>")),
    record("response", "https://tides.example/logo.png", "2024-03-01T10:00:03Z", "application/http; msgtype=response",
           http("200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n")),
    record("response", "https://cafe.example/guide", "2024-03-01T10:00:04Z", "application/http; msgtype=response",
           http("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], page2_gz)),
    record("metadata", "https://cafe.example/guide", "2024-03-01T10:00:05Z", "application/warc-fields", b"fetchTimeMs: 120\r\n"),
]
open("crawl.warc", "wb").write(b"".join(records))
members = b""
for r in records:
    b = io.BytesIO()
    with gzip.GzipFile(fileobj=b, mode="wb", mtime=0) as z:
        z.write(r)
    members += b.getvalue()
open("crawl.warc.gz", "wb").write(members)
open("truncated.warc.gz", "wb").write(members[:-40])
open("no-html.warc", "wb").write(b"".join(records[:2]))
