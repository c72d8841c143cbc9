import DecantCore

/// Removes characters that never belong in clean text and counts what it did, so the counts
/// can be reported as ``Repair`` records.
///
/// - C0/C1 control characters (NUL, BEL, …) except tab and newline: removed (`control-character`).
/// - Zero-width characters (ZWSP, ZWNJ-free joiners are kept, BOM inside text, word joiner) and
///   soft hyphens: removed (`invisible-character`).
/// - No-break and other Unicode spaces: become a plain space (`whitespace`).
///
/// Before: `"News\u{00A0}/\u{200B} Politics\u{0000}"` — after: `"News / Politics"`.
public struct CharacterCleanup: Sendable {
    public init() {}

    /// Per-kind tallies, keyed by (kind, from, to).
    public struct Tally: Sendable {
        public private(set) var counts: [String: Int] = [:]
        public init() {}

        mutating func add(_ kind: String, _ from: Unicode.Scalar, _ to: String) {
            counts[kind + "\u{1F}" + String(from) + "\u{1F}" + to, default: 0] += 1
        }

        /// The tallies as repair records, in a stable order.
        public var repairs: [Repair] {
            counts.keys.sorted().map { key in
                let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                return Repair(kind: parts[0], from: parts[1], to: parts[2], count: counts[key]!)
            }
        }

        public mutating func merge(_ other: Tally) {
            for (key, value) in other.counts { counts[key, default: 0] += value }
        }
    }

    @inline(__always) static func needsWork(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A: false
        case 0x00..<0x20, 0x7F...0xA0, 0xAD, 0x180E, 0x2000...0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Cleans one line (no newlines expected, but tabs and newlines are kept if present).
    ///
    /// With `keepingMojibake` (the default, used by readers), a C1 control right after a Latin-1
    /// letter or symbol (`"â\u{80}\u{99}"`, UTF-8 read as Latin-1) is kept for the mojibake
    /// repair; ``CharacterCleanupRepair`` removes whatever is left afterwards.
    public func clean(_ line: Substring, tally: inout Tally, keepingMojibake: Bool = true) -> String {
        if let cleaned = line.utf8.withContiguousStorageIfAvailable({ clean(bytes: $0, tally: &tally, keepingMojibake: keepingMojibake) }) {
            return cleaned ?? String(line)
        }
        let copy = String(line)
        return UTF8Bytes.with(copy) { clean(bytes: $0, tally: &tally, keepingMojibake: keepingMojibake) } ?? copy
    }

    /// ``clean(_:tally:keepingMojibake:)`` on UTF-8 bytes; nil when nothing changes. Runs of
    /// kept characters are copied as they are.
    func clean(bytes b: UnsafeBufferPointer<UInt8>, tally: inout Tally, keepingMojibake: Bool) -> String? {
        // Fast path: nothing to remove or replace (one look at each byte, no allocation).
        guard CharacterCleanupRepair.needsWork(b) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var copied = 0
        var previous: UInt32 = 0
        var i = 0
        let base = b.baseAddress!
        while i < b.count {
            // Printable ASCII is always kept: skip it eight bytes at a time, then byte by byte.
            if i + 8 <= b.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                if ((x &- low &* 0x20) & ~x & high) | ((x &+ low | x) & high) == 0 {
                    previous = UInt32(base[i + 7])
                    i += 8
                    continue
                }
            }
            if base[i] >= 0x20 && base[i] < 0x7F {
                previous = UInt32(base[i])
                i += 1
                continue
            }
            let (value, length) = UTF8Bytes.scalar(b, at: i)
            defer { previous = value; i += length }
            var keep = false
            var space = false
            switch value {
            case 0x09, 0x0A: keep = true
            case 0x80..<0xA0 where keepingMojibake && (0x80...0xFF).contains(previous):
                keep = true
            case 0xA0 where keepingMojibake && previous >= 0xC0 && previous != 0xA0:
                keep = true // "Ã\u{A0}" is "à" read as Latin-1
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                tally.add("control-character", Unicode.Scalar(value)!, "")
            case 0xAD, 0x200B, 0x2060, 0xFEFF, 0x180E:
                tally.add("invisible-character", Unicode.Scalar(value)!, "")
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                tally.add("whitespace", Unicode.Scalar(value)!, " ")
                space = true
            default: keep = true
            }
            if keep { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
            if space { out.append(0x20) }
            copied = i + length
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
        return String(decoding: out, as: UTF8.self)
    }
}
