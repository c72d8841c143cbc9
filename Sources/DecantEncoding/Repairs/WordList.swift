import Foundation

/// A set of known words for one language, used by the repairs that must not guess (lost
/// apostrophes, glued words, hyphenation). English and Spanish ship with Decant (built from
/// Debian's public-domain `wamerican` and `wspanish` by `scripts/make-wordlists.py`); German and
/// French are read from Debian's `wngerman` / `wfrench` (GPL-2+, so not redistributed) when
/// they are installed in `/usr/share/dict`.
public final class WordList: Sendable {
    public let language: String
    /// Words exactly as listed (proper nouns capitalised).
    let words: Set<String>
    /// Lowercased words (built for the bundled lists only; large system lists skip it).
    let lowercased: Set<String>?

    public init(language: String, words: some Sequence<String>, caseInsensitive: Bool = true) {
        self.language = language
        let set = Set(words)
        self.words = set
        self.lowercased = caseInsensitive ? Set(set.map { $0.lowercased() }) : nil
    }

    public var count: Int { words.count }

    /// True when `word` is listed as written, or lowercased (sentence-initial capitals).
    public func contains(_ word: some StringProtocol) -> Bool {
        let string = String(word)
        if words.contains(string) { return true }
        let lower = string.lowercased()
        return lower != string && words.contains(lower)
    }

    /// True when `word` is listed ignoring case.
    public func containsIgnoringCase(_ word: some StringProtocol) -> Bool {
        guard let lowercased else { return contains(word) }
        return lowercased.contains(String(word).lowercased())
    }

    /// The list for `language` (`en`, `es`, `de`, `fr`), loaded once; nil when unavailable.
    public static func forLanguage(_ language: String) -> WordList? {
        switch language {
        case "en": english
        case "es": spanish
        case "de": german
        case "fr": french
        default: nil
        }
    }

    public static let english: WordList? = bundled("en")
    public static let spanish: WordList? = bundled("es")
    public static let german: WordList? = system("de", "/usr/share/dict/ngerman")
    public static let french: WordList? = system("fr", "/usr/share/dict/french")

    static func bundled(_ language: String) -> WordList? {
        guard let url = Bundle.module.url(forResource: language, withExtension: "words", subdirectory: "wordlists")
            ?? Bundle.module.url(forResource: language, withExtension: "words"),
              let data = try? Data(contentsOf: url) else { return nil }
        return WordList(language: language, words: frontDecoded(String(decoding: data, as: UTF8.self)))
    }

    static func system(_ language: String, _ path: String) -> WordList? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return WordList(language: language, words: text.split(separator: "\n").map(String.init), caseInsensitive: false)
    }

    /// Decodes the front-coded format of `scripts/make-wordlists.py`.
    static func frontDecoded(_ text: String) -> [String] {
        var words: [String] = []
        words.reserveCapacity(110_000)
        var previous: [Character] = []
        for line in text.split(separator: "\n") {
            guard let first = line.first, let ascii = first.asciiValue else { continue }
            let shared = min(Int(ascii) - 48, previous.count)
            var word = Array(previous.prefix(max(0, shared)))
            word.append(contentsOf: line.dropFirst())
            words.append(String(word))
            previous = word
        }
        return words
    }
}
