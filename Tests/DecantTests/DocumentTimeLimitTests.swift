import Decant
import Foundation
import Testing

/// `--timeout-per-doc`: a runaway input becomes a `read.timeout` error and the caller goes on.
@Suite struct DocumentTimeLimitTests {
    /// A stage that takes `seconds` and counts how often it finished.
    struct SlowStage: DocumentStage {
        let seconds: Double
        let finished: Counter
        var name: String { "slow" }
        func apply(to document: inout Document) {
            Thread.sleep(forTimeInterval: seconds)
            finished.increment()
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    func pipeline(timeout: Double?, stages: [any DocumentStage]) -> DocumentPipeline {
        var options = PipelineOptions()
        options.timeoutPerDocument = timeout
        return DocumentPipeline(options: options, stages: stages)
    }

    let input = ReaderInput(bytes: Array("A paragraph of plain text that any reader takes.\n".utf8), name: "slow.txt")

    @Test func aRunawayDocumentBecomesATimeoutErrorWithoutWaitingForIt() throws {
        let counter = Counter()
        let slow = pipeline(timeout: 0.3, stages: [SlowStage(seconds: 5, finished: counter)])
        let start = Date()
        #expect {
            _ = try slow.processAll(input)
        } throws: { error in
            let error = error as? DocumentError
            return error?.code == "read.timeout" && error!.message.contains("slow.txt") && error!.message.contains("--timeout-per-doc")
        }
        #expect(Date().timeIntervalSince(start) < 4, "the caller did not wait for the runaway stage")
        #expect(counter.value == 0)
    }

    @Test func abandonedWorkStopsBeforeItsNextStep() throws {
        let first = Counter(), second = Counter()
        let slow = pipeline(timeout: 0.2, stages: [SlowStage(seconds: 0.6, finished: first), SlowStage(seconds: 0, finished: second)])
        #expect(throws: DocumentError.self) { _ = try slow.process(input) }
        Thread.sleep(forTimeInterval: 2)
        #expect(first.value == 1, "the running step is not interrupted")
        #expect(second.value == 0, "but nothing runs after it")
    }

    @Test func documentsWithinTheLimitComeOutAsWithoutOne() throws {
        let limited = try pipeline(timeout: 30, stages: BuiltinStages.standard()).processAll(input)
        let unlimited = try pipeline(timeout: nil, stages: BuiltinStages.standard()).processAll(input)
        #expect(limited == unlimited)
        #expect(limited.first?.text == "A paragraph of plain text that any reader takes.")
    }

    @Test func readerErrorsPassThroughUnchanged() throws {
        let binary = ReaderInput(bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 512), name: "x.png")
        #expect {
            _ = try pipeline(timeout: 30, stages: []).processAll(binary)
        } throws: { error in
            (error as? ReadError)?.code == "skipped.binary"
        }
    }
}

/// The batch runners' deadline watch: one stuck item does not hold up the others.
@Suite struct ParallelRunnerTests {
    @Test(arguments: [1, 2])
    func aStuckItemIsGivenUpAndTheRestKeepTheirOrder(jobs: Int) {
        let start = Date()
        let results = ParallelRunner.map(count: 6, jobs: jobs, limit: 0.5, timedOut: { "timeout \($0)" }) { index, budget in
            if index == 2 { Thread.sleep(forTimeInterval: 4) }
            return budget.isExpired ? "late \(index)" : "done \(index)"
        }
        #expect(results == ["done 0", "done 1", "timeout 2", "done 3", "done 4", "done 5"])
        #expect(Date().timeIntervalSince(start) < 3, "nobody waited for the stuck item")
    }

    @Test func withoutALimitEveryItemRunsToTheEnd() {
        let results = ParallelRunner.map(count: 50, jobs: 2) { $0 * 2 }
        #expect(results == (0..<50).map { $0 * 2 })
    }
}

/// `decant clean --timeout-per-doc`: the runaway input gets an error record, the rest is written.
@Suite struct BatchTimeoutTests {
    struct StuckOnOneFile: DocumentStage {
        var name: String { "stuck" }
        func apply(to document: inout Document) {
            if document.source == "b-stuck.txt" { Thread.sleep(forTimeInterval: 8) }
        }
    }

    @Test(arguments: [1, 2])
    func theRunawayInputIsReportedAndTheBatchGoesOn(jobs: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("decant-timeout-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        for name in ["a", "b-stuck", "c"] {
            try "Paragraph of \(name) in plain text.\n".write(toFile: "\(root)/in/\(name).txt", atomically: true, encoding: .utf8)
        }
        var options = BatchOptions(inputs: [root + "/in"], output: .directory(root + "/out"))
        options.jobs = jobs
        var pipelineOptions = PipelineOptions()
        pipelineOptions.timeoutPerDocument = 1.5
        options.pipeline = DocumentPipeline(options: pipelineOptions, stages: [StuckOnOneFile()])
        // Load the word lists and rule packs first: a debug build takes a while over that.
        _ = try DocumentPipeline().processAll(ReaderInput(bytes: Array("Warm up the lazily loaded word lists, please.\n".utf8), name: "w.txt"))
        let start = Date()
        let summary = try BatchCleaner(options: options).run()
        #expect(Date().timeIntervalSince(start) < 6)
        #expect(summary.written == 2 && summary.failed == 1 && summary.read == 3, "\(summary.line) \((try? String(contentsOfFile: root + "/out/errors.jsonl", encoding: .utf8)) ?? "")")
        let errors = try String(contentsOfFile: root + "/out/errors.jsonl", encoding: .utf8)
        #expect(errors.contains("\"source\":\"b-stuck.txt\"") && errors.contains("\"code\":\"read.timeout\""))
        let documents = try String(contentsOfFile: root + "/out/documents.jsonl", encoding: .utf8)
        #expect(documents.contains("Paragraph of a") && documents.contains("Paragraph of c"))
    }
}
