/// Rule phrases laid out flat for matching many of them against one line: all bytes in one
/// array, one entry (offset, length, rule, ASCII or not) per phrase, entries ordered by first
/// byte with a start index per byte value. Matching walks plain integers, no reference
/// counting per phrase.
struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var offset: Int
        var length: Int
        /// Index of the rule in ``RuleSet/rules``.
        var rule: Int
        var isASCII: Bool
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// The phrases as written, for the cases the bytes do not settle.
    private(set) var texts: [String] = []
    /// Entries whose first byte is `b` are `entries[start[b]..<start[b + 1]]`.
    private(set) var start: [Int] = Array(repeating: 0, count: 257)
    /// Rules holding an empty phrase (which every line starts with, ends with and contains).
    private(set) var emptyRules: [Int] = []

    init(_ phrases: [(text: String, rule: Int)]) {
        let sorted = phrases.filter { !$0.text.isEmpty }.sorted { ($0.text.utf8.first!, $0.rule) < ($1.text.utf8.first!, $1.rule) }
        emptyRules = phrases.filter(\.text.isEmpty).map(\.rule)
        for (text, rule) in sorted {
            let utf8 = Array(text.utf8)
            entries.append(Entry(offset: bytes.count, length: utf8.count, rule: rule, isASCII: utf8.allSatisfy { $0 < 0x80 }))
            texts.append(text)
            bytes += utf8
            start[Int(utf8[0]) + 1] = entries.count
        }
        for b in 1...256 where start[b] < start[b - 1] { start[b] = start[b - 1] }
    }
}
