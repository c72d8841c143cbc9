import Testing

@testable import DecantCore
@testable import DecantHTML

@Suite struct HTMLReaderTests {
    func read(_ html: String, options: ExtractionOptions = ExtractionOptions()) throws -> Document {
        try read(Array(html.utf8), options: options)
    }

    func read(_ bytes: [UInt8], options: ExtractionOptions = ExtractionOptions()) throws -> Document {
        var document = try HTMLReader(options: options).read(ReaderInput(bytes: bytes, name: "page.html"))
        document.text = document.renderText()
        return document
    }

    static let prose = "This paragraph is long enough to count as prose, with a comma, and it tells the reader something useful."

    @Test func falseFriendClassNamesAreNotBoilerplate() {
        #expect(BoilerplateRules.classify(name: "comment-body-main") == nil)
        #expect(BoilerplateRules.classify(name: "comments") == .comments)
        #expect(BoilerplateRules.classify(name: "share-bar") == .share)
        #expect(BoilerplateRules.classify(name: "siteFooter") == .footer)
        #expect(BoilerplateRules.classify(name: "article-content") == nil)
        #expect(BoilerplateRules.classify(name: "cookie-consent") == .cookie)
    }

    @Test func commentsAreKeptWithTheOption() throws {
        let html = "<body><article><p>\(Self.prose)</p><p>\(Self.prose)</p></article><div id=\"comments\"><p>I disagree with every word of this, and here is why it matters.</p></div></body>"
        let without = try read(html)
        #expect(!without.text.contains("I disagree"))
        #expect(without.removed.contains { $0.reason == "boilerplate.comments" && $0.text.contains("I disagree") })
        let with = try read(html, options: ExtractionOptions(comments: true))
        #expect(with.text.hasSuffix("I disagree with every word of this, and here is why it matters."))
    }

    @Test func linksAndImagesBecomeMarkdownWhenAsked() throws {
        let html = "<body><article><p>\(Self.prose) See <a href=\"https://example.org/x\">the report</a> and <img src=\"/a.png\" alt=\"a chart\">.</p><p>\(Self.prose)</p></article></body>"
        let plain = try read(html)
        #expect(plain.text.contains("See the report and ."))
        let marked = try read(html, options: ExtractionOptions(markup: InlineMarkup(links: true, images: true)))
        #expect(marked.text.contains("See [the report](https://example.org/x) and ![a chart](/a.png)."))
    }

    @Test func anArticlesOwnHeaderIsContentThePagesIsNot() throws {
        let html = "<body><header><a href=\"/\">Home</a> <a href=\"/news\">News</a> Site masthead</header><article><header><h1>The headline</h1><p class=\"lead\">A standfirst that sums up the story in one sentence.</p></header><p>\(Self.prose)</p><p>\(Self.prose)</p></article></body>"
        let document = try read(html)
        #expect(document.text.contains("A standfirst that sums up the story in one sentence."), "\(document.text)")
        #expect(!document.text.contains("Site masthead"))
        #expect(document.removed.contains { $0.text.contains("Site masthead") && $0.reason == "boilerplate.header" })
    }

    @Test func linksTooShortOrGoingNowhereKeepTheirTextWithoutBrackets() throws {
        let html = "<body><article><p>\(Self.prose) Footnote <a href=\"https://example.org/n\">1</a>, <a href=\"#top\">back up</a> and <a href=\"https://example.org/é\">é</a>.</p><p>\(Self.prose)</p></article></body>"
        let marked = try read(html, options: ExtractionOptions(markup: InlineMarkup(links: true, images: false)))
        #expect(marked.text.contains("Footnote 1, back up and é."), "\(marked.text)")
    }

    @Test func metaCharsetDecidesTheEncodingAndIsRecorded() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>".utf8)
        bytes += [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94]  // “Café”
        bytes += Array("</p></body></html>".utf8)
        let document = try read(bytes)
        #expect(document.text == "“Café”")
        #expect(document.encoding.declared == "WINDOWS-1252")
        #expect(document.encoding.used == "WINDOWS-1252")
    }

    @Test func tenThousandNestedDivsDoNotCrash() throws {
        let html = String(repeating: "<div>", count: 10_000) + Self.prose + String(repeating: "</div>", count: 10_000)
        let document = try read(html)
        #expect(document.text == Self.prose)
    }

    @Test func truncatedMarkupStillGivesItsText() throws {
        let document = try read("<html><body><article><p>\(Self.prose)</p><p>The second paragraph was cut off in the mid")
        #expect(document.text.hasPrefix(Self.prose))
        #expect(document.text.hasSuffix("cut off in the mid"))
    }

    @Test func pageOfOnlyScriptsGivesAnEmptyDocument() throws {
        let document = try read("<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script><noscript>Enable JavaScript</noscript></body></html>")
        #expect(document.text.isEmpty)
        #expect(document.blocks.isEmpty)
    }

    @Test func invalidBytesAreReplacedAndCounted() throws {
        var bytes = Array("<html><body><p>Caf".utf8)
        bytes += [0xC3, 0xA9, 0x20, 0xFF, 0xFE, 0x20, 0xC3, 0xA9]
        bytes += Array("</p></body></html>".utf8)
        let document = try read(bytes)
        #expect(document.encoding.used == "UTF-8")
        #expect(document.encoding.invalid_sequences > 0)
        #expect(document.text.hasPrefix("Café"))
    }

    @Test func plainTextNamedHTMLIsLeftToTheTextReader() {
        let input = ReaderInput(bytes: Array("Just a note.\nNo markup here.\n".utf8), name: "note.html")
        #expect(HTMLReader().confidence(for: input, sniffed: FormatSniffer.sniff(input.bytes)) == 0)
    }

    @Test func charsetPrescanFindsMetaHttpEquivAndXMLDeclarations() {
        #expect(HTMLCharsetPrescan.declaredCharset(Array("<meta charset='ISO-8859-1'>".utf8)) == "iso-8859-1")
        #expect(HTMLCharsetPrescan.declaredCharset(Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">".utf8)) == "shift_jis")
        #expect(HTMLCharsetPrescan.declaredCharset(Array("<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>".utf8)) == "koi8-r")
        #expect(HTMLCharsetPrescan.declaredCharset(Array("<html><body>no declaration</body></html>".utf8)) == nil)
    }

    @Test func datesAreNormalisedToISO() {
        #expect(DateNormalizer.normalize("2024-03-05T09:30:00+00:00") == "2024-03-05")
        #expect(DateNormalizer.normalize("Updated March 3, 2024 at 10:02 a.m.") == "2024-03-03")
        #expect(DateNormalizer.normalize("5. März 2024") == "2024-03-05")
        #expect(DateNormalizer.normalize("05.03.2024") == "2024-03-05")
        #expect(DateNormalizer.normalize("no date here") == nil)
    }

    @Test func titleSuffixesAreStripped() {
        #expect(TitleCleaner.clean("Budget approved | City Times", site: "City Times", h1: nil) == "Budget approved")
        #expect(TitleCleaner.clean("A long headline about the budget - News", site: nil, h1: nil) == "A long headline about the budget")
        #expect(TitleCleaner.clean("Plain title", site: nil, h1: nil) == "Plain title")
    }

    @Test func sameInputGivesIdenticalOutput() throws {
        let html = "<body><nav><a href=\"/\">Home</a></nav><article><h1>T</h1><p>\(Self.prose)</p></article></body>"
        #expect(try read(html) == read(html))
    }
}
