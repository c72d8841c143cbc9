/// A date shown in an article's header, and whether it is labelled as an update.
struct HeadlineDate: Equatable {
    var date: String
    var isUpdate: Bool
}

/// Reads what a page shows right under its headline (the article header): the first
/// `<time datetime>` or short text that reads as a date ("By Ann Lee · Mar 5, 2025", "Posted on
/// April 13, 2023", "Updated: 10/31/2024"), and the "By …" byline, within a few hundred
/// characters of visible text after the `<h1>`. Footers, sidebars, related links and comments
/// end the header; menus, share bars and hidden parts inside it are stepped over. A date
/// labelled as an update ("Updated", "Last modified", "last post") is marked as one so the
/// caller can rank it below the publication date; profile dates ("Joined", "Member since") are
/// skipped.
///
/// Before: `<h1>Notes</h1><p>by Jon Foster - 2025-09-13</p>` — after: date
/// `HeadlineDate(date: "2025-09-13", isUpdate: false)`, byline `"by Jon Foster - 2025-09-13"`.
enum ArticleHeaderScanner {
    /// How much visible text after the headline is searched.
    static let window = 400
    /// Longer texts are sentences that mention a date, not a dateline.
    static let maxTextLength = 80
    /// Words (lower case) that mark a date as a revision rather than the publication.
    static let updateWords = [
        "updat", "modif", "edited", "revised", "reviewed", "last post", "last reply", "latest", "aktualisiert", "mis à jour",
        "actualizado",
    ]
    /// Words (lower case) that mark a date as someone's profile detail, not the page's.
    static let profileWords = ["joined", "member since", "registered", "founded", "birthday"]

    static func date(in tree: DOMTree, after heading: DOMTree.Index) -> HeadlineDate? {
        let rules = BoilerplateRules()
        var i = tree.subtreeEnd(heading)
        var seen = 0
        var recent = ""  // the last bits of text, for the label in front of a date
        while i < tree.count, seen <= window {
            let node = tree.nodes[i]
            if !node.isText {
                guard let next = step(tree, rules, i) else { return nil }
                if next != i + 1 { i = next; continue }
                if node.tag == .time, let value = node.attribute("datetime"), let date = DateNormalizer.normalize(value) {
                    let label = recent + " " + tree.text(of: DOMTree.Index(i))
                    if !isProfile(label) { return HeadlineDate(date: date, isUpdate: isUpdate(label)) }
                    // A profile date: its label is used up, its own text is not read again.
                    recent = ""
                    i = tree.subtreeEnd(DOMTree.Index(i))
                    continue
                }
                i += 1
                continue
            }
            let text = node.text.collapsedWhitespace()
            i += 1
            guard !text.isEmpty else { continue }
            seen += text.count
            if text.count <= maxTextLength, let date = DateNormalizer.normalize(text) {
                if !isProfile(recent + " " + text) { return HeadlineDate(date: date, isUpdate: isUpdate(recent + " " + text)) }
                recent = ""
                continue
            }
            recent = String((recent + " " + text).suffix(40))
        }
        return nil
    }

    /// How much visible text before the headline is searched ("Back to blog · Dec 12, 2025" above it).
    static let windowBefore = 120

    /// The nearest date written just above the headline.
    static func dateBefore(in tree: DOMTree, heading: DOMTree.Index) -> HeadlineDate? {
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
            if text.count <= maxTextLength, let date = DateNormalizer.normalize(text), !isProfile(text) {
                return HeadlineDate(date: date, isUpdate: isUpdate(text))
            }
        }
        return nil
    }

    static func isProfile(_ label: String) -> Bool {
        let lower = label.lowercased()
        return profileWords.contains { lower.contains($0) }
    }

    static func isUpdate(_ label: String) -> Bool {
        let lower = label.lowercased()
        return updateWords.contains { lower.contains($0) }
    }

    /// Labels that open a byline, lower case.
    static let bylineLabels = ["by", "by:", "written by", "written by:", "posted by", "posted by:", "author:", "von"]

    /// The byline written under the headline: a short text that starts with "By" (or is just
    /// "By", with the name in the next text, as in `By <a>Ann Lee</a>`), within the same window.
    ///
    /// Before: `<h1>Notes</h1><p>by Jon Foster - 2025-09-13</p>` — after: `"by Jon Foster - 2025-09-13"`
    /// (``AuthorCleaner`` then keeps "Jon Foster").
    static func byline(in tree: DOMTree, after heading: DOMTree.Index) -> String? {
        let rules = BoilerplateRules()
        var i = tree.subtreeEnd(heading)
        var seen = 0
        var pendingLabel = false
        while i < tree.count, seen <= window {
            let node = tree.nodes[i]
            if !node.isText {
                guard let next = step(tree, rules, i) else { return nil }
                i = next
                continue
            }
            let text = node.text.collapsedWhitespace()
            i += 1
            guard !text.isEmpty else { continue }
            seen += text.count
            if pendingLabel { return text.count <= maxTextLength ? text : nil }
            let lower = text.lowercased()
            if bylineLabels.contains(lower) {
                pendingLabel = true
            } else if text.count <= maxTextLength, bylineLabels.contains(where: { lower.hasPrefix($0 + " ") }) {
                return text
            }
        }
        return nil
    }

    /// Where the scan goes after element `i`: nil where the header ends (another `<h1>`, a
    /// footer, sidebar, related list or comments), past the subtree for parts to step over,
    /// else into it.
    private static func step(_ tree: DOMTree, _ rules: BoilerplateRules, _ i: Int) -> Int? {
        let node = tree.nodes[i]
        if node.tag == .h1 { return nil }
        let kind = rules.kind(of: node)
        if let kind, [.footer, .sidebar, .related, .comments].contains(kind) { return nil }
        if node.tag.isNeverContent || kind != nil && kind != .header && kind != .metadata { return tree.subtreeEnd(DOMTree.Index(i)) }
        return i + 1
    }
}
