/// A small set of characters tested the way `"…".contains(character)` tests them (Unicode
/// canonical equivalence, so `U+0387` is in `CharacterClass("·")`), without walking the
/// characters of a string literal on every call.
///
/// ASCII characters, the common case, are answered from a bit mask; anything else is compared
/// with the members.
///
/// `CharacterClass(".!?").contains("?")` → true; `.contains("a")` → false.
struct CharacterClass: Sendable {
    let members: [Character]
    /// Bit `v` set when the ASCII character `v` equals a member.
    private let ascii: (UInt64, UInt64)

    init(_ members: String) {
        self.members = Array(members)
        var low: UInt64 = 0, high: UInt64 = 0
        for value in 0..<128 {
            // Exact for members outside ASCII too (`U+037E` is canonically `;`).
            guard self.members.contains(Character(Unicode.Scalar(UInt8(value)))) else { continue }
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        ascii = (low, high)
    }

    func contains(_ character: Character) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let value = utf8.first {
            return value < 64 ? ascii.0 & (1 << UInt64(value)) != 0 : ascii.1 & (1 << UInt64(value - 64)) != 0
        }
        return members.contains(character)
    }
}
