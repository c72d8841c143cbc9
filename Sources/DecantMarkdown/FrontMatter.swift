import DecantCore
import Foundation

/// Metadata from a Markdown file's front matter: YAML between `---` lines or TOML between
/// `+++` lines, as Jekyll, Hugo and most static-site generators write it.
///
/// ```
/// ---                                   title: "Hello"        → metadata.title
/// title: "Hello"                        author / authors      → metadata.authors
/// authors: [Ann, Bo]                    date                  → metadata.date (ISO 8601)
/// date: 2024-03-05 10:00:00             tags / categories     → metadata.categories
/// tags:                                 description / summary → metadata.description
///   - notes                             lang / language       → metadata.language
/// ---                                   url / canonical_url   → metadata.url
/// ```
///
/// Only flat keys with strings or lists of strings are read (the keys above); nested maps and
/// other keys are ignored. It is a reader of the common subset, not a YAML or TOML parser.
public struct FrontMatter: Equatable, Sendable {
    public var metadata: Metadata
    /// Lines the front matter occupies, delimiters included (0 when there is none).
    public var lineCount: Int

    /// Reads the front matter at the start of `lines`, if there is one.
    public static func parse(_ lines: [String]) -> FrontMatter? {
        guard let opening = lines.first?.trimmingSpaces, opening == "---" || opening == "+++" else { return nil }
        let toml = opening == "+++"
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces == opening || (!toml && $0.trimmingSpaces == "...") }) else {
            return nil
        }
        var values: [String: [String]] = [:]
        var listKey: String?
        for line in lines[1..<end] {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if !toml, let key = listKey, trimmed.hasPrefix("- ") || trimmed == "-" {
                values[key, default: []].append(unquote(Substring(trimmed.dropFirst(1))))
                continue
            }
            listKey = nil
            guard line.first != " " && line.first != "\t" else { continue }  // nested maps are not read
            let separator: Character = toml ? "=" : ":"
            guard let split = line.firstIndex(of: separator) else { continue }
            let key = line[..<split].trimmingSpaces.lowercased()
            let value = line[line.index(after: split)...].trimmingSpaces
            if value.isEmpty {
                listKey = key
            } else if value.hasPrefix("[") && value.hasSuffix("]") {
                values[key] = splitList(value.dropFirst().dropLast())
            } else if !value.hasPrefix("{") && value != "|" && value != ">" {
                values[key] = [unquote(Substring(value))]
            }
        }
        var metadata = Metadata()
        func first(_ keys: String...) -> String? {
            keys.lazy.compactMap { values[$0]?.first }.first { !$0.isEmpty }
        }
        func all(_ keys: String...) -> [String] {
            keys.lazy.compactMap { values[$0] }.first { !$0.isEmpty }?.filter { !$0.isEmpty } ?? []
        }
        metadata.title = first("title")
        metadata.authors = all("authors", "author")
        metadata.date = first("date", "published", "pubdate").flatMap(MetadataDate.normalized)
        metadata.categories = all("categories", "tags", "keywords")
        metadata.description = first("description", "summary", "excerpt")
        metadata.language = first("lang", "language", "locale")
        metadata.url = first("url", "canonical_url", "canonical")
        metadata.site = first("site", "site_name")
        return FrontMatter(metadata: metadata, lineCount: end + 1)
    }

    static func splitList(_ inner: Substring) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for char in inner {
            if let q = quote {
                if char == q { quote = nil } else { current.append(char) }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == "," {
                items.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(char)
            }
        }
        if !current.trimmingSpaces.isEmpty { items.append(current.trimmingSpaces) }
        return items
    }

    static func unquote(_ raw: Substring) -> String {
        let value = String(raw).trimmingSpaces
        if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
            let inner = value.dropFirst().dropLast()
            return q == "\"" ? inner.replacingOccurrences(of: "\\\"", with: "\"") : inner.replacingOccurrences(of: "''", with: "'")
        }
        // A YAML comment after the value.
        if let hash = value.range(of: " #") { return value[..<hash.lowerBound].trimmingSpaces }
        return String(value)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
