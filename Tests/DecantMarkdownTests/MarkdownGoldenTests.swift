import Decant
import DecantTestSupport
import Foundation
import Testing

/// Golden cases in Tests/Fixtures/markdown: `NAME.md` and `NAME.expected.json` (the metadata and
/// blocks that are right for it). Adding a case is adding the two files. Run with
/// `DECANT_WRITE_GOLDEN=1` to write missing expected files — then read them before committing.
@Suite struct MarkdownGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/markdown")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test(arguments: cases) func caseComesOutAsExpected(name: String) throws {
        let bytes = try Array(Data(contentsOf: Self.folder.appendingPathComponent(name + ".md")))
        let document = try DocumentPipeline().process(ReaderInput(bytes: bytes, name: name + ".md"))
        #expect(document.decant.reader == "markdown")
        #expect(document.format == "markdown")
        let actual = GoldenDocument(document)
        let expected = try GoldenDocument.expected(at: Self.folder.appendingPathComponent(name + ".expected.json"), current: document)
        #expect(actual.metadata == expected.metadata)
        #expect(actual.blocks.count == expected.blocks.count)
        for (a, e) in zip(actual.blocks, expected.blocks) { #expect(a == e) }
    }
}
