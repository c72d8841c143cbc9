import DecantCore

/// Reads a page's metadata from, in order of trust: JSON-LD (`NewsArticle`, `BlogPosting`,
/// `Article`…, also inside `@graph`), OpenGraph and Twitter cards, other `<meta>` names
/// (Dublin Core, parsely, sailthru), microdata (`itemprop`), `<link rel=canonical>`, `<title>`,
/// `<html lang>`, and visible bylines and `<time>` elements.
///
/// Before: `<title>Budget approved | City Times</title>` with `og:site_name` "City Times" —
/// after: title "Budget approved", site "City Times".
public struct HTMLMetadataExtractor: Sendable {
    public init() {}

    /// Meta names holding the publication date, most specific first (keys are lower case).
    static let publishedMetaNames = [
        "article:published_time", "og:published_time", "og:article:published_time", "article:published", "datepublished",
        "parsely-pub-date", "sailthru.date", "publishdate", "publish_date", "publish-date", "published", "pubdate",
        "citation_publication_date", "citation_date", "date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
        "dc.date.created", "dcterms.created", "article.published",
    ]

    /// Meta names holding the last modification, used only when nothing names the publication.
    static let modifiedMetaNames = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"]

    /// Meta names holding the author, in order; values that are URLs are skipped.
    static let authorMetaNames = [
        "author", "article:author", "article:author_name", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
        "citation_author", "byl",
    ]

    public func extract(_ tree: DOMTree) -> Metadata {
        var meta: [String: String] = [:]
        var metaLists: [String: [String]] = [:]
        var canonical: String?
        var titleTag: String?
        var language: String?
        var jsonLD: [JSONValue] = []
        var microAuthors: [(node: DOMTree.Index, name: String)] = []
        var microDate: String?
        var microModified: String?
        var visibleDates: [String] = []
        var microHeadline: String?
        var timeDates: [String] = []
        var bylines: [(rank: Int, text: String)] = []
        var h1s: [(node: DOMTree.Index, text: String)] = []
        var h2s: [(node: DOMTree.Index, text: String)] = []

        for (offset, node) in tree.nodes.enumerated() where !node.isText {
            let index = Int32(offset)
            switch node.tag {
            case .html:
                if language == nil, let lang = node.attribute("lang"), !lang.isEmpty { language = lang }
            case .title:
                if titleTag == nil { titleTag = tree.text(of: index) }
            case .meta:
                guard let content = node.attribute("content")?.collapsedWhitespace(), !content.isEmpty else { continue }
                for key in [node.attribute("property"), node.attribute("name"), node.attribute("itemprop"), node.attribute("http-equiv")] {
                    guard let key = key?.lowercased(), !key.isEmpty else { continue }
                    if meta[key] == nil { meta[key] = content }
                    metaLists[key, default: []].append(content)
                }
                if let itemprop = node.attribute("itemprop") {
                    if itemprop == "datePublished" || itemprop == "dateCreated", microDate == nil { microDate = content }
                    if itemprop == "dateModified", microModified == nil { microModified = content }
                    if itemprop == "author" || itemprop == "creator" { microAuthors.append((index, content)) }
                }
            case .link:
                if canonical == nil, let rel = node.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("canonical"),
                    let href = node.attribute("href"), !href.isEmpty
                {
                    canonical = href
                }
            case .script:
                if let type = node.attribute("type")?.lowercased(), type.contains("ld+json") {
                    var text = ""
                    for child in tree.children(of: index) where tree[child].isText { text += tree[child].text }
                    if let value = JSONValue.parse(text) { jsonLD.append(value) }
                }
            case .time:
                if timeDates.count < 5, let date = (node.attribute("datetime") ?? Optional(tree.text(of: index))).flatMap(DateNormalizer.normalize) {
                    timeDates.append(date)
                }
            case .h1:
                if h1s.count < 3 { h1s.append((index, tree.text(of: index))) }
            case .h2:
                if h2s.count < 5 { h2s.append((index, tree.text(of: index))) }
            default:
                break
            }
            if let itemprop = node.attribute("itemprop"), node.tag != .meta {
                switch itemprop {
                case "author", "creator":
                    if microAuthors.count < 20 {
                        let text = Self.microdataName(tree, index)
                        if !text.isEmpty, text.count < 100 { microAuthors.append((index, text)) }
                    }
                case "datePublished", "dateCreated":
                    // The first in document order: a question's `dateCreated` comes before its
                    // answers' and comments' `datePublished`.
                    if microDate == nil { microDate = node.attribute("datetime") ?? node.attribute("content") ?? tree.text(of: index) }
                case "dateModified":
                    if microModified == nil { microModified = node.attribute("datetime") ?? node.attribute("content") ?? tree.text(of: index) }
                case "headline":
                    if microHeadline == nil { microHeadline = tree.text(of: index) }
                default: break
                }
            }
            if visibleDates.count < 3, node.tag != .meta, node.tag != .html, node.tag != .body, node.tag != .time,
                let cls = node.attribute("class"), cls.asciiCaseInsensitiveContains("date") || cls.asciiCaseInsensitiveContains("posted")
                    || cls.asciiCaseInsensitiveContains("published") || cls.asciiCaseInsensitiveContains("updated")
            {
                let text = tree.text(of: index)
                if text.count < 80, let date = DateNormalizer.normalize(text) { visibleDates.append(date) }
            }
            if bylines.count < 6, node.tag != .meta, node.tag != .html, node.tag != .body, !node.tag.isNeverContent {
                if let rank = Self.bylineRank(node) {
                    let text = tree.text(of: index)
                    if !text.isEmpty, text.count < 120 { bylines.append((rank, text)) }
                } else if let rel = node.attribute("rel"), rel == "author" {
                    let text = tree.text(of: index)
                    if !text.isEmpty, text.count < 80 { bylines.append((1, text)) }
                }
            }
        }

        let graph = JSONLDGraph(jsonLD)
        let article = graph.article(canonical: canonical ?? meta["og:url"])
        var metadata = Metadata()

        // Site
        let publisher = graph.names(article?["publisher"]).first
        metadata.site = first(meta["og:site_name"], meta["application-name"], publisher, meta["twitter:site"].flatMap { $0.hasPrefix("@") ? nil : $0 })

        // Title
        let ldTitle = article?["headline"]?.string ?? article?["name"]?.string
        var title = first(meta["og:title"], ldTitle, meta["twitter:title"], microHeadline, titleTag, h1s.first?.text)
        if let candidate = title { title = TitleCleaner.clean(candidate, site: metadata.site, h1: h1s.first?.text) }
        metadata.title = title

        // Authors: structured data, then microdata, then meta names, then visible bylines; the
        // first source that leaves a name after cleaning wins.
        var metaAuthors: [[String]] = Self.authorMetaNames.compactMap { meta[$0] }.map { [$0] }
        for n in 1...4 where meta["twitter:label\(n)"]?.lowercased().hasPrefix("written by") == true {
            if let value = meta["twitter:data\(n)"] { metaAuthors.insert([value], at: 0) }
        }
        let headlineNode = Self.headline(h1s, h2s, title: metadata.title)
        let headlineByline = headlineNode.flatMap { ArticleHeaderScanner.byline(in: tree, after: $0) }
        let sources: [[String]] = [graph.names(article?["author"])] + [Self.firstItemAuthors(tree, microAuthors)] + metaAuthors
            + bylines.sorted { $0.rank < $1.rank }.prefix(3).map { [$0.text] } + [headlineByline.map { [$0] } ?? []]
        metadata.authors = sources.lazy.map(AuthorCleaner.clean).first { !$0.isEmpty } ?? []

        // Date: a full date in the page's own URL; then the date shown under the headline,
        // unless it is labelled as an update; then publication dates from structured data and
        // meta names; then other dates the page shows; the last modification last.
        let urlDate = [canonical, meta["og:url"], article?["url"]?.string].lazy.compactMap { $0 }.compactMap(DateNormalizer.fromURL).first
        let shown = headlineNode.flatMap { ArticleHeaderScanner.date(in: tree, after: $0) ?? ArticleHeaderScanner.dateBefore(in: tree, heading: $0) }
        var dateCandidates: [String?] = [urlDate, shown.flatMap { $0.isUpdate ? nil : $0.date }]
        dateCandidates += [article?["datePublished"]?.string] + Self.publishedMetaNames.map { meta[$0] } + [microDate]
        dateCandidates += [article?["dateCreated"]?.string] + timeDates.map { Optional($0) } + visibleDates.map { Optional($0) }
        // A headline that carries its date ("Development Update 2024-10-04").
        dateCandidates += [shown?.date, metadata.title.flatMap(DateNormalizer.normalize), article?["dateModified"]?.string] + Self.modifiedMetaNames.map { meta[$0] } + [microModified]
        metadata.date = dateCandidates.lazy.compactMap { $0 }.compactMap(DateNormalizer.normalize).first

        metadata.url = first(canonical, meta["og:url"], article?["url"]?.string)
        metadata.description = first(meta["description"], meta["og:description"], meta["twitter:description"], article?["description"]?.string)
        metadata.language = first(language, meta["content-language"], article?["inLanguage"]?.string, meta["og:locale"].map { $0.replacingUnderscore() })

        var categories: [String] = []
        if let section = article?["articleSection"] { categories += section.list.compactMap(\.string) }
        categories += metaLists["article:section"] ?? []
        categories += metaLists["article:tag"] ?? []
        if let keywords = article?["keywords"] {
            for item in keywords.list.compactMap(\.string) { categories += item.split(separator: ",").map(String.init) }
        } else if let keywords = meta["keywords"] ?? meta["news_keywords"] {
            categories += keywords.split(separator: ",").map(String.init)
        }
        var seen = Set<String>()
        metadata.categories = categories.map { $0.collapsedWhitespace() }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
            .prefix(20).map { $0 }
        return metadata
    }

    private func first(_ values: String?...) -> String? {
        for value in values {
            if let value = value?.collapsedWhitespace(), !value.isEmpty { return value }
        }
        return nil
    }

    /// The name in a microdata `author` element: its `itemprop="name"` descendant, else its text.
    static func microdataName(_ tree: DOMTree, _ index: DOMTree.Index) -> String {
        let end = min(tree.subtreeEnd(index), Int(index) + 200)
        var i = Int(index) + 1
        while i < end {
            if !tree.nodes[i].isText, tree.nodes[i].attribute("itemprop") == "name" {
                return tree.nodes[i].attribute("content") ?? tree.text(of: DOMTree.Index(i))
            }
            i += 1
        }
        return tree.text(of: index)
    }

    /// The authors of the page's first microdata item: the first `author`, and the others that
    /// stand next to it in the same byline (their common ancestor holds little text). A forum
    /// thread marks every post's author; only the first post's is the page's.
    static func firstItemAuthors(_ tree: DOMTree, _ authors: [(node: DOMTree.Index, name: String)]) -> [String] {
        guard let head = authors.first else { return [] }
        var out = [head.name]
        for other in authors.dropFirst() where other.node != head.node {
            var ancestor = head.node
            while ancestor >= 0, !tree.contains(ancestor, other.node) { ancestor = tree[ancestor].parent }
            guard ancestor >= 0, tree.text(of: ancestor).count <= 300 else { continue }
            out.append(other.name)
        }
        return out
    }

    private static let authorBytes = Array("author".utf8)
    private static let bylineBytes = Array("byline".utf8)

    /// How surely an element's class names it a byline: 0 for "author name"/"byline", 1 for
    /// "author" alone; nil otherwise. Comment authors, author bios and avatars do not count.
    static func bylineRank(_ node: DOMTree.Node) -> Int? {
        guard let cls = node.attribute("class"), !cls.isEmpty else { return nil }
        // Only "author…" and "byline" words give a rank: most classes need no splitting at all.
        let lowered = cls.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        guard lowered.contains(subsequence: Self.authorBytes) || lowered.contains(subsequence: Self.bylineBytes) else { return nil }
        var rank: Int?
        for name in cls.split(separator: " ") {
            let words = BoilerplateRules.words(of: name)
            if words.contains(where: { ["comment", "comments", "reply", "review", "bio", "avatar", "image", "img", "photo", "box", "about", "description", "social", "link", "links"].contains($0) }) {
                return nil
            }
            if words.contains("byline") || words.contains("authorname")
                || zip(words, words.dropFirst()).contains(where: { $0 == "author" && $1 == "name" })
            {
                rank = 0
            } else if words.contains("author"), rank == nil {
                rank = 1
            }
        }
        return rank
    }

    /// The heading of the article: the first `<h1>` that matches the title, else the first
    /// non-empty `<h1>`; on a page without one, an `<h2>` that matches the title.
    static func headline(
        _ h1s: [(node: DOMTree.Index, text: String)], _ h2s: [(node: DOMTree.Index, text: String)], title: String?
    ) -> DOMTree.Index? {
        let title = title?.lowercased() ?? ""
        func matches(_ text: String) -> Bool {
            let text = text.lowercased()
            return !title.isEmpty && text.count >= 8 && (title.contains(text) || text.contains(title))
        }
        let candidates = h1s.filter { !$0.text.isEmpty }
        if let match = candidates.first(where: { matches($0.text) }) { return match.node }
        if let first = candidates.first { return first.node }
        return h2s.first { matches($0.text) }?.node
    }
}

extension String {
    /// Whitespace runs collapsed to single spaces, trimmed.
    func collapsedWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `needle` (lower-case ASCII) occurs in the string, ignoring ASCII case.
    func asciiCaseInsensitiveContains(_ needle: String) -> Bool {
        let hay = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, hay.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(hay.count - pattern.count) {
            var k = 0
            while k < pattern.count {
                let byte = hay[start + k]
                if (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) != pattern[k] { break }
                k += 1
            }
            if k == pattern.count { return true }
        }
        return false
    }

    func replacingUnderscore() -> String {
        String(unicodeScalars.map { $0 == "_" ? "-" : Character($0) })
    }
}
