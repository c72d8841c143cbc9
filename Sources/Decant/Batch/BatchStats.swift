/// Counts gathered while cleaning, per window and for the whole run; what `--report` prints.
public struct BatchStats: Codable, Equatable, Sendable {
    public var read = 0
    public var written = 0
    public var skipped = 0
    public var failed = 0
    public var bytes = 0
    /// Error codes of skipped and failed inputs (`read.permission`, `skipped.binary`, …).
    public var outcomes: [String: Int] = [:]
    /// Removal reasons (`boilerplate.navigation`, …): which cleaning rules fired, how often.
    public var removals: [String: Int] = [:]
    /// Repair kinds (`mojibake`, `control-character`, …) with the number of fixes.
    public var repairs: [String: Int] = [:]
    /// Encodings used to decode the inputs.
    public var encodings: [String: Int] = [:]
    /// Readers that produced the documents.
    public var readers: [String: Int] = [:]

    public init() {}

    mutating func count(_ document: Document) {
        for removal in document.removed { removals[removal.reason, default: 0] += 1 }
        for repair in document.repairs { repairs[repair.kind, default: 0] += repair.count }
        if let used = document.encoding.used { encodings[used, default: 0] += 1 }
        readers[document.decant.reader, default: 0] += 1
    }

    public mutating func merge(_ other: BatchStats) {
        read += other.read
        written += other.written
        skipped += other.skipped
        failed += other.failed
        bytes += other.bytes
        outcomes.merge(other.outcomes, uniquingKeysWith: +)
        removals.merge(other.removals, uniquingKeysWith: +)
        repairs.merge(other.repairs, uniquingKeysWith: +)
        encodings.merge(other.encodings, uniquingKeysWith: +)
        readers.merge(other.readers, uniquingKeysWith: +)
    }
}
