import Decant
import Foundation
import Testing

/// Files that disappear or change while a batch runs: the missing one is reported, the changed
/// one is read as it is when its turn comes, and everything else is written.
@Suite struct InputsChangingDuringRunTests {
    /// When it sees `trigger`, removes `removed` and appends a paragraph to `grown` (standing in
    /// for another program touching the input folder mid-run).
    struct MeddlingStage: DocumentStage {
        let folder: String
        var name: String { "meddling" }
        func apply(to document: inout Document) {
            guard document.source == "a.txt" else { return }
            unlink(folder + "/z.txt")
            let handle = FileHandle(forWritingAtPath: folder + "/m.txt")!
            handle.seekToEndOfFile()
            handle.write(Data("\nA paragraph added while the run was going on.\n".utf8))
            try? handle.close()
        }
    }

    func run(windowSize: Int, jobs: Int) throws -> (summary: BatchSummary, documents: String, errors: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("decant-changing-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let input = root + "/in", output = root + "/out"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        for name in ["a", "m", "z"] {
            try "The first paragraph of \(name), plain text for the plain reader.\n".write(toFile: "\(input)/\(name).txt", atomically: true, encoding: .utf8)
        }
        var options = BatchOptions(inputs: [input], output: .directory(output))
        options.jobs = jobs
        options.pipeline = DocumentPipeline(stages: [MeddlingStage(folder: input)] + BuiltinStages.standard())
        var cleaner = BatchCleaner(options: options)
        cleaner.windowSize = windowSize
        let summary = try cleaner.run()
        return (summary, try String(contentsOfFile: output + "/documents.jsonl", encoding: .utf8),
                try String(contentsOfFile: output + "/errors.jsonl", encoding: .utf8))
    }

    @Test(arguments: [(1, 1), (3, 1), (1, 2)])
    func aFileRemovedMidRunIsReportedAndTheRestIsWritten(windowSize: Int, jobs: Int) throws {
        let (summary, documents, errors) = try run(windowSize: windowSize, jobs: jobs)
        #expect(summary.written == 2)
        #expect(summary.failed == 1)
        #expect(errors.contains("\"source\":\"z.txt\""))
        #expect(errors.contains("\"code\":\"read.missing\""))
        #expect(errors.contains("during the run"))
        #expect(documents.contains("The first paragraph of a"))
        #expect(documents.contains("A paragraph added while the run was going on."), "m.txt is read as it is when its turn comes")
    }
}
