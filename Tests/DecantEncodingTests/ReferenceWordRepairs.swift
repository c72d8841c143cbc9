@testable import DecantEncoding
import DecantCore

// The word repairs as they were before they moved to UTF-8 bytes (`Array(text.unicodeScalars)`,
// a `String` per word), kept as the reference the byte-level versions must match exactly:
// same text out, same tallies. See `ByteRepairEquivalenceTests`.

enum ReferenceWordText {
    static func words(_ scalars: [Unicode.Scalar]) -> [Range<Int>] { WordText.words(scalars) }
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { WordText.string(scalars) }

    static func language(of scalars: [Unicode.Scalar], words ranges: [Range<Int>],
                         among lists: [@Sendable () -> WordList?] = WordText.allLists) -> WordList? {
        guard ranges.count >= 5 else { return nil }
        let sample = ranges.prefix(200).map { string(scalars[$0]) }
        for load in lists {
            guard let list = load() else { continue }
            let known = sample.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
            if known * 10 >= sample.count * 6 { return list }
        }
        return nil
    }

    static func apostrophe(in text: String) -> Unicode.Scalar {
        var curly = 0, straight = 0
        for s in text.unicodeScalars {
            if s == "\u{2019}" { curly += 1 } else if s == "'" { straight += 1 }
        }
        return curly > straight ? "\u{2019}" : "'"
    }
}

struct ReferenceApostropheRepair {
    let repairName = "apostrophe"
    var possessives = false

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        let scalars = Array(text.unicodeScalars)
        let ranges = ReferenceWordText.words(scalars)
        guard let list = ReferenceWordText.language(of: scalars, words: ranges) else { return text }
        let mark = ReferenceWordText.apostrophe(in: text)
        var edits: [(Range<Int>, [Unicode.Scalar], String, String)] = []
        for (index, range) in ranges.enumerated() {
            let word = ReferenceWordText.string(scalars[range])
            // 1. "don?t", "l?homme": a stand-in between two letter runs.
            if range.upperBound < scalars.count - 1, scalars[range.upperBound] == "?" || scalars[range.upperBound] == "\u{FFFD}",
               index + 1 < ranges.count, ranges[index + 1].lowerBound == range.upperBound + 1 {
                let next = ReferenceWordText.string(scalars[ranges[index + 1]])
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
                if lower.hasSuffix("s"), word.first!.isUppercase, list.containsExactly(String(word.dropLast()) + "'s"),
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
            let gap = ReferenceWordText.string(scalars[range.upperBound..<ranges[index + 1].lowerBound])
            guard gap == " " else { continue }
            let next = ReferenceWordText.string(scalars[ranges[index + 1]])
            guard let first = next.unicodeScalars.first, TextPlausibility.isLower(TextPlausibility.kind(first)),
                  list.contains(next), !ApostropheRepair.notNouns.contains(next), !next.hasSuffix("ed"), !next.hasSuffix("ing"),
                  !next.hasSuffix("ly") else { continue }
            // Walk back over capitalised modifiers ("the Syrian governments") to a determiner.
            var back = index - 1
            while back >= 0, let c = scalars[ranges[back].lowerBound].properties.isUppercase ? true : nil, c,
                  ReferenceWordText.string(scalars[ranges[back].upperBound..<ranges[back + 1].lowerBound]) == " " { back -= 1 }
            guard back >= 0, back < index, ApostropheRepair.determiners.contains(ReferenceWordText.string(scalars[ranges[back]]).lowercased()),
                  ReferenceWordText.string(scalars[ranges[back].upperBound..<ranges[back + 1].lowerBound]) == " " else { continue }
            edits.append(((range.upperBound - 1)..<(range.upperBound - 1), [mark], word, String(word.dropLast()) + String(mark) + "s"))
        }
        guard !edits.isEmpty else { return text }
        var out = scalars
        for (range, replacement, from, to) in edits.reversed() {
            out.replaceSubrange(range, with: replacement)
            tally.add(repairName, from: from, to: to)
        }
        return ReferenceWordText.string(out[...])
    }

}

struct ReferenceGluedWordRepair {
    let repairName = "glued-words"

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        let scalars = Array(text.unicodeScalars)
        let ranges = ReferenceWordText.words(scalars)
        guard let english = WordList.english, ReferenceWordText.language(of: scalars, words: ranges, among: [{ english }]) != nil else { return text }
        var edits: [(Int, String, String)] = []
        for range in ranges where range.count >= 4 {
            // Skip tokens glued to digits or apostrophes (codes, contractions).
            if range.lowerBound > 0, !isBoundary(scalars[range.lowerBound - 1]) { continue }
            if range.upperBound < scalars.count, !isBoundary(scalars[range.upperBound]) { continue }
            let word = ReferenceWordText.string(scalars[range])
            if english.containsIgnoringCase(word) { continue }
            let chars = Array(word)
            if word == word.lowercased() {
                var splits: [Int] = []
                for cut in 1..<chars.count {
                    let left = String(chars[..<cut]), right = String(chars[cut...])
                    let leftOK = GluedWordRepair.functionWords.contains(left) && right.count >= 2 && english.containsExactly(right)
                    let rightOK = GluedWordRepair.functionWords.contains(right) && left.count >= 3 && english.containsExactly(left)
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
                tally.add(repairName, from: word, to: parts.joined(separator: " "))
            }
        }
        guard !edits.isEmpty else { return text }
        var out = scalars
        for (at, from, to) in edits.sorted(by: { $0.0 > $1.0 }) {
            out.insert(" ", at: at)
            if !to.isEmpty { tally.add(repairName, from: from, to: to) }
        }
        return ReferenceWordText.string(out[...])
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
                  list.containsExactly(part), !list.containsExactly(part.lowercased()) else { return nil }
        }
        return cuts
    }
}

struct ReferenceHyphenationRepair {
    let repairName = "hyphenation"

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        guard text.contains("-\n") else { return text }
        let scalars = Array(text.unicodeScalars)
        let ranges = ReferenceWordText.words(scalars)
        guard let list = ReferenceWordText.language(of: scalars, words: ranges) else { return text }
        let lists = [list]
        var out = scalars
        for index in ranges.indices.dropLast().reversed() {
            let left = ranges[index], right = ranges[index + 1]
            guard right.lowerBound == left.upperBound + 2, scalars[left.upperBound] == "-",
                  scalars[left.upperBound + 1] == "\n" else { continue }
            let a = ReferenceWordText.string(scalars[left]), b = ReferenceWordText.string(scalars[right])
            let joined = a + b
            guard lists.contains(where: { $0.contains(joined) }),
                  !lists.contains(where: { $0.contains(a) && $0.contains(b) }) else { continue }
            out.removeSubrange(left.upperBound..<(left.upperBound + 2))
            tally.add(repairName, from: a + "-\n" + b, to: joined)
        }
        return ReferenceWordText.string(out[...])
    }

}
