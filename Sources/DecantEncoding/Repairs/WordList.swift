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

    /// Where the bundled list for `language` is.
    static func bundledURL(_ language: String) -> URL? {
        Bundle.module.url(forResource: language, withExtension: "words", subdirectory: "wordlists")
            ?? Bundle.module.url(forResource: language, withExtension: "words")
    }

    static func bundled(_ language: String) -> WordList? {
        guard let url = bundledURL(language), let data = try? Data(contentsOf: url) else { return nil }
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
    /// character), no scalar from U+0300 up (so each character is one scalar). One pass.
    static func simpleLines(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return true }
            let n = b.count
            var i = 0
            while i < n {
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let byte = b[i]
                if byte < 0x80 {
                    if byte == 0x0D { return false }
                    i += 1
                } else if byte >= 0xC2 && byte < 0xCC && i + 1 < n && b[i + 1] & 0xC0 == 0x80 {
                    i += 2 // U+0080…U+02FF
                } else {
                    return false // a continuation byte out of place, an overlong lead, or U+0300 and up
                }
            }
            // No CR in the ASCII runs skipped eight at a time either.
            return memchr(base, 0x0D, n) == nil
        }
    }

    /// One word per line, the words kept in the file's own bytes (see ``simpleLines(_:)``).
    static func linesFast(_ language: String, _ bytes: [UInt8]) -> WordList? {
        guard simpleLines(bytes) else { return nil }
        let lines = newlines(bytes) + 1
        var set = ByteWordSet(capacity: lines, storage: bytes)
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var start = 0
            while start < b.count {
                let end = memchr(base + start, 0x0A, b.count - start)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? b.count
                if end > start { set.insertStored(start..<end) }
                start = end + 1
            }
        }
        return WordList(language: language, exact: set, lowercased: nil)
    }

    static func newlines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            guard var p = b.baseAddress else { return 0 }
            let end = p + b.count
            var count = 0
            while p < end, let found = memchr(p, 0x0A, end - p) {
                count += 1
                p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return count
        }
    }

    /// ``frontDecoded(_:)`` on bytes, for files where a character is one scalar (see
    /// ``simpleLines(_:)``), building both sets without a `String` or an array per ASCII word.
    static func frontDecodedFast(_ language: String, _ bytes: [UInt8]) -> WordList? {
        guard simpleLines(bytes) else { return nil }
        let lines = newlines(bytes) + 1
        var exact = ByteWordSet(capacity: lines)
        var lower = ByteWordSet(capacity: lines)
        // A word is at most its line plus the previous word.
        let capacity = bytes.count + 1
        let previous = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let lowered = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { previous.deallocate(); word.deallocate(); lowered.deallocate() }
        var previousCount = 0
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x0A {
                defer { start = i + 1 }
                guard i > start, b[start] < 0x80 else { continue }
                // The first character is a count of shared characters (= scalars here).
                let shared = Int(b[start]) - 48
                var count = 0
                if shared > 0 {
                    var scalars = 0
                    while count < previousCount && scalars < shared {
                        count += 1
                        while count < previousCount && previous[count] & 0xC0 == 0x80 { count += 1 }
                        scalars += 1
                    }
                }
                word.update(from: previous, count: count)
                let rest = i - start - 1
                if rest > 0 { (word + count).update(from: b.baseAddress! + start + 1, count: rest) }
                count += rest
                let decoded = UnsafeBufferPointer(start: word, count: count)
                exact.insert(decoded)
                var ascii = true
                for j in 0..<count {
                    let byte = word[j]
                    if byte >= 0x80 { ascii = false; break }
                    lowered[j] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                if ascii {
                    lower.insert(UnsafeBufferPointer(start: lowered, count: count))
                } else {
                    lower.insert(key(String(decoding: decoded, as: UTF8.self).lowercased()))
                }
                previous.update(from: word, count: count)
                previousCount = count
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
