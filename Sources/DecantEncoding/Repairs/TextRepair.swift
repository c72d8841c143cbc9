import DecantCore

/// Counts of repairs made to a text, keyed by kind, from and to, in a stable order.
public struct RepairTally: Sendable, Equatable {
    public private(set) var counts: [RepairKey: Int] = [:]
    /// Total number of single repairs (kept as they are added).
    public private(set) var total = 0
    public init() {}

    public struct RepairKey: Hashable, Sendable, Comparable {
        public var kind: String
        public var from: String
        public var to: String
        public static func < (a: RepairKey, b: RepairKey) -> Bool {
            (a.kind, a.from, a.to) < (b.kind, b.from, b.to)
        }
    }

    public mutating func add(_ kind: String, from: String, to: String, count: Int = 1) {
        counts[RepairKey(kind: kind, from: from, to: to), default: 0] += count
        total += count
    }

    public mutating func merge(_ other: RepairTally) {
        for (key, value) in other.counts { counts[key, default: 0] += value }
        total += other.total
    }

    public var isEmpty: Bool { counts.isEmpty }


    /// The tallies as schema records, sorted by kind, from, to.
    public var repairs: [Repair] {
        counts.keys.sorted().map { Repair(kind: $0.kind, from: $0.from, to: $0.to, count: counts[$0]!) }
    }
}

/// One kind of text repair (mojibake, entities, lost apostrophes, …): a pure function from text
/// to text that records what it changed. Repairs never see more than one block at a time.
public protocol TextRepair: Sendable {
    /// The kind name used in `repairs`, `--no-repair NAME` and `--explain`.
    var name: String { get }
    /// Returns the repaired text; unchanged text must come back identical.
    func repair(_ text: String, tally: inout RepairTally) -> String
    /// A copy set up for one document (e.g. with evidence gathered from all its texts).
    func prepared(for texts: [String]) -> any TextRepair
}

extension TextRepair {
    public func prepared(for texts: [String]) -> any TextRepair { self }
}

/// Runs a list of ``TextRepair``s over every block of a document (text and table cells) and
/// appends what they did to `repairs`.
public struct TextRepairStage: DocumentStage {
    public let repairs: [any TextRepair]
    public var name: String { repairs.map(\.name).joined(separator: "+") }

    public init(_ repairs: [any TextRepair]) {
        self.repairs = repairs
    }

    public func apply(to document: inout Document) {
        var tally = RepairTally()
        let texts = document.blocks.map(\.text)
        let stage = TextRepairStage(repairs.map { $0.prepared(for: texts) })
        for index in document.blocks.indices {
            document.blocks[index].text = stage.run(document.blocks[index].text, tally: &tally)
            if !document.blocks[index].rows.isEmpty {
                document.blocks[index].rows = document.blocks[index].rows.map { $0.map { stage.run($0, tally: &tally) } }
            }
        }
        if !tally.isEmpty { document.repairs = Self.merged(document.repairs, tally) }
        if let title = document.metadata.title {
            var ignored = RepairTally()
            document.metadata.title = stage.run(title, tally: &ignored)
        }
    }

    /// Applies every repair in order.
    public func run(_ text: String, tally: inout RepairTally) -> String {
        var text = text
        for repair in repairs { text = repair.repair(text, tally: &tally) }
        return text
    }

    static func merged(_ existing: [Repair], _ tally: RepairTally) -> [Repair] {
        var all = tally
        for repair in existing { all.add(repair.kind, from: repair.from, to: repair.to, count: repair.count) }
        return all.repairs
    }
}
