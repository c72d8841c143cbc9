import DecantCore

/// Finds paragraphs and list items in lines of text.
///
/// Runs of lines separated by blank lines are chunks. A chunk whose lines look hard-wrapped
/// (similar widths under ~100 columns, most not ending a sentence) is joined into one paragraph,
/// undoing hyphenation at line ends; otherwise every line is its own paragraph, which is how
/// scraped dumps and copy-pasted pages lay out text. Lines starting with a bullet or a number
/// become list items. Horizontal whitespace inside a paragraph is collapsed to single spaces.
public struct ParagraphSplitter: Sendable {
    /// Lines longer than this are never considered hard-wrapped.
    public var maxWrapWidth = 100

    public init() {}

    public func blocks(from lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var chunk: [(line: Int, text: String)] = []
        func flush() {
            if !chunk.isEmpty { blocks += blocksForChunk(chunk) }
            chunk.removeAll(keepingCapacity: true)
        }
        for (index, raw) in lines.enumerated() {
            let text = Self.collapseWhitespace(raw)
            if text.isEmpty { flush() } else { chunk.append((index + 1, text)) }
        }
        flush()
        return blocks
    }

    func blocksForChunk(_ chunk: [(line: Int, text: String)]) -> [Block] {
        if chunk.count > 1 && isHardWrapped(chunk.map(\.text)) {
            return [Block.paragraph(Self.joinWrapped(chunk.map(\.text)), line: chunk[0].line)]
        }
        return chunk.map { line, text in
            if let item = Self.listItemText(text) { return Block(type: .listItem, text: item, line: line) }
            return Block.paragraph(text, line: line)
        }
    }

    func isHardWrapped(_ lines: [String]) -> Bool {
        let widths = lines.map(\.count)
        let widest = widths.max() ?? 0
        guard widest <= maxWrapWidth, widest >= 30 else { return false }
        let body = lines.dropLast()
        if body.contains(where: { Self.listItemText($0) != nil }) { return false }
        let fullWidth = body.filter { $0.count * 10 >= widest * 6 }.count
        let openEnded = body.filter { !Self.endsSentence($0) }.count
        return fullWidth * 10 >= body.count * 7 && openEnded * 2 >= body.count
    }

    static let sentenceEnds = CharacterClass(".!?:;\"”’)»…")
    static let bullets = CharacterClass("•·▪◦‣*-–")

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return sentenceEnds.contains(last)
    }

    static func joinWrapped(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            if out.isEmpty {
                out = line
            } else if out.hasSuffix("-"), let previous = out.dropLast().last, previous.isLowercase,
                let next = line.first, next.isLowercase
            {
                out.removeLast()
                out += line
            } else {
                out += " " + line
            }
        }
        return out
    }

    /// The item text when `line` starts with a bullet (`•`, `-`, `*`, `·`, `▪`) or `1.`/`1)`.
    static func listItemText(_ line: String) -> String? {
        guard let first = line.first else { return nil }
        if bullets.contains(first) {
            let rest = line.dropFirst()
            guard rest.first == " " else { return nil }
            let item = rest.drop(while: { $0 == " " })
            return item.isEmpty ? nil : String(item)
        }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        let item = rest.dropFirst().drop(while: { $0 == " " })
        return item.isEmpty ? nil : String(item)
    }

    /// Trims the line and collapses runs of spaces and tabs into one space.
    public static func collapseWhitespace(_ line: String) -> String {
        // Spaces and tabs are single bytes that never occur inside a multi-byte UTF-8 sequence,
        // so this works on bytes; a line with nothing to collapse or trim is returned as is.
        var afterSpace = true
        var clean = true
        for byte in line.utf8 {
            if byte == 0x09 || (byte == 0x20 && afterSpace) { clean = false; break }
            afterSpace = byte == 0x20
        }
        if clean && !afterSpace { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count)
        var pendingSpace = false
        for byte in line.utf8 {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
