/// What the first bytes of an input say about it, before any reader looks.
public struct SniffResult: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case empty
        /// Known binary format (name of the format), or unnamed binary data.
        case binary(String)
        case html
        case xml
        case text
    }

    public var kind: Kind
    /// The Unicode encoding named by a byte-order mark, if there is one (`"UTF-8"`, `"UTF-16LE"`, …).
    public var bom: String?

    public init(kind: Kind, bom: String? = nil) {
        self.kind = kind
        self.bom = bom
    }
}

/// Classifies inputs from their first bytes: byte-order marks, magic numbers of binary formats,
/// markup openings and the share of control bytes.
public enum FormatSniffer {
    /// How many leading bytes are inspected.
    public static let window = 4096

    public static func sniff(_ bytes: [UInt8]) -> SniffResult {
        if bytes.isEmpty { return SniffResult(kind: .empty) }
        if let bom = ByteOrderMark.detect(bytes) {
            let rest = Array(bytes[bom.length...].prefix(window))
            if bom.encoding == "UTF-8" {
                return SniffResult(kind: markupKind(rest) ?? .text, bom: bom.encoding)
            }
            return SniffResult(kind: .text, bom: bom.encoding)
        }
        if let magic = magicName(bytes) { return SniffResult(kind: .binary(magic)) }
        let head = Array(bytes.prefix(window))
        if looksLikeBOMlessUTF16(head) { return SniffResult(kind: .text) }
        if looksBinary(head) { return SniffResult(kind: .binary("data")) }
        return SniffResult(kind: markupKind(head) ?? .text)
    }

    /// Magic numbers of common binary formats that must never be decoded as text.
    static let magics: [(prefix: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x50, 0x4B, 0x05, 0x06], "ZIP archive"),
        ([0x1F, 0x8B], "gzip data"),
        ([0x28, 0xB5, 0x2F, 0xFD], "Zstandard data"),
        (Array("BZh".utf8), "bzip2 data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz data"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF8".utf8), "GIF image"),
        (Array("RIFF".utf8), "RIFF media"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 document (legacy Office)"),
        (Array("SQLite format 3".utf8), "SQLite database"),
        ([0x00, 0x61, 0x73, 0x6D], "WebAssembly"),
        (Array("OggS".utf8), "Ogg media"),
        (Array("ID3".utf8), "MP3 audio"),
    ]

    static func magicName(_ bytes: [UInt8]) -> String? {
        for (prefix, name) in magics where bytes.count >= prefix.count && bytes.starts(with: prefix) {
            return name
        }
        return nil
    }

    /// Text has almost no C0 control bytes other than tab, newline, form feed and carriage return;
    /// a stray NUL or two (a damaged text file) is tolerated, more than 5% is binary data.
    static func looksBinary(_ head: [UInt8]) -> Bool {
        var controls = 0, nuls = 0
        for byte in head where byte < 0x20 {
            if byte == 0 { nuls += 1 }
            if byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B { controls += 1 }
        }
        return nuls * 20 > head.count || controls * 10 > head.count
    }

    /// UTF-16 text without a BOM: every other byte is zero for Latin text.
    static func looksLikeBOMlessUTF16(_ head: [UInt8]) -> Bool {
        guard head.count >= 8 else { return false }
        var evenZero = 0, oddZero = 0
        for (i, byte) in head.enumerated() where byte == 0 {
            if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 }
        }
        let half = head.count / 2
        return (evenZero * 10 >= half * 7 && oddZero * 20 < half) || (oddZero * 10 >= half * 7 && evenZero * 20 < half)
    }

    static func markupKind(_ head: [UInt8]) -> SniffResult.Kind? {
        // Skip leading whitespace, then compare case-insensitively.
        var start = 0
        while start < head.count, head[start] == 0x20 || head[start] == 0x09 || head[start] == 0x0A || head[start] == 0x0D {
            start += 1
        }
        let lowered = head[start...].prefix(512).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let text = String(decoding: lowered, as: UTF8.self)
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return .html }
        if text.hasPrefix("<?xml") {
            return text.contains("<html") || text.contains("xhtml") ? .html : .xml
        }
        if text.hasPrefix("<!--") || text.hasPrefix("<head") || text.hasPrefix("<body") || text.hasPrefix("<meta") {
            let whole = String(decoding: head.prefix(window), as: UTF8.self).lowercased()
            if whole.contains("<html") || whole.contains("<body") || whole.contains("<head") { return .html }
        }
        return nil
    }
}

/// Unicode byte-order marks.
public enum ByteOrderMark {
    /// The encoding a BOM at the start of `bytes` names, and the BOM's length.
    public static func detect(_ bytes: [UInt8]) -> (encoding: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }
}
