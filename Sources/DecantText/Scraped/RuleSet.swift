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

    /// A phrase of one rule as UTF-8, with the rule's position in ``rules``.
    struct Phrase: Sendable {
        var text: String
        var bytes: [UInt8]
        var rule: Int
    }

    /// The names of the packs in force, in order.
    public let packNames: [String]
    let rules: [Compiled]
    /// Largest `maxWords` of any rule: longer lines skip matching entirely.
    let longest: Int
    /// Every `equals` phrase with the rules that hold it, in order: one lookup per line.
    let equalsIndex: [String: [Int]]
    let prefixPhrases: [Phrase]
    let suffixPhrases: [Phrase]
    /// `contains` phrases by their first byte; empty phrases (which match every line) apart.
    let containsByFirstByte: [[Phrase]]
    let emptyContains: [Int]

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
        var prefixPhrases: [Phrase] = [], suffixPhrases: [Phrase] = []
        var containsByFirstByte = Array(repeating: [Phrase](), count: 256)
        var emptyContains: [Int] = []
        for (index, rule) in rules.enumerated() {
            for phrase in rule.equals { equalsIndex[phrase, default: []].append(index) }
            prefixPhrases += rule.prefixes.map { Phrase(text: $0, bytes: Array($0.utf8), rule: index) }
            suffixPhrases += rule.suffixes.map { Phrase(text: $0, bytes: Array($0.utf8), rule: index) }
            for phrase in rule.contains {
                let bytes = Array(phrase.utf8)
                if let first = bytes.first {
                    containsByFirstByte[Int(first)].append(Phrase(text: phrase, bytes: bytes, rule: index))
                } else {
                    emptyContains.append(index)
                }
            }
        }
        self.equalsIndex = equalsIndex
        self.prefixPhrases = prefixPhrases
        self.suffixPhrases = suffixPhrases
        self.containsByFirstByte = containsByFirstByte
        self.emptyContains = emptyContains
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
        func fits(_ rule: Int) -> Bool { rule < best && words <= rules[rule].maxWords }
        if let holders = equalsIndex[key], let first = holders.first(where: { words <= rules[$0].maxWords }) { best = first }
        var storage = key
        storage.withUTF8 { bytes in
            for phrase in prefixPhrases where fits(phrase.rule) {
                if PhraseBytes.hasPrefix(bytes, phrase.bytes) ?? key.hasPrefix(phrase.text) { best = phrase.rule }
            }
            for phrase in suffixPhrases where fits(phrase.rule) {
                if PhraseBytes.hasSuffix(bytes, phrase.bytes) ?? key.hasSuffix(phrase.text) { best = phrase.rule }
            }
            for rule in emptyContains where fits(rule) { best = rule }
            for start in bytes.indices {
                for phrase in containsByFirstByte[Int(bytes[start])] where fits(phrase.rule) {
                    if PhraseBytes.occurs(phrase.bytes, in: bytes, at: start) { best = phrase.rule }
                }
            }
        }
        return best < rules.count ? rules[best].reason : nil
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
