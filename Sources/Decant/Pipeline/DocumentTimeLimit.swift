import Foundation

/// A wall-clock limit on the work of one input (`--timeout-per-doc`), so that a runaway document
/// (a pathological page, a reader stuck in a loop) becomes an error record and the batch goes on.
///
/// The work runs on a thread of its own while the caller waits with a deadline. When the deadline
/// passes, the caller stops waiting and gets a `read.timeout` error; the abandoned work is told to
/// stop (``Budget/isExpired``, checked by ``DocumentPipeline`` between its steps) and its result,
/// if it ever comes, is thrown away. Swift cannot kill a thread, so a step that never returns
/// keeps its thread until the process exits; the batch itself is never held up by it.
public struct DocumentTimeLimit: Sendable {
    /// The limit in seconds; `nil` or a value ≤ 0 means no limit.
    public var seconds: Double?

    /// Stack of the worker thread: deep markup is walked with loops, but readers built on
    /// Foundation's XMLParser recurse, so give them what a main thread has and more.
    static let stackSize = 16 << 20

    public init(seconds: Double?) {
        self.seconds = seconds
    }

    /// Tells the work whether it has been abandoned.
    public final class Budget: @unchecked Sendable {
        private let lock = NSLock()
        private var expired = false

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

    /// Runs `work`, or throws a `read.timeout` ``DocumentError`` naming `name` when it takes longer
    /// than the limit. Errors thrown by `work` are rethrown as they are.
    public func run<T: Sendable>(name: String, _ work: @escaping @Sendable (Budget) throws -> T) throws -> T {
        let budget = Budget()
        guard let seconds, seconds > 0 else { return try work(budget) }
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = Result { try work(budget) }
            outcome.set(result)
            done.signal()
        }
        thread.stackSize = Self.stackSize
        thread.start()
        if done.wait(timeout: .now() + seconds) == .timedOut {
            budget.expire()
            throw DocumentError(
                code: "read.timeout",
                message: "'\(name)' took longer than the limit of \(Self.format(seconds)) per document and was abandoned; "
                    + "raise --timeout-per-doc (0 means no limit) if it is a real document")
        }
        return try outcome.get()
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    /// The result handed from the worker thread to the waiting caller.
    private final class Outcome<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?

        func set(_ value: Result<T, any Error>) {
            lock.lock()
            result = value
            lock.unlock()
        }

        func get() throws -> T {
            lock.lock()
            defer { lock.unlock() }
            return try result!.get()
        }
    }
}
