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
    static let window = 600
    /// Longer texts are sentences that mention a date, not a dateline.
    static let maxTextLength = 80
    /// Words (lower case) that mark a date as a revision rather than the publication.
    static let updateWords = ["updat", "modif", "edited", "revised", "reviewed", "aktualisiert", "mis à jour", "actualizado"]

    static func find(in tree: DOMTree, after heading: DOMTree.Index) -> HeadlineDate? {
        var i = tree.subtreeEnd(heading)
        var seen = 0
        var recent = ""  // the last bits of text, for the label in front of a date
        while i < tree.count, seen <= window {
            let node = tree.nodes[i]
            if !node.isText {
                if node.tag.isNeverContent || node.tag == .h1 || node.tag == .nav {
                    if node.tag == .h1 { return nil }
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

    static func isUpdate(_ label: String) -> Bool {
        let lower = label.lowercased()
        return updateWords.contains { lower.contains($0) }
    }
}
