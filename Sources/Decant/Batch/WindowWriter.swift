import Foundation

/// Writes each finished window on a background thread while the workers process the next one, so
/// the batch's serial part (collecting results, writing the window's part files and manifest
/// line) no longer leaves the workers idle. One write at a time, in submission order, at most one
/// window waiting: memory stays bounded by two windows. The first error stops later writes and is
/// rethrown by the next ``submit(_:)`` or by ``finish()``.
final class WindowWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "decant.window-writer")
    private let turn = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var failure: OutputError?
    private var written = BatchStats()

    /// Runs `work` after the previous write has finished; what it returns is added to ``stats``.
    func submit(_ work: @escaping @Sendable () throws(OutputError) -> BatchStats) throws(OutputError) {
        turn.wait()
        if let failure = lock.withLock({ failure }) {
            turn.signal()
            throw failure
        }
        queue.async { [self] in
            do throws(OutputError) {
                let stats = try work()
                lock.withLock { written.merge(stats) }
            } catch {
                lock.withLock { failure = error }
            }
            turn.signal()
        }
    }

    /// The counts of the windows written so far.
    var stats: BatchStats { lock.withLock { written } }

    /// Waits for the last write; returns the counts of every window written.
    func finish() throws(OutputError) -> BatchStats {
        turn.wait()
        turn.signal()
        if let failure = lock.withLock({ failure }) { throw failure }
        return stats
    }
}
