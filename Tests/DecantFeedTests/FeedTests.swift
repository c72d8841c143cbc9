import Decant
import DecantTestSupport
import Foundation
import Testing

@testable import DecantFeed

/// Feeds in Tests/Fixtures/feeds: `NAME.EXT` with `NAME.expected.json`, one entry per item.
@Suite struct FeedTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/feeds")

    static func process(_ file: String) throws -> [Document] {
        let bytes = Array(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data())
        return try DocumentPipeline().processAll(ReaderInput(bytes: bytes, name: file))
    }

    @Test(arguments: ["news.rss", "journal.atom", "rdf.rdf"]) func eachItemIsADocument(file: String) throws {
        let documents = try Self.process(file)
        #expect(documents.allSatisfy { $0.decant.reader == "feed" })
        let url = Self.folder.appendingPathComponent(file.split(separator: ".")[0] + ".expected.json")
        let expected = try GoldenDocument.expected(at: url, current: documents)
        #expect(documents.map(GoldenDocument.init) == expected)
    }

    @Test func itemsGetNumberedIdsAndSources() throws {
        let documents = try Self.process("news.rss")
        #expect(documents.map(\.source) == ["news.rss#1", "news.rss#2"])
        #expect(documents[0].id.hasSuffix("-1") && documents[1].id.hasSuffix("-2"))
        #expect(Set(documents.map(\.id)).count == 2)
    }

    @Test func theWholeFeedAsOneDocument() throws {
        let bytes = Array(FileManager.default.contents(atPath: Self.folder.appendingPathComponent("news.rss").path)!)
        let document = try DocumentPipeline().process(ReaderInput(bytes: bytes, name: "news.rss"))
        #expect(document.blocks.filter { $0.type == .heading }.map(\.text) == ["Harbour Gazette", "Ferry timetable changes", "Lighthouse reopens"])
        #expect(document.metadata.date == "2024-03-04T08:15:00+00:00")
    }

    @Test(arguments: [
        ("truncated.rss", "the document ends too early (truncated?)"),
        ("entities.rss", "declares entities"),
        ("empty-channel.rss", "the feed has no title and no items"),
    ]) func badFeedsAreClearErrors(file: String, message: String) throws {
        do {
            _ = try Self.process(file)
            Issue.record("\(file) was read")
        } catch let error as ReadError {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func rfc822DatesBecomeISO() {
        #expect(RFC822Date.iso("Tue, 10 Jun 2003 04:00:00 GMT") == "2003-06-10T04:00:00Z")
        #expect(RFC822Date.iso("10 Jun 03 04:00 EST") == "2003-06-10T04:00-05:00")
        #expect(RFC822Date.iso("Sat, 2 Mar 2024 17:00:00 +0530") == "2024-03-02T17:00:00+05:30")
        #expect(RFC822Date.iso("2023-12-13T18:30:02+01:00") == "2023-12-13T18:30:02+01:00")
        #expect(RFC822Date.iso("sometime soon") == nil)
    }
}

@Suite struct FeedBatchTests {
    @Test func aBatchWritesOneFilePerItem() throws {
        let out = NSTemporaryDirectory() + "decant-feed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        var options = BatchOptions(inputs: [FeedTests.folder.appendingPathComponent("news.rss").path], output: .directory(out))
        options.format = .json
        let summary = try BatchCleaner(options: options).run()
        #expect(summary.read == 1)
        #expect(summary.written == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
        #expect(files == ["news.rss.1.json", "news.rss.2.json"])
    }
}
