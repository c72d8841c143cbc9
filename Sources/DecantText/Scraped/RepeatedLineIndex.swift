import DecantCore

/// Lines that recur on many pages of one folder of a batch (one site, as crawls are laid out):
/// menus, footers, "Back to top button", the "alternate addresses" notice. Built by
/// ``RepeatedLineCounter`` in a first pass over the inputs, consulted by ``ScrapedPageCleaner``
/// in the second, which drops them as `boilerplate.repeated`.
///
/// A line is stored as a 64-bit FNV-1a hash of its folder and its ``LineKey``: 8 bytes per learned
/// line whatever its length.
public struct RepeatedLineIndex: Sendable, Equatable {
    let hashes: Set<UInt64>

    public init(hashes: Set<UInt64>) {
        self.hashes = hashes
    }

    /// How many (folder, line) pairs were learned.
    public var count: Int { hashes.count }

    /// Whether `key` was learned for documents in `folder` (the source path without the file name).
    public func contains(key: String, folder: String) -> Bool {
        !hashes.isEmpty && hashes.contains(Self.hash(key, folder: folder))
    }

    /// The folder part of a source path: `"site/a/page.txt"` → `"site/a"`, `"page.txt"` → `""`.
    public static func folder(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "" }
        return String(source[..<slash])
    }

    /// 64-bit FNV-1a of the folder, a separator and the key.
    public static func hash(_ key: String, folder: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folder.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash ^= 0xFF
        hash = hash &* 0x0000_0100_0000_01b3
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// The first pass of batch learning: counts, per folder, in how many documents each line occurs,
/// in bounded memory, and turns the counts into a ``RepeatedLineIndex``.
///
/// Feed documents in a fixed order (the batch's walk order) and the result is deterministic.
/// Memory: at most `maxEntries` counters (16 bytes each); when the table is full, lines seen in
/// only one document so far are forgotten (lossy counting), which can only miss lines that are
/// rare early in the walk, never add a line that is not repeated.
public struct RepeatedLineCounter: Sendable {
    /// A line is learned when it occurs in at least this many documents of its folder.
    public var threshold: Int
    public var maxEntries: Int
    private var counts: [UInt64: UInt32] = [:]
    /// Documents counted, per folder.
    private var documents: [String: Int] = [:]
    /// Lines forgotten because the table was full.
    public private(set) var pruned = 0

    public init(threshold: Int = 3, maxEntries: Int = 4_000_000) {
        self.threshold = max(2, threshold)
        self.maxEntries = max(1024, maxEntries)
    }

    /// The distinct line hashes of one document (what ``add(_:folder:)`` takes); cheap to compute
    /// in parallel.
    public static func lineHashes(of document: Document, folder: String) -> Set<UInt64> {
        var hashes = Set<UInt64>()
        for block in document.blocks {
            let key = LineKey.make(block.text)
            if !key.isEmpty { hashes.insert(RepeatedLineIndex.hash(key, folder: folder)) }
        }
        return hashes
    }

    /// Counts one document's lines (each line once per document).
    public mutating func add(_ hashes: Set<UInt64>, folder: String) {
        documents[folder, default: 0] += 1
        for hash in hashes { counts[hash, default: 0] += 1 }
        if counts.count > maxEntries {
            let before = counts.count
            counts = counts.filter { $0.value > 1 }
            pruned += before - counts.count
        }
    }

    public var index: RepeatedLineIndex {
        RepeatedLineIndex(hashes: Set(counts.compactMap { $0.value >= threshold ? $0.key : nil }))
    }
}
