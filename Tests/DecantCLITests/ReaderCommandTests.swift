import Foundation
import Testing

/// `decant readers`, plugins and multi-document inputs through the real binary.
@Suite struct ReaderCommandTests {
    /// A plugin folder whose program is run through /bin/sh (so no executable file is written
    /// while other tests spawn processes).
    func plugin(_ folder: TemporaryFolder, _ name: String, extensions: [String], script: String, timeout: Double = 10) throws {
        try folder.write("plugins/\(name)/plugin.json", """
            {"name": "\(name)", "version": "0.1.0", "summary": "Test plugin \(name)", "extensions": [\(extensions.map { "\"\($0)\"" }.joined(separator: ", "))],
             "command": ["/bin/sh", "\(folder.path("plugins/\(name)/run.sh"))"], "timeout": \(timeout)}
            """)
        try folder.write("plugins/\(name)/run.sh", script + "\n")
    }

    @Test func readersListsBuiltinsAndPluginsWithTheirOrigin() throws {
        let folder = try TemporaryFolder()
        try plugin(folder, "shout", extensions: ["shout"], script: "tr a-z A-Z")
        try folder.write("plugins/broken/plugin.json", "{ nope")
        let result = try CLI.run(["readers", "--plugins", folder.path("plugins"), "--prefer-plugin", "shout"], cwd: CLI.repoRoot)
        #expect(result.status == 0)
        for builtin in ["text", "markdown", "docx", "odt", "epub", "feed", "email", "warc", "html"] {
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix(builtin + " ") && $0.hasSuffix("— built-in") }, "\(builtin)")
        }
        #expect(result.stdout.contains("[.shout] — preferred plugin from --plugins: "))
        #expect(result.stdout.contains("[.pdf] — plugin from ./plugins: "))
        #expect(result.stdout.contains("warning: ") && result.stdout.contains("broken/plugin.json: not valid JSON"))
    }

    @Test func aHangingPluginFailsOneDocumentAndTheBatchGoesOn() throws {
        let folder = try TemporaryFolder()
        try plugin(folder, "hang", extensions: ["hang"], script: "sleep 30", timeout: 0.5)
        try plugin(folder, "shout", extensions: ["shout"], script: "tr a-z A-Z")
        try folder.write("in/a.hang", "waits forever\n")
        try folder.write("in/b.shout", "quiet words\n")
        let started = Date()
        let result = try CLI.run(["clean", folder.path("in"), "-o", folder.path("out"), "--plugins", folder.path("plugins")])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 1, "one document failed")
        let errors = try String(contentsOfFile: folder.path("out/errors.jsonl"), encoding: .utf8)
        #expect(errors.contains("\"code\":\"plugin.timeout\""))
        let documents = try String(contentsOfFile: folder.path("out/documents.jsonl"), encoding: .utf8)
        #expect(documents.contains("\"text\":\"QUIET WORDS\""))
    }

    @Test func extractPrintsEveryItemOfAFeed() throws {
        let result = try CLI.run(["extract", "Tests/Fixtures/feeds/news.rss", "--format", "jsonl"], cwd: CLI.repoRoot)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"reader\":\"feed\"") })
    }
}
