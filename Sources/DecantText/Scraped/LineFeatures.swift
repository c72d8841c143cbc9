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
        var hits: [Int] = Array(repeating: 0, count: stopwords.languages.count)
        var token: [Unicode.Scalar] = []
        var last: Unicode.Scalar?
        var lastNonClosing: Unicode.Scalar?
        var core: [UInt8] = []
        func finishToken() {
            guard let first = token.first else { return }
            words += 1
            if Self.isUppercase(first) { capitalisedWords += 1 }
            if token.count == 1, [0x7C, 0xB7, 0x2022, 0xBB, 0x203A].contains(first.value) { separators += 1 }  // | · • » ›
            if Self.looksLikeURL(token) { urls += 1 }
            gluedBoundaries += Self.gluedBoundaries(in: token)
            // Stopwords are short: only short cores are looked up.
            var coreStart = 0
            var coreEnd = token.count
            while coreStart < coreEnd, !Self.isAlphabetic(token[coreStart]) { coreStart += 1 }
            while coreEnd > coreStart, !Self.isAlphabetic(token[coreEnd - 1]) { coreEnd -= 1 }
            if coreEnd > coreStart, coreEnd - coreStart <= 12 {
                // The core in lower case, as UTF-8 (a short word makes a small string, no allocation).
                core.removeAll(keepingCapacity: true)
                for scalar in token[coreStart..<coreEnd] {
                    let value = scalar.value
                    if value >= 0x41 && value <= 0x5A { core.append(UInt8(value + 32)) }
                    else if value < 0x80 { core.append(UInt8(value)) }
                    else if !scalar.properties.changesWhenLowercased { LineKey.append(scalar, to: &core) }
                    else { for lower in scalar.properties.lowercaseMapping.unicodeScalars { LineKey.append(lower, to: &core) } }
                }
                if let langs = stopwords.words[String(decoding: core, as: UTF8.self)] { for lang in langs { hits[lang] += 1 } }
            }
            token.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            characters += 1
            let value = scalar.value
            if value == 0x20 || value == 0x09 {
                finishToken()
                continue
            }
            token.append(scalar)
            if value < 0x80 {
                if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) { letters += 1 }
                else if value >= 0x30 && value <= 0x39 { digits += 1 }
            } else if scalar.properties.isAlphabetic {
                letters += 1
            } else if scalar.properties.numericType != nil {
                digits += 1
            }
            last = scalar
            if !Self.isClosing(value) { lastNonClosing = scalar }
        }
        finishToken()
        _ = last
        if words > 0, let best = hits.indices.max(by: { hits[$0] < hits[$1] || (hits[$0] == hits[$1] && $0 > $1) }),
            hits[best] > 0 {
            stopwordShare = Double(hits[best]) / Double(words)
            language = stopwords.languages[best]
        }
        if let end = lastNonClosing {
            endsSentence = end == "." || end == "!" || end == "?" || end == "…"
            endsWithColon = end == ":"
            endsWithFullStop = end == "." || end == "…"
        }
    }

    /// `properties.isUppercase`, answered directly for ASCII.
    @inline(__always) static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    /// `properties.isAlphabetic`, answered directly for ASCII.
    @inline(__always) static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x80 ? (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) : scalar.properties.isAlphabetic
    }

    /// Closing quotes and brackets, skipped when looking at how a line ends: `"”’'»)]}`.
    @inline(__always) static func isClosing(_ value: UInt32) -> Bool {
        switch value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D: true
        default: false
        }
    }

    static let urlPrefixes: [[Unicode.Scalar]] = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

    static func looksLikeURL(_ token: [Unicode.Scalar]) -> Bool {
        for prefix in urlPrefixes where token.count >= prefix.count {
            var k = 0
            while k < prefix.count && token[k] == prefix[k] { k += 1 }
            if k == prefix.count { return true }
        }
        return token.contains("@") && token.contains(".")
    }

    /// Counts lower→upper boundaries inside a token where the part before has at least three
    /// letters and starts with a capital (`AmericaIran` → 1); `iPhone`, `McDonald`, `MacBook`, `eBay` count 0.
    static func gluedBoundaries(in token: [Unicode.Scalar]) -> Int {
        var count = 0
        var partLength = 0
        var partStartsUpper = false
        var partAllLowerAfterFirst = true
        var partIsMac = false
        var first: Unicode.Scalar = " "
        var second: Unicode.Scalar = " "
        for scalar in token {
            let value = scalar.value
            let isUpper = value < 0x80 ? (value >= 0x41 && value <= 0x5A) : scalar.properties.isUppercase
            let isLetter = value < 0x80 ? ((value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)) : scalar.properties.isAlphabetic
            if isUpper {
                if partLength >= 3 && partStartsUpper && partAllLowerAfterFirst && !partIsMac { count += 1 }
                partLength = 1
                partStartsUpper = true
                partAllLowerAfterFirst = true
                first = scalar
            } else if isLetter {
                partLength += 1
                if partLength == 2 { second = scalar }
                partIsMac = partLength == 3 && first == "M" && second == "a" && scalar == "c"
            } else {
                partLength = 0
                partStartsUpper = false
                partIsMac = false
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
}
