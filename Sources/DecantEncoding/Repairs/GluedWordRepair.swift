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

    /// ``functionWords`` as bytes, for ASCII words.
    static let functionWordBytes: ByteWordSet = {
        var set = ByteWordSet(capacity: functionWords.count)
        for word in functionWords { set.insert(Array(word.utf8)) }
        return set
    }()

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        UTF8Bytes.with(text) { b in
            // (Fewer than five words never get a language: the list is not even loaded.)
            guard WordText.hasFiveWords(b), let english = WordList.english,
                  WordText.language(of: b, among: [{ english }]) != nil else { return text }
            var inserts: [Int] = []
            var scanner = ByteWordScanner(b)
            while let word = scanner.next() {
                // Skip tokens glued to digits or apostrophes (codes, contractions).
                if word.start > 0, !isBoundary(b[word.start - 1]) { continue }
                if word.end < b.count, !isBoundary(b[word.end]) { continue }
                if word.ascii {
                    guard word.count >= 4 else { continue }
                    asciiWord(word.bytes(b), at: word.start, english, &inserts, &tally)
                } else {
                    otherWord(word, b, english, &inserts, &tally)
                }
            }
            guard !inserts.isEmpty else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + inserts.count)
            var copied = 0
            for at in inserts {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<at]))
                out.append(0x20)
                copied = at
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The rules on the bytes of an ASCII word of four letters or more starting at byte `start`.
    func asciiWord(_ w: UnsafeBufferPointer<UInt8>, at start: Int, _ english: WordList, _ inserts: inout [Int],
                   _ tally: inout RepairTally) {
        let hasUpper = w.contains(where: WordText.isASCIIUpper)
        // Names can only be cut where a lowercase letter meets a capital.
        if hasUpper, !(1..<w.count).contains(where: { WordText.isASCIIUpper(w[$0]) && WordText.isASCIILower(w[$0 - 1]) }) { return }
        if english.containsIgnoringCaseASCII(w) { return }
        let string = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: w[range]), as: UTF8.self) }
        if !hasUpper {
            var splits: [Int] = []
            for cut in 1..<w.count {
                let left = UnsafeBufferPointer(rebasing: w[..<cut]), right = UnsafeBufferPointer(rebasing: w[cut...])
                let leftOK = cut <= 4 && Self.functionWordBytes.contains(left) && right.count >= 2 && english.containsExactlyASCII(right)
                let rightOK = right.count <= 4 && Self.functionWordBytes.contains(right) && cut >= 3 && english.containsExactlyASCII(left)
                if leftOK || rightOK { splits.append(cut) }
            }
            if splits.count == 1 {
                let cut = splits[0]
                inserts.append(start + cut)
                tally.add(name, from: string(0..<w.count), to: string(0..<cut) + " " + string(cut..<w.count))
            }
            return
        }
        var cuts: [Int] = []
        for i in 1..<w.count where WordText.isASCIIUpper(w[i]) && WordText.isASCIILower(w[i - 1]) { cuts.append(i) }
        let bounds = zip([0] + cuts, cuts + [w.count])
        for (from, to) in bounds {
            let part = UnsafeBufferPointer(rebasing: w[from..<to])
            guard part.count >= 3, WordText.isASCIIUpper(part[0]), part.dropFirst().allSatisfy(WordText.isASCIILower),
                  english.containsExactlyASCII(part),
                  !WordList.withLowercasedASCII(part, { english.containsExactlyASCII($0) }) else { return }
        }
        for cut in cuts { inserts.append(start + cut) }
        tally.add(name, from: string(0..<w.count), to: bounds.map { string($0..<$1) }.joined(separator: " "))
    }

    /// The rules on the string of a word with non-ASCII letters, once its scalars show that a
    /// rule could apply: a lowercase word needs an ASCII function word at one end, a name a
    /// capital after its first letter.
    func otherWord(_ word: ByteWord, _ b: UnsafeBufferPointer<UInt8>, _ english: WordList, _ inserts: inout [Int],
                   _ tally: inout RepairTally) {
        let scalars = UTF8Bytes.string(b, word.start..<word.end).unicodeScalars
        guard scalars.count >= 4 else { return }
        let asciiEnd = WordText.isASCIILower(b[word.start]) || WordText.isASCIILower(b[word.end - 1])
        let laterCapital = scalars.dropFirst().contains { $0.properties.isUppercase || $0.properties.changesWhenLowercased }
        guard asciiEnd || laterCapital else { return }
        let start = word.start
        let word = String(scalars)
        if english.containsIgnoringCase(word) { return }
        let chars = Array(word)
        if word == word.lowercased() {
            var splits: [Int] = []
            for cut in 1..<chars.count {
                let left = String(chars[..<cut]), right = String(chars[cut...])
                let leftOK = Self.functionWords.contains(left) && right.count >= 2 && english.containsExactly(right)
                let rightOK = Self.functionWords.contains(right) && left.count >= 3 && english.containsExactly(left)
                if leftOK || rightOK { splits.append(cut) }
            }
            if splits.count == 1 {
                let cut = splits[0]
                inserts.append(start + String(chars[..<cut]).utf8.count)
                tally.add(name, from: word, to: String(chars[..<cut]) + " " + String(chars[cut...]))
            }
        } else if let cuts = properNameCuts(chars, english) {
            for cut in cuts { inserts.append(start + String(chars[..<cut]).utf8.count) }
            let parts = zip([0] + cuts, cuts + [chars.count]).map { String(chars[$0..<$1]) }
            tally.add(name, from: word, to: parts.joined(separator: " "))
        }
    }

    @inline(__always) func isBoundary(_ s: UInt8) -> Bool {
        s == 0x20 || s == 0x0A || s == 0x09 || s == 0x2C || s == 0x2E || s == 0x3B || s == 0x3A || s == 0x28 || s == 0x29 || s == 0x22
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
