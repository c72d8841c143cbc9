import Foundation

/// A set of known words for one language, used by the repairs that must not guess (lost
/// apostrophes, glued words, hyphenation). English and Spanish ship with Decant (built from
/// Debian's public-domain `wamerican` and `wspanish` by `scripts/make-wordlists.py`); German and
/// French are read from Debian's `wngerman` / `wfrench` (GPL-2+, so not redistributed) when
/// they are installed in `/usr/share/dict`.
///
/// Words are kept as NFC UTF-8 bytes in a ``ByteWordSet`` (canonically equivalent spellings
/// match, as in a `Set<String>`); the repairs look ASCII words up by their bytes, without
/// building a `String`.
public final class WordList: Sendable {
    public let language: String
    /// Words exactly as listed (proper nouns capitalised).
    let words: ByteWordSet
    /// Lowercased words (built for the bundled lists only; large system lists skip it).
    let lowercased: ByteWordSet?

    public init(language: String, words: some Sequence<String>, caseInsensitive: Bool = true) {
        self.language = language
        var exact = ByteWordSet(capacity: 1024)
        var lower = caseInsensitive ? ByteWordSet(capacity: 1024) : nil
        for word in words {
            Self.key(word).withUnsafeBufferPointer { exact.insert($0) }
            if lower != nil { Self.key(word.lowercased()).withUnsafeBufferPointer { lower!.insert($0) } }
        }
        self.words = exact
        self.lowercased = lower
    }

    init(language: String, exact: ByteWordSet, lowercased: ByteWordSet?) {
        self.language = language
        self.words = exact
        self.lowercased = lowercased
    }

    public var count: Int { words.count }

    /// True when `word` is listed as written, or lowercased (sentence-initial capitals).
    public func contains(_ word: some StringProtocol) -> Bool {
        let string = String(word)
        if containsExactly(string) { return true }
        let lower = string.lowercased()
        return lower != string && containsExactly(lower)
    }

    /// True when `word` is listed ignoring case.
    public func containsIgnoringCase(_ word: some StringProtocol) -> Bool {
        guard let lowercased else { return contains(word) }
        return Self.key(String(word).lowercased()).withUnsafeBufferPointer { lowercased.contains($0) }
    }

    /// True when `word` is listed exactly as written (up to canonical equivalence).
    func containsExactly(_ word: some StringProtocol) -> Bool {
        Self.key(String(word)).withUnsafeBufferPointer { words.contains($0) }
    }

    // MARK: ASCII words by their bytes (the hot path of the word repairs)

    /// ``containsExactly(_:)`` for an ASCII word.
    @inline(__always)
    func containsExactlyASCII(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains(word)
    }

    /// ``contains(_:)`` for an ASCII word.
    @inline(__always)
    func containsASCII(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if words.contains(word) { return true }
        guard word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        return Self.withLowercasedASCII(word) { words.contains($0) }
    }

    /// ``containsIgnoringCase(_:)`` for an ASCII word.
    @inline(__always)
    func containsIgnoringCaseASCII(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lowercased else { return containsASCII(word) }
        return Self.withLowercasedASCII(word) { lowercased.contains($0) }
    }

    @inline(__always)
    static func withLowercasedASCII<R>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(word.count, 1)) { buffer in
            for i in 0..<word.count {
                let byte = word[i]
                buffer[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<word.count]))
        }
    }

    /// The set key of a word: its NFC UTF-8 bytes.
    static func key(_ word: String) -> [UInt8] {
        if word.utf8.allSatisfy({ $0 < 0xCC }) { return Array(word.utf8) } // below U+0300: already NFC
        return Array(word.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Every word (for tests).
    var allWords: [String] { words.allWords }

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
        let bytes = [UInt8](data)
        if let list = frontDecodedFast(language, bytes) { return list }
        return WordList(language: language, words: frontDecoded(String(decoding: bytes, as: UTF8.self)))
    }

    static func system(_ language: String, _ path: String) -> WordList? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        if let list = linesFast(language, bytes) { return list }
        let text = String(decoding: bytes, as: UTF8.self)
        return WordList(language: language, words: text.split(separator: "\n").map(String.init), caseInsensitive: false)
    }

    /// True when splitting `bytes` at `\n` bytes is the same as splitting the decoded text at
    /// `"\n"` characters and every word is NFC as it stands: valid UTF-8, no `\r` (CR LF is one
    /// character), no scalar from U+0300 up (so each character is one scalar).
    private static func simpleLines(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(0x0D) && !bytes.contains(where: { $0 >= 0xCC }) && String(validating: bytes, as: UTF8.self) != nil
    }

    /// One word per line, without building a `String` per word (see ``simpleLines(_:)``).
    static func linesFast(_ language: String, _ bytes: [UInt8]) -> WordList? {
        guard simpleLines(bytes) else { return nil }
        var set = ByteWordSet(capacity: bytes.count / 8)
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A {
                if i > start { set.insert(UnsafeBufferPointer(rebasing: b[start..<i])) }
                start = i + 1
            }
        }
        return WordList(language: language, exact: set, lowercased: nil)
    }

    /// ``frontDecoded(_:)`` on bytes, for files where a character is one scalar (see
    /// ``simpleLines(_:)``), building both sets without a `String` per ASCII word.
    static func frontDecodedFast(_ language: String, _ bytes: [UInt8]) -> WordList? {
        guard simpleLines(bytes) else { return nil }
        var exact = ByteWordSet(capacity: 110_000)
        var lower = ByteWordSet(capacity: 110_000)
        var previous: [UInt8] = []
        var word: [UInt8] = []
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A {
                defer { start = i + 1 }
                guard i > start, b[start] < 0x80 else { continue }
                // The first character is a count of shared characters (= scalars here).
                let shared = Int(b[start]) - 48
                word.removeAll(keepingCapacity: true)
                if shared > 0 {
                    var end = 0, scalars = 0
                    while end < previous.count && scalars < shared {
                        end += 1
                        while end < previous.count && previous[end] & 0xC0 == 0x80 { end += 1 }
                        scalars += 1
                    }
                    word.append(contentsOf: previous[0..<end])
                }
                word.append(contentsOf: UnsafeBufferPointer(rebasing: b[(start + 1)..<i]))
                exact.insert(word)
                if word.allSatisfy({ $0 < 0x80 }) {
                    lower.insert(word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
                } else {
                    lower.insert(key(String(decoding: word, as: UTF8.self).lowercased()))
                }
                swap(&previous, &word)
            }
        }
        return WordList(language: language, exact: exact, lowercased: lower)
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
