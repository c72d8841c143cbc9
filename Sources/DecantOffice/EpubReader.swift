import DecantCore

/// Reads EPUB 2 and 3 e-books (`.epub`): the package document named by
/// `META-INF/container.xml` gives the metadata (title, creators, date, language, description,
/// subjects) and the reading order (the spine); each chapter's XHTML becomes blocks through
/// ``XHTMLBlocks``, all in one document. The navigation document is left out.
public struct EpubReader: ContainerReader {
    public let name = "epub"
    public let summary = "EPUB e-books (EPUB 2 and 3)"
    public let extensions = ["epub"]

    public init() {}

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .binary("ZIP archive") else { return 0 }
        if OfficeContainer.leadingMimetype(input.bytes) == "application/epub+zip" { return 0.95 }
        return extensions.contains(input.fileExtension) ? 0.9 : 0
    }

    func document(_ bytes: [UInt8]) throws(OfficeError) -> Document {
        let container = try OfficeContainer(bytes, format: "EPUB")
        let rootfile = try container.xml("META-INF/container.xml").descendant("rootfile")?.attribute("full-path")
        guard let packagePath = rootfile.map(Self.percentDecoded) else { throw .missingPart(format: "EPUB", "the rootfile in META-INF/container.xml") }
        let package = try container.xml(packagePath)
        let base = packagePath.contains("/") ? String(packagePath[...packagePath.lastIndex(of: "/")!]) : ""

        var manifest: [String: (href: String, properties: String)] = [:]
        for item in package.child("manifest")?.elements ?? [] where item.name == "item" {
            if let id = item.attribute("id"), let href = item.attribute("href") {
                manifest[id] = (href, item.attribute("properties") ?? "")
            }
        }
        var blocks: [Block] = []
        for itemref in package.child("spine")?.elements ?? [] where itemref.name == "itemref" {
            guard itemref.attribute("linear") != "no", let id = itemref.attribute("idref"), let item = manifest[id] else { continue }
            if item.properties.split(separator: " ").contains("nav") { continue }
            let path = Self.resolve(item.href, base: base)
            guard container.has(path) else { throw .missingPart(format: "EPUB", path) }
            blocks += XHTMLBlocks().blocks(of: try container.xml(path))
        }

        var metadata = Metadata()
        if let meta = package.child("metadata") {
            let values = { (name: String) in meta.elements.filter { $0.name == name }.compactMap { PropertyValues.single($0.text) } }
            metadata.title = values("title").first
            metadata.authors = values("creator")
            metadata.date = values("date").lazy.compactMap(MetadataDate.normalized).first
            metadata.language = values("language").first
            metadata.description = values("description").first
            metadata.categories = values("subject")
        }
        return Document(format: "epub", metadata: metadata, blocks: blocks, encoding: EncodingInfo(used: "UTF-8"), decant: Provenance(reader: name))
    }

    /// `href` relative to the package document's folder, without fragment, `.` and `..` resolved.
    static func resolve(_ href: String, base: String) -> String {
        let clean = percentDecoded(String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]))
        var parts: [Substring] = []
        for part in (base + clean).split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
