import Foundation

/// Runs `body` for every index in `0..<count` on `jobs` threads and returns the results in index
/// order, so output built from them does not depend on scheduling.
public enum ParallelRunner {
    public static func map<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        map(count: count, jobs: jobs, limit: nil, timedOut: { _ in fatalError("no limit, no timeout") }) { index, _ in body(index) }
    }

    /// Like ``map(count:jobs:_:)``, with a wall-clock `limit` in seconds per item.
    ///
    /// An item still running `limit` seconds after it started is given up: its slot gets
    /// `timedOut(index)`, its ``DocumentTimeLimit/Budget`` expires (so the work can stop at its
    /// next check), its thread is left to finish alone (whatever it returns is dropped, and it
    /// takes no further items), and a fresh thread takes over the remaining items. Costs nothing
    /// per item: the calling thread watches the deadlines while the workers run.
    public static func map<T: Sendable>(
        count: Int, jobs: Int, limit: Double?, timedOut: @escaping @Sendable (Int) -> T,
        _ body: @escaping @Sendable (Int, DocumentTimeLimit.Budget) -> T
    ) -> [T] {
        if count == 0 { return [] }
        let limit = limit.flatMap { $0 > 0 ? $0 : nil }
        if limit == nil, jobs <= 1 || count == 1 {
            let budget = DocumentTimeLimit.Budget()
            return (0..<count).map { body($0, budget) }
        }
        let run = TimedRun<T>(count: count, limit: limit, body: body)
        for _ in 0..<min(max(jobs, 1), count) { run.startWorker() }
        return run.wait(timedOut: timedOut)
    }
}

/// The shared state of one ``ParallelRunner/map(count:jobs:limit:timedOut:_:)`` call: which index
/// comes next, which are running since when, and the results.
private final class TimedRun<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let limit: Double?
    private let body: @Sendable (Int, DocumentTimeLimit.Budget) -> T
    private var nextIndex = 0
    private var slots: [T?]
    private var filled = 0
    /// Items being worked on: start time and budget.
    private var running: [Int: (started: Date, budget: DocumentTimeLimit.Budget)] = [:]

    init(count: Int, limit: Double?, body: @escaping @Sendable (Int, DocumentTimeLimit.Budget) -> T) {
        self.count = count
        self.limit = limit
        self.body = body
        slots = Array(repeating: nil, count: count)
    }

    /// Starts a thread that takes items until none is left or its item is given up.
    func startWorker() {
        let thread = Thread { [self] in
            while let (index, budget) = take() {
                let value = body(index, budget)
                if !finish(index, value) { return }
            }
        }
        thread.stackSize = DocumentTimeLimit.stackSize
        thread.start()
    }

    private func take() -> (Int, DocumentTimeLimit.Budget)? {
        condition.lock()
        defer { condition.unlock() }
        guard nextIndex < count else { return nil }
        let index = nextIndex
        nextIndex += 1
        let budget = DocumentTimeLimit.Budget()
        running[index] = (Date(), budget)
        return (index, budget)
    }

    /// Stores a result; false when the item was given up meanwhile (the worker then retires).
    private func finish(_ index: Int, _ value: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard running.removeValue(forKey: index) != nil else { return false }
        slots[index] = value
        filled += 1
        condition.signal()
        return true
    }

    /// Waits until every slot is filled, giving up items that overrun the limit.
    func wait(timedOut: (Int) -> T) -> [T] {
        condition.lock()
        while filled < count {
            guard let limit else {
                condition.wait()
                continue
            }
            let oldest = running.values.map(\.started).min() ?? Date()
            _ = condition.wait(until: oldest.addingTimeInterval(limit))
            let now = Date()
            for (index, item) in running where now.timeIntervalSince(item.started) >= limit {
                running.removeValue(forKey: index)
                item.budget.expire()
                slots[index] = timedOut(index)
                filled += 1
                startWorker()
            }
        }
        condition.unlock()
        return slots.map { $0! }
    }
}
