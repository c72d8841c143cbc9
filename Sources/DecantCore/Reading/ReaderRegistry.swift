/// Where a registered reader stands when several claim the same input.
public enum ReaderTier: Int, Sendable, Comparable {
    /// Asked for by the user (`--prefer-plugin NAME`): wins whenever it claims the input at all.
    case preferred
    /// Compiled into Decant.
    case builtin
    /// An external plugin: used only where no built-in reader makes a specific claim.
    case plugin

    public static func < (a: ReaderTier, b: ReaderTier) -> Bool { a.rawValue < b.rawValue }
}

/// Holds the available readers and picks one for each input.
///
/// Content decides first (what ``FormatSniffer`` sees and each reader's ``Reader/confidence(for:sniffed:)``),
/// the extension second: readers weigh the extension inside their confidence. On a tie the reader
/// registered first wins, so the choice is deterministic.
///
/// Plugins never override a built-in reader that makes a specific claim (confidence of at least
/// ``specificClaim``: it knows the extension or recognises the content); they only beat a
/// built-in's fallback guess, such as the text reader taking any text file. A reader registered
/// as ``ReaderTier/preferred`` wins whenever it claims the input.
public struct ReaderRegistry: Sendable {
    public private(set) var readers: [any Reader] = []
    private var tiers: [ReaderTier] = []

    /// The confidence from which a built-in reader's claim cannot be taken over by a plugin.
    public static let specificClaim = 0.5

    /// A registry of built-in readers, in priority order.
    public init(_ readers: [any Reader] = []) {
        self.readers = readers
        self.tiers = Array(repeating: .builtin, count: readers.count)
    }

    public mutating func register(_ reader: any Reader, tier: ReaderTier = .builtin) {
        readers.append(reader)
        tiers.append(tier)
    }

    public func reader(named name: String) -> (any Reader)? {
        readers.first { $0.name == name }
    }

    /// The tier `name` was registered in, if it is registered.
    public func tier(of name: String) -> ReaderTier? {
        readers.firstIndex { $0.name == name }.map { tiers[$0] }
    }

    /// The reader for `input`, or a ``ReadError`` saying why none fits (empty, binary, unclaimed).
    public func select(for input: ReaderInput) throws(ReadError) -> any Reader {
        let sniffed = FormatSniffer.sniff(input.bytes)
        if sniffed.kind == .empty { throw .empty }
        var best: [ReaderTier: (reader: any Reader, score: Double)] = [:]
        for (reader, tier) in zip(readers, tiers) {
            let score = reader.confidence(for: input, sniffed: sniffed)
            if score > 0, score > (best[tier]?.score ?? 0) { best[tier] = (reader, score) }
        }
        if let preferred = best[.preferred] { return preferred.reader }
        switch (best[.builtin], best[.plugin]) {
        case (let builtin?, let plugin?):
            return builtin.score >= Self.specificClaim || builtin.score >= plugin.score ? builtin.reader : plugin.reader
        case (let builtin?, nil): return builtin.reader
        case (nil, let plugin?): return plugin.reader
        case (nil, nil): break
        }
        if case .binary(let kind) = sniffed.kind { throw .binary(kind: kind) }
        throw .noReader("no reader recognises '\(input.name)'")
    }
}
