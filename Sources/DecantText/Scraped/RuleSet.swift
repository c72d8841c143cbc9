/// The rule packs in force for a run, compiled for matching: built-in packs minus the ones
/// turned off, plus the user's packs (`--rules FILE`), tried in that order.
///
/// `match("back to top button", words: 4)` → `"boilerplate.navigation"`.
public struct RuleSet: Sendable {
    struct Compiled: Sendable {
        var reason: String
        var maxWords: Int
        var equals: Set<String>
        var prefixes: [String]
        var contains: [String]
        var suffixes: [String]
    }

    /// The names of the packs in force, in order.
    public let packNames: [String]
    let rules: [Compiled]
    /// Largest `maxWords` of any rule: longer lines skip matching entirely.
    let longest: Int
    /// Every `equals` phrase with the rules that hold it, in order: one lookup per line.
    let equalsIndex: [String: [Int]]
    let prefixPhrases: PhraseTable
    let suffixPhrases: PhraseTable
    let containsPhrases: PhraseTable
    /// `maxWords` of each rule.
    let maxWords: [Int]

    /// - Parameters:
    ///   - packs: the packs to use, in order (first matching rule wins).
    public init(packs: [RulePack]) {
        packNames = packs.map(\.pack)
        rules = packs.flatMap { pack in
            pack.rules.map { rule in
                Compiled(
                    reason: rule.reason, maxWords: rule.maxWords ?? 12,
                    equals: Set((rule.equals ?? []).map(LineKey.make)),
                    prefixes: (rule.prefixes ?? []).map { $0.lowercased() },
                    contains: (rule.contains ?? []).map { $0.lowercased() },
                    suffixes: (rule.suffixes ?? []).map { $0.lowercased() })
            }
        }
        longest = rules.map(\.maxWords).max() ?? 0
        var equalsIndex: [String: [Int]] = [:]
        var prefixes: [(text: String, rule: Int)] = [], suffixes: [(text: String, rule: Int)] = []
        var contains: [(text: String, rule: Int)] = []
        for (index, rule) in rules.enumerated() {
            for phrase in rule.equals { equalsIndex[phrase, default: []].append(index) }
            prefixes += rule.prefixes.map { ($0, index) }
            suffixes += rule.suffixes.map { ($0, index) }
            contains += rule.contains.map { ($0, index) }
        }
        self.equalsIndex = equalsIndex
        prefixPhrases = PhraseTable(prefixes)
        suffixPhrases = PhraseTable(suffixes)
        containsPhrases = PhraseTable(contains)
        maxWords = rules.map(\.maxWords)
    }

    /// The built-in packs except `disabled`, followed by `extra` (user rule files).
    /// - Throws: ``RuleFileError/unknownPack(_:known:)`` when a disabled name is not a pack.
    public static func standard(disabling disabled: [String] = [], adding extra: [RulePack] = []) throws(RuleFileError) -> RuleSet {
        let known = BuiltinRuleData.packNames + extra.map(\.pack)
        for name in disabled where !known.contains(name) { throw .unknownPack(name, known: known) }
        let packs = (BuiltinRuleData.packs + extra).filter { !disabled.contains($0.pack) }
        return RuleSet(packs: packs)
    }

    /// Loads a user rule file (one pack object or an array of packs).
    public static func load(file path: String, bytes: [UInt8]) throws(RuleFileError) -> [RulePack] {
        try RulePack.decode(bytes, file: path)
    }

    /// The reason of the first rule that matches `key` (see ``LineKey``), or nil.
    ///
    /// Rules are tried in order and the first whose `equals`, `prefixes`, `suffixes` or
    /// `contains` fits wins; this finds the same rule by looking each kind of phrase up once
    /// per line and keeping the earliest rule that fits.
    public func match(key: String, words: Int) -> String? {
        guard words <= longest, !key.isEmpty else { return nil }
        var best = rules.count
        if let holders = equalsIndex[key], let first = holders.first(where: { words <= maxWords[$0] }) { best = first }
        var storage = key
        best = storage.withUTF8 { line in
            maxWords.withUnsafeBufferPointer { maxWords in
                firstRule(line: line, key: key, words: words, before: best, maxWords: maxWords)
            }
        }
        return best < rules.count ? rules[best].reason : nil
    }

    /// The earliest rule before `before` with a prefix, suffix or contained phrase in `line`.
    private func firstRule(line: UnsafeBufferPointer<UInt8>, key: String, words: Int, before: Int,
                           maxWords: UnsafeBufferPointer<Int>) -> Int {
        var best = before
        prefixPhrases.bytes.withUnsafeBufferPointer { bytes in
            for rule in prefixPhrases.emptyRules where rule < best && words <= maxWords[rule] { best = rule }
            // A line starting with an ASCII byte can only start with phrases whose first byte is
            // that byte or not ASCII (two different ASCII bytes settle it, see PhraseBytes).
            let first = Int(line[0])
            let candidates = first < 0x80
                ? [prefixPhrases.start[first]..<prefixPhrases.start[first + 1], prefixPhrases.start[0x80]..<prefixPhrases.start[256]]
                : [0..<prefixPhrases.entries.count]
            for range in candidates {
                for number in range {
                    let entry = prefixPhrases.entries[number]
                    guard entry.rule < best, words <= maxWords[entry.rule] else { continue }
                    let phrase = UnsafeBufferPointer(rebasing: bytes[entry.offset..<(entry.offset + entry.length)])
                    if PhraseBytes.hasPrefix(line, phrase, phraseIsASCII: entry.isASCII) ?? key.hasPrefix(prefixPhrases.texts[number]) {
                        best = entry.rule
                    }
                }
            }
        }
        suffixPhrases.bytes.withUnsafeBufferPointer { bytes in
            for rule in suffixPhrases.emptyRules where rule < best && words <= maxWords[rule] { best = rule }
            for (number, entry) in suffixPhrases.entries.enumerated() where entry.rule < best && words <= maxWords[entry.rule] {
                let phrase = UnsafeBufferPointer(rebasing: bytes[entry.offset..<(entry.offset + entry.length)])
                if PhraseBytes.hasSuffix(line, phrase) ?? key.hasSuffix(suffixPhrases.texts[number]) { best = entry.rule }
            }
        }
        containsPhrases.bytes.withUnsafeBufferPointer { bytes in
            for rule in containsPhrases.emptyRules where rule < best && words <= maxWords[rule] { best = rule }
            containsPhrases.entries.withUnsafeBufferPointer { entries in
                containsPhrases.start.withUnsafeBufferPointer { startOf in
                    for position in 0..<line.count {
                        let first = Int(line[position])
                        var index = startOf[first]
                        let end = startOf[first + 1]
                        while index < end {
                            let entry = entries[index]
                            index += 1
                            guard entry.rule < best, words <= maxWords[entry.rule], position + entry.length <= line.count else { continue }
                            var k = 1
                            while k < entry.length && line[position + k] == bytes[entry.offset + k] { k += 1 }
                            if k == entry.length { best = entry.rule }
                        }
                    }
                }
            }
        }
        return best
    }

    /// Substring search on UTF-8 bytes (the standard library has no `String.contains(String)`
    /// without Foundation on every platform).
    static func contains(_ text: String, _ phrase: String) -> Bool {
        var text = text
        var phrase = phrase
        return text.withUTF8 { haystack in
            phrase.withUTF8 { needle in
                guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
                var i = 0
                let last = haystack.count - needle.count
                while i <= last {
                    if haystack[i] == first {
                        var j = 1
                        while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                        if j == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
