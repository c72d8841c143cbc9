import DecantArchive
import DecantCore
import DecantText

/// What the ZIP-based readers share: opening the container, reading an XML part safely, and
/// turning collected text into clean block text.
struct OfficeContainer {
    let format: String
    let zip: ZipArchive

    init(_ bytes: [UInt8], format: String) throws(OfficeError) {
        self.format = format
        do {
            zip = try ZipArchive(bytes)
        } catch {
            throw .archive(format: format, error)
        }
    }

    func has(_ name: String) -> Bool { zip.entry(named: name) != nil }

    /// The parsed XML part `name`; a missing required part is an error.
    func xml(_ name: String) throws(OfficeError) -> MarkupElement {
        guard has(name) else { throw .missingPart(format: format, name) }
        let bytes: [UInt8]
        do {
            bytes = try zip.contents(of: name)
        } catch {
            throw .archive(format: format, error)
        }
        return try MarkupTree.parse(bytes, what: name)
    }

    /// The parsed part, or nil when the optional part is absent.
    func optionalXML(_ name: String) throws(OfficeError) -> MarkupElement? {
        has(name) ? try xml(name) : nil
    }

    /// The stored `mimetype` entry ODF and EPUB put first, if the bytes start with one.
    static func leadingMimetype(_ bytes: [UInt8]) -> String? {
        guard bytes.count > 38, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        guard nameLength == 8, String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype" else { return nil }
        let start = 38 + extraLength
        let size = Int(bytes[22]) | Int(bytes[23]) << 8
        guard size > 0, size < 100, start + size <= bytes.count else { return nil }
        return String(decoding: bytes[start..<(start + size)], as: UTF8.self)
    }
}

extension ReadError {
    init(_ error: OfficeError) {
        self = .malformed(error.description)
    }
}

/// Collects inline text into block text: whitespace runs collapse to one space.
struct TextRun {
    private(set) var raw = ""

    mutating func append(_ text: String) { raw += text }

    var text: String { ParagraphSplitter.collapseWhitespace(raw.replacingNewlines()) }
    var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}

/// Metadata values from office and e-book properties.
enum PropertyValues {
    static func list(_ value: String?) -> [String] {
        (value ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { ParagraphSplitter.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
    }

    static func single(_ value: String?) -> String? {
        let text = ParagraphSplitter.collapseWhitespace((value ?? "").replacingNewlines())
        return text.isEmpty ? nil : text
    }
}

extension Block {
    /// A table block from rows of cell texts, leaving out empty rows; nil when none is left.
    static func table(_ rows: [[String]]) -> Block? {
        let kept = rows.filter { row in row.contains { !$0.isEmpty } }
        guard !kept.isEmpty else { return nil }
        return Block(type: .table, text: kept.map { $0.joined(separator: "\t") }.joined(separator: "\n"), rows: kept)
    }
}

/// A reader of one ZIP-based format: ``document(_:)`` does the work, errors become ``ReadError``.
protocol ContainerReader: Reader {
    func document(_ bytes: [UInt8]) throws(OfficeError) -> Document
}

extension ContainerReader {
    public func read(_ input: ReaderInput) throws -> Document {
        do {
            return try document(input.bytes)
        } catch {
            throw ReadError(error)
        }
    }
}
