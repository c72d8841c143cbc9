import Decant
import DecantTestSupport
import Foundation
import Testing

@testable import DecantArchive

/// DOCX, ODT and EPUB fixtures in Tests/Fixtures/office (written by make-fixtures.py there):
/// `NAME.EXT` with `NAME.expected.json` holding the metadata and blocks that are right.
@Suite struct OfficeGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/office")

    static func bytes(_ file: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data())
    }

    static func process(_ file: String, as name: String? = nil) throws -> Document {
        try DocumentPipeline().process(ReaderInput(bytes: bytes(file), name: name ?? file))
    }

    @Test(arguments: [("report.docx", "docx"), ("trip.odt", "odt"), ("story.epub", "epub")])
    func documentComesOutAsExpected(file: String, reader: String) throws {
        let document = try Self.process(file)
        #expect(document.decant.reader == reader)
        #expect(document.format == reader)
        let actual = GoldenDocument(document)
        let expected = try GoldenDocument.expected(at: Self.folder.appendingPathComponent(file.split(separator: ".")[0] + ".expected.json"), current: document)
        #expect(actual.metadata == expected.metadata)
        #expect(actual.blocks.count == expected.blocks.count)
        for (a, e) in zip(actual.blocks, expected.blocks) { #expect(a == e) }
    }

    @Test func contentDecidesOverAWrongExtension() throws {
        #expect(try Self.process("report.docx", as: "report.bin").decant.reader == "docx")
        #expect(try Self.process("trip.odt", as: "trip.zip").decant.reader == "odt")
        #expect(try Self.process("story.epub", as: "story.docx").decant.reader == "epub")
    }

    @Test(arguments: [
        ("traversal.docx", "refused entry name '../../evil.txt'"),
        ("bomb.docx", "refused as a possible zip bomb: 'word/media/zeros.bin' would inflate"),
        ("entities.docx", "unsafe XML refused: word/document.xml declares entities"),
        ("truncated.docx", "the archive is truncated"),
        ("no-document.docx", "not a valid DOCX file: word/document.xml is missing"),
    ])
    func hostileAndBrokenFilesAreRefusedClearly(file: String, message: String) throws {
        do {
            _ = try Self.process(file)
            Issue.record("\(file) was read")
        } catch let error as ReadError {
            #expect(error.code == "read.malformed")
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func anEmptyFileNamedDocxIsSkipped() {
        #expect(throws: ReadError.empty) { try DocumentPipeline().process(ReaderInput(bytes: [], name: "empty.docx")) }
    }
}

@Suite struct ZipArchiveTests {
    @Test func namesThatEscapeAreUnsafe() {
        for name in ["../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", ""] { #expect(!ZipArchive.isSafe(name), "\(name)") }
        for name in ["word/document.xml", "OEBPS/text/ch 1.xhtml", "a..b/c"] { #expect(ZipArchive.isSafe(name), "\(name)") }
    }

    @Test func garbageIsNotAnArchive() {
        #expect(throws: ArchiveError.notAnArchive("no ZIP signature")) { try ZipArchive(Array(repeating: 0x41, count: 100)) }
    }

    @Test func anEntryInflatingPastItsDeclaredSizeIsStopped() throws {
        // Patch the central directory so word/document.xml declares 10 bytes.
        var bytes = OfficeGoldenTests.bytes("report.docx")
        let name = Array("word/document.xml".utf8)
        var patched = false
        for offset in 0..<(bytes.count - 46 - name.count) where bytes[offset..<(offset + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
            guard bytes[(offset + 46)..<(offset + 46 + name.count)].elementsEqual(name) else { continue }
            bytes.replaceSubrange((offset + 24)..<(offset + 28), with: [10, 0, 0, 0])
            patched = true
        }
        #expect(patched)
        let archive = try ZipArchive(bytes)
        #expect(throws: ArchiveError.tooLarge("'word/document.xml' inflates to more than 10 bytes")) {
            try archive.contents(of: "word/document.xml")
        }
        #expect(try archive.contents(of: "[Content_Types].xml").count > 100, "the other entries still read")
    }

    @Test func aLyingSizeIsCaughtWhileInflating() throws {
        var limits = ZipLimits()
        limits.maxEntrySize = 1000
        let bytes = OfficeGoldenTests.bytes("bomb.docx")
        #expect(throws: ArchiveError.self) { try ZipArchive(bytes, limits: limits) }
    }
}
