/// Holds the available readers and picks one for each input.
///
/// Content decides first (what ``FormatSniffer`` sees and each reader's ``Reader/confidence(for:sniffed:)``),
/// the extension second: readers weigh the extension inside their confidence. On a tie the reader
/// registered first wins, so the choice is deterministic.
public struct ReaderRegistry: Sendable {
    public private(set) var readers: [any Reader] = []

    public init(_ readers: [any Reader] = []) {
        self.readers = readers
    }

    public mutating func register(_ reader: any Reader) {
        readers.append(reader)
    }

    public func reader(named name: String) -> (any Reader)? {
        readers.first { $0.name == name }
    }

    /// The reader for `input`, or a ``ReadError`` saying why none fits (empty, binary, unclaimed).
    public func select(for input: ReaderInput) throws(ReadError) -> any Reader {
        let sniffed = FormatSniffer.sniff(input.bytes)
        if sniffed.kind == .empty { throw .empty }
        var best: (reader: any Reader, score: Double)?
        for reader in readers {
            let score = reader.confidence(for: input, sniffed: sniffed)
            if score > 0, score > (best?.score ?? 0) { best = (reader, score) }
        }
        if let best { return best.reader }
        if case .binary(let kind) = sniffed.kind { throw .binary(kind: kind) }
        throw .noReader("no reader recognises '\(input.name)'")
    }
}
