import Foundation
import Testing

@testable import DecantCore
@testable import DecantText
import DecantEncoding

/// The five pages Decant was designed from must come out exactly as `seeds/expected/` says:
/// `<name>.txt` (the text), `<name>.metadata.json` and `<name>.removed.json` (line, reason, text).
/// Adding a case is adding a seed and its three expected files.
@Suite struct ScrapedSeedsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func clean(_ name: String, includeCaptions: Bool = false) throws -> Document {
        let bytes = try [UInt8](Data(contentsOf: seeds.appendingPathComponent(name + ".txt")))
        let input = ReaderInput(bytes: bytes, name: name + ".txt")
        let registry = ReaderRegistry([ScrapedTextReader(), PlainTextReader()])
        var document = try registry.select(for: input).read(input)
        ScrapedPageCleaner(rules: try RuleSet.standard()).apply(to: &document)
        RepairOptions().stage.apply(to: &document) // the default repairs ("Irans" -> "Iran's", "toput" -> "to put")
        document.text = document.renderText(includeCaptions: includeCaptions)
        return document
    }

    @Test func allFiveSeedsHaveExpectedFiles() {
        #expect(Self.names.count == 5)
    }

    @Test(arguments: names) func seedComesOutExactlyAsExpected(name: String) throws {
        let document = try Self.clean(name)
        #expect(document.format == "scraped-text")
        let expected = Self.seeds.appendingPathComponent("expected")
        let text = try String(contentsOf: expected.appendingPathComponent(name + ".txt"), encoding: .utf8)
        #expect(document.text + "\n" == text)
        let metadata = try JSONDecoder().decode(Metadata.self, from: Data(contentsOf: expected.appendingPathComponent(name + ".metadata.json")))
        #expect(document.metadata == metadata)
        let removed = try JSONDecoder().decode([Removal].self, from: Data(contentsOf: expected.appendingPathComponent(name + ".removed.json")))
        #expect(document.removed == removed)
    }

    @Test func headlineIsHeadingOneAndSubheadingsAreHeadingTwo() throws {
        let document = try Self.clean("004_07f9cb30cefc7fda")
        let headings = document.blocks.filter { $0.type == .heading }
        #expect(headings.first?.level == 1)
        #expect(headings.first?.text == "Rouhani: Astana peace talks can protect Syrian territorial integrity")
        #expect(headings.dropFirst().map(\.text) == [
            "Rouhani terms Syria as a ‘strategic ally’",
            "‘U.S. after looting Syria’s oil,’ says top security official",
            "Hatami: Iran firm to continue cooperation in Syria reconstruction",
            "Ghalibaf slams Israel as a source of regional instability",
        ])
        #expect(headings.dropFirst().allSatisfy { $0.level == 2 })
    }

    @Test func captionIsACaptionBlockKeptOutOfTextUnlessAsked() throws {
        let document = try Self.clean("000_b1de2521f0f7a1de")
        let caption = try #require(document.blocks.first { $0.type == .caption })
        #expect(caption.text.hasPrefix("Secretary of Iran’s Supreme National Security Council (SNSC) Ali Shamkhani (1st left)"))
        #expect(caption.line == 5)
        #expect(!document.text.contains("(1st left)"))
        #expect(try Self.clean("000_b1de2521f0f7a1de", includeCaptions: true).text.contains("(1st left)"))
    }
}
