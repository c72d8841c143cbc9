import Foundation

/// The `--report FILE` of a batch: counts, bytes, time, failures with reasons, rules fired,
/// repairs made and encodings seen.
public struct RunReport: Codable, Sendable {
    public struct Failure: Codable, Sendable {
        public var source: String
        public var code: String
        public var message: String
    }

    public var decantVersion = DecantVersion.current
    public var inputs: [String]
    public var output: String
    public var format: String
    public var jobs: Int
    public var elapsedSeconds: Double
    /// Windows taken over from an interrupted run by `--resume`.
    public var resumedDocuments: Int
    public var stats: BatchStats
    /// Skipped and failed inputs, in walk order (the first ``RunReport/failureListLimit``).
    public var failures: [Failure]
    /// The most memory the process held at once (resident set), in bytes.
    public var peakMemoryBytes: Int = PeakMemory.residentBytes

    public static let failureListLimit = 10_000

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// The process's peak resident memory (`getrusage`'s `ru_maxrss`).
public enum PeakMemory {
    public static var residentBytes: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
    }
}
