import Foundation
import Testing

/// `decant pipe` as a stage inside someone else's pipeline.
@Suite struct PipeCommandTests {
    func lines(_ records: [String]) -> Data { Data((records.joined(separator: "\n") + "\n").utf8) }

    @Test func oneOutputLinePerInputLineInOrderWithErrorsKeepingTheInput() throws {
        var records: [String] = []
        for i in 0..<600 { records.append(#"{"id":"doc-\#(i)","text":"Paragraph \#(i).\n\nSecond paragraph of \#(i)."}"#) }
        records[17] = "this is not json"
        records[300] = #"{"id":"no-content"}"#
        records[451] = #"{"id":"bad-format","text":"x","format":"no-such-reader"}"#
        let result = try CLI.run(["pipe", "--jobs", "2"], stdin: lines(records))
        #expect(result.status == 1)
        let output = try jsonLines(result.stdout)
        #expect(output.count == 600)
        for (i, document) in output.enumerated() where ![17, 300, 451].contains(i) {
            #expect(document["id"] as? String == "doc-\(i)")
            #expect(document["text"] as? String == "Paragraph \(i).\n\nSecond paragraph of \(i).")
        }
        let bad = output[17]["error"] as? [String: Any]
        #expect(bad?["code"] as? String == "pipe.bad-json")
        #expect(bad?["input"] as? String == "this is not json")
        #expect((output[300]["error"] as? [String: Any])?["code"] as? String == "pipe.no-content")
        #expect(output[300]["id"] as? String == "no-content")
        let unknown = output[451]["error"] as? [String: Any]
        #expect((unknown?["message"] as? String)?.contains("unknown format 'no-such-reader'") == true)
    }

    @Test func outputDoesNotDependOnJobs() throws {
        let records = (0..<300).map { #"{"id":"\#($0)","text":"Text number \#($0) with some words."}"# }
        let one = try CLI.run(["pipe", "--jobs", "1"], stdin: lines(records))
        let four = try CLI.run(["pipe", "--jobs", "4"], stdin: lines(records))
        #expect(one.stdout == four.stdout)
        #expect(one.status == 0)
    }

    @Test func metadataIsPassedThroughAndBytesAreDecoded() throws {
        let record = #"{"id":"x","bytes_base64":"Q2Fm6SBhdSBsYWl0Lg==","url":"https://example.org/a","metadata":{"title":"Given title","crawl":{"batch":7},"score":0.5}}"#
        let output = try jsonLines(CLI.run(["pipe"], stdin: lines([record])).stdout)
        let metadata = try #require(output.first?["metadata"] as? [String: Any])
        #expect(output.first?["text"] as? String == "Café au lait.")
        #expect(metadata["title"] as? String == "Given title")
        #expect(metadata["url"] as? String == "https://example.org/a")
        #expect((metadata["crawl"] as? [String: Any])?["batch"] as? Int == 7)
        #expect(metadata["score"] as? Double == 0.5)
        #expect(output.first?["source"] as? String == "https://example.org/a")
    }

    @Test func pipeGivesTheSameDocumentsAsCleanForTheSameFiles() throws {
        let folder = try TemporaryFolder()
        let seeds = CLI.repoRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        try CLI.run(["clean"] + names.map { seeds.appendingPathComponent($0).path } + ["-o", folder.path("clean")])
        let records = try names.map { name -> String in
            let bytes = try Data(contentsOf: seeds.appendingPathComponent(name))
            return #"{"source":"\#(name)","bytes_base64":"\#(bytes.base64EncodedString())"}"#
        }
        let piped = try CLI.run(["pipe"], stdin: lines(records))
        #expect(piped.stdout == (try folder.read("clean/documents.jsonl")))
    }

    @Test func gzipFilesInAndOut() throws {
        let folder = try TemporaryFolder()
        let records = (0..<50).map { #"{"id":"\#($0)","text":"Compressed record \#($0)."}"# }
        try lines(records).write(to: URL(fileURLWithPath: folder.path("in.jsonl")))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", folder.path("in.jsonl")]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try CLI.run(["pipe", "--input", folder.path("in.jsonl.gz"), "--output", folder.path("out.jsonl.gz")])
        #expect(result.status == 0, "\(result.stderr)")
        let plain = try CLI.run(["pipe", "--input", folder.path("out.jsonl.gz")])
        // Reading our own output back: every line is a document, so the ids survive a second pass.
        let roundTrip = try jsonLines(plain.stdout)
        #expect(roundTrip.count == 50)
        let direct = try jsonLines(CLI.run(["pipe", "--input", folder.path("in.jsonl")]).stdout)
        #expect(direct.map { $0["text"] as? String } == (0..<50).map { "Compressed record \($0)." })
        #expect(!folder.listing().contains { $0.contains("decant-tmp") })
    }

    @Test func zstandardFilesInAndOut() throws {
        let folder = try TemporaryFolder()
        let records = (0..<40).map { #"{"id":"\#($0)","text":"Zstandard record \#($0)."}"# }
        try lines(records).write(to: URL(fileURLWithPath: folder.path("in.jsonl")))
        let compress = try CLI.run(["pipe", "--input", folder.path("in.jsonl"), "--output", folder.path("out.jsonl.zst")])
        #expect(compress.status == 0, "\(compress.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("out.jsonl.zst")))
        #expect(Array(bytes.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD], "a Zstandard frame")
        let plain = try CLI.run(["pipe", "--input", folder.path("in.jsonl")])
        // Our own zst output read back: the documents pass through pipe again unchanged in order.
        let again = try jsonLines(CLI.run(["pipe", "--input", folder.path("out.jsonl.zst")]).stdout)
        #expect(again.map { $0["id"] as? String } == (0..<40).map { String($0) })
        #expect(again.map { $0["text"] as? String } == (try jsonLines(plain.stdout)).map { $0["text"] as? String })
        let broken = try folder.write("broken.jsonl.zst", [0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF, 0x00, 0x01])
        let failure = try CLI.run(["pipe", "--input", broken])
        #expect(failure.status == 2)
        #expect(failure.stderr.contains("not valid Zstandard data"))
    }

    @Test func missingInputFileIsAClearError() throws {
        let result = try CLI.run(["pipe", "--input", "/nonexistent/records.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot open '/nonexistent/records.jsonl'"))
    }
}
