/// A breadcrumb or menu row: short names joined by `/`, `>`, `»`, `›`, `→` or `|`.
///
/// `"News   /   Politics   /   Syria"` → categories `["News", "Politics", "Syria"]`;
/// `"Home > Sport > Football"` → `["Sport", "Football"]` (the root is not a category).
/// Rows joined by `|` are menus: removed, but not taken as categories.
public struct BreadcrumbLine: Sendable {
    let roots: Set<String>

    public init(language: LanguageData) {
        roots = Set(language.breadcrumbRoots)
    }

    public struct Result: Equatable, Sendable {
        public var items: [String]
        /// True for `/ > » › →` paths (categories), false for `|` menus.
        public var isPath: Bool
    }

    public func parse(_ line: String) -> Result? {
        for (separator, isPath) in [("/", true), (">", true), ("»", true), ("›", true), ("→", true), ("|", false), ("·", false), ("•", false)] {
            let parts = line.split(separator: Character(separator)).map { ParagraphSplitter.collapseWhitespace(String($0)) }
            guard parts.count >= 2 else { continue }
            // "a / b" inside a sentence, dates and fractions are not crumbs.
            if isPath && separator == "/" && !line.contains(" / ") { continue }
            let itemsLookRight = parts.allSatisfy { part in
                let words = part.split(separator: " ")
                return !part.isEmpty && words.count <= 4 && part.first?.isLetter == true
                    && (part.first?.isUppercase == true || roots.contains(part.lowercased()))
                    && !".!?:".contains(part.last ?? " ")
            }
            guard itemsLookRight else { continue }
            let hasRoot = roots.contains(parts[0].lowercased())
            guard parts.count >= 3 || hasRoot || !isPath else { continue }
            let items = parts.filter { !roots.contains($0.lowercased()) }
            return Result(items: items, isPath: isPath)
        }
        return nil
    }
}
