import Dispatch

/// Runs `body` for every index in `0..<count` on `jobs` threads and returns the results in index
/// order, so output built from them does not depend on scheduling.
public enum ParallelRunner {
    public static func map<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        if count == 0 { return [] }
        let results = ResultSlots<T>(count: count)
        if jobs <= 1 || count == 1 {
            for index in 0..<count { results.set(index, body(index)) }
            return results.values()
        }
        let next = IndexDispenser()
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "decant.workers", attributes: .concurrent)
        for _ in 0..<min(jobs, count) {
            queue.async(group: group) {
                while let index = next.take(below: count) { results.set(index, body(index)) }
            }
        }
        group.wait()
        return results.values()
    }
}

/// Hands out increasing indices to worker threads.
private final class IndexDispenser: @unchecked Sendable {
    private var nextIndex = 0
    private let lock = DispatchSemaphore(value: 1)

    func take(below limit: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard nextIndex < limit else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// One slot per index; each slot is written by exactly one worker, read after all have finished.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.wait()
        slots[index] = value
        lock.signal()
    }

    func values() -> [T] { slots.map { $0! } }
}
