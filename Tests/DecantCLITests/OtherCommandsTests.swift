import Foundation
import Testing

@Suite struct OtherCommandsTests {
    @Test func extractPrintsTheCleanTextOfOneFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.txt", "Title line\r\n\r\nBody\u{00A0}text.\r\n")
        let result = try CLI.run(["extract", folder.path("a.txt")])
        #expect(result.status == 0)
        #expect(result.stdout == "Title line\n\nBody text.\n")
        let json = try CLI.run(["extract", folder.path("a.txt"), "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["source"] as? String == folder.path("a.txt"))
    }

    @Test func extractReadsStandardInput() throws {
        let result = try CLI.run(["extract", "-"], stdin: Data("From a pipe.\n".utf8))
        #expect(result.stdout == "From a pipe.\n")
    }

    @Test func extractOnAFolderOrMissingOrUnreadableFileSaysWhatIsWrong() throws {
        let folder = try TemporaryFolder()
        let dir = try CLI.run(["extract", folder.url.path])
        #expect(dir.status == 2)
        #expect(dir.stderr.contains("'\(folder.url.path)' is a folder, not a file"))
        let missing = try CLI.run(["extract", folder.path("missing.txt")])
        #expect(missing.stderr.contains("'\(folder.path("missing.txt"))' does not exist"))
        try folder.write("locked.txt", "x", mode: 0o000)
        let locked = try CLI.run(["extract", folder.path("locked.txt")], unprivileged: true)
        #expect(locked.status == 2)
        #expect(locked.stderr.contains("permission denied reading '\(folder.path("locked.txt"))'"))
    }

    @Test func schemaCommandPrintsTheCommittedSchema() throws {
        let result = try CLI.run(["schema"])
        let committed = try String(contentsOf: CLI.repoRoot.appendingPathComponent("schema/decant-document.schema.json"), encoding: .utf8)
        #expect(result.stdout == committed)
    }

    @Test func readersAndVersionAndHelp() throws {
        #expect(try CLI.run(["readers"]).stdout.contains("text"))
        #expect(try CLI.run(["--version"]).stdout.hasPrefix("0."))
        let help = try CLI.run(["clean", "--help"])
        #expect(help.stdout.contains("Examples:"))
    }

    @Test func seedsBecomeFiveDocuments() throws {
        let folder = try TemporaryFolder()
        // The five pages, not seeds/expected/ (their golden outputs).
        let seeds = CLI.repoRoot.appendingPathComponent("seeds")
        let pages = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        let result = try CLI.run(["clean"] + pages.map { seeds.appendingPathComponent($0).path } + ["-o", folder.path("out")])
        #expect(result.status == 0)
        let documents = try jsonLines(folder.read("out/documents.jsonl"))
        #expect(documents.count == 5)
        #expect(documents.allSatisfy { !($0["text"] as? String ?? "").isEmpty && $0["error"] is NSNull })
    }
}
