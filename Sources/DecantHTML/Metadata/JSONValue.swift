import FoundationEssentials

/// Any JSON value, for reading JSON-LD whose shape varies from site to site.
enum JSONValue: Decodable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Parses JSON text; nil when it is not JSON (JSON-LD blocks are often broken).
    static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var string: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
        default: nil
        }
    }

    /// The value as a list: arrays as they are, anything else as a one-element list.
    var list: [JSONValue] {
        switch self {
        case .array(let items): items
        case .null: []
        default: [self]
        }
    }

    /// Names of a person/organisation value: `"A"`, `{"name": "A"}`, or lists of those.
    var names: [String] {
        list.compactMap { item in
            if let s = item.string { return s }
            return item["name"]?.string
        }
    }

    /// `@type` values.
    var types: [String] { self["@type"]?.list.compactMap(\.string) ?? [] }
}
