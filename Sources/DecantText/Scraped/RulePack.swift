#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A named set of boilerplate rules, kept as a JSON data file (see `Sources/DecantText/Rules/`).
///
/// ```json
/// {"pack": "navigation", "description": "Menus, skip links, …",
///  "rules": [{"reason": "boilerplate.navigation", "maxWords": 8,
///             "equals": ["back to top"], "prefixes": ["skip to "], "contains": [], "suffixes": []}]}
/// ```
/// Phrases are compared with the line's ``LineText/key`` (lower case, straight quotes, single
/// spaces, no surrounding punctuation or bullets). A rule only fires on lines of at most
/// `maxWords` words, so a phrase never removes a real paragraph that happens to contain it.
public struct RulePack: Codable, Sendable, Equatable {
    public var pack: String
    public var description: String?
    public var rules: [Rule]

    public struct Rule: Codable, Sendable, Equatable {
        /// Dotted reason written to `removed`, e.g. `boilerplate.navigation`.
        public var reason: String
        /// The rule ignores lines with more words than this (default 12).
        public var maxWords: Int?
        public var equals: [String]?
        public var prefixes: [String]?
        public var contains: [String]?
        public var suffixes: [String]?

        public init(reason: String, maxWords: Int? = nil, equals: [String]? = nil, prefixes: [String]? = nil,
                    contains: [String]? = nil, suffixes: [String]? = nil) {
            self.reason = reason
            self.maxWords = maxWords
            self.equals = equals
            self.prefixes = prefixes
            self.contains = contains
            self.suffixes = suffixes
        }
    }

    public init(pack: String, description: String? = nil, rules: [Rule]) {
        self.pack = pack
        self.description = description
        self.rules = rules
    }

    /// Parses a rule file. A file may hold one pack object or an array of packs.
    public static func decode(_ bytes: [UInt8], file: String) throws(RuleFileError) -> [RulePack] {
        let data = Data(bytes)
        let decoder = JSONDecoder()
        if let packs = try? decoder.decode([RulePack].self, from: data) { return packs }
        do {
            return [try decoder.decode(RulePack.self, from: data)]
        } catch {
            throw .invalid(file: file, reason: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DecodingError {
            switch error {
            case .keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return (path.isEmpty ? "" : "at '\(path)': ") + context.debugDescription
            @unknown default: break
            }
        }
        return String(describing: error)
    }
}

/// A rule file that cannot be used, with the path and what is wrong.
public enum RuleFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalid(file: String, reason: String)
    case unknownPack(String, known: [String])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "cannot read rule file '\(file)': \(reason)"
        case .invalid(let file, let reason):
            "rule file '\(file)' is not a valid rule pack (\(reason)); see the README section 'Scraped pages saved as text' for the format"
        case .unknownPack(let name, let known): "no rule pack named '\(name)'; the packs are: \(known.joined(separator: ", "))"
        }
    }
}
