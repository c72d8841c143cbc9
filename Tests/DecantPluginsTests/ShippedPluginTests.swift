import Decant
import Foundation
import Testing

@testable import DecantPlugins

/// The plugins shipped in `plugins/`, run on small committed fixtures (Tests/Fixtures/plugins).
/// They need poppler-utils and unrtf, which `make test` installs through scripts/bootstrap.sh.
@Suite struct ShippedPluginTests {
    let fixtures = repositoryRoot + "/Tests/Fixtures/plugins/"
    let setup = ReaderSetup(
        plugins: PluginOptions(), searchPaths: [PluginSearchPath(directory: repositoryRoot + "/plugins", origin: "./plugins")])

    func process(_ file: String) throws -> Document {
        let bytes = Array(FileManager.default.contents(atPath: fixtures + file) ?? Data())
        return try DocumentPipeline(registry: setup.registry).process(ReaderInput(bytes: bytes, name: file))
    }

    func golden(_ file: String) throws -> String {
        try String(contentsOfFile: fixtures + file, encoding: .utf8)
    }

    @Test func theShippedManifestsLoad() {
        #expect(setup.problems == [])
        #expect(setup.registry.tier(of: "pdf") == .plugin)
        #expect(setup.registry.tier(of: "rtf") == .plugin)
    }

    @Test(.enabled(if: installed("pdftotext"))) func pdfBlocksAndMetadata() throws {
        let document = try process("report.pdf")
        #expect(document.decant.reader == "pdf")
        #expect(document.format == "pdf")
        #expect(document.metadata.title == "A Small Report")
        #expect(document.metadata.authors == ["Ada Lovelace"])
        #expect(document.metadata.date == "2024-03-05")
        #expect(document.blocks.first == Block.heading("A Small Report", level: 1))
        #expect(document.text + "\n" == (try golden("report.expected.txt")))
    }

    @Test(.enabled(if: installed("pdftotext"))) func aTruncatedPdfIsAClearError() throws {
        #expect(throws: DocumentError(
            code: "plugin.exit-status",
            message: "plugin 'pdf' exited with status 65: pdf plugin: pdftotext could not read the PDF (status 1); it may be damaged or encrypted")
        ) { try process("truncated.pdf") }
    }

    @Test(.enabled(if: installed("pdftotext"))) func aPdfNamedWrongIsStillReadByItsMagic() throws {
        let bytes = Array(FileManager.default.contents(atPath: fixtures + "report.pdf")!)
        let document = try DocumentPipeline(registry: setup.registry).process(ReaderInput(bytes: bytes, name: "report.bin"))
        #expect(document.decant.reader == "pdf")
    }

    @Test(.enabled(if: installed("unrtf"))) func rtfParagraphsInTheirCodePage() throws {
        let document = try process("notes.rtf")
        #expect(document.decant.reader == "rtf")
        #expect(document.format == "rtf")
        #expect(document.text + "\n" == (try golden("notes.expected.txt")))
    }

    @Test(.enabled(if: installed("unrtf"))) func textThatIsNotRtfIsRefusedByThePlugin() throws {
        let input = ReaderInput(bytes: Array("just words\n".utf8), name: "fake.rtf")
        #expect(throws: DocumentError.self) { try DocumentPipeline(registry: setup.registry).process(input) }
    }
}
