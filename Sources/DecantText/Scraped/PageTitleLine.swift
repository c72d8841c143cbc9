/// A browser-style page title: the headline followed by the site name.
///
/// `"Tehran, Damascus Hold … US Moves • The Syrian Observatory For Human Rights"` →
/// title `"Tehran, Damascus Hold … US Moves"`, site `"The Syrian Observatory For Human Rights"`.
/// Separators: `•`, `|`, `–`, `—`, `-`, `::`, `·`, `«`/`»` with spaces around them.
public enum PageTitleLine {
    static let separators = [" • ", " | ", " — ", " – ", " :: ", " · ", " » ", " - "]

    /// The separators as UTF-8, plus `" \u{0387} "` (Greek ano teleia, canonically equivalent
    /// to `·`): a line none of them occurs in has no title separator.
    static let separatorBytes: [[UInt8]] = separators.map { Array($0.utf8) } + [Array(" \u{0387} ".utf8)]

    public static func split(_ line: String) -> (title: String, site: String)? {
        guard mayHaveSeparator(line) else { return nil }
        for separator in separators {
            guard let range = line.lastRange(of: separator) else { continue }
            let title = line[..<range.lowerBound].trimmingSpaces()
            let site = line[range.upperBound...].trimmingSpaces()
            let siteWords = site.split(separator: " ")
            guard title.split(separator: " ").count >= 3, (1...8).contains(siteWords.count),
                !".!?".contains(site.last ?? "."),
                siteWords.contains(where: { $0.first?.isUppercase == true || $0.contains(".") }) else { continue }
            return (title, site)
        }
        return nil
    }

    /// Whether any of ``separatorBytes`` occurs in `line` (a necessary condition for ``split(_:)``).
    static func mayHaveSeparator(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for start in 0..<(bytes.count - 2) where bytes[start] == 0x20 {
                for separator in separatorBytes where start + separator.count <= bytes.count && bytes[start + 1] == separator[1] {
                    var k = 2
                    while k < separator.count && bytes[start + k] == separator[k] { k += 1 }
                    if k == separator.count { return true }
                }
            }
            return false
        }
    }
}

extension StringProtocol {
    func lastRange(of phrase: String) -> Range<Index>? {
        var found: Range<Index>?
        var rest = self[...]
        while let range = rest.firstRange(of: phrase) {
            found = range
            rest = rest[range.upperBound...]
        }
        return found
    }
}
