/// Which repairs and normalisations run. Repairs undo damage and are on by default; each can
/// be switched off by name. Normalisations change style and are off by default.
public struct RepairOptions: Sendable, Equatable {
    /// How quotes come out: as they are, all straight (`"`, `'`) or all curly (`“”`, `‘’`).
    public enum QuoteStyle: String, Sendable, CaseIterable { case keep, straight, curly }

    /// The repairs, in the order they run.
    public static let repairNames = ["mojibake", "entity", "control-character", "nfc", "hyphenation", "apostrophe", "glued-words"]
    /// The normalisations that can be switched on (besides `--quotes`).
    public static let normalizationNames = ["dashes", "ligatures", "full-width", "nfkc"]

    /// Repair kinds switched off.
    public var disabled: Set<String> = []
    public var quotes: QuoteStyle = .keep
    /// Normalisations switched on.
    public var normalizations: Set<String> = []

    public init(disabled: Set<String> = [], quotes: QuoteStyle = .keep, normalizations: Set<String> = []) {
        self.disabled = disabled
        self.quotes = quotes
        self.normalizations = normalizations
    }

    /// Checks the names; throws a message listing the valid ones.
    public func validate() throws(RepairOptionError) {
        for name in disabled where !Self.repairNames.contains(name) {
            throw .unknownRepair(name, valid: Self.repairNames)
        }
        for name in normalizations where !Self.normalizationNames.contains(name) {
            throw .unknownNormalization(name, valid: Self.normalizationNames)
        }
    }

    /// The repairs to run, in order.
    public var repairs: [any TextRepair] {
        var list: [any TextRepair] = []
        let all: [String: any TextRepair] = [
            "mojibake": MojibakeRepair(), "entity": HTMLEntityRepair(), "control-character": CharacterCleanupRepair(),
            "nfc": UnicodeNormalization(.nfc), "hyphenation": HyphenationRepair(), "apostrophe": ApostropheRepair(),
            "glued-words": GluedWordRepair(),
        ]
        for name in Self.repairNames where !disabled.contains(name) { list.append(all[name]!) }
        if normalizations.contains("nfkc") { list.append(UnicodeNormalization(.nfkc)) }
        if normalizations.contains("ligatures") { list.append(StyleNormalization(.ligatures)) }
        if normalizations.contains("full-width") { list.append(StyleNormalization(.fullWidth)) }
        if normalizations.contains("dashes") { list.append(StyleNormalization(.dashes)) }
        switch quotes {
        case .keep: break
        case .straight: list.append(StyleNormalization(.straightQuotes))
        case .curly: list.append(StyleNormalization(.curlyQuotes))
        }
        return list
    }

    /// The pipeline stage running ``repairs``.
    public var stage: TextRepairStage { TextRepairStage(repairs) }
}

/// A repair or normalisation name that does not exist.
public enum RepairOptionError: Error, CustomStringConvertible, Equatable {
    case unknownRepair(String, valid: [String])
    case unknownNormalization(String, valid: [String])

    public var description: String {
        switch self {
        case .unknownRepair(let name, let valid):
            "unknown repair '\(name)'; choose from: \(valid.joined(separator: ", "))"
        case .unknownNormalization(let name, let valid):
            "unknown normalisation '\(name)'; choose from: \(valid.joined(separator: ", "))"
        }
    }
}
