import DecantCore
import DecantEncoding

/// Reads plain text: any Unicode encoding with a BOM, UTF-8, and legacy charsets through
/// ``TextDecoder``. Newlines (CRLF, CR) are unified, control and invisible characters removed,
/// and paragraphs found both in blank-line separated text and in the one-paragraph-per-line
/// layout of scraped dumps (see ``ParagraphSplitter``).
public struct PlainTextReader: Reader {
    public let name = "text"
    public let summary = "Plain text in any Unicode encoding or a legacy charset"
    public let extensions = ["txt", "text", "log", "asc", ""]
    public var decoder: TextDecoder

    public init(decoder: TextDecoder = TextDecoder()) {
        self.decoder = decoder
    }

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .text else { return 0 }
        return extensions.contains(input.fileExtension) ? 0.5 : 0.3
    }

    public func read(_ input: ReaderInput) throws -> Document {
        let decoded = decoder.decode(input.bytes, declared: input.declaredEncoding)
        let lines = TextLines.split(decoded.text)
        var tally = CharacterCleanup.Tally()
        let cleanup = CharacterCleanup()
        let cleaned = lines.map { cleanup.clean($0, tally: &tally) }
        let blocks = ParagraphSplitter().blocks(from: cleaned)
        return Document(
            format: "text", blocks: blocks, encoding: decoded.encoding, repairs: tally.repairs,
            decant: Provenance(reader: name))
    }
}

/// Splits decoded text into lines on LF, CRLF and lone CR.
public enum TextLines {
    public static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\u{85}" {
                lines.append(text[start..<index])
                var next = scalars.index(after: index)
                if scalar == "\r", next < text.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}
