import Glibc

/// A set of words stored as UTF-8 bytes in one buffer, with an open-addressing hash table over
/// it: looking a word up needs no `String`, no allocation and no Unicode hashing, only its bytes.
/// Callers store and query NFC bytes, so byte equality is the canonical equivalence that
/// `Set<String>` uses.
struct ByteWordSet: Sendable {
    /// All words, back to back (or a whole word-list file, see ``init(capacity:storage:)``).
    private var storage: [UInt8]
    /// Per slot: offset (bits 0…31), length (bits 32…47), hash tag (bits 48…63); 0 = empty.
    private var slots: [UInt64]
    private var mask: Int
    private var containsEmpty = false
    private(set) var count = 0

    /// An empty set for about `capacity` words; `storage` holds bytes that
    /// ``insertStored(_:)`` refers to (a word-list file read once).
    init(capacity: Int, storage: [UInt8] = []) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        self.storage = storage
        if storage.isEmpty { self.storage.reserveCapacity(capacity * 10) }
    }

    /// A hash of the bytes, eight at a time.
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(count) &* k
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 31
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* k
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The slot holding `word`, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ word: UnsafePointer<UInt8>, _ length: Int, _ hash: UInt64) -> (index: Int, found: Bool) {
        let tag = (hash >> 48) | 1
        var index = Int(truncatingIfNeeded: hash) & mask
        return storage.withUnsafeBufferPointer { store in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let slot = slots[index]
                    if slot == 0 { return (index, false) }
                    if slot >> 48 == tag, Int((slot >> 32) & 0xFFFF) == length,
                       memcmp(store.baseAddress! + Int(slot & 0xFFFF_FFFF), word, length) == 0 {
                        return (index, true)
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private mutating func place(at index: Int, offset: Int, length: Int, hash: UInt64) {
        slots[index] = UInt64(offset) | UInt64(length) << 32 | ((hash >> 48) | 1) << 48
        count += 1
    }

    /// Adds `word` (NFC UTF-8) unless present.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        guard let base = word.baseAddress, word.count > 0 else {
            if !containsEmpty { containsEmpty = true; count += 1 }
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(base, word.count)
        let (index, found) = probe(base, word.count, hash)
        if found { return }
        let offset = storage.count
        storage.append(contentsOf: word)
        place(at: index, offset: offset, length: word.count, hash: hash)
    }

    mutating func insert(_ word: [UInt8]) {
        word.withUnsafeBufferPointer { insert($0) }
    }

    /// Adds the word at `range` of the storage given to ``init(capacity:storage:)`` unless present.
    mutating func insertStored(_ range: Range<Int>) {
        guard !range.isEmpty else {
            if !containsEmpty { containsEmpty = true; count += 1 }
            return
        }
        if (count + 1) * 2 > slots.count { grow() }
        let (hash, index, found) = storage.withUnsafeBufferPointer { store -> (UInt64, Int, Bool) in
            let base = store.baseAddress! + range.lowerBound
            let hash = Self.hash(base, range.count)
            let (index, found) = probe(base, range.count, hash)
            return (hash, index, found)
        }
        if !found { place(at: index, offset: range.lowerBound, length: range.count, hash: hash) }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            let offset = Int(slot & 0xFFFF_FFFF), length = Int((slot >> 32) & 0xFFFF)
            let hash = storage.withUnsafeBufferPointer { Self.hash($0.baseAddress! + offset, length) }
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    /// True when the NFC UTF-8 bytes `word` are in the set.
    @inline(__always)
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress, word.count > 0 else { return containsEmpty }
        return probe(base, word.count, Self.hash(base, word.count)).found
    }

    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    /// Every word, as strings (for tests and diagnostics).
    var allWords: [String] {
        var words: [String] = containsEmpty ? [""] : []
        for slot in slots where slot != 0 {
            let offset = Int(slot & 0xFFFF_FFFF), length = Int((slot >> 32) & 0xFFFF)
            words.append(String(decoding: storage[offset..<(offset + length)], as: UTF8.self))
        }
        return words
    }
}
