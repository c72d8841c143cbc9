/// Lines that recur on many pages of one batch: menus, footers, "Back to top button", the
/// "alternate addresses" notice. Built by ``RepeatedLineCounter`` in a first pass over the
/// inputs, then consulted by ``ScrapedPageCleaner`` in the second.
///
/// Lines are compared by a 64-bit FNV-1a hash of their ``LineKey``, so the index holds 8 bytes
/// per learned line whatever the lines' length.
public struct RepeatedLineIndex: Sendable, Equatable {
    let hashes: Set<UInt64>

    public init(hashes: Set<UInt64>) {
        self.hashes = hashes
    }

    public var count: Int { hashes.count }

    public func contains(key: String) -> Bool {
        !hashes.isEmpty && hashes.contains(Self.hash(key))
    }

    /// 64-bit FNV-1a of the key's UTF-8 bytes.
    public static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
