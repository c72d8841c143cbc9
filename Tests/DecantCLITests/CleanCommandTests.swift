import Foundation
import Testing

/// `decant clean` over folders, as a user runs it.
@Suite struct CleanCommandTests {
    static let article = "A headline for the test page\n\nThe first paragraph of the article says something worth keeping, at some length.\n"

    /// A folder with a nested subfolder, a binary file, an empty file and an unreadable file.
    func mixedFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", Self.article)
        try folder.write("in/sub/deeper/b.txt", "Nested paragraph one.\n\nNested paragraph two.\n")
        try folder.write("in/picture.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        try folder.write("in/empty.txt", "")
        try folder.write("in/secret.txt", "You cannot read me.\n", mode: 0o000)
        return folder
    }

    @Test func reportsEachProblemAndWritesEveryReadableDocument() throws {
        let folder = try mixedFolder()
        let result = try CLI.run(["clean", folder.path("in"), "-o", folder.path("out"), "--jobs", "2"], unprivileged: true)
        #expect(result.status == 1, "a failed document makes the exit status 1: \(result.stderr)")
        #expect(result.stderr.contains("4 read, 2 written, 2 skipped, 1 failed"), "\(result.stderr)")
        let documents = try jsonLines(folder.read("out/documents.jsonl"))
        #expect(documents.map { $0["source"] as? String } == ["a.txt", "sub/deeper/b.txt"])
        #expect((documents[0]["text"] as? String)?.hasPrefix("A headline for the test page\n\nThe first paragraph") == true)
        let errors = try jsonLines(folder.read("out/errors.jsonl"))
        let codes = Dictionary(uniqueKeysWithValues: errors.map {
            ($0["source"] as! String, ($0["error"] as! [String: Any])["code"] as! String)
        })
        #expect(codes == ["empty.txt": "skipped.empty", "picture.png": "skipped.binary", "secret.txt": "read.permission"])
        let message = errors.first { $0["source"] as? String == "secret.txt" }.flatMap { ($0["error"] as? [String: Any])?["message"] as? String }
        #expect(message?.contains("permission denied") == true && message?.contains("secret.txt") == true)
    }

    @Test func outputIsByteIdenticalForAnyNumberOfJobs() throws {
        let folder = try TemporaryFolder()
        for i in 0..<40 {
            try folder.write("in/d\(i % 5)/doc\(i).txt", "Document \(i) title\n\n" + String(repeating: "Sentence number \(i) of the body. ", count: i % 7 + 1))
        }
        for format in ["jsonl", "md"] {
            try CLI.run(["clean", folder.path("in"), "-o", folder.path("one-\(format)"), "--jobs", "1", "--format", format])
            try CLI.run(["clean", folder.path("in"), "-o", folder.path("four-\(format)"), "--jobs", "4", "--format", format])
            let one = folder.listing("one-\(format)"), four = folder.listing("four-\(format)")
            #expect(one == four)
            #expect(one.count == (format == "jsonl" ? 2 : 41))
            for file in one { #expect(try folder.read("one-\(format)/" + file) == folder.read("four-\(format)/" + file)) }
        }
    }

    @Test func perFileFormatsMirrorTheInputLayoutAndLeaveNoTemporaryFiles() throws {
        let folder = try mixedFolder()
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.path("in/a.txt")))
        try CLI.run(["clean", folder.path("in"), "-o", folder.path("out"), "--format", "txt"], unprivileged: true)
        #expect(folder.listing("out") == ["a.txt.txt", "errors.jsonl", "sub/deeper/b.txt.txt"])
        #expect(try folder.read("out/sub/deeper/b.txt.txt") == "Nested paragraph one.\n\nNested paragraph two.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("in/a.txt"))) == before, "inputs are never modified")
        #expect(!folder.listing().contains { $0.contains("decant-tmp") })
    }

    @Test func outputFolderInsideTheInputIsNotReadAsInput() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", Self.article)
        try CLI.run(["clean", folder.path("in"), "-o", folder.path("in/out")])
        let second = try CLI.run(["clean", folder.path("in"), "-o", folder.path("in/out")])
        #expect(second.stderr.contains("1 read, 1 written"))
    }

    @Test func standardOutputGetsJSONLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", Self.article)
        let result = try CLI.run(["clean", folder.path("in"), "-o", "-"])
        #expect(result.status == 0)
        let documents = try jsonLines(result.stdout)
        #expect(documents.count == 1)
        #expect(documents[0]["source"] as? String == "a.txt")
    }

    @Test func missingInputIsAnErrorNamingThePath() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["clean", folder.path("nope"), "-o", folder.path("out")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("input '\(folder.path("nope"))' does not exist"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func unwritableOutputFolderIsAnErrorNamingThePath() throws {
        let folder = try mixedFolder()
        try FileManager.default.createDirectory(atPath: folder.path("locked"), withIntermediateDirectories: true)
        chmod(folder.path("locked"), 0o555)
        let result = try CLI.run(["clean", folder.path("in/a.txt"), "-o", folder.path("locked/out")], unprivileged: true)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write to output folder '\(folder.path("locked/out"))'"), "\(result.stderr)")
        #expect(result.stderr.contains("Permission denied"))
    }

    @Test func outputThatIsAFileIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/a.txt", Self.article)
        try folder.write("taken", "x")
        let result = try CLI.run(["clean", folder.path("in"), "-o", folder.path("taken")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("output '\(folder.path("taken"))' is an existing file"))
        #expect(try folder.read("taken") == "x")
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let result = try CLI.run(["clean", "seeds", "-o", "/tmp/x", "--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs must be at least 1"))
    }
}
