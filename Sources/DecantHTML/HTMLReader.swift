import DecantCore
import DecantEncoding

/// Reads HTML pages: decodes the bytes (BOM, then `<meta charset>`/`http-equiv`, then the XML
/// declaration, then detection), parses them with libxml2's forgiving HTML parser, extracts
/// the main content as blocks with every removal recorded, and reads the page's metadata.
///
/// Before: a news page with menus, share bars and a cookie banner — after: the article's
/// headings, paragraphs, lists and tables, and title/authors/date/site/url/language.
public struct HTMLReader: Reader {
    public let name = "html"
    public let summary = "HTML pages: main content (boilerplate removed) and metadata, via libxml2"
    public let extensions = ["html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp"]
    public var decoder: TextDecoder
    public var options: ExtractionOptions

    public init(decoder: TextDecoder = TextDecoder(), options: ExtractionOptions = ExtractionOptions()) {
        self.decoder = decoder
        self.options = options
    }

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        switch sniffed.kind {
        case .html: return 0.9
        case .text: return extensions.contains(input.fileExtension) && Self.hasMarkup(input.bytes) ? 0.6 : 0
        default: return 0
        }
    }

    /// Whether the first bytes contain an HTML tag at all (a `.html` file can be plain text).
    static func hasMarkup(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(FormatSniffer.window)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        for tag in [
            "<p", "<div", "<br", "<a ", "<span", "<table", "<h1", "<h2", "<ul", "<title", "<article", "<section", "<html",
            "<head", "<body", "<meta", "<!doctype html",
        ]
        where HTMLCharsetPrescan.find(Array(tag.utf8), in: head, from: 0) != nil {
            return true
        }
        return false
    }

    public func read(_ input: ReaderInput) throws -> Document {
        let declared = input.declaredEncoding ?? HTMLCharsetPrescan.declaredCharset(input.bytes)
        let decoded = decoder.decode(input.bytes, declared: declared)
        let tree: DOMTree
        do {
            tree = try LibXML2.parse(utf8: decoded.text)
        } catch {
            throw ReadError.malformed(error.description)
        }
        let content = MainContentExtractor(options: options).extract(tree)
        let metadata = HTMLMetadataExtractor().extract(tree)
        return Document(
            format: "html", metadata: metadata, blocks: content.blocks, encoding: decoded.encoding, removed: content.removed,
            repairs: content.repairs, decant: Provenance(reader: name))
    }
}
