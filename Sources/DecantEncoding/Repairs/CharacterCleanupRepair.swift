/// Removes control and invisible characters and turns Unicode spaces into plain spaces
/// (``CharacterCleanup``) as the last repair, after mojibake repair has had the chance to use
/// the C1 controls that belong to mojibake.
///
/// Before: `"a\u{0085}b\u{200B}c"` — after: `"abc"`.
public struct CharacterCleanupRepair: TextRepair {
    public let name = "control-character"
    public init() {}

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        guard UTF8Bytes.with(text, Self.needsWork) else { return text }
        var cleanupTally = CharacterCleanup.Tally()
        let cleaned = CharacterCleanup().clean(Substring(text), tally: &cleanupTally, keepingMojibake: false)
        for repair in cleanupTally.repairs { tally.add(repair.kind, from: repair.from, to: repair.to, count: repair.count) }
        return cleaned
    }

    /// True when the UTF-8 holds a scalar ``CharacterCleanup`` removes or replaces: a control
    /// other than tab and newline, DEL, U+0080…U+00A0, soft hyphen, U+180E, U+2000…U+200B,
    /// U+202F, U+205F, U+2060, U+3000 or U+FEFF.
    static func needsWork(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i < n {
            // Eight printable ASCII bytes at a time: none below 0x20, none 0x7F or above.
            if i + 8 <= n {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                let below20 = (x &- low &* 0x20) & ~x & high
                let plus1 = x &+ low // 0x7F becomes 0x80; bytes from 0x80 up stay flagged via x
                if (below20 | ((plus1 | x) & high)) == 0 { i += 8; continue }
            }
            let byte = b[i]
            if byte >= 0x20 && byte < 0x7F { i += 1; continue }
            switch byte {
            case 0x09, 0x0A: break
            case 0x00..<0x20, 0x7F: return true
            case 0xC2:
                if i + 1 < n, (0x80...0xA0).contains(b[i + 1]) || b[i + 1] == 0xAD { return true }
            case 0xE1:
                if i + 2 < n, b[i + 1] == 0xA0, b[i + 2] == 0x8E { return true }
            case 0xE2:
                if i + 2 < n {
                    let b1 = b[i + 1], b2 = b[i + 2]
                    if b1 == 0x80, b2 <= 0x8B || b2 == 0xAF { return true }
                    if b1 == 0x81, b2 == 0x9F || b2 == 0xA0 { return true }
                }
            case 0xE3:
                if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return true }
            case 0xEF:
                if i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return true }
            default: break
            }
            i += 1
        }
        return false
    }
}
