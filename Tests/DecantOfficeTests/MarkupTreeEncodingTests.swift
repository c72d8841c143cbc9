import Decant
import Testing

@testable import DecantOffice

/// Bytes that are not valid UTF-8 in XML parts: Foundation's XMLParser crashed the process on
/// them (found by the `fuzz-readers` libFuzzer target, see README "Reliability").
@Suite struct MarkupTreeEncodingTests {
    /// `fuzz-readers` crash, minimised: a tag name made of invalid UTF-8 bytes.
    @Test func aTagNameOfInvalidBytesIsAnErrorNotACrash() {
        #expect(throws: OfficeError.self) { try MarkupTree.parse([0x3C, 0xFF, 0xFF, 0x01, 0x00], what: "part.xml") }
    }

    @Test func invalidBytesInAttributesAndTextBecomeReplacementCharacters() throws {
        let bytes = Array(#"<p a="caf"#.utf8) + [0xE9] + Array(#"">x"#.utf8) + [0xE9, 0xFF] + Array("</p>".utf8)
        let root = try MarkupTree.parse(bytes, what: "part.xml")
        #expect(root.attributes["a"] == "caf\u{FFFD}")
        #expect(root.text == "x\u{FFFD}\u{FFFD}")
    }

    @Test func aDeclaredLegacyEncodingIsLeftToLibxml2() throws {
        let bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><p a="caf"#.utf8) + [0xE9] + Array(#""/>"#.utf8)
        #expect(XMLTextEncoding.safeForXMLParser(bytes) == bytes)
        #expect(try MarkupTree.parse(bytes, what: "part.xml").attributes["a"] == "café")
    }

    @Test func utf16WithoutBOMAndValidUTF8AreUnchanged() {
        let utf16 = Array("<p>\u{1F600}</p>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(XMLTextEncoding.safeForXMLParser(utf16) == utf16)
        let utf8 = Array("<p a=\"é\">ü</p>".utf8)
        #expect(XMLTextEncoding.safeForXMLParser(utf8) == utf8)
    }

    @Test func theDeclaredEncodingIsRead() {
        #expect(XMLTextEncoding.declaredEncoding(Array(#"<?xml version='1.0' encoding = 'Shift_JIS' ?><a/>"#.utf8)) == "Shift_JIS")
        #expect(XMLTextEncoding.declaredEncoding(Array(#"<?xml version="1.0"?><a/>"#.utf8)) == nil)
        #expect(XMLTextEncoding.declaredEncoding(Array("<a/>".utf8)) == nil)
    }

    /// The first `fuzz-readers` crash as a feed: an RSS whose namespace declaration holds invalid
    /// bytes. The bytes become U+FFFD and the item is read.
    @Test func aFeedWithInvalidBytesInItsTagsIsRead() throws {
        let bytes = Array(#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org"#.utf8)
            + [0xD7, 0x9B, 0xEF, 0xBF, 0xD0, 0x9A, 0xFF, 0xFE] + Array(#"/"><channel><title>T</title><item><title>A</title><description>B</description></item></channel></rss>"#.utf8)
        let documents = try FeedReader().readAll(ReaderInput(bytes: bytes, name: "feed.rss"))
        #expect(documents.map(\.metadata.title) == ["A"])
        #expect(documents.first?.blocks.map(\.text) == ["A", "B"])
    }
}
