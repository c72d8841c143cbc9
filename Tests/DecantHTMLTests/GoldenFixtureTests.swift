import FoundationEssentials
import Testing

@testable import DecantCore
@testable import DecantHTML

/// Golden fixtures: every folder under Tests/Fixtures/html holds `source.html`, the text that is
/// RIGHT for it (`expected.txt`) and its metadata (`expected-metadata.json`). Adding a case is
/// adding a folder.
@Suite struct GoldenFixtureTests {
    static let root: String = {
        let file = #filePath
        let tests = file.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        return tests + "/Fixtures/html"
    }()

    static var cases: [String] {
        (try? FileManagerLite.list(root).sorted()) ?? []
    }

    @Test(arguments: GoldenFixtureTests.cases)
    func fixtureMatchesGolden(_ name: String) throws {
        let folder = Self.root + "/" + name
        let bytes = try FileManagerLite.read(folder + "/source.html")
        var document = try HTMLReader().read(ReaderInput(bytes: bytes, name: name + "/source.html"))
        document.text = document.renderText()
        let expected = String(decoding: try FileManagerLite.read(folder + "/expected.txt"), as: UTF8.self)
        #expect(document.text + "\n" == expected, "text of \(name)")
        let metadata = try JSONDecoder().decode(Metadata.self, from: Data(try FileManagerLite.read(folder + "/expected-metadata.json")))
        #expect(document.metadata == metadata, "metadata of \(name)")
    }

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 5)
    }
}
