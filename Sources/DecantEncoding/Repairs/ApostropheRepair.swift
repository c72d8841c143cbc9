/// Restores apostrophes lost on the way, only where a word list makes it unambiguous:
///
/// - replaced by `?` or U+FFFD between letters: `"don?t"` → `"don't"`, `"l?homme"` → `"l'homme"`;
/// - dropped: `"Irans"` → `"Iran's"`, `"doesnt"` → `"doesn't"` when the token is not a word
///   but the form with an apostrophe is;
/// - dropped from a possessive that is also a plural (`"the Syrian governments approval"` →
///   `"government's"`), only in a text that has already shown unambiguous lost apostrophes,
///   only after a determiner and before a noun-like word.
///
/// The apostrophe written is the one the text already uses (straight unless it has more ’).
public struct ApostropheRepair: TextRepair {
    public let name = "apostrophe"
    /// Set by ``prepared(for:)`` when the document has unambiguous lost apostrophes.
    var possessives = false

    public init() {}

    public func prepared(for texts: [String]) -> any TextRepair {
        var copy = self
        copy.possessives = texts.contains { hasLostApostrophes($0) }
        return copy
    }

    /// True when the repair without the possessive rule would change `text` (it stops at the
    /// first change).
    func hasLostApostrophes(_ text: String) -> Bool {
        var copy = self
        copy.possessives = false
        return UTF8Bytes.with(text) { !copy.edits(in: $0, firstOnly: true).isEmpty }
    }

    /// One change: the bytes in `range` (empty for an insertion) become the apostrophe.
    struct Edit {
        var range: Range<Int>
        var from: String
        var to: String
    }

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        UTF8Bytes.with(text) { b in
            let edits = self.edits(in: b, firstOnly: false)
            guard !edits.isEmpty else { return text }
            let mark = Array(String(WordText.apostrophe(in: b)).utf8)
            var out: [UInt8] = []
            out.reserveCapacity(b.count + edits.count * 3)
            var copied = 0
            for edit in edits {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<edit.range.lowerBound]))
                out.append(contentsOf: mark)
                copied = edit.range.upperBound
                tally.add(name, from: edit.from, to: edit.to)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The changes to make, in text order. ASCII words are judged on their bytes, and only
    /// those of a shape a rule can apply to are looked up (a capitalised word ending in `s`, a
    /// word ending in `nt`, any word ending in `s` once possessives are on); other words go
    /// through the same rules on strings.
    func edits(in b: UnsafeBufferPointer<UInt8>, firstOnly: Bool) -> [Edit] {
        guard let list = WordText.language(of: b) else { return [] }
        let english = list.language == "en"
        var markCache: String? = nil
        func mark() -> String {
            if let markCache { return markCache }
            let mark = String(WordText.apostrophe(in: b))
            markCache = mark
            return mark
        }
        var edits: [Edit] = []
        var scanner = ByteWordScanner(b)
        var hasPrevious = false
        var current = scanner.next()
        var following = scanner.next()
        while let word = current {
            defer {
                hasPrevious = true
                current = following
                following = scanner.next()
            }
            if firstOnly && !edits.isEmpty { break }
            let after = word.end
            // 1. "don?t", "l?homme": a stand-in between two letter runs.
            if let next = following, after < b.count {
                let standIn = b[after] == 0x3F ? 1
                    : after + 2 < b.count && b[after] == 0xEF && b[after + 1] == 0xBF && b[after + 2] == 0xBD ? 3 : 0
                if standIn > 0, next.start == after + standIn {
                    let text = word.string(b), nextText = next.string(b)
                    let joined = text + "'" + nextText
                    let elided = text.count <= 2 && ["l", "d", "j", "m", "n", "s", "t", "c", "qu"].contains(text.lowercased())
                    if list.contains(joined) || (list.language == "fr" && elided && list.contains(nextText)) {
                        edits.append(Edit(range: after..<(after + standIn), from: standIn == 1 ? "?" : "\u{FFFD}", to: mark()))
                        continue
                    }
                }
            }
            if after < b.count, b[after] == 0x27 || (after + 2 < b.count && b[after] == 0xE2 && b[after + 1] == 0x80 && b[after + 2] == 0x99) { continue }
            if word.start > 0, b[word.start - 1] == 0x27
                || (word.start >= 3 && b[word.start - 3] == 0xE2 && b[word.start - 2] == 0x80 && b[word.start - 1] == 0x99) { continue }
            guard english else { continue }
            // Every rule below needs a word ending in "s" or "nt" (lowercased).
            let last = b[word.end - 1] | 0x20
            let endsS = last == 0x73
            let endsNT = last == 0x74 && word.count >= 2 && b[word.end - 2] | 0x20 == 0x6E
            guard endsS || endsNT else { continue }
            if word.ascii {
                guard word.count >= 4 else { continue }
                let firstUpper = WordText.isASCIIUpper(b[word.start])
                // Lowercase words ending in "s" only matter for the possessive rule.
                if endsS && !possessives && !firstUpper { continue }
                let bytes = word.bytes(b)
                // 2. A token that is not a word but is one with an apostrophe.
                if !list.containsIgnoringCaseASCII(bytes) {
                    var insert = false
                    if endsS, firstUpper, Self.withApostrophe(bytes, 0x73, { list.containsExactlyASCII($0) }),
                       possessives || !bytes.dropFirst().contains(where: WordText.isASCIIUpper) {
                        insert = true
                    } else if endsNT, Self.withApostrophe(bytes, 0x74, { list.containsASCII($0) }) {
                        insert = true
                    }
                    if insert {
                        let text = word.string(b)
                        edits.append(Edit(range: (word.end - 1)..<(word.end - 1), from: text,
                                          to: String(text.dropLast()) + mark() + String(text.last!)))
                    }
                    continue
                }
                guard possessives, endsS, b[word.end - 2] | 0x20 != 0x73,
                      Self.withApostrophe(bytes, 0x73, { list.containsASCII($0) }) else { continue }
                if let edit = possessive(word, word.string(b), next: following, hasPrevious: hasPrevious, b, list, mark) {
                    edits.append(edit)
                }
                continue
            }
            // The same rules on strings, for words with non-ASCII letters.
            let text = word.string(b)
            guard text.count >= 4 else { continue }
            let lower = text.lowercased()
            if !list.containsIgnoringCase(text) {
                var insert = false
                // Only names: a common noun missing its plural from the list ("normalizations")
                // must not become a possessive.
                if lower.hasSuffix("s"), text.first!.isUppercase, list.containsExactly(String(text.dropLast()) + "'s"),
                   possessives || !text.dropFirst().contains(where: \.isUppercase) {
                    insert = true
                } else if lower.hasSuffix("nt"), list.contains(String(text.dropLast()) + "'t") {
                    insert = true
                }
                if insert {
                    edits.append(Edit(range: (word.end - 1)..<(word.end - 1), from: text,
                                      to: String(text.dropLast()) + mark() + String(text.last!)))
                }
                continue
            }
            guard possessives, lower.hasSuffix("s"), !lower.hasSuffix("ss"), list.contains(String(text.dropLast()) + "'s") else { continue }
            if let edit = possessive(word, text, next: following, hasPrevious: hasPrevious, b, list, mark) {
                edits.append(edit)
            }
        }
        return edits
    }

    /// `body` with the bytes of `word` minus its last letter, plus `'` and `letter` ("Irans" -> "Iran's").
    @inline(__always)
    static func withApostrophe(_ word: UnsafeBufferPointer<UInt8>, _ letter: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count + 1) { buffer in
            for i in 0..<(word.count - 1) { buffer[i] = word[i] }
            buffer[word.count - 1] = 0x27
            buffer[word.count] = letter
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// 3. An ambiguous possessive (a listed word ending in "s" whose "'s" form is listed too),
    /// with evidence and context: a noun-like word after it, a determiner before it.
    func possessive(_ word: ByteWord, _ text: String, next following: ByteWord?, hasPrevious: Bool,
                    _ b: UnsafeBufferPointer<UInt8>, _ list: WordList, _ mark: () -> String) -> Edit? {
        guard let next = following, hasPrevious else { return nil }
        guard Self.singleSpace(b, word, next) else { return nil }
        let nextText = next.string(b)
        guard let first = nextText.unicodeScalars.first, TextPlausibility.isLower(TextPlausibility.kind(first)),
              list.contains(nextText), !Self.notNouns.contains(nextText), !nextText.hasSuffix("ed"), !nextText.hasSuffix("ing"),
              !nextText.hasSuffix("ly") else { return nil }
        // Walk back over capitalised modifiers ("the Syrian governments") to a determiner.
        var after = word
        var back = ByteWordScanner.word(before: word.start, in: b)
        while let candidate = back, Unicode.Scalar(UTF8Bytes.scalar(b, at: candidate.start).value)?.properties.isUppercase == true,
              Self.singleSpace(b, candidate, after) {
            after = candidate
            back = ByteWordScanner.word(before: candidate.start, in: b)
        }
        guard let determiner = back, Self.determiners.contains(determiner.string(b).lowercased()),
              Self.singleSpace(b, determiner, after) else { return nil }
        return Edit(range: (word.end - 1)..<(word.end - 1), from: text, to: String(text.dropLast()) + mark() + "s")
    }

    /// True when exactly one space separates two words.
    @inline(__always)
    static func singleSpace(_ b: UnsafeBufferPointer<UInt8>, _ left: ByteWord, _ right: ByteWord) -> Bool {
        right.start == left.end + 1 && b[left.end] == 0x20
    }

    static let determiners: Set<String> = ["the", "its", "their", "his", "her", "our", "your", "my", "this", "that"]
    /// Words that follow a plural far more often than they follow a possessive.
    static let notNouns: Set<String> = [
        "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "than", "that",
        "which", "who", "whom", "whose", "where", "when", "while", "if", "because", "also", "not", "only", "is", "are",
        "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "can",
        "could", "should", "may", "might", "must", "shall", "said", "say", "says", "there", "here", "this", "these",
        "those", "about", "into", "over", "under", "after", "before", "during", "against", "between", "through",
        "without", "within", "such", "so", "too", "very", "all", "both", "each", "more", "most", "other", "some", "any",
        "no", "its", "it", "they", "them", "their", "he", "she", "we", "you", "i", "across", "around", "since", "until",
        "up", "down", "out", "off", "again", "then", "now", "still", "yet", "even", "just", "like", "near", "per",
        "via", "toward", "towards", "upon", "among", "amid", "despite", "along", "behind", "beyond", "the", "a", "an",
        "his", "her", "our", "your", "my", "seem", "seems", "appear", "appears", "remain", "remains", "want", "need",
        "make", "take", "get", "give", "go", "come", "see", "know", "think", "believe", "continue", "became", "become",
        "include", "including", "use", "used", "play", "face", "hold", "meet", "called", "agree", "run", "keep",
    ]
}
