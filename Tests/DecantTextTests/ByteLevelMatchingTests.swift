import Testing

@testable import DecantText

/// The byte-level shortcuts of the scraped-page cleaner must answer exactly what the `String`
/// and `Character` operations they stand in for answer, canonical equivalence included.
@Suite struct ByteLevelMatchingTests {
    /// Lines and phrases that differ in normalisation, grapheme joins and singletons.
    static let lines = [
        "back to top", "back to top button", "zurück nach oben", "zuru\u{308}ck nach oben", "e\u{301}te",
        "été", "back\u{301} to top", "a;b", "a\u{37E}b", "\u{212A}elvin", "kelvin", "a\r\nb", "a\r", "·x", "\u{387}x",
        "’s", "x", "",
    ]
    static let phrases = ["back to ", "back", "zurück", "zuru\u{308}ck", "été", "e\u{301}", "a;", "k", "K", "a\r", "·", "", "x"]

    @Test func prefixesAndSuffixesAgreeWithString() {
        for line in Self.lines where !line.isEmpty {
            for phrase in Self.phrases {
                var lineBytes = line
                var phraseBytes = phrase
                let isASCII = phrase.utf8.allSatisfy { $0 < 0x80 }
                lineBytes.withUTF8 { l in
                    phraseBytes.withUTF8 { p in
                        if let answer = PhraseBytes.hasPrefix(l, p, phraseIsASCII: isASCII) {
                            #expect(answer == line.hasPrefix(phrase), "hasPrefix(\(line.debugDescription), \(phrase.debugDescription))")
                        }
                        if let answer = PhraseBytes.hasSuffix(l, p) {
                            #expect(answer == line.hasSuffix(phrase), "hasSuffix(\(line.debugDescription), \(phrase.debugDescription))")
                        }
                    }
                }
            }
        }
    }

    @Test func ruleSetFindsTheFirstRuleInOrder() {
        let packs = [RulePack(pack: "t", rules: [
            .init(reason: "r.first", maxWords: 2, prefixes: ["back to "]),
            .init(reason: "r.second", equals: ["back to top"], contains: ["top"]),
            .init(reason: "r.third", prefixes: ["zurück"], suffixes: ["oben"]),
        ])]
        let rules = RuleSet(packs: packs)
        #expect(rules.match(key: "back to top", words: 3) == "r.second")  // r.first allows 2 words only
        #expect(rules.match(key: "back to", words: 2) == nil)
        #expect(rules.match(key: "back to x", words: 2) == "r.first")
        #expect(rules.match(key: "over the top", words: 3) == "r.second")
        #expect(rules.match(key: "zuru\u{308}ck nach oben", words: 3) == "r.third")  // NFD line, NFC phrase
        #expect(rules.match(key: "nach oben", words: 2) == "r.third")
        #expect(rules.match(key: "nothing here", words: 2) == nil)
    }

    @Test func characterClassIsCanonical() {
        let breaks = CharacterClass(" ,;|/–—()·•")
        for character in [" ", ";", "\u{37E}", "·", "\u{387}", "–", "a", "é", "e\u{301}", "\r\n", "1"] as [Character] {
            #expect(breaks.contains(character) == " ,;|/–—()·•".contains(character), "\(character.debugDescription)")
        }
    }

    @Test func breadcrumbsSplitOnEquivalentSeparators() {
        let crumbs = BreadcrumbLine(language: BuiltinRuleData.language)
        #expect(crumbs.parse("News \u{387} Politics \u{387} Syria")?.items == ["News", "Politics", "Syria"])
        #expect(crumbs.parse("News / Politics / Syria")?.items == ["News", "Politics", "Syria"])
        #expect(crumbs.parse("No separators in this line at all") == nil)
    }

    @Test func trimmingSpacesMatchesCharacterTrim() {
        for text in ["  a b  ", "a", "", "   ", " \u{301}x ", "x \u{301}", " é ", "\u{600} x "] {
            let expected = String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            #expect(text.trimmingSpaces() == expected, "\(text.debugDescription)")
        }
    }

    @Test func collapsedWhitespaceAndLineKeys() {
        #expect(ParagraphSplitter.collapseWhitespace("  a \t b  ") == "a b")
        #expect(ParagraphSplitter.collapseWhitespace("a b") == "a b")
        #expect(LineKey.make("  » Back to Top ↑ ") == "back to top")
        #expect(LineKey.make("Ça ‘va’ — ÉTÉ…") == "ça 'va' — été")
    }
}
