#!/usr/bin/env python3
"""Writes the seed corpora of the libFuzzer targets (Fuzz/Corpus/<target>/) from the test
fixtures and seeds/, so the committed seeds can be regenerated and reviewed.

Each seed is a few hundred bytes to 4 KB; the first byte(s) are the target's selector (see the
target's source in Fuzz/Sources/). Run: python3 scripts/fuzz/make-corpus.py
"""
import base64
import hashlib
import io
import json
import pathlib
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIX = ROOT / "Tests" / "Fixtures"
OUT = ROOT / "Fuzz" / "Corpus"
LIMIT = 4096

# The order of BuiltinReaders.registry() (Sources/Decant/Pipeline/BuiltinReaders.swift).
READERS = ["markdown", "docx", "odt", "epub", "feed", "email", "warc", "scraped-text", "text", "html"]
# The names of Fuzz/Sources/fuzz-sniff/FuzzSniff.swift, by index.
SNIFF_NAMES = ["input.txt", "input.html", "input.htm", "input.md", "input.docx", "input.odt", "input.epub",
               "input.rss", "input.atom", "input.xml", "input.eml", "input.mbox", "input.warc", "input.warc.gz",
               "input", "input.", ".txt", "dir/input.TXT", "input.jsonl", "input.pdf"]
# The declared names of Fuzz/Sources/fuzz-charset/FuzzCharset.swift, by index (0 = none).
CHARSETS = [None, None, None, None, None, None, "utf-8", "UTF-16LE", "utf-16be", "UTF-32", "windows-1252",
            "iso-8859-1", "ISO-8859-7", "koi8-r", "shift_jis", "euc-jp", "ISO-2022-JP", "gb18030",
            "big5", "euc-kr", "cp437", "macintosh", "x-user-defined", "utf8", "", "latin-1"]


def write(target, data):
    data = bytes(data[:LIMIT])
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def fixture(path):
    return (FIX / path).read_bytes()


def stored_description(zip_bytes, per_entry=1200):
    """The entry description Fuzz/Sources/FuzzSupport/StoredZip.swift packs into a stored ZIP."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        for info in archive.infolist():
            parts.append(info.filename.encode() + b"\n" + archive.read(info)[:per_entry])
    return b"\x01".join(parts)


TEXTS = {
    "fr": "Le café de la gare ouvre à sept heures ; déjà, les habitués s'y pressent. « Voilà », dit-il.",
    "de": "Die Straße war naß, und die Bürger gingen schnell über den Platz zur Kirche.",
    "ru": "Москва - столица России, крупнейший по численности населения город страны.",
    "el": "Η Αθήνα είναι η πρωτεύουσα και η μεγαλύτερη πόλη της Ελλάδας.",
    "ja": "東京は日本の首都であり、世界有数の大都市である。人口は約千四百万人。",
    "zh": "北京是中华人民共和国的首都，也是全国的政治和文化中心。",
    "ko": "서울은 대한민국의 수도이며 최대 도시이다.",
    "tr": "İstanbul, Türkiye'nin en kalabalık şehridir ve ekonomik merkezidir.",
    "pl": "Warszawa jest stolicą Polski i największym miastem kraju; leży nad Wisłą.",
}


def sniff():
    samples = [
        ("input.html", fixture("html/news-article/source.html")[:600]),
        ("input.html", fixture("html/latin1-meta/source.html")[:600]),
        ("input.md", fixture("markdown/hugo.md")),
        ("input.docx", fixture("office/entities.docx")[:300]),
        ("input.epub", fixture("office/story.epub")[:300]),
        ("input.rss", fixture("feeds/news.rss")[:600]),
        ("input.atom", fixture("feeds/journal.atom")[:600]),
        ("input.eml", fixture("mail/reply.eml")[:600]),
        ("input.mbox", fixture("mail/notes.mbox")),
        ("input.warc", fixture("warc/crawl.warc")[:600]),
        ("input.warc.gz", fixture("warc/crawl.warc.gz")[:200]),
        ("input.txt", (ROOT / "seeds" / "000_b1de2521f0f7a1de.txt").read_bytes()[:600]),
        ("input.txt", b"\xff\xfe" + TEXTS["fr"].encode("utf-16-le")),
        ("input.txt", TEXTS["de"].encode("utf-16-be")),
        ("input.txt", b"\xef\xbb\xbf<html><body><p>x</p></body></html>"),
        ("input", b"<?xml version=\"1.0\"?><rss><channel></channel></rss>"),
        ("input.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("input.txt", b"\x00" * 64 + b"text"),
    ]
    for name, data in samples:
        write("fuzz-sniff", bytes([SNIFF_NAMES.index(name)]) + data)


def readers():
    def put(reader, data, mode=None):
        head = bytes([READERS.index(reader)]) + (bytes([mode]) if mode is not None else b"")
        write("fuzz-readers", head + data)

    for name in ["article.md", "hugo.md", "unclosed-fence.md", "unclosed-front-matter.md"]:
        put("markdown", fixture("markdown/" + name))
    for reader, name in [("docx", "entities.docx"), ("docx", "report.docx"), ("odt", "trip.odt"), ("epub", "story.epub")]:
        raw = fixture("office/" + name)
        put(reader, raw, 0)
        put(reader, stored_description(raw), 1)
    put("docx", fixture("office/truncated.docx"), 0)
    for name in ["news.rss", "journal.atom", "rdf.rdf", "entities.rss", "truncated.rss"]:
        put("feed", fixture("feeds/" + name))
    for name in ["newsletter.eml", "reply.eml", "attachment-only.eml", "notes.mbox", "truncated.eml"]:
        put("email", fixture("mail/" + name))
    for name in ["crawl.warc", "no-html.warc", "crawl.warc.gz", "truncated.warc.gz"]:
        put("warc", fixture("warc/" + name))
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        put("scraped-text", seed.read_bytes()[:2000])
    put("text", TEXTS["fr"].encode("cp1252") + b"\n\n" + TEXTS["de"].encode("utf-8"))
    put("text", TEXTS["ru"].encode("koi8-r"))
    for case in ["news-article", "docs-code-table", "latin1-meta", "no-container", "false-friend"]:
        put("html", fixture(f"html/{case}/source.html")[:3000])


def charset():
    pairs = [("fr", "cp1252"), ("fr", "utf-8"), ("de", "iso-8859-1"), ("ru", "koi8-r"), ("ru", "cp1251"),
             ("el", "iso-8859-7"), ("ja", "shift_jis"), ("ja", "euc-jp"), ("ja", "iso-2022-jp"), ("zh", "gb18030"),
             ("ko", "euc-kr"), ("tr", "cp1254"), ("pl", "iso-8859-2"), ("fr", "utf-16-le"),
             ("de", "utf-16-be"), ("fr", "mac-roman"), ("de", "cp437")]
    for language, codec in pairs:
        write("fuzz-charset", b"\x00" + TEXTS[language].encode(codec))
    for declared, language, codec in [("shift_jis", "ja", "shift_jis"), ("koi8-r", "ru", "koi8-r"),
                                      ("UTF-16LE", "fr", "utf-16-le"), ("windows-1252", "fr", "utf-8")]:
        write("fuzz-charset", bytes([CHARSETS.index(declared)]) + TEXTS[language].encode(codec))
    write("fuzz-charset", b"\xffISO_8859-15:1998\n" + TEXTS["fr"].encode("iso-8859-15"))
    write("fuzz-charset", b"\xc0" + TEXTS["el"].encode("utf-8") + b"\xe2\x82")


def repair():
    samples = [
        "The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.",
        "Clean start, then the span rÃ©sumÃ© cafÃ© inside, clean end.",
        "donâ€™t â€œquoteâ€\x9d me â€” please",
        "C O N C L U S Ã O\n\nThere are a lot of Ã’s in mojibake text",
        "Ð\x9cÐ¾Ñ\x81ÐºÐ²Ð° â€” Ñ\x81Ñ‚Ð¾Ð»Ð¸Ñ†Ð°",
        "Fish &amp; chips &eacute;t&eacute; &#8217; &#x2014; &nbsp;end",
        "a long hyph-\nenated word and an-\nother one\n\nsecond para-\ngraph",
        "It' s the dog' s bone; rock ' n ' roll; l' amour",
        "Thecatsat on themat.Next sentence,no space",
        "ﬁne ﬂow ＦＵＬＬ　ｗｉｄｔｈ e\u0301te\u0301 \u00ad soft\u200bhyphen",
        "ctrl\x01\x02\x07 chars\x7f and \ufffd replacement",
        TEXTS["ja"] + " " + TEXTS["ru"],
    ]
    for text in samples:
        write("fuzz-repair", text.encode("utf-8", "surrogatepass"))
    write("fuzz-repair", (ROOT / "seeds" / "001_223be42430117e03.txt").read_bytes()[:3000])


def pipe():
    docx = base64.b64encode(fixture("office/entities.docx")).decode()
    lines = [
        [{"id": "1", "text": TEXTS["fr"]}, {"id": 2, "html": "<html><head><title>T</title></head><body><p>Hello</p></body></html>"}],
        [{"id": "d", "bytes_base64": docx, "format": "docx", "source": "a/b.docx"}],
        [{"id": "m", "text": "# Title\n\nBody text here.", "format": "markdown", "metadata": {"title": "X", "authors": ["A"], "tags": [1, 2], "date": "2024-01-02"}}],
        [{"id": "e", "bytes_base64": base64.b64encode(TEXTS["ru"].encode("koi8-r")).decode(), "encoding": "koi8-r", "url": "https://example.org/x"}],
        [{"text": "no id"}, {"id": None, "html": 3}, {"id": 1.5e300, "text": ""}],
    ]
    for group in lines:
        write("fuzz-pipe", "\n".join(json.dumps(o, ensure_ascii=False) for o in group).encode() + b"\n")
    write("fuzz-pipe", b'{"id":"x","text":"a"}\r\n[1,2]\n{"id":\n\n   \nnot json\n{"bytes_base64":"@@@"}\n')


if __name__ == "__main__":
    if OUT.exists():
        shutil.rmtree(OUT)
    for make in (sniff, readers, charset, repair, pipe):
        make()
    for folder in sorted(OUT.iterdir()):
        files = list(folder.iterdir())
        print(f"{folder.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")
