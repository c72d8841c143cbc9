/// The date a page shows right under its headline: the first `<time datetime>` or short text
/// that reads as a date within a few hundred characters of visible text after the `<h1>`
/// ("By Ann Lee · Mar 5, 2025", "Posted on April 13, 2023", "Updated: 10/31/2024"). A date
/// labelled as an update ("Updated", "Last modified", "Reviewed") is marked as one, so the
/// caller can rank it below the publication date.
///
/// Before: `<h1>Notes</h1><p class="meta">by Jon Foster - 2025-09-13</p>` — after:
/// `HeadlineDate(date: "2025-09-13", isUpdate: false)`.
struct HeadlineDate: Equatable {
    var date: String
    var isUpdate: Bool
}

enum HeadlineDateFinder {
    /// How much visible text after the headline is searched.
    static let window = 400
    /// Longer texts are sentences that mention a date, not a dateline.
    static let maxTextLength = 80
    /// Words (lower case) that mark a date as a revision rather than the publication.
    static let updateWords = ["updat", "modif", "edited", "revised", "reviewed", "aktualisiert", "mis à jour", "actualizado"]

    static func find(in tree: DOMTree, after heading: DOMTree.Index) -> HeadlineDate? {
        let rules = BoilerplateRules()
        var i = tree.subtreeEnd(heading)
        var seen = 0
        var recent = ""  // the last bits of text, for the label in front of a date
        while i < tree.count, seen <= window {
            let node = tree.nodes[i]
            if !node.isText {
                if node.tag == .h1 { return nil }
                // The article header ends where footers, sidebars, related links or comments start;
                // menus, share bars, ads and hidden parts inside it are stepped over.
                let kind = rules.kind(of: node)
                if let kind, [.footer, .sidebar, .related, .comments].contains(kind) { return nil }
                if node.tag.isNeverContent || kind != nil && kind != .header && kind != .metadata {
                    i = tree.subtreeEnd(DOMTree.Index(i))
                    continue
                }
                if node.tag == .time, let value = node.attribute("datetime"), let date = DateNormalizer.normalize(value) {
                    let label = recent + " " + tree.text(of: DOMTree.Index(i))
                    return HeadlineDate(date: date, isUpdate: isUpdate(label))
                }
                i += 1
                continue
            }
            let text = node.text.collapsedWhitespace()
            i += 1
            guard !text.isEmpty else { continue }
            seen += text.count
            if text.count <= maxTextLength, let date = DateNormalizer.normalize(text) {
                return HeadlineDate(date: date, isUpdate: isUpdate(recent + " " + text))
            }
            recent = String((recent + " " + text).suffix(40))
        }
        return nil
    }

    /// How much visible text before the headline is searched ("Back to blog · Dec 12, 2025" above it).
    static let windowBefore = 120

    /// The nearest date written just above the headline.
    static func findBefore(in tree: DOMTree, heading: DOMTree.Index) -> HeadlineDate? {
        var i = Int(heading) - 1
        var seen = 0
        while i >= 0, seen <= windowBefore {
            let node = tree.nodes[i]
            i -= 1
            guard node.isText, node.parent >= 0, !tree[node.parent].tag.isNeverContent else {
                if !node.isText, node.tag == .h1 || node.tag == .body { return nil }
                continue
            }
            let text = node.text.collapsedWhitespace()
            guard !text.isEmpty else { continue }
            seen += text.count
            if text.count <= maxTextLength, let date = DateNormalizer.normalize(text) {
                return HeadlineDate(date: date, isUpdate: isUpdate(text))
            }
        }
        return nil
    }

    static func isUpdate(_ label: String) -> Bool {
        let lower = label.lowercased()
        return updateWords.contains { lower.contains($0) }
    }
}
