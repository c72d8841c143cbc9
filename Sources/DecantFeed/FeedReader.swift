import DecantCore
import DecantHTML
import DecantOffice
import DecantText

/// Reads RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds. Each item becomes its own document
/// (``readAll(_:)``): the item title as heading, its content (`content:encoded`, Atom
/// `content`, else the description or summary) through the HTML reader, and its link, date,
/// authors and categories as metadata, with the channel's title as `site`. ``read(_:)`` gives
/// the whole feed as one document, one section per item.
///
/// The XML is parsed without network access and with entity declarations refused
/// (see ``MarkupTree``); the HTML inside items is parsed by libxml2's HTML parser.
public struct FeedReader: Reader {
    public let name = "feed"
    public let summary = "RSS and Atom feeds, one document per item"
    public let extensions = ["rss", "atom", "rdf", "xml"]
    public var html: HTMLReader

    public init(html: HTMLReader = HTMLReader()) {
        self.html = html
    }

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .xml || sniffed.kind == .html || sniffed.kind == .text else { return 0 }
        // Every root marker starts with `<`: without that byte there is no feed to look for.
        guard input.bytes.prefix(2048).contains(0x3C) else { return 0 }
        let head = String(decoding: input.bytes.prefix(2048), as: UTF8.self)
        let root = ["<rss", "<feed", "<rdf:RDF", "<rdf:rdf"].contains { head.contains($0) }
        if root && (head.contains("<channel") || head.contains("http://www.w3.org/2005/Atom") || head.contains("<rss")) { return 0.95 }
        return 0
    }

    public func read(_ input: ReaderInput) throws -> Document {
        let feed = try parse(input)
        var blocks: [Block] = []
        if let title = feed.title { blocks.append(.heading(title, level: 1)) }
        for item in feed.items {
            if let title = item.title { blocks.append(.heading(title, level: 2)) }
            blocks += try content(of: item, named: input.name)
        }
        guard !blocks.isEmpty else { throw ReadError.malformed("the feed has no title and no items") }
        var metadata = Metadata(title: feed.title, site: feed.title, url: feed.link, language: feed.language, description: feed.description)
        metadata.date = feed.items.compactMap(\.date).max()
        return Document(format: feed.format, metadata: metadata, blocks: blocks, encoding: EncodingInfo(used: "UTF-8"), decant: Provenance(reader: name))
    }

    public func readAll(_ input: ReaderInput) throws -> [Document] {
        let feed = try parse(input)
        guard !feed.items.isEmpty else { return [try read(input)] }
        return try feed.items.map { item in
            var blocks: [Block] = item.title.map { [.heading($0, level: 1)] } ?? []
            blocks += try content(of: item, named: input.name)
            let metadata = Metadata(
                title: item.title, authors: item.authors, date: item.date, site: feed.title, url: item.link,
                language: feed.language, categories: item.categories)
            return Document(format: feed.format, metadata: metadata, blocks: blocks, encoding: EncodingInfo(used: "UTF-8"), decant: Provenance(reader: name))
        }
    }

    // MARK: - Parsing

    struct Feed {
        var format: String
        var title: String?
        var link: String?
        var language: String?
        var description: String?
        var items: [Item] = []
    }

    struct Item {
        var title: String?
        var link: String?
        var date: String?
        var authors: [String] = []
        var categories: [String] = []
        enum Content { case html(String), text(String), xhtml(MarkupElement) }
        var content: Content?
    }

    func parse(_ input: ReaderInput) throws -> Feed {
        let root: MarkupElement
        do {
            root = try MarkupTree.parse(input.bytes, what: input.name)
        } catch {
            throw ReadError.malformed(error.description)
        }
        switch root.name {
        case "feed": return atom(root)
        case "rss", "RDF":
            let channel = root.child("channel")
            var feed = Feed(
                format: "rss", title: Self.clean(channel?.child("title")?.text), link: Self.clean(channel?.child("link")?.text),
                language: Self.clean(channel?.child("language")?.text), description: Self.clean(channel?.child("description")?.text))
            // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
            let items = (channel?.elements ?? []).filter { $0.name == "item" } + root.elements.filter { $0.name == "item" }
            feed.items = items.map(rssItem)
            return feed
        default:
            throw ReadError.malformed("'\(root.name)' is not a feed root (expected rss, rdf:RDF or Atom feed)")
        }
    }

    private func rssItem(_ element: MarkupElement) -> Item {
        var item = Item()
        item.title = Self.clean(element.child("title")?.text)
        item.link = Self.clean(element.child("link")?.text)
            ?? element.child("guid").flatMap { $0.attribute("isPermaLink") == "false" ? nil : Self.clean($0.text) }
        item.date = (element.child("pubDate") ?? element.child("date")).flatMap { RFC822Date.iso($0.text) }
        item.authors = element.elements.filter { $0.name == "creator" || $0.name == "author" }.compactMap { Self.clean($0.text) }
        item.categories = element.elements.filter { $0.name == "category" || $0.name == "subject" }.compactMap { Self.clean($0.text) }
        if let encoded = element.child("encoded"), !encoded.text.allSatisfy(\.isWhitespace) {
            item.content = .html(encoded.text)
        } else if let description = element.child("description") {
            item.content = .html(description.text)
        }
        return item
    }

    private func atom(_ root: MarkupElement) -> Feed {
        var feed = Feed(format: "atom", title: Self.clean(root.child("title")?.text), link: Self.alternateLink(root),
                        language: root.attribute("lang"), description: Self.clean(root.child("subtitle")?.text))
        for entry in root.elements where entry.name == "entry" {
            var item = Item()
            item.title = Self.clean(entry.child("title")?.text)
            item.link = Self.alternateLink(entry)
            item.date = (entry.child("published") ?? entry.child("updated")).flatMap { RFC822Date.iso($0.text) }
            item.authors = entry.elements.filter { $0.name == "author" }.compactMap { Self.clean($0.child("name")?.text) }
            item.categories = entry.elements.filter { $0.name == "category" }.compactMap { Self.clean($0.attribute("label") ?? $0.attribute("term")) }
            if let content = entry.child("content") ?? entry.child("summary") {
                switch content.attribute("type") ?? "text" {
                case "html": item.content = .html(content.text)
                case "xhtml": item.content = content.child("div").map { .xhtml($0) } ?? .html(content.text)
                default: item.content = .text(content.text)
                }
            }
            feed.items.append(item)
        }
        return feed
    }

    static func alternateLink(_ element: MarkupElement) -> String? {
        let links = element.elements.filter { $0.name == "link" }
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attribute("href")
    }

    static func clean(_ text: String?) -> String? {
        let collapsed = ParagraphSplitter.collapseWhitespace((text ?? "").map { $0.isNewline ? " " : $0 }.map(String.init).joined())
        return collapsed.isEmpty ? nil : collapsed
    }

    private func content(of item: Item, named name: String) throws -> [Block] {
        switch item.content {
        case nil: return []
        case .text(let text):
            return ParagraphSplitter().blocks(from: TextLines.split(text).map { String($0) })
        case .xhtml(let div):
            return XHTMLBlocks().blocks(of: div)
        case .html(let fragment):
            guard !fragment.allSatisfy(\.isWhitespace) else { return [] }
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + fragment + "</body></html>"
            return try html.read(ReaderInput(bytes: Array(page.utf8), name: name + ".html")).blocks
        }
    }
}
