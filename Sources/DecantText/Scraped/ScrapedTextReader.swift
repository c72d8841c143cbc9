import DecantCore
import DecantEncoding

/// Reads a web page that a scraper or a browser's "save as text" turned into text: the same
/// decoding and paragraph finding as ``PlainTextReader``, but the document's format is
/// `scraped-text`, which ``ScrapedPageCleaner`` then cleans.
///
/// The registry prefers this reader over the plain-text one for `.txt` (and extension-less)
/// inputs laid out one paragraph per line, the way scraped dumps are; hard-wrapped prose
/// (a README, an e-mail, a book) stays with ``PlainTextReader`` and is not cleaned.
public struct ScrapedTextReader: Reader {
    public let name = "scraped-text"
    public let summary = "Web pages saved as text (one paragraph per line): boilerplate removed, metadata harvested"
    public let extensions = ["txt", "text", ""]
    var plain: PlainTextReader

    public init(decoder: TextDecoder = TextDecoder()) {
        plain = PlainTextReader(decoder: decoder)
    }

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .text, extensions.contains(input.fileExtension) else { return 0 }
        return Self.looksScraped(input.bytes.prefix(65_536)) ? 0.6 : 0
    }

    public func read(_ input: ReaderInput) throws -> Document {
        var document = try plain.read(input)
        document.format = "scraped-text"
        document.decant = Provenance(reader: name)
        return document
    }

    /// One paragraph per line: at least three lines of text, and lines running past 100
    /// characters make up a tenth or more of the lines of 40 or more characters (hard-wrapped
    /// text has none, apart from the odd long URL).
    static func looksScraped(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lines = 0, medium = 0, long = 0
        var length = 0
        func end() {
            if length > 0 { lines += 1 }
            if length >= 40 { medium += 1 }
            if length > 100 { long += 1 }
            length = 0
        }
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D { end() }
            // Count characters, not bytes: skip UTF-8 continuation bytes (and UTF-16 zero bytes).
            else if byte & 0xC0 != 0x80 && byte != 0 { length += 1 }
        }
        end()
        return lines >= 3 && long >= 1 && long * 10 >= medium && (long >= 2 || medium <= 4)
    }
}
