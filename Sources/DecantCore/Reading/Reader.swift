/// The bytes of one input plus what is known about where they came from.
public struct ReaderInput: Sendable {
    public var bytes: [UInt8]
    /// File name or relative path (used for the extension and for `source`).
    public var name: String
    /// An encoding the caller declares (`--encoding`, a JSONL field), overriding detection hints.
    public var declaredEncoding: String?

    public init(bytes: [UInt8], name: String, declaredEncoding: String? = nil) {
        self.bytes = bytes
        self.name = name
        self.declaredEncoding = declaredEncoding
    }

    /// Lower-cased extension of `name` without the dot (`"txt"`), or `""`.
    public var fileExtension: String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[last.index(after: dot)...]).lowercased()
    }
}

/// Turns bytes of one format into blocks and metadata hints.
///
/// Readers do no cleaning and no repair: the shared pipeline does that for every format, so a
/// new reader only has to get the structure right. Register readers with ``ReaderRegistry``.
public protocol Reader: Sendable {
    /// Short unique name shown by `decant readers` and written to `decant.reader`.
    var name: String { get }
    /// One line for `decant readers`.
    var summary: String { get }
    /// File extensions (lower case, no dot) this reader claims.
    var extensions: [String] { get }
    /// How sure the reader is that it can read this input, 0 (no claim) to 1 (certain).
    /// `sniffed` is what ``FormatSniffer`` saw in the first bytes.
    func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double
    /// Reads the input. Throws ``ReadError`` (or any error) when it cannot.
    func read(_ input: ReaderInput) throws -> Document
    /// Reads every logical document the input holds: a feed's items, an archive's pages.
    /// Readers of one-document formats keep the default, `[read(input)]`.
    func readAll(_ input: ReaderInput) throws -> [Document]
}

extension Reader {
    public func readAll(_ input: ReaderInput) throws -> [Document] {
        [try read(input)]
    }
}

/// Errors a reader or the registry reports for one input. Each has a code for error records
/// and a message a user can act on.
public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary(kind: String)
    case noReader(String)
    case undecodable(String)
    case malformed(String)
    case tooLarge(bytes: Int, limit: Int)

    public var code: String {
        switch self {
        case .empty: "skipped.empty"
        case .binary: "skipped.binary"
        case .noReader: "skipped.no-reader"
        case .undecodable: "read.undecodable"
        case .malformed: "read.malformed"
        case .tooLarge: "read.too-large"
        }
    }

    /// Skipped inputs are not failures: nothing was there to read.
    public var isSkip: Bool { code.hasPrefix("skipped.") }

    public var description: String {
        switch self {
        case .empty: "the file is empty; nothing to read"
        case .binary(let kind): "binary file (\(kind)); no reader claims it"
        case .noReader(let why): "no reader claims this input: \(why)"
        case .undecodable(let why): "cannot decode the bytes as text: \(why)"
        case .malformed(let why): "malformed input: \(why)"
        case .tooLarge(let bytes, let limit): "the input is \(bytes) bytes, over the limit of \(limit) (raise --max-bytes)"
        }
    }
}
