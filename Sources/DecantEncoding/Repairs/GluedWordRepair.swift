/// Splits words glued together when a tag or a space was lost, only where the word list leaves
/// exactly one reading:
///
/// - a lowercase token that is not a word but is a short function word plus a word:
///   `"meant toput the"` → `"meant to put the"`, `"inthe"` → `"in the"`;
/// - names run together from joined tags, each part a capitalised entry of the list:
///   `"North AmericaIran"` → `"North America Iran"`.
public struct GluedWordRepair: TextRepair {
    public let name = "glued-words"
    public init() {}

    static let functionWords: Set<String> = [
        "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "and", "or", "is", "it", "as", "be", "with",
        "from", "that", "this", "was", "are", "not", "but", "has", "have", "its", "his", "her", "we", "he", "they",
    ]

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        let scalars = Array(text.unicodeScalars)
        let ranges = WordText.words(scalars)
        guard let english = WordList.english, WordText.language(of: scalars, words: ranges, among: [{ english }]) != nil else { return text }
        var edits: [(Int, String, String)] = []
        for range in ranges where range.count >= 4 {
            // Skip tokens glued to digits or apostrophes (codes, contractions).
            if range.lowerBound > 0, !isBoundary(scalars[range.lowerBound - 1]) { continue }
            if range.upperBound < scalars.count, !isBoundary(scalars[range.upperBound]) { continue }
            let word = WordText.string(scalars[range])
            if english.containsIgnoringCase(word) { continue }
            let chars = Array(word)
            if word == word.lowercased() {
                var splits: [Int] = []
                for cut in 1..<chars.count {
                    let left = String(chars[..<cut]), right = String(chars[cut...])
                    let leftOK = Self.functionWords.contains(left) && right.count >= 2 && english.words.contains(right)
                    let rightOK = Self.functionWords.contains(right) && left.count >= 3 && english.words.contains(left)
                    if leftOK || rightOK { splits.append(cut) }
                }
                if splits.count == 1 {
                    let cut = splits[0]
                    edits.append((range.lowerBound + String(chars[..<cut]).unicodeScalars.count, word, String(chars[..<cut]) + " " + String(chars[cut...])))
                }
            } else if let cuts = properNameCuts(chars, english) {
                for cut in cuts.reversed() {
                    edits.append((range.lowerBound + String(chars[..<cut]).unicodeScalars.count, word, ""))
                }
                let parts = zip([0] + cuts, cuts + [chars.count]).map { String(chars[$0..<$1]) }
                tally.add(name, from: word, to: parts.joined(separator: " "))
            }
        }
        guard !edits.isEmpty else { return text }
        var out = scalars
        for (at, from, to) in edits.sorted(by: { $0.0 > $1.0 }) {
            out.insert(" ", at: at)
            if !to.isEmpty { tally.add(name, from: from, to: to) }
        }
        return WordText.string(out[...])
    }

    @inline(__always) func isBoundary(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "," || s == "." || s == ";" || s == ":" || s == "(" || s == ")" || s == "\""
    }

    /// Cut points of `AmericaIranSyria` when every part is a capitalised (proper noun) entry.
    func properNameCuts(_ chars: [Character], _ list: WordList) -> [Int]? {
        var cuts: [Int] = []
        for i in 1..<chars.count where chars[i].isUppercase && chars[i - 1].isLowercase { cuts.append(i) }
        guard !cuts.isEmpty else { return nil }
        let parts = zip([0] + cuts, cuts + [chars.count]).map { String(chars[$0..<$1]) }
        for part in parts {
            guard part.count >= 3, part.first!.isUppercase, part.dropFirst().allSatisfy(\.isLowercase),
                  list.words.contains(part), !list.words.contains(part.lowercased()) else { return nil }
        }
        return cuts
    }
}
