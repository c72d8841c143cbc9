/// Strips site names and section suffixes from page titles.
///
/// Before: `"Budget approved after long debate | City Times"` — after:
/// `"Budget approved after long debate"`. A title equal to the page's single `<h1>` is kept
/// whole; so is a title whose parts are all long (no suffix to strip).
enum TitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " // "]

    static func clean(_ title: String, site: String?, h1: String?) -> String {
        let title = title.collapsedWhitespace()
        if let h1 = h1?.collapsedWhitespace(), h1 == title { return title }
        for separator in separators {
            var parts = title.components(separatedByString: separator)
            guard parts.count > 1 else { continue }
            if let site = site?.lowercased() {
                let before = parts.count
                parts.removeAll { $0.lowercased() == site || site.contains($0.lowercased()) && $0.count >= 3 }
                if parts.count < before, !parts.isEmpty { return parts.joined(separator: separator) }
            }
            // Drop a short last part (a site or section name) after a longer headline.
            if let last = parts.last, let firstPart = parts.first, last.split(separator: " ").count <= 4, firstPart.count > last.count {
                parts.removeLast()
                return parts.joined(separator: separator)
            }
        }
        return title
    }
}

extension String {
    /// Splits on a literal separator string (Foundation-free).
    func components(separatedByString separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
