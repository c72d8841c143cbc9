import Decant
import Testing

@Suite struct MarkdownReaderTests {
    func read(_ text: String, name: String = "doc.md") throws -> Document {
        try DocumentPipeline().process(ReaderInput(bytes: Array(text.utf8), name: name))
    }

    @Test func inlineMarkupIsRemovedButWordsAreKept() {
        #expect(MarkdownInline.plain("See **[the guide](https://x.org \"Guide\")** and `make test` — *now*!")
            == "See the guide and make test — now!")
        #expect(MarkdownInline.plain("snake_case and file_name_here stay") == "snake_case and file_name_here stay")
        #expect(MarkdownInline.plain(#"a \*literal\* star, &lt;tag&gt; and &#233;"#) == "a *literal* star, <tag> and é")
        #expect(MarkdownInline.plain("<span class=\"x\">styled</span> text, <mailto:ann@example.org>") == "styled text, ann@example.org")
        #expect(MarkdownInline.plain("``code with ` tick``") == "code with ` tick")
        #expect(MarkdownInline.plain("![alt text](pic.png) and [ref link][r]") == "alt text and ref link")
    }

    @Test func frontMatterKeysMapToMetadata() throws {
        let lines = ["---", "title: 'It''s here'", "author: Ann", "date: 2024-01-02T03:04:05.678Z", "keywords: a, b",
                     "nested:", "  key: value", "summary: Short # a comment", "---", "Body"]
        let front = try #require(FrontMatter.parse(lines))
        #expect(front.lineCount == 9)
        #expect(front.metadata.title == "It's here")
        #expect(front.metadata.authors == ["Ann"])
        #expect(front.metadata.date == "2024-01-02T03:04:05Z")
        #expect(front.metadata.description == "Short")
        #expect(FrontMatter.parse(["---", "date: March 5", "---"])?.metadata.date == nil, "a date that is not ISO is dropped")
        #expect(FrontMatter.parse(["Title", "---"]) == nil)
    }

    @Test func markdownFilesGoToTheMarkdownReaderOthersDoNot() throws {
        #expect(try read("# Title\n\nText.\n").decant.reader == "markdown")
        #expect(try read("# Title\n\nText.\n", name: "notes.txt").decant.reader != "markdown")
    }

    @Test func badInputsGiveClearErrors() throws {
        #expect(throws: ReadError.empty) { try read("") }
        #expect(throws: ReadError.binary(kind: "PNG image")) {
            try DocumentPipeline().process(ReaderInput(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], name: "img.md"))
        }
        // Only markup, no words: a document with no text rather than a crash.
        let onlyRules = try read("---\n\n***\n\n<!-- nothing -->\n")
        #expect(onlyRules.blocks.isEmpty)
        #expect(onlyRules.text == "")
    }

    @Test func latin1MarkdownIsDecoded() throws {
        let bytes: [UInt8] = Array("# Caf".utf8) + [0xE9] + Array("\n\nUn caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65] + Array(".\n".utf8)
        let document = try DocumentPipeline().process(ReaderInput(bytes: bytes, name: "fr.md"))
        #expect(document.blocks.map(\.text) == ["Café", "Un café crème."])
    }
}
