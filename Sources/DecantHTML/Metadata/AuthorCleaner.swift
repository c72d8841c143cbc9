/// Tidies author names: drops labels ("By", "Written by:", "Posted by", "Author"), what a
/// byline carries after the name (a date, "Updated …", "9 min read", "| Section"), quotes and
/// stray punctuation, URLs, e-mail addresses and duplicates; splits "A and B" / "A & B".
///
/// Before: `["Written By: Jane Doe and John Roe", "https://facebook.com/x", "BeauHD on Friday December 19, 2025"]`
/// — after: `["Jane Doe", "John Roe", "BeauHD"]`.
enum AuthorCleaner {
    /// Labels in front of a name, lower case; each may be followed by ":".
    static let labels = [
        "written by", "posted by", "authored by", "published by", "text by", "words by", "story by", "article by",
        "reported by", "created by", "author", "authors", "by", "von", "par", "por", "door",
    ]

    /// Words that end the name part of a byline.
    static let stopWords: Set<String> = [
        "updated", "published", "posted", "modified", "edited", "reviewed", "last", "read", "aktualisiert", "veröffentlicht",
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun",
    ]

    static func clean(_ names: [String]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for raw in names {
            let name = namePart(of: raw)
            if name.contains("://") || name.hasPrefix("www.") || name.contains("@") && !name.contains(" ") { continue }
            for piece in name.components(separatedByString: " and ").flatMap({ $0.components(separatedByString: " & ") }) {
                let trimmed = trimPunctuation(piece.collapsedWhitespace())
                guard trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic }), trimmed.count <= 100,
                    !labels.contains(trimmed.lowercased()), seen.insert(trimmed.lowercased()).inserted
                else { continue }
                out.append(trimmed)
            }
        }
        return out
    }

    /// The name in a byline: labels stripped from the front, everything from the first date,
    /// status word or separator on cut off.
    static func namePart(of raw: String) -> String {
        var name = trimPunctuation(raw.collapsedWhitespace())
        var stripped = true
        while stripped {
            stripped = false
            let lower = name.lowercased()
            for label in labels where lower.hasPrefix(label) {
                let rest = name.dropFirst(label.count)
                guard let next = rest.first, next == " " || next == ":" else { continue }
                name = trimPunctuation(String(rest).collapsedWhitespace())
                stripped = true
                break
            }
        }
        let words = name.split(separator: " ")
        var kept: [Substring] = []
        for (position, word) in words.enumerated() {
            let bare = word.lowercased().trimmingCharacters(in: ",.:;()")
            let next = position + 1 < words.count ? words[position + 1].lowercased().trimmingCharacters(in: ",.:;()") : ""
            if ["|", "•", "·", "—", "–", "-", "/"].contains(word) { break }
            if stopWords.contains(bare) || weekdays.contains(bare) { break }
            if !bare.isEmpty, bare.allSatisfy(\.isNumber) { break }
            if DateNormalizer.month(bare) != nil, next.first?.isNumber == true { break }
            if bare == "on" || bare == "am" || bare == "at", DateNormalizer.month(next) != nil || weekdays.contains(next) || next.first?.isNumber == true {
                break
            }
            kept.append(word)
        }
        return trimPunctuation(kept.joined(separator: " "))
    }

    /// Strips quotes, commas, colons, dashes and bullets from both ends.
    static func trimPunctuation(_ text: String) -> String {
        text.trimmingCharacters(in: " \"'“”‘’«»,;:|-–—•·")
    }
}

extension String {
    /// The string without the given characters at either end (Foundation-free).
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let end = lastIndex(where: { !characters.contains($0) })!
        return String(self[start...end])
    }
}
