/// Statistical features of one line (or block) of a scraped page, the inputs of
/// ``ScrapedPageCleaner``'s classifier.
///
/// `"Back to top button"` → 4 words, no sentence end, stopword share 0.25;
/// `"North AmericaIranMiddle East"` → 2 glued-word boundaries.
public struct LineFeatures: Sendable, Equatable {
    public var words = 0
    public var letters = 0
    public var digits = 0
    public var characters = 0
    /// Words that start with an upper-case letter.
    public var capitalisedWords = 0
    /// The largest share of stopwords over the known languages.
    public var stopwordShare = 0.0
    /// The language whose stopwords matched most, if any matched.
    public var language: String?
    /// Ends with `.`, `!`, `?` or `…` (closing quotes and brackets ignored).
    public var endsSentence = false
    /// Ends with `.` or `…` (a headline may end with `?` or `!`, not with these).
    public var endsWithFullStop = false
    /// Ends with `:`.
    public var endsWithColon = false
    /// Menu separators between words: `|`, `·`, `•`, `»`, `›`.
    public var separators = 0
    /// Tokens that look like URLs or e-mail addresses.
    public var urls = 0
    /// Places where a lower-case word runs into a capitalised one: `AmericaIran`.
    public var gluedBoundaries = 0

    public init() {}

    public init(_ text: String, stopwords: StopwordIndex) {
        characters = text.unicodeScalars.count
        var hits: [Int] = Array(repeating: 0, count: stopwords.languages.count)
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            words += 1
            if let first = token.first, first.isUppercase { capitalisedWords += 1 }
            if token.count == 1, let only = token.first, "|·•»›".contains(only) { separators += 1 }
            if token.hasPrefix("http://") || token.hasPrefix("https://") || token.hasPrefix("www.")
                || (token.contains("@") && token.contains(".")) {
                urls += 1
            }
            gluedBoundaries += Self.gluedBoundaries(in: token)
            let word = StopwordIndex.normalise(token)
            if !word.isEmpty, let langs = stopwords.words[word] {
                for lang in langs { hits[lang] += 1 }
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic { letters += 1 } else if scalar.properties.numericType != nil { digits += 1 }
        }
        if words > 0, let best = hits.indices.max(by: { hits[$0] < hits[$1] || (hits[$0] == hits[$1] && $0 > $1) }),
            hits[best] > 0 {
            stopwordShare = Double(hits[best]) / Double(words)
            language = stopwords.languages[best]
        }
        let trimmed = text.reversed().drop(while: { "\"”’'»)]} ".contains($0) })
        if let last = trimmed.first {
            endsSentence = ".!?…".contains(last)
            endsWithColon = last == ":"
            endsWithFullStop = last == "." || last == "…"
        }
    }

    /// Counts lower→upper boundaries inside a token where the lower-case run has at least two
    /// letters after a capital (`AmericaIran` → 1); `iPhone`, `McDonald`, `eBay` count 0.
    static func gluedBoundaries(in token: Substring) -> Int {
        var count = 0
        var part = ""  // the letters since the last capital or the start of the word
        for character in token {
            if character.isUppercase {
                if part.count >= 3, part.first?.isUppercase == true, part.dropFirst().allSatisfy(\.isLowercase),
                    part != "Mac" {
                    count += 1
                }
                part = String(character)
            } else if character.isLetter {
                part.append(character)
            } else {
                part = ""
            }
        }
        return count
    }
}

/// Stopwords of several languages, indexed for a single lookup per word.
public struct StopwordIndex: Sendable {
    public let languages: [String]
    let words: [String: [Int]]

    public init(_ lists: [String: [String]]) {
        languages = lists.keys.sorted()
        var words: [String: [Int]] = [:]
        for (index, language) in languages.enumerated() {
            for word in lists[language] ?? [] { words[word, default: []].append(index) }
        }
        self.words = words
    }

    /// Lower case, without the punctuation around the word.
    static func normalise(_ token: Substring) -> String {
        let core = token.drop(while: { !$0.isLetter }).reversed().drop(while: { !$0.isLetter })
        return String(core.reversed()).lowercased()
    }
}
