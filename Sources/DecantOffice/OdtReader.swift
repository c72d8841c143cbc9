import DecantCore

/// Reads OpenDocument text (`.odt`): headings with their outline level, paragraphs, list items
/// (nested lists flattened), tables and sections from `content.xml`; title, authors, date,
/// language, description and keywords from `meta.xml`. Notes and annotations are left out;
/// `Quotations` and `Preformatted Text` paragraphs become quotes and code.
///
/// `<text:h text:outline-level="2">Results</text:h>` → heading 2 "Results".
public struct OdtReader: ContainerReader {
    public let name = "odt"
    public let summary = "OpenDocument text (.odt)"
    public let extensions = ["odt", "ott"]
    static let mimetypes = ["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"]

    public init() {}

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .binary("ZIP archive") else { return 0 }
        if let mimetype = OfficeContainer.leadingMimetype(input.bytes), Self.mimetypes.contains(mimetype) { return 0.95 }
        return extensions.contains(input.fileExtension) ? 0.9 : 0
    }

    func document(_ bytes: [UInt8]) throws(OfficeError) -> Document {
        let container = try OfficeContainer(bytes, format: "ODT")
        let content = try container.xml("content.xml")
        guard let text = content.child("body")?.child("text") else { throw .missingPart(format: "ODT", "office:body/office:text") }
        var blocks: [Block] = []
        walk(text, into: &blocks)
        var metadata = Metadata()
        if let meta = try container.optionalXML("meta.xml")?.child("meta") {
            metadata.title = PropertyValues.single(meta.child("title")?.text)
            metadata.authors = PropertyValues.list((meta.child("initial-creator") ?? meta.child("creator"))?.text)
            metadata.date = (meta.child("creation-date") ?? meta.child("date")).flatMap { MetadataDate.normalized($0.text) }
            metadata.language = PropertyValues.single(meta.child("language")?.text)
            metadata.description = PropertyValues.single(meta.child("description")?.text)
            metadata.categories = meta.elements.filter { $0.name == "keyword" }.flatMap { PropertyValues.list($0.text) }
        }
        if metadata.title == nil, let first = blocks.first, first.type == .heading, first.level == 1 { metadata.title = first.text }
        return Document(format: "odt", metadata: metadata, blocks: blocks, encoding: EncodingInfo(used: "UTF-8"), decant: Provenance(reader: name))
    }

    private func walk(_ container: MarkupElement, listDepth: Int = 0, into blocks: inout [Block]) {
        for element in container.elements {
            switch element.name {
            case "h":
                let text = Self.text(of: element)
                let level = element.attribute("outline-level").flatMap(Int.init) ?? 1
                if !text.isEmpty { blocks.append(.heading(text, level: min(max(level, 1), 6))) }
            case "p":
                let text = Self.text(of: element)
                guard !text.isEmpty else { continue }
                let style = (element.attribute("style-name") ?? "").lowercased()
                if listDepth > 0 {
                    blocks.append(Block(type: .listItem, text: text))
                } else if style.hasPrefix("quotation") {
                    blocks.append(Block(type: .quote, text: text))
                } else if style.hasPrefix("preformatted") {
                    blocks.append(Block(type: .code, text: text))
                } else {
                    blocks.append(.paragraph(text))
                }
            case "list":
                walk(element, listDepth: listDepth + 1, into: &blocks)
            case "list-item", "list-header", "section", "index-body", "table-of-content", "soft-page-break":
                walk(element, listDepth: listDepth, into: &blocks)
            case "table":
                table(element, into: &blocks)
            default:
                break
            }
        }
    }

    private func table(_ table: MarkupElement, into blocks: inout [Block]) {
        let rows = table.descendants("table-row").map { row in
            row.elements.filter { $0.name == "table-cell" }.map { cell in
                cell.descendants("p").map(Self.text(of:)).filter { !$0.isEmpty }.joined(separator: " ")
            }
        }
        if let block = Block.table(rows) { blocks.append(block) }
    }

    /// The visible text of a paragraph or heading: spans, links, spaces and tabs, without
    /// notes, annotations or frames.
    static func text(of element: MarkupElement) -> String {
        var run = TextRun()
        func collect(_ element: MarkupElement) {
            for node in element.children {
                switch node {
                case .text(let text): run.append(text)
                case .element(let child):
                    switch child.name {
                    case "s": run.append(String(repeating: " ", count: child.attribute("c").flatMap(Int.init) ?? 1))
                    case "tab", "line-break": run.append(" ")
                    case "note", "annotation", "annotation-end", "frame", "bookmark", "bookmark-start", "bookmark-end", "sequence-decls":
                        break
                    default: collect(child)
                    }
                }
            }
        }
        collect(element)
        return run.text
    }
}
