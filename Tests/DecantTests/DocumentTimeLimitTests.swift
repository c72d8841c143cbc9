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
        Thread.sleep(forTimeInterval: 1.2)
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
