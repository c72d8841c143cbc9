@testable import DecantEncoding
import DecantCore
import Foundation
import Testing

/// The repairs' byte-level fast paths must behave exactly like the scalar/`String` code they
/// replaced (`ReferenceWordRepairs.swift`): same text, same tallies, on the seed pages, their
/// paragraphs, and thousands of generated texts mixing the shapes each rule looks for (lost and
/// replaced apostrophes, possessives after determiners, glued words and names, hyphenation, non-
/// ASCII and decomposed letters, CR LF, mojibake, entities, invisible characters).
@Suite struct ByteRepairEquivalenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let pieces = [
        "don?t", "l?homme", "doesnt", "Irans", "the Syrian governments approval", "The governments approval",
        "its governments decision", "toput", "inthe", "North AmericaIranMiddle East", "repre-\nsentative", "well-\nknown",
        "Ñandús", "Éclairs", "Münchens", "cafés", "naïve", "Iran’s", "Iran's", "won\u{FFFD}t", "wouldnt", "WOULDNT", "IRANS",
        "Obamas", "Americas", "ObamaIran", "théâtre", "Straße", "İstanbuls", "ǅemals", "x\u{301}s", "e\u{301}tudes",
        "aboutthe", "theory", "it?s", "d?accord", "qu?il", "MOSCOWs", "McDonalds", "iPhones", "the Presidents speech",
        "their Ministers decision", "\r\n", "\n", " ", ",", ".", "(", "\"", "-", "?", "’", "'", "1990s", "the", "and",
        "people", "approval", "this", "his", "Europes", "Chinas", "Russias", "cant", "isnt", "arent", "worldwide",
        "thecat", "ofthe", "tothe", "forthe", "ándale", "ÀlaCarte", "ParisLondon", "ΑθήναΡώμη", "Москвы", "Ⅻs",
        "\u{A0}", "\u{200B}", "\u{AD}", "\u{85}", "Ã©", "â€™", "rÃ©sumÃ©", "Ã ", "&amp;", "&rsquo;", "&amp;ldquo;",
        "e\u{301}", "governments", "approvals", "Brücke", "über", "wei√ü", "\u{1F600}", "東京", "l’homme", "c?est",
    ]
    static let separators = [" ", " ", " ", "  ", "\n", "-\n", ", ", ". ", "?", "", "\r\n", "’"]

    /// Deterministic texts (SplitMix64, fixed seed).
    static let generated: [String] = {
        var state: UInt64 = 20_261_204
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let english = "The committee said the ministers doesnt have the budget for the year and the people agreed with this. "
        var texts: [String] = []
        for index in 0..<2500 {
            var text = index % 3 == 0 ? english : ""
            for _ in 0..<(1 + next(30)) {
                text += pieces[next(pieces.count)] + separators[next(separators.count)]
            }
            texts.append(text)
        }
        return texts
    }()

    static let seedTexts: [String] = {
        let folder = root.appendingPathComponent("seeds")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        var texts: [String] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            texts.append(text)
            texts.append(contentsOf: text.components(separatedBy: "\n\n"))
        }
        return texts
    }()

    static var corpus: [String] { seedTexts + generated }

    @Test func seedPagesAreFound() {
        #expect(Self.seedTexts.count >= 5)
    }

    @Test func apostropheMatchesReference() {
        var changed = [false: 0, true: 0]
        for text in Self.corpus {
            for possessives in [false, true] {
                var new = ApostropheRepair()
                new.possessives = possessives
                var reference = ReferenceApostropheRepair()
                reference.possessives = possessives
                var newTally = RepairTally(), referenceTally = RepairTally()
                let out = new.repair(text, tally: &newTally)
                let expected = reference.repair(text, tally: &referenceTally)
                #expect(out == expected, "\(possessives) \(text.debugDescription)")
                #expect(newTally == referenceTally, "\(possessives) \(text.debugDescription)")
                if expected != text { changed[possessives, default: 0] += 1 }
                if !possessives { #expect(new.hasLostApostrophes(text) == (expected != text)) }
            }
        }
        // The corpus exercises the rules (possessives add changes of their own).
        #expect(changed[false]! > 200)
        #expect(changed[true]! > changed[false]!)
    }

    @Test func gluedWordsMatchReference() {
        var changed = 0
        for text in Self.corpus {
            var newTally = RepairTally(), referenceTally = RepairTally()
            let out = GluedWordRepair().repair(text, tally: &newTally)
            let expected = ReferenceGluedWordRepair().repair(text, tally: &referenceTally)
            #expect(out == expected, "\(text.debugDescription)")
            #expect(newTally == referenceTally, "\(text.debugDescription)")
            if expected != text { changed += 1 }
        }
        #expect(changed > 200)
    }

    @Test func hyphenationMatchesReference() {
        var changed = 0
        for text in Self.corpus {
            var newTally = RepairTally(), referenceTally = RepairTally()
            let out = HyphenationRepair().repair(text, tally: &newTally)
            let expected = ReferenceHyphenationRepair().repair(text, tally: &referenceTally)
            #expect(out == expected, "\(text.debugDescription)")
            #expect(newTally == referenceTally, "\(text.debugDescription)")
            if expected != text { changed += 1 }
        }
        #expect(changed > 50)
    }

    @Test func bytePreScansMatchScalarChecks() {
        for text in Self.corpus {
            let scalars = text.unicodeScalars
            #expect(UTF8Bytes.with(text, UnicodeNormalization.mayChangeUnderNFC)
                == scalars.contains(where: UnicodeNormalization.mayChangeUnderNFC), "\(text.debugDescription)")
            #expect(UTF8Bytes.with(text, CharacterCleanupRepair.needsWork)
                == scalars.contains { CharacterCleanup.needsWork($0.value) }, "\(text.debugDescription)")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(line)
                #expect(UTF8Bytes.with(line) { MojibakeRepair.triggers.mayContainMojibake($0) }
                    == MojibakeRepair.triggers.mayContainMojibake(line), "\(line.debugDescription)")
            }
        }
    }

    @Test func mojibakeLinesMatchLineByLineRepair() {
        let repair = MojibakeRepair()
        var repaired = 0
        for text in Self.corpus {
            var newTally = RepairTally(), referenceTally = RepairTally()
            let out = repair.repair(text, tally: &newTally)
            // The former loop: every "\n"-separated line (CR LF stays inside a line) repaired alone.
            var changed = false
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let before = referenceTally.total
                let fixed = repair.repairLine(String(line), tally: &referenceTally)
                if referenceTally.total != before { changed = true }
                return fixed
            }
            #expect(out == (changed ? lines.joined(separator: "\n") : text), "\(text.debugDescription)")
            #expect(newTally == referenceTally, "\(text.debugDescription)")
            if changed { repaired += 1 }
        }
        #expect(repaired > 200)
    }

    @Test func pagesOutsideTheMaskFindNothing() {
        let pages = LegacyCodePage.mojibakeSources
        for text in Self.corpus {
            let scalars = Array(text.unicodeScalars)
            let mask = MojibakeRepair.pageMask.pages(that: scalars)
            for (index, page) in pages.enumerated() where mask & (1 << index) == 0 {
                #expect(MojibakeRepair.Pass(page: page, scalars: scalars).run().map { _ in true } == nil, "\(page.charset) \(text.debugDescription)")
            }
        }
    }

    @Test func bundledWordListsDecodeAsBefore() throws {
        for language in ["en", "es"] {
            let url = try #require(WordList.bundledURL(language))
            let bytes = try [UInt8](Data(contentsOf: url))
            let fast = try #require(WordList.frontDecodedFast(language, bytes))
            let words = WordList.frontDecoded(String(decoding: bytes, as: UTF8.self))
            #expect(Set(fast.allWords) == Set(words))
            #expect(fast.count == Set(words).count)
            let lowercased = Set(words.map { $0.lowercased() })
            #expect(Set(fast.lowercased!.allWords) == lowercased)
        }
    }

    @Test func systemWordListsLoadAsBefore() throws {
        for path in ["/usr/share/dict/ngerman", "/usr/share/dict/french"] {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            let fast = try #require(WordList.linesFast("xx", bytes))
            let words = Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init))
            #expect(Set(fast.allWords) == words)
        }
    }

    @Test func wordListLookupsIgnoreNormalisationForm() {
        let list = WordList(language: "xx", words: ["café", "Iran's", "naïve"])
        #expect(list.contains("cafe\u{301}"))
        #expect(list.containsExactly("Iran's"))
        #expect(!list.containsExactly("iran's"))
        #expect(list.containsIgnoringCase("IRAN'S"))
        #expect(list.contains("Café"))
        #expect(!list.contains("cafe"))
        #expect(list.count == 3)
    }
}


/// ``CharacterCleanup`` as it was (scalar by scalar into a `String.UnicodeScalarView`).
private func referenceClean(_ line: Substring, tally: inout CharacterCleanup.Tally, keepingMojibake: Bool) -> String {
    if !line.unicodeScalars.contains(where: { CharacterCleanup.needsWork($0.value) }) { return String(line) }
    var out = String.UnicodeScalarView()
    var previous: UInt32 = 0
    for scalar in line.unicodeScalars {
        defer { previous = scalar.value }
        switch scalar.value {
        case 0x09, 0x0A: out.append(scalar)
        case 0x80..<0xA0 where keepingMojibake && (0x80...0xFF).contains(previous): out.append(scalar)
        case 0xA0 where keepingMojibake && previous >= 0xC0 && previous != 0xA0: out.append(scalar)
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: tally.add("control-character", scalar, "")
        case 0xAD, 0x200B, 0x2060, 0xFEFF, 0x180E: tally.add("invisible-character", scalar, "")
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            tally.add("whitespace", scalar, " ")
            out.append(" ")
        default: out.append(scalar)
        }
    }
    return String(out)
}

extension ByteRepairEquivalenceTests {
    @Test func characterCleanupMatchesReference() {
        var changed = 0
        for text in Self.corpus + ["a\u{85}b", "Ã\u{A0}", "\u{A0}\u{A0}", "x\u{0}y\u{7F}", "tab\there"] {
            for keeping in [false, true] {
                var newTally = CharacterCleanup.Tally(), referenceTally = CharacterCleanup.Tally()
                let line = Substring(text)
                let out = CharacterCleanup().clean(line, tally: &newTally, keepingMojibake: keeping)
                let expected = referenceClean(line, tally: &referenceTally, keepingMojibake: keeping)
                #expect(out == expected, "\(keeping) \(text.debugDescription)")
                #expect(newTally.counts == referenceTally.counts, "\(keeping) \(text.debugDescription)")
                if expected != text { changed += 1 }
            }
        }
        #expect(changed > 200)
    }
}
