import Decant
import DecantTestSupport
import Foundation
import Testing

@testable import DecantWARC

/// Archives in Tests/Fixtures/warc (written by make-fixtures.py there).
@Suite struct WARCTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/warc")

    static func input(_ file: String, as name: String? = nil) -> ReaderInput {
        ReaderInput(bytes: Array(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data()), name: name ?? file)
    }

    @Test func eachHTMLResponseIsADocumentWithItsURLAndDate() throws {
        let documents = try DocumentPipeline().processAll(Self.input("crawl.warc"))
        #expect(documents.allSatisfy { $0.decant.reader == "warc" && $0.format == "html" })
        let expected = try GoldenDocument.expected(at: Self.folder.appendingPathComponent("crawl.expected.json"), current: documents)
        #expect(documents.map(GoldenDocument.init) == expected)
        #expect(documents.map(\.metadata.url) == ["https://tides.example/march", "https://cafe.example/guide"])
        #expect(documents[0].metadata.date == "2024-03-01T10:00:01Z", "the capture date when the page has none")
        #expect(documents[1].metadata.date == "2023-05-01", "the page's own date wins")
    }

    @Test func gzipMembersGiveTheSameDocuments() throws {
        let plain = try DocumentPipeline().processAll(Self.input("crawl.warc"))
        let compressed = try DocumentPipeline().processAll(Self.input("crawl.warc.gz"))
        #expect(compressed.map(GoldenDocument.init) == plain.map(GoldenDocument.init))
    }

    @Test func otherRecordsAreSkippedAndCounted() throws {
        let scan = try WARCReader().scan(Self.input("crawl.warc"))
        #expect(scan.documents.count == 2)
        #expect(scan.skipped == [
            "warcinfo record": 1, "request record": 1, "metadata record": 1, "HTTP 301 response": 1, "non-HTML response": 1,
        ])
    }

    @Test func aTruncatedArchiveKeepsItsCompleteRecords() throws {
        let scan = try WARCReader().scan(Self.input("truncated.warc.gz"))
        #expect(scan.documents.count == 2)
        #expect(scan.skipped.keys.contains { $0.hasPrefix("cut off by: the archive is truncated") })
    }

    @Test func anArchiveWithoutPagesSaysWhatItSkipped() {
        #expect(throws: ReadError.malformed("the archive holds no HTML response (skipped: 1 request record, 1 warcinfo record)")) {
            try DocumentPipeline().processAll(Self.input("no-html.warc"))
        }
    }

    @Test func gzipThatIsNotAWARCIsRefusedClearly() throws {
        let notWARC = Self.input("crawl.warc.gz").bytes.prefix(10) + [0x00, 0x01, 0x02]
        #expect(throws: ReadError.self) {
            try WARCReader().readAll(ReaderInput(bytes: Array(notWARC), name: "x.warc.gz"))
        }
    }

    @Test func chunkedBodiesAreJoined() {
        #expect(HTTPResponse.dechunked(Array("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)) == Array("hello world".utf8))
    }
}
