import Glibc

/// Joins words hyphenated across a line break when the joined form is a word and the halves
/// are not both words: `"repre-\nsentative"` → `"representative"`, while `"well-\nknown"` stays.
public struct HyphenationRepair: TextRepair {
    public let name = "hyphenation"
    public init() {}

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        UTF8Bytes.with(text) { b in
            // Positions of "-\n" between two letters.
            var breaks: [(left: ByteWord, right: ByteWord)] = []
            var i = 0
            while i + 1 < b.count {
                guard let base = b.baseAddress, let found = memchr(base + i, 0x2D, b.count - 1 - i) else { break }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                i = at + 1
                guard b[at + 1] == 0x0A, at > 0, at + 2 < b.count else { continue }
                guard let left = ByteWordScanner.word(before: at, in: b), left.end == at else { continue }
                var scanner = ByteWordScanner(b, from: at + 2)
                guard let right = scanner.next(), right.start == at + 2 else { continue }
                breaks.append((left, right))
            }
            guard !breaks.isEmpty, let list = WordText.language(of: b) else { return text }
            var removed: [Int] = []
            for (left, right) in breaks {
                let a = left.string(b), c = right.string(b)
                let joined = a + c
                guard list.contains(joined), !(list.contains(a) && list.contains(c)) else { continue }
                removed.append(left.end)
                tally.add(name, from: a + "-\n" + c, to: joined)
            }
            guard !removed.isEmpty else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var copied = 0
            for at in removed {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<at]))
                copied = at + 2
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
