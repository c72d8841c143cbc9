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

    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ScholarlyArticle", "TechArticle", "Report", "LiveBlogPosting", "BackgroundNewsArticle", "Review", "HowTo",
        "Recipe", "SocialMediaPosting", "WebPage", "MedicalWebPage", "AboutPage", "FAQPage", "ItemPage", "CollectionPage",
    ]

    public func extract(_ tree: DOMTree) -> Metadata {
        var meta: [String: String] = [:]
        var metaLists: [String: [String]] = [:]
        var canonical: String?
        var titleTag: String?
        var language: String?
        var jsonLD: [JSONValue] = []
        var microAuthors: [String] = []
        var microDate: String?
        var microModified: String?
        var visibleDates: [String] = []
        var microHeadline: String?
        var timeDates: [String] = []
        var bylines: [String] = []
        var h1s: [String] = []

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
                    if itemprop == "datePublished", microDate == nil { microDate = content }
                if itemprop == "dateModified", microModified == nil { microModified = content }
                    if itemprop == "author" || itemprop == "creator" { microAuthors.append(content) }
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
                if let datetime = node.attribute("datetime") ?? Optional(tree.text(of: index)), timeDates.count < 5 {
                    timeDates.append(datetime)
                }
            case .h1:
                if h1s.count < 3 { h1s.append(tree.text(of: index)) }
            default:
                break
            }
            if let itemprop = node.attribute("itemprop"), node.tag != .meta {
                switch itemprop {
                case "author", "creator":
                    if microAuthors.count < 5 {
                        let nameNode = tree.children(of: index).first { tree[$0].attribute("itemprop") == "name" }
                        let text = nameNode.map { tree.text(of: $0) } ?? tree.text(of: index)
                        if !text.isEmpty, text.count < 100 { microAuthors.append(text) }
                    }
                case "datePublished":
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
            if bylines.count < 3, node.tag != .meta, node.tag != .html, node.tag != .body {
                if let cls = node.attribute("class"), cls.asciiCaseInsensitiveContains("byline") || cls.asciiCaseInsensitiveContains("author-name"),
                    !cls.asciiCaseInsensitiveContains("bio")
                {
                    let text = tree.text(of: index)
                    if !text.isEmpty, text.count < 120 { bylines.append(text) }
                } else if let rel = node.attribute("rel"), rel == "author" {
                    let text = tree.text(of: index)
                    if !text.isEmpty, text.count < 80 { bylines.append(text) }
                }
            }
        }

        let article = Self.articleObject(jsonLD)
        var metadata = Metadata()

        // Site
        let publisher = article?["publisher"]?.names.first
        metadata.site = first(meta["og:site_name"], meta["application-name"], publisher, meta["twitter:site"].flatMap { $0.hasPrefix("@") ? nil : $0 })

        // Title
        let ldTitle = article?["headline"]?.string ?? article?["name"]?.string
        var title = first(meta["og:title"], ldTitle, meta["twitter:title"], microHeadline, titleTag, h1s.first)
        if let candidate = title { title = TitleCleaner.clean(candidate, site: metadata.site, h1: h1s.first) }
        metadata.title = title

        // Authors
        var authors: [String] = []
        if let ldAuthors = article?["author"]?.names, !ldAuthors.isEmpty { authors = ldAuthors }
        if authors.isEmpty { authors = microAuthors }
        if authors.isEmpty, let value = first(meta["author"], meta["article:author"], meta["parsely-author"], meta["sailthru.author"], meta["dc.creator"], meta["byl"]) {
            authors = [value]
        }
        if authors.isEmpty { authors = Array(bylines.prefix(1)) }
        metadata.authors = AuthorCleaner.clean(authors)

        // Date
        // Publication first (structured data, then meta names), then what the page shows, then
        // the last modification as a last resort.
        let dateCandidates: [String?] = [
            article?["datePublished"]?.string, meta["article:published_time"], meta["og:published_time"], microDate,
            meta["parsely-pub-date"], meta["sailthru.date"], meta["publishdate"], meta["pubdate"], meta["publish-date"],
            meta["date"], meta["dc.date.issued"], meta["dc.date"], meta["dcterms.date"], meta["article.published"],
            article?["dateCreated"]?.string, timeDates.first, visibleDates.first, article?["dateModified"]?.string,
            meta["article:modified_time"], meta["og:updated_time"], microModified,
        ]
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

    /// The JSON-LD object describing the article: the first with an article type, searching
    /// top-level arrays and `@graph`; else the first `WebPage`.
    static func articleObject(_ values: [JSONValue]) -> JSONValue? {
        var objects: [JSONValue] = []
        var queue = values
        while !queue.isEmpty {
            let value = queue.removeFirst()
            switch value {
            case .array(let items): queue += items
            case .object:
                objects.append(value)
                if let graph = value["@graph"] { queue += graph.list }
                if let main = value["mainEntity"], case .object = main { queue.append(main) }
            default: break
            }
            if objects.count > 200 { break }
        }
        let articles = objects.filter { $0.types.contains { articleTypes.contains($0) && !$0.hasSuffix("Page") } }
        if let best = articles.first(where: { $0["headline"] != nil || $0["author"] != nil }) ?? articles.first { return best }
        return objects.first { $0.types.contains { articleTypes.contains($0) } }
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
