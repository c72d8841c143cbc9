/// Brings a date string into the schema's ISO 8601 shape, or says it cannot.
///
/// Accepted: `2024`, `2024-03`, `2024-03-05`, `2024-03-05T10:15`, with seconds and a zone
/// (`Z`, `+01:00`). Common near-misses are mended: a space instead of `T`
/// (`2024-03-05 10:15:00` → `2024-03-05T10:15:00`), fractional seconds dropped
/// (`10:15:00.123Z` → `10:15:00Z`), a compact zone given colons (`+0100` → `+01:00`).
/// Anything else (`March 5`, `D:20240305`) gives nil, so no invalid date reaches the output.
public enum MetadataDate {
    public static func normalized(_ value: String) -> String? {
        var chars = Array(value.trimmingSpaces.utf8)
        guard chars.count >= 4 else { return nil }
        if chars.count > 10, chars[10] == UInt8(ascii: " ") { chars[10] = UInt8(ascii: "T") }
        // Drop fractional seconds.
        if chars.count > 19, chars[19] == UInt8(ascii: ".") {
            var end = 20
            while end < chars.count, isDigit(chars[end]) { end += 1 }
            chars.removeSubrange(19..<end)
        }
        // A compact zone (+0100) gets its colon.
        if chars.count >= 5, let sign = chars.dropLast(4).last, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
           chars.count - 5 >= 16, chars.suffix(4).allSatisfy(isDigit) {
            chars.insert(UInt8(ascii: ":"), at: chars.count - 2)
        }
        return isValid(chars) ? String(decoding: chars, as: UTF8.self) : nil
    }

    static func isValid(_ c: [UInt8]) -> Bool {
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= c.count && c[range].allSatisfy(isDigit) }
        func char(_ i: Int, _ s: Character) -> Bool { i < c.count && c[i] == s.asciiValue! }
        guard digits(0..<4) else { return false }
        if c.count == 4 { return true }
        guard char(4, "-"), digits(5..<7) else { return false }
        if c.count == 7 { return true }
        guard char(7, "-"), digits(8..<10) else { return false }
        if c.count == 10 { return true }
        guard char(10, "T"), digits(11..<13), char(13, ":"), digits(14..<16) else { return false }
        var i = 16
        if char(i, ":") {
            guard digits(i + 1..<i + 3) else { return false }
            i += 3
        }
        if i == c.count { return true }
        if char(i, "Z") { return i + 1 == c.count }
        guard char(i, "+") || char(i, "-"), digits(i + 1..<i + 3), char(i + 3, ":"), digits(i + 4..<i + 6) else { return false }
        return i + 6 == c.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
