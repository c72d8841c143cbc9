/// Lines that credit someone: `"Source: Asharq Al-Awsat"` (the outlet that first published
/// the article) and bylines such as `"By Jane Doe and John Roe"` / `"Von Max Muster"`.
public struct CreditLines: Sendable {
    let sourcePrefixes: [String]
    let bylinePrefixes: [String]

    public init(language: LanguageData) {
        sourcePrefixes = language.sourcePrefixes
        bylinePrefixes = language.bylinePrefixes.sorted { $0.count > $1.count }
    }

    /// `"Source: Asharq Al-Awsat"` → `"Asharq Al-Awsat"`.
    public func source(_ line: String) -> String? {
        // `:` has no other canonical form: a line without the byte has no colon character.
        guard line.utf8.contains(0x3A), let colon = line.firstIndex(of: ":") else { return nil }
        let head = line[..<colon].trimmingSpaces().lowercased()
        guard sourcePrefixes.contains(head) else { return nil }
        let rest = line[line.index(after: colon)...].trimmingSpaces()
        let words = rest.split(separator: " ").count
        guard words >= 1, words <= 8, !".!?".contains(rest.last ?? ".") || rest.hasSuffix(".com") else { return nil }
        return rest
    }

    /// `"By Jane Doe and John Roe"` → `["Jane Doe", "John Roe"]`.
    public func byline(_ line: String) -> [String]? {
        let lower = line.lowercased()
        for prefix in bylinePrefixes {
            guard lower.hasPrefix(prefix) else { continue }
            var rest = Substring(line.dropFirst(prefix.count))
            guard let first = rest.first, first == " " || first == ":" else { continue }
            rest = rest.drop(while: { $0 == " " || $0 == ":" })
            var names: [String] = []
            let unified = rest.replacingAll([" and ", " und ", " et ", " y ", " & "], with: ",")
            for name in unified.split(separator: ",") {
                let trimmed = name.trimmingSpaces()
                let words = trimmed.split(separator: " ")
                guard (1...4).contains(words.count),
                    words.allSatisfy({ $0.first?.isUppercase == true || ["de", "van", "von", "der", "da", "al", "la", "le", "del"].contains($0) })
                else { return nil }
                names.append(trimmed)
            }
            return names.isEmpty || names.count > 4 ? nil : names
        }
        return nil
    }
}

extension StringProtocol {
    /// Without the spaces (U+0020 characters) at both ends.
    func trimmingSpaces() -> String {
        // Bytes first: a space byte is a space character unless the character after the leading
        // run (or before the trailing run) could join it, which only a non-ASCII byte can; then
        // the characters decide, as before. One forward pass finds the leading spaces and the
        // last byte that is not a space.
        var count = 0, leading = 0, lastNonSpace = -1
        var inLeading = true
        var lastNonSpaceByte: UInt8 = 0, firstAfterLeading: UInt8 = 0
        for byte in utf8 {
            if byte == 0x20 {
                if inLeading { leading += 1 }
            } else {
                if inLeading { firstAfterLeading = byte }
                inLeading = false
                lastNonSpace = count
                lastNonSpaceByte = byte
            }
            count += 1
        }
        let startOffset = leading, endOffset = lastNonSpace + 1
        let frontSettled = leading == 0 || inLeading || firstAfterLeading < 0x80
        let backSettled = endOffset == count || inLeading || lastNonSpaceByte < 0x80
        if inLeading { return "" }
        let start = utf8.index(utf8.startIndex, offsetBy: startOffset)
        let end = utf8.index(start, offsetBy: endOffset - startOffset)
        if frontSettled && backSettled { return String(self[start..<end]) }
        return String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    func replacingAll(_ phrases: [String], with replacement: String) -> String {
        var out = String(self)
        for phrase in phrases {
            var result = ""
            var rest = Substring(out)
            while let range = rest.firstRange(of: phrase) {
                result += rest[..<range.lowerBound] + replacement
                rest = rest[range.upperBound...]
            }
            out = result + rest
        }
        return out
    }
}
