import Testing

@testable import DecantCore
@testable import DecantEncoding
@testable import DecantText

@Suite struct PlainTextReaderTests {
    func read(_ bytes: [UInt8]) throws -> Document {
        var document = try PlainTextReader().read(ReaderInput(bytes: bytes, name: "t.txt"))
        document.text = document.renderText()
        return document
    }

    func read(_ text: String) throws -> Document { try read(Array(text.utf8)) }

    @Test func newlinesOfEveryKindSeparateLines() throws {
        #expect(try read("One.\r\nTwo.\rThree.\n\nFour.").text == "One.\n\nTwo.\n\nThree.\n\nFour.")
    }

    @Test func oneParagraphPerLineLayoutOfScrapedDumps() throws {
        let text = "A long sentence that ends a paragraph of a scraped page, as dumps put them on one line.\nThe next paragraph starts on the very next line without any blank line in between.\n"
        let document = try read(text)
        #expect(document.blocks.count == 2)
        #expect(document.blocks.map(\.line) == [1, 2])
    }

    @Test func hardWrappedParagraphsAreJoinedAndHyphenationUndone() throws {
        let text = """
            The quick brown fox jumps over the lazy dog and keeps running
            across the field until it reaches the river, where it stops to
            drink for a while. Words split by hyphen-
            ation are joined again when a line break cut them in two.
            """
        let document = try read(text)
        #expect(document.blocks.count == 1)
        #expect(document.text.contains("hyphenation are joined"))
        #expect(document.text.contains("running across"))
    }

    @Test func controlZeroWidthAndNoBreakCharactersAreCleanedAndCounted() throws {
        let document = try read("Zero\u{200B}width,\u{00A0}\u{00A0}no-break\u{0000} and a bell\u{0007}.   ")
        #expect(document.text == "Zerowidth, no-break and a bell.")
        let kinds = Dictionary(grouping: document.repairs, by: \.kind).mapValues { $0.reduce(0) { $0 + $1.count } }
        #expect(kinds == ["control-character": 2, "invisible-character": 1, "whitespace": 2])
    }

    @Test func bomsSelectTheUnicodeEncoding() throws {
        let text = "Grüße, naïve café"
        let utf16le: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16be: [UInt8] = [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32le: [UInt8] = [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        let utf8bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        for (bytes, name) in [(utf16le, "UTF-16LE"), (utf16be, "UTF-16BE"), (utf32le, "UTF-32LE"), (utf8bom, "UTF-8")] {
            let document = try read(bytes)
            #expect(document.text == text, "\(name)")
            #expect(document.encoding.used == name)
        }
    }

    @Test func invalidUTF8InMostlyUTF8TextBecomesReplacementCharactersAndIsCounted() throws {
        let bytes = Array("Grüße aus Köln, schöne Grüße ".utf8) + [0xFF] + Array(" und mehr Grüße.".utf8)
        let document = try read(bytes)
        #expect(document.encoding.used == "UTF-8")
        #expect(document.encoding.invalid_sequences == 1)
        #expect(document.text.contains("\u{FFFD}"))
    }

    @Test func legacyBytesFallBackToWindows1252() throws {
        let document = try read([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94])
        #expect(document.text == "Café “q”")
        #expect(document.encoding.used == "WINDOWS-1252")
    }

    @Test func bulletsAndNumbersBecomeListItems() throws {
        let document = try read("Shopping:\n\n- milk\n- bread\n1. first\n2) second")
        #expect(document.blocks.map(\.type) == [.paragraph, .listItem, .listItem, .listItem, .listItem])
        #expect(document.blocks[1].text == "milk")
    }
}
