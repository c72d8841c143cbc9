import Foundation
import Testing

/// `--explain`, `--rules`, `--disable-pack` and `--learn-repeats` as a user runs them.
@Suite struct ScrapedCommandTests {
    static let seed = CLI.repoRoot.appendingPathComponent("seeds/004_07f9cb30cefc7fda.txt").path

    @Test func explainMarksEveryDroppedLineWithItsReason() throws {
        let result = try CLI.run(["clean", "--explain", Self.seed])
        #expect(result.status == 0)
        #expect(result.stdout.contains("62 - 6 + 7 =  [boilerplate.captcha]"))
        #expect(result.stdout.contains("60 - Leave a Comment  [boilerplate.comments]"))
        #expect(result.stdout.contains(" 1 # Rouhani: Astana peace talks can protect Syrian territorial integrity"))
        #expect(result.stdout.contains("## Hatami: Iran firm to continue cooperation in Syria reconstruction"))
        #expect(!result.stdout.contains("\u{1B}["))  // no colour when not on a terminal
    }

    @Test func userRulesAndDisabledPacks() throws {
        let folder = try TemporaryFolder()
        try folder.write("rules.json", #"{"pack": "mine", "rules": [{"reason": "boilerplate.mine", "maxWords": 12, "prefixes": ["hatami: "]}]}"#)
        let custom = try CLI.run(["extract", Self.seed, "--rules", folder.path("rules.json"), "--format", "json"])
        #expect(custom.status == 0)
        #expect(custom.stdout.contains("boilerplate.mine"))
        // Without the comments pack the line still goes, but only because it sits after the article.
        let off = try CLI.run(["extract", Self.seed, "--disable-pack", "comments", "--format", "jsonl"])
        #expect(off.stdout.contains(#"{"text":"Leave a Comment","reason":"boilerplate.footer","line":60}"#))
        let bad = try CLI.run(["extract", Self.seed, "--disable-pack", "nope"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("no rule pack named 'nope'"))
        try folder.write("broken.json", "{")
        let broken = try CLI.run(["extract", Self.seed, "--rules", folder.path("broken.json")])
        #expect(broken.status == 64)
        #expect(broken.stderr.contains("is not a valid rule pack"))
    }

    @Test func readerOptionForcesTheScrapedCleanerOnADumpThatLooksHardWrapped() throws {
        let folder = try TemporaryFolder()
        try folder.write("dump.txt", "Home\nNews\nA short dump whose lines all stay under the long-line share.\nThe article text is here.\nBack to top button\n")
        let chosen = try CLI.run(["extract", folder.path("dump.txt"), "--format", "jsonl"])
        #expect(chosen.stdout.contains(#""reader":"text""#))
        #expect(chosen.stdout.contains("Back to top button"))
        let forced = try CLI.run(["extract", folder.path("dump.txt"), "--reader", "scraped-text", "--format", "jsonl"])
        #expect(forced.stdout.contains(#""reader":"scraped-text""#))
        #expect(forced.stdout.contains(#"{"text":"Back to top button","reason":"boilerplate.navigation""#))
        let unknown = try CLI.run(["clean", folder.path("dump.txt"), "-o", folder.path("out"), "--reader", "nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown reader 'nope'; known readers:"))
    }

    @Test func batchLearningDropsLinesRepeatedAcrossASite() throws {
        let folder = try TemporaryFolder()
        let footer = "Watch our channel on your television with the streaming stick"
        for n in 0..<3 {
            let body = "Story \(n) is told here in a long sentence of plain words, as articles are, so it reads like prose."
            try folder.write("in/site/\(n).txt", "Headline \(n) of the day\n\n\(body)\n\n\(body) Then it goes on a little.\n\n\(footer)\n")
        }
        let plain = try CLI.run(["clean", folder.path("in"), "-o", folder.path("plain"), "--quiet"])
        #expect(plain.status == 0)
        #expect(try folder.read("plain/documents.jsonl").contains("\"text\":\"Headline 0 of the day\\n\\nStory 0"))
        let learned = try CLI.run(["clean", folder.path("in"), "-o", folder.path("learned"), "--learn-repeats", "--repeat-threshold", "3"])
        #expect(learned.status == 0)
        #expect(learned.stderr.contains("learned 1 repeated lines from 3 scraped pages"))
        let output = try folder.read("learned/documents.jsonl")
        #expect(output.components(separatedBy: "boilerplate.repeated").count == 4)
    }
}
