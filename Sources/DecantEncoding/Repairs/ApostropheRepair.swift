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

    func hasLostApostrophes(_ text: String) -> Bool {
        var ignored = RepairTally()
        var copy = self
        copy.possessives = false
        return copy.repair(text, tally: &ignored) != text
    }

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        let scalars = Array(text.unicodeScalars)
        let ranges = WordText.words(scalars)
        guard let list = WordText.language(of: scalars, words: ranges) else { return text }
        let mark = WordText.apostrophe(in: text)
        var edits: [(Range<Int>, [Unicode.Scalar], String, String)] = []
        for (index, range) in ranges.enumerated() {
            let word = WordText.string(scalars[range])
            // 1. "don?t", "l?homme": a stand-in between two letter runs.
            if range.upperBound < scalars.count - 1, scalars[range.upperBound] == "?" || scalars[range.upperBound] == "\u{FFFD}",
               index + 1 < ranges.count, ranges[index + 1].lowerBound == range.upperBound + 1 {
                let next = WordText.string(scalars[ranges[index + 1]])
                let joined = word + "'" + next
                let elided = word.count <= 2 && ["l", "d", "j", "m", "n", "s", "t", "c", "qu"].contains(word.lowercased())
                if list.contains(joined) || (list.language == "fr" && elided && list.contains(next)) {
                    edits.append((range.upperBound..<(range.upperBound + 1), [mark], String(scalars[range.upperBound]), String(mark)))
                    continue
                }
            }
            if range.upperBound < scalars.count, scalars[range.upperBound] == "'" || scalars[range.upperBound] == "\u{2019}" { continue }
            if range.lowerBound > 0, scalars[range.lowerBound - 1] == "'" || scalars[range.lowerBound - 1] == "\u{2019}" { continue }
            guard list.language == "en", word.count >= 4 else { continue }
            let lower = word.lowercased()
            // 2. A token that is not a word but is one with an apostrophe.
            if !list.containsIgnoringCase(word) {
                var insertAt: Int? = nil
                // Only names: a common noun missing its plural from the list ("normalizations")
                // must not become a possessive.
                if lower.hasSuffix("s"), word.first!.isUppercase, list.words.contains(String(word.dropLast()) + "'s"),
                   (possessives || !word.dropFirst().contains(where: \.isUppercase)) {
                    insertAt = range.upperBound - 1
                }
                else if lower.hasSuffix("nt"), list.contains(String(word.dropLast()) + "'t") { insertAt = range.upperBound - 1 }
                if let at = insertAt {
                    edits.append((at..<at, [mark], word, String(word.dropLast()) + String(mark) + String(word.last!)))
                }
                continue
            }
            // 3. An ambiguous possessive, with evidence and context.
            guard possessives, lower.hasSuffix("s"), !lower.hasSuffix("ss"), list.contains(String(word.dropLast()) + "'s"),
                  index + 1 < ranges.count, index > 0 else { continue }
            let gap = WordText.string(scalars[range.upperBound..<ranges[index + 1].lowerBound])
            guard gap == " " else { continue }
            let next = WordText.string(scalars[ranges[index + 1]])
            guard let first = next.unicodeScalars.first, TextPlausibility.isLower(TextPlausibility.kind(first)),
                  list.contains(next), !Self.notNouns.contains(next), !next.hasSuffix("ed"), !next.hasSuffix("ing"),
                  !next.hasSuffix("ly") else { continue }
            // Walk back over capitalised modifiers ("the Syrian governments") to a determiner.
            var back = index - 1
            while back >= 0, let c = scalars[ranges[back].lowerBound].properties.isUppercase ? true : nil, c,
                  WordText.string(scalars[ranges[back].upperBound..<ranges[back + 1].lowerBound]) == " " { back -= 1 }
            guard back >= 0, back < index, Self.determiners.contains(WordText.string(scalars[ranges[back]]).lowercased()),
                  WordText.string(scalars[ranges[back].upperBound..<ranges[back + 1].lowerBound]) == " " else { continue }
            edits.append(((range.upperBound - 1)..<(range.upperBound - 1), [mark], word, String(word.dropLast()) + String(mark) + "s"))
        }
        guard !edits.isEmpty else { return text }
        var out = scalars
        for (range, replacement, from, to) in edits.reversed() {
            out.replaceSubrange(range, with: replacement)
            tally.add(name, from: from, to: to)
        }
        return WordText.string(out[...])
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
