#!/usr/bin/env python3
"""Writes the small DOCX, ODT and EPUB fixtures (and hostile archives) used by DecantOfficeTests.

Run from this folder: python3 make-fixtures.py. The outputs are committed; the timestamps are
fixed so the files come out byte-identical every time.
"""
import zipfile

STAMP = (2024, 1, 1, 0, 0, 0)


def write(path, parts, stored_first=None):
    with zipfile.ZipFile(path, "w") as z:
        if stored_first:
            info = zipfile.ZipInfo(stored_first[0], STAMP)
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, stored_first[1])
        for name, text in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text, style=None, num=False):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if num else "") + "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


docx_body = "".join([
    para("Quarterly Report", "Title"),
    para("Summary", "berschrift1"),
    '<w:p><w:r><w:t xml:space="preserve">Sales grew by </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>twelve</w:t></w:r>'
    '<w:r><w:t xml:space="preserve"> percent</w:t></w:r><w:del><w:r><w:delText> (draft figure)</w:delText></w:r></w:del>'
    '<w:r><w:t>.</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>',
    para("Open two new stores", num=True),
    para("Hire a data lead", num=True),
    para("Numbers beat opinions.", "IntenseQuote"),
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Region</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Sales</w:t></w:r></w:p></w:tc></w:tr>'
    '<w:tr><w:tc><w:p><w:r><w:t>North</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,200</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    para("Outlook", "berschrift2"),
    '<w:p><w:r><w:t>Steady</w:t></w:r><w:r><w:tab/><w:t>growth expected.</w:t></w:r></w:p>',
])
docx_parts = [
    ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    ("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{docx_body}<w:sectPr/></w:body></w:document>'),
    ("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="IntenseQuote"><w:name w:val="Intense Quote"/></w:style></w:styles>'),
    ("docProps/core.xml", '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>Quarterly Report Q1</dc:title><dc:creator>Ann Example; Bo Sample</dc:creator><cp:keywords>sales, stores</cp:keywords>'
        '<dc:language>en-GB</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">2024-04-02T09:00:00Z</dcterms:created></cp:coreProperties>'),
]
write("report.docx", docx_parts)

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
odt_content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS} office:version="1.3"><office:body><office:text>'
    '<text:sequence-decls/>'
    '<text:h text:outline-level="1">Trip Notes</text:h>'
    '<text:p text:style-name="Standard">We left at<text:s text:c="2"/>dawn<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    '<text:note-body><text:p>A footnote that is not body text.</text:p></text:note-body></text:note> and reached the <text:span text:style-name="T1">pass</text:span> by noon.</text:p>'
    '<text:h text:outline-level="2">Packing list</text:h>'
    '<text:list><text:list-item><text:p>Water</text:p></text:list-item><text:list-item><text:p>Map</text:p>'
    '<text:list><text:list-item><text:p>Spare compass</text:p></text:list-item></text:list></text:list-item></text:list>'
    '<text:p text:style-name="Quotations">The mountains are calling.</text:p>'
    '<table:table table:name="Costs"><table:table-header-rows><table:table-row><table:table-cell><text:p>Item</text:p></table:table-cell>'
    '<table:table-cell><text:p>Cost</text:p></table:table-cell></table:table-row></table:table-header-rows>'
    '<table:table-row><table:table-cell><text:p>Fuel</text:p></table:table-cell><table:table-cell><text:p>40</text:p></table:table-cell></table:table-row></table:table>'
    '<text:section text:name="S1"><text:p>Back home<text:tab/>safe.</text:p></text:section>'
    '</office:text></office:body></office:document-content>')
odt_meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NS}><office:meta>'
    '<dc:title>Trip Notes</dc:title><meta:initial-creator>Cy Walker</meta:initial-creator><meta:creation-date>2023-08-14T18:22:05.123456789</meta:creation-date>'
    '<dc:language>en</dc:language><meta:keyword>travel</meta:keyword><meta:keyword>alps</meta:keyword></office:meta></office:document-meta>')
write("trip.odt", [("content.xml", odt_content), ("meta.xml", odt_meta),
                   ("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')],
      stored_first=("mimetype", "application/vnd.oasis.opendocument.text"))

XHTML = '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{t}</title><style>p {{ margin: 0 }}</style></head><body>{b}</body></html>'
chapter1 = XHTML.format(t="One", b='<section><h1>Chapter One</h1><p>It was a <em>dark</em> and stormy night;<br/>the rain fell.</p>'
    '<blockquote><p>Never again.</p></blockquote><ul><li>First clue<ul><li>A footprint</li></ul></li><li>Second clue</li></ul></section>')
chapter2 = XHTML.format(t="Two", b='<h2>Chapter Two</h2><div>Loose text in a div.</div><pre>  code\n    indented</pre>'
    '<figure><img src="map.png" alt="map"/><figcaption>The village map</figcaption></figure>'
    '<table><tr><th>Name</th><th>Role</th></tr><tr><td>Holmes</td><td>Detective</td></tr></table>')
nav = XHTML.format(t="Contents", b='<nav epub:type="toc"><ol><li><a href="ch1.xhtml">Chapter One</a></li></ol></nav>')
opf = ('<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>The Stormy Night</dc:title>'
    '<dc:creator>Dee Writer</dc:creator><dc:language>en</dc:language><dc:date>2021-10-31</dc:date><dc:subject>Mystery</dc:subject>'
    '<dc:description>A short mystery.</dc:description></metadata>'
    '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    '<item id="c1" href="text/ch%201.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/></manifest>'
    '<spine><itemref idref="nav"/><itemref idref="c1"/><itemref idref="c2"/></spine></package>')
container = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
write("story.epub", [("META-INF/container.xml", container), ("OEBPS/content.opf", opf), ("OEBPS/nav.xhtml", nav),
                     ("OEBPS/text/ch 1.xhtml", chapter1), ("OEBPS/text/ch2.xhtml", chapter2)],
      stored_first=("mimetype", "application/epub+zip"))

# Hostile and broken inputs.
write("traversal.docx", docx_parts + [("../../evil.txt", "escape")])
with zipfile.ZipFile("bomb.docx", "w") as z:
    for name, text in docx_parts:
        z.writestr(zipfile.ZipInfo(name, STAMP), text, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("word/media/zeros.bin", STAMP), b"\0" * (64 << 20), compress_type=zipfile.ZIP_DEFLATED)
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
          f'<w:document {W}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
write("entities.docx", [(n, laughs if n == "word/document.xml" else t) for n, t in docx_parts])
data = open("report.docx", "rb").read()
open("truncated.docx", "wb").write(data[: len(data) // 2])
write("no-document.docx", [p for p in docx_parts if p[0] != "word/document.xml"])
