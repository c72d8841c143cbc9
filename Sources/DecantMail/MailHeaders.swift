import DecantEncoding

/// The header section of a message or MIME part (RFC 5322): folded lines unfolded, names
/// compared case-insensitively, encoded words (RFC 2047, `=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=`)
/// decoded in their charset.
public struct MailHeaders: Sendable {
    public private(set) var fields: [(name: String, value: String)] = []

    /// Parses header lines; `bytes` is the header section without the blank line.
    public init(_ bytes: ArraySlice<UInt8>, decoder: TextDecoder = TextDecoder()) {
        // Header bytes are ASCII by the standard; stray 8-bit text is taken as UTF-8 or Latin-1.
        let text = decoder.decode(Array(bytes)).text
        var current: (String, String)?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first == " " || first == "\t", current != nil {
                current!.1 += " " + line.drop(while: { $0 == " " || $0 == "\t" })
                continue
            }
            if let field = current { fields.append(field) }
            current = nil
            if let colon = line.firstIndex(of: ":"), colon != line.startIndex {
                current = (String(line[..<colon]).trimmed, String(line[line.index(after: colon)...]).trimmed)
            }
        }
        if let field = current { fields.append(field) }
    }

    /// The first value of `name`, with encoded words decoded.
    public subscript(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }.map { EncodedWords.decode($0.value) }
    }

    /// The raw value of `name` (no encoded-word decoding), for structured fields.
    public func raw(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// `text/plain; charset="utf-8"` → (`text/plain`, [`charset`: `utf-8`]).
    public static func parameters(_ value: String?) -> (value: String, parameters: [String: String]) {
        guard let value else { return ("", [:]) }
        var parts: [String] = []
        var current = ""
        var quoted = false
        for char in value {
            if char == "\"" { quoted.toggle(); continue }
            if char == ";" && !quoted { parts.append(current); current = ""; continue }
            current.append(char)
        }
        parts.append(current)
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { continue }
            parameters[String(part[..<eq]).trimmed.lowercased()] = String(part[part.index(after: eq)...]).trimmed
        }
        return (parts[0].trimmed.lowercased(), parameters)
    }
}

/// RFC 2047 encoded words in header values.
///
/// `=?ISO-8859-1?Q?Caf=E9?= au lait` → `Café au lait`; adjacent encoded words join without the
/// space between them.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var rest = Substring(value)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let decoded = word(in: rest[start.lowerBound...]) else {
                out += before + "=?"
                rest = rest[start.upperBound...]
                lastWasEncoded = false
                continue
            }
            if !(lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) { out += before }
            out += decoded.text
            rest = rest[decoded.end...]
            lastWasEncoded = true
        }
        return out + rest
    }

    /// One `=?charset?B|Q?text?=` at the start of `text`.
    static func word(in text: Substring) -> (text: String, end: Substring.Index)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), parts[1].count == 1 else { return nil }
        let charset = String(parts[0].split(separator: "*")[0])
        let bytes: [UInt8]?
        switch parts[1].uppercased() {
        case "B": bytes = TransferDecoding.base64(Array(parts[2].utf8))
        case "Q": bytes = TransferDecoding.quotedPrintable(Array(parts[2].utf8), underscoreIsSpace: true)
        default: bytes = nil
        }
        guard let bytes else { return nil }
        let end = text.index(parts[3].startIndex, offsetBy: 1)
        return (TextDecoder().decode(bytes, declared: charset).text, end)
    }
}

extension StringProtocol {
    var trimmed: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}
