/// Joins words hyphenated across a line break when the joined form is a word and the halves
/// are not both words: `"repre-\nsentative"` → `"representative"`, while `"well-\nknown"` stays.
public struct HyphenationRepair: TextRepair {
    public let name = "hyphenation"
    public init() {}

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        guard text.contains("-\n") else { return text }
        let scalars = Array(text.unicodeScalars)
        let ranges = WordText.words(scalars)
        guard let list = WordText.language(of: scalars, words: ranges) else { return text }
        let lists = [list]
        var out = scalars
        for index in ranges.indices.dropLast().reversed() {
            let left = ranges[index], right = ranges[index + 1]
            guard right.lowerBound == left.upperBound + 2, scalars[left.upperBound] == "-",
                  scalars[left.upperBound + 1] == "\n" else { continue }
            let a = WordText.string(scalars[left]), b = WordText.string(scalars[right])
            let joined = a + b
            guard lists.contains(where: { $0.contains(joined) }),
                  !lists.contains(where: { $0.contains(a) && $0.contains(b) }) else { continue }
            out.removeSubrange(left.upperBound..<(left.upperBound + 2))
            tally.add(name, from: a + "-\n" + b, to: joined)
        }
        return WordText.string(out[...])
    }
}
