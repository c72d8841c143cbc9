import Glibc

/// A set of words stored as UTF-8 bytes in one buffer, with an open-addressing hash table over
/// it: looking a word up needs no `String`, no allocation and no Unicode hashing, only its bytes.
/// Callers store and query NFC bytes, so byte equality is the canonical equivalence that
/// `Set<String>` uses.
struct ByteWordSet: Sendable {
    /// All words, back to back.
    private var storage: [UInt8] = []
    /// Per slot: offset (bits 0…31), length (bits 32…47), hash tag (bits 48…63); 0 = empty.
    private var slots: [UInt64]
    private var mask: Int
    private var containsEmpty = false
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        storage.reserveCapacity(capacity * 9)
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// Adds `word` (NFC UTF-8) unless present.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        if word.isEmpty {
            if !containsEmpty { containsEmpty = true; count += 1 }
            return
        }
        if contains(word) { return }
        if (count + 1) * 2 > slots.count { grow() }
        let offset = storage.count
        storage.append(contentsOf: word)
        place(offset: offset, length: word.count, hash: Self.hash(word))
        count += 1
    }

    mutating func insert(_ word: [UInt8]) {
        word.withUnsafeBufferPointer { insert($0) }
    }

    private mutating func place(offset: Int, length: Int, hash: UInt64) {
        let tag = (hash >> 48) | 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = UInt64(offset) | UInt64(length) << 32 | tag << 48
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 {
            let offset = Int(slot & 0xFFFF_FFFF), length = Int((slot >> 32) & 0xFFFF)
            let hash = storage.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
            place(offset: offset, length: length, hash: hash)
        }
    }

    /// True when the NFC UTF-8 bytes `word` are in the set.
    @inline(__always)
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.isEmpty { return containsEmpty }
        let hash = Self.hash(word)
        let tag = (hash >> 48) | 1
        var index = Int(truncatingIfNeeded: hash) & mask
        return storage.withUnsafeBufferPointer { store in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let slot = slots[index]
                    if slot == 0 { return false }
                    if slot >> 48 == tag, Int((slot >> 32) & 0xFFFF) == word.count {
                        let offset = Int(slot & 0xFFFF_FFFF)
                        if memcmp(store.baseAddress! + offset, word.baseAddress!, word.count) == 0 { return true }
                    }
                    index = (index + 1) & mask
                }
            }
        }
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
