/// Byte-level answers to `String.hasPrefix` / `hasSuffix` for rule phrases, for the cases the
/// bytes settle, so matching a line against a hundred phrases does not compare characters.
///
/// `String` compares by characters under canonical equivalence (`"e\u{301}"` equals `"é"`).
/// The bytes settle it when (a) they agree on the whole phrase and the phrase ends at a
/// character boundary of the line that ASCII on both sides makes certain (true), or (b) the
/// first bytes that differ are both ASCII, or the line runs out first (false: an ASCII scalar
/// starts its own character and has no other canonical form). Anything else — a difference at
/// a non-ASCII byte (except a line byte against an all-ASCII phrase, see ``singletonLeads(_:)``),
/// a non-ASCII neighbour at the boundary, CR before LF — is nil: ask `String`.
///
/// `hasPrefix("back to top", "back to ")` → true; `hasPrefix("zurück", "zuru\u{308}ck")` → nil.
enum PhraseBytes {
    static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ phrase: UnsafeBufferPointer<UInt8>, phraseIsASCII: Bool) -> Bool? {
        let n = phrase.count
        var i = 0
        while i < n {
            if i == line.count { return false }
            let a = line[i], b = phrase[i]
            if a != b {
                if b < 0x80 && (a < 0x80 || (phraseIsASCII && !singletonLeads(a))) { return false }
                return nil
            }
            i += 1
        }
        if n == 0 || n == line.count { return true }
        let last = phrase[n - 1], next = line[n]
        return last < 0x80 && next < 0x80 && !(last == 0x0D && next == 0x0A) ? true : nil
    }

    static func hasSuffix(_ line: UnsafeBufferPointer<UInt8>, _ phrase: UnsafeBufferPointer<UInt8>) -> Bool? {
        let m = line.count, n = phrase.count
        var i = 1
        while i <= n {
            if i > m { return false }
            let a = line[m - i], b = phrase[n - i]
            if a != b { return a < 0x80 && b < 0x80 ? false : nil }
            i += 1
        }
        if n == 0 || n == m { return true }
        let previous = line[m - n - 1], first = phrase[0]
        return previous < 0x80 && first < 0x80 && !(previous == 0x0D && first == 0x0A) ? true : nil
    }

    /// Lead bytes of the only scalars canonically equivalent to an ASCII character: U+037E
    /// (`;`), U+1FEF (`` ` ``) and U+212A (`K`). Against an all-ASCII phrase, a line whose first
    /// differing byte is any other non-ASCII byte cannot match (the character there either is not
    /// ASCII-equivalent or extends the previous one).
    @inline(__always) static func singletonLeads(_ byte: UInt8) -> Bool {
        byte == 0xCD || byte == 0xE1 || byte == 0xE2
    }

    /// Whether `phrase` (not empty) occurs in `line` at byte offset `start`.
    @inline(__always) static func occurs(_ phrase: [UInt8], in line: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + phrase.count <= line.count else { return false }
        var k = 1
        while k < phrase.count && line[start + k] == phrase[k] { k += 1 }
        return k == phrase.count
    }
}
