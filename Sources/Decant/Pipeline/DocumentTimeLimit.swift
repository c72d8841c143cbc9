import Foundation

/// A wall-clock limit on the work of one input (`--timeout-per-doc`), so that a runaway document
/// (a pathological page, a reader stuck in a loop) becomes an error record and the batch goes on.
///
/// The work runs on a worker thread while the caller watches the deadline (see
/// ``ParallelRunner/map(count:jobs:limit:timedOut:_:)``, which the batch commands use directly).
/// When the deadline passes, the caller stops waiting and gets a `read.timeout` error; the
/// abandoned work is told to stop (``Budget/isExpired``, checked by ``DocumentPipeline`` between
/// its steps) and its result, if it ever comes, is thrown away. Swift cannot kill a thread, so a
/// step that never returns keeps its thread until the process exits; nothing waits for it.
public struct DocumentTimeLimit: Sendable {
    /// The limit in seconds; `nil` or a value ≤ 0 means no limit.
    public var seconds: Double?

    /// Stack of a worker thread: deep markup is walked with loops, but readers built on
    /// Foundation's XMLParser recurse, so give them what a main thread has and more.
    static let stackSize = 16 << 20

    public init(seconds: Double?) {
        self.seconds = seconds
    }

    /// Tells running work whether it has been abandoned.
    public final class Budget: @unchecked Sendable {
        private let lock = NSLock()
        private var expired = false

        public init() {}

        /// True once the caller has stopped waiting: the work should end as soon as it can.
        public var isExpired: Bool {
            lock.lock()
            defer { lock.unlock() }
            return expired
        }

        func expire() {
            lock.lock()
            expired = true
            lock.unlock()
        }

        /// Throws ``Abandoned`` when the caller has stopped waiting.
        public func check() throws(Abandoned) {
            if isExpired { throw Abandoned() }
        }
    }

    /// Thrown inside abandoned work to unwind it; never reaches a caller.
    public struct Abandoned: Error {}

    /// The error record's error for an input abandoned past `seconds`.
    public static func timeoutError(name: String, seconds: Double) -> DocumentError {
        DocumentError(
            code: "read.timeout",
            message: "'\(name)' took longer than the limit of \(format(seconds)) per document and was abandoned; "
                + "raise --timeout-per-doc (0 means no limit) if it is a real document")
    }

    /// Runs `work`, or throws a `read.timeout` ``DocumentError`` naming `name` when it takes longer
    /// than the limit. Errors thrown by `work` are rethrown as they are.
    public func run<T: Sendable>(name: String, _ work: @escaping @Sendable (Budget) throws -> T) throws -> T {
        guard let seconds, seconds > 0 else { return try work(Budget()) }
        let outcome = ParallelRunner.map(
            count: 1, jobs: 1, limit: seconds, timedOut: { _ in Result<T, any Error>.failure(Self.timeoutError(name: name, seconds: seconds)) }
        ) { _, budget in Result { try work(budget) } }
        return try outcome[0].get()
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
