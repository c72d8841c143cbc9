import Testing

@testable import DecantCore
@testable import DecantText

@Suite struct RepeatedLinesTests {
    func page(_ title: String, _ body: String, footer: String) -> Document {
        let text = "\(title)\n\n\(body) \(body) \(body)\n\n\(body) and again, with a different ending for once.\n\n\(footer)\n"
        return try! ScrapedTextReader().read(ReaderInput(bytes: Array(text.utf8), name: "p.txt"))
    }

    @Test func linesRecurringInEnoughDocumentsOfAFolderAreLearned() {
        var counter = RepeatedLineCounter(threshold: 3)
        let footer = "Watch our channel on your television with the streaming stick"
        for n in 0..<3 {
            let document = page("Headline number \(n) of the day", "The story number \(n) is told here in a sentence of plain words.", footer: footer)
            counter.add(RepeatedLineCounter.lineHashes(of: document, folder: "site"), folder: "site")
        }
        counter.add(RepeatedLineCounter.lineHashes(of: page("Other headline here", "Other words in another folder tell it.", footer: footer), folder: "other"), folder: "other")
        let index = counter.index
        #expect(index.contains(key: LineKey.make(footer), folder: "site"))
        #expect(!index.contains(key: LineKey.make(footer), folder: "other"))
        #expect(!index.contains(key: LineKey.make("Headline number 1 of the day"), folder: "site"))
    }

    @Test func theCleanerDropsLearnedLinesAsRepeated() throws {
        let footer = "Watch our channel on your television with the streaming stick"
        var counter = RepeatedLineCounter(threshold: 2)
        for n in 0..<2 {
            counter.add(RepeatedLineCounter.lineHashes(of: page("Headline \(n) here today", "Story \(n) is told in a sentence of plain words for the reader.", footer: footer), folder: "site"), folder: "site")
        }
        var document = page("Headline 0 here today", "Story 0 is told in a sentence of plain words for the reader.", footer: footer)
        document.source = "site/0.txt"
        var cleaner = ScrapedPageCleaner(rules: try RuleSet.standard())
        cleaner.repeated = counter.index
        cleaner.apply(to: &document)
        #expect(document.removed.contains { $0.text == footer && $0.reason == "boilerplate.repeated" })
        #expect(document.blocks.first?.text == "Headline 0 here today")
    }

    @Test func memoryIsBoundedByForgettingSingletons() {
        var counter = RepeatedLineCounter(threshold: 2, maxEntries: 1024)
        for n in 0..<3000 { counter.add([UInt64(n)], folder: "") }
        #expect(counter.pruned > 0)
        counter.add([2999], folder: "")
        #expect(counter.index.hashes == [2999])
    }

    @Test func folderOfASource() {
        #expect(RepeatedLineIndex.folder(of: "site/a/page.txt") == "site/a")
        #expect(RepeatedLineIndex.folder(of: "page.txt") == "")
    }
}
