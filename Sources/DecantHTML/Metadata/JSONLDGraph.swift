/// The objects of a page's JSON-LD blocks, flattened: top-level arrays, `@graph`, and objects
/// nested in other objects' values (`mainEntity`, `blogPost`, `hasPart`…), with an index by
/// `@id` so that references such as `"author": {"@id": "…#/schema/person/1"}` resolve to the
/// `Person` they name.
///
/// Before: `{"@graph": [{"@type": "Article", "author": {"@id": "#p"}}, {"@id": "#p", "name": "Ann Lee"}]}`
/// — after: article object found, its authors `["Ann Lee"]`.
struct JSONLDGraph {
    /// Every object, in the order met (breadth-first per block).
    private(set) var objects: [JSONValue] = []
    /// Objects by `@id`; the first one with that id wins.
    private(set) var byID: [String: JSONValue] = [:]

    /// More objects than this in one page are not looked at (a catalogue page can hold thousands).
    static let maxObjects = 400

    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ScholarlyArticle", "TechArticle", "Report", "LiveBlogPosting", "BackgroundNewsArticle", "Review", "HowTo",
        "Recipe", "SocialMediaPosting", "DiscussionForumPosting", "Question", "WebPage", "MedicalWebPage", "AboutPage",
        "FAQPage", "ItemPage", "CollectionPage",
    ]

    init(_ blocks: [JSONValue]) {
        var queue = blocks
        var next = 0
        while next < queue.count, objects.count < Self.maxObjects {
            let value = queue[next]
            next += 1
            switch value {
            case .array(let items):
                queue += items
            case .object(let members):
                objects.append(value)
                if let id = value["@id"]?.string, byID[id] == nil, members.count > 1 { byID[id] = value }
                // Nested objects in a stable order (dictionary order is not).
                for key in members.keys.sorted() where key != "@context" {
                    switch members[key] {
                    case .object?, .array?: queue.append(members[key]!)
                    default: break
                    }
                }
            default:
                break
            }
        }
    }

    /// The object describing the page's article: among objects of an article type, the one
    /// whose `url`/`@id`/`mainEntityOfPage` is the page's canonical URL, else the first with a
    /// headline or author; else the first page-type object (`WebPage` and kin).
    func article(canonical: String?) -> JSONValue? {
        let articles = objects.filter { $0.types.contains { Self.articleTypes.contains($0) && !$0.hasSuffix("Page") } }
        if let canonical = canonical.map(Self.comparable), articles.count > 1,
            let match = articles.first(where: { object in
                [object["url"]?.string, object["@id"]?.string, object["mainEntityOfPage"]?.string, object["mainEntityOfPage"]?["@id"]?.string]
                    .contains { $0.map(Self.comparable) == canonical }
            })
        {
            return match
        }
        if let best = articles.first(where: { $0["headline"] != nil || $0["author"] != nil }) ?? articles.first { return best }
        return objects.first { $0.types.contains { Self.articleTypes.contains($0) } }
    }

    /// Names of a person or organisation value: `"A"`, `{"name": "A"}`, `{"@id": "…"}` (looked
    /// up in the graph), or lists of those. Objects without a name give nothing.
    func names(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        return value.list.compactMap { item in
            if let s = item.string { return s }
            if let name = item["name"]?.string { return name }
            if let id = item["@id"]?.string, let target = byID[id] { return target["name"]?.string }
            return nil
        }
    }

    /// A URL without scheme, `www.`, query, fragment and trailing slash, for comparing.
    static func comparable(_ url: String) -> String {
        var s = Substring(url.lowercased())
        if let range = s.firstRange(of: "://") { s = s[range.upperBound...] }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        if let cut = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = s[..<cut] }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
