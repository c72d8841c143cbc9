import Foundation
import Testing

/// A generated corpus of broken and hostile inputs: Decant finishes, reports each one with a
/// reason, writes everything else, and modifies no input.
@Suite struct HostileInputTests {
    enum Expected {
        /// Written as a document.
        case document
        /// Listed in errors.jsonl with this code.
        case error(String)
        /// Any outcome, as long as it is reported and nothing crashes.
        case reported
    }

    /// Builds the corpus; returns the expected outcome per source.
    func buildCorpus(_ folder: TemporaryFolder) throws -> [String: Expected] {
        var expected: [String: Expected] = [:]
        var random = SplitMix(seed: 99)
        try folder.write("in/good.txt", "A perfectly ordinary paragraph that must survive the rest of this corpus.\n")
        expected["good.txt"] = .document
        try folder.write("in/empty.txt", "")
        expected["empty.txt"] = .error("skipped.empty")
        try folder.write("in/nul.txt", [UInt8](repeating: 0, count: 8192))
        expected["nul.txt"] = .error("skipped.binary")
        try folder.write("in/random.txt", (0..<65536).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        expected["random.txt"] = .error("skipped.binary")
        // Invalid UTF-8 everywhere: high bytes with no structure, but no control bytes.
        try folder.write("in/invalid-utf8.txt", (0..<4096).map { i in i % 7 == 0 ? 0x20 : UInt8(0x80 + random.next() % 0x7F) })
        expected["invalid-utf8.txt"] = .document
        // A 1 GB file, sparse so the test does not write a gigabyte: refused by size, never read.
        let huge = folder.path("in/huge.txt")
        _ = FileManager.default.createFile(atPath: huge, contents: nil)
        _ = truncate(huge, 1 << 30)
        expected["huge.txt"] = .error("read.too-large")
        // One 100 MB line of words: a document, or abandoned past --timeout-per-doc.
        try folder.write("in/long-line.txt", String(repeating: "word ", count: 20_000_000))
        expected["long-line.txt"] = .reported
        // A zip bomb and a path-traversal entry name inside DOCX containers.
        for name in ["bomb.docx", "traversal.docx"] {
            let fixture = CLI.repoRoot.appendingPathComponent("Tests/Fixtures/office/" + name)
            try folder.write("in/" + name, [UInt8](try Data(contentsOf: fixture)))
            expected[name] = .error("read.malformed")
        }
        // 100,000 nested elements.
        try folder.write("in/nested.html", "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep text" + String(repeating: "</div>", count: 100_000) + "</body></html>")
        expected["nested.html"] = .reported
        // Billion laughs and an external entity.
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 { laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>\n"
        try folder.write("in/laughs.xml", laughs)
        expected["laughs.xml"] = .reported
        try folder.write("in/xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rss version=\"2.0\"><channel><item><title>&x;</title><description>&x;</description></item></channel></rss>\n")
        expected["xxe.xml"] = .reported
        // A symbolic link loop and a link that points outside the input folder.
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/loop-a"), withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/loop-b"), withDestinationPath: "loop-a")
        expected["loop-a"] = .error("read.broken-link")
        expected["loop-b"] = .error("read.broken-link")
        try folder.write("outside.txt", "This file is outside the input folder.\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/outside-link.txt"), withDestinationPath: folder.path("outside.txt"))
        expected["outside-link.txt"] = .error("skipped.link-outside-root")
        // Unreadable file and folder (the test runs decant unprivileged).
        try folder.write("in/locked.txt", "secret\n", mode: 0o000)
        expected["locked.txt"] = .error("read.permission")
        try folder.write("in/locked-dir/inside.txt", "secret\n")
        chmod(folder.path("in/locked-dir"), 0o000)
        expected["locked-dir"] = .error("read.permission")
        // A file name that is not valid UTF-8.
        let badName: [CChar] = Array(folder.path("in/bad-").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0x2E, 0x74, 0x78, 0x74, 0]
        let fd = open(badName, O_CREAT | O_WRONLY, 0o644)
        _ = write(fd, "text\n", 5)
        close(fd)
        expected["bad-\u{FFFD}.txt"] = .error("read.bad-filename")
        // A non-HTML file named .html, and a truncated page.
        try folder.write("in/not-really.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<512).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        expected["not-really.html"] = .error("skipped.binary")
        try folder.write("in/truncated.html", "<html><head><title>Cut</title></head><body><article><p>Half a para")
        expected["truncated.html"] = .reported
        return expected
    }

    @Test func everyHostileInputIsReportedAndTheRestIsWritten() throws {
        let folder = try TemporaryFolder()
        let expected = try buildCorpus(folder)
        let before = snapshot(folder.path("in"))
        let result = try CLI.run(
            ["clean", folder.path("in"), "-o", folder.path("out"), "--jobs", "2", "--timeout-per-doc", "10", "--report", folder.path("report.json")],
            unprivileged: true)
        #expect(result.status == 1, "finishes, with failures reported: \(result.stderr.suffix(300))")
        #expect(snapshot(folder.path("in")) == before, "inputs are not modified")
        chmod(folder.path("in/locked-dir"), 0o755)
        chmod(folder.path("in/locked.txt"), 0o644)
        let documents = try jsonLines(folder.read("out/documents.jsonl"))
        let errors = try jsonLines(folder.read("out/errors.jsonl"))
        var outcome: [String: String] = [:]
        for document in documents { outcome[(document["source"] as! String).split(separator: "#").first.map(String.init)!] = "document" }
        for error in errors { outcome[error["source"] as! String] = (error["error"] as! [String: Any])["code"] as? String }
        for (source, code) in expected {
            let got = outcome[source]
            #expect(got != nil, "\(source) has an outcome")
            switch code {
            case .error(let code): #expect(got == code, "\(source): \(got ?? "nothing")")
            case .document: #expect(got == "document", "\(source): \(got ?? "nothing")")
            case .reported: break
            }
        }
        // No expansion of entities and no file contents leaked from outside.
        let everything = try folder.read("out/documents.jsonl")
        #expect(!everything.contains("root:x:0:0"))
        #expect(!everything.contains(String(repeating: "lol", count: 1000)))
        // Memory stays bounded: the 100 MB line and the 1 GB file do not take gigabytes.
        let report = try JSONSerialization.jsonObject(with: Data(folder.read("report.json").utf8)) as! [String: Any]
        let peak = report["peak_memory_bytes"] as! Int
        #expect(peak > 0 && peak < 2 << 30, "peak memory \(peak / (1 << 20)) MiB")
    }

    /// Size and modification time of every regular file below `path`.
    func snapshot(_ path: String) -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: path) else { return result }
        for case let relative as String in walker {
            var info = stat()
            if lstat(path + "/" + relative, &info) == 0 {
                result[relative] = "\(info.st_size)/\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)/\(info.st_mode)"
            }
        }
        return result
    }
}
