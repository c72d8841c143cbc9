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
    public func match(key: String, words: Int) -> String? {
        guard words <= longest, !key.isEmpty else { return nil }
        for rule in rules where words <= rule.maxWords {
            if rule.equals.contains(key) { return rule.reason }
            for prefix in rule.prefixes where key.hasPrefix(prefix) { return rule.reason }
            for suffix in rule.suffixes where key.hasSuffix(suffix) { return rule.reason }
            for phrase in rule.contains where Self.contains(key, phrase) { return rule.reason }
        }
        return nil
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
