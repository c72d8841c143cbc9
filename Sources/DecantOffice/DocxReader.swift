import DecantCore

/// Reads Word documents (`.docx`, Office Open XML): paragraphs with their styles from
/// `word/document.xml`, heading levels and list/quote styles from `word/styles.xml`, tables
/// cell by cell, and title, authors, date, language, description and keywords from
/// `docProps/core.xml`. Deleted revisions, field codes and comments are left out.
///
/// `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Results</w:t></w:r></w:p>`
/// → heading 2 "Results".
public struct DocxReader: ContainerReader {
    public let name = "docx"
    public let summary = "Word documents (Office Open XML .docx)"
    public let extensions = ["docx", "docm", "dotx"]

    public init() {}

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .binary("ZIP archive") else { return 0 }
        if extensions.contains(input.fileExtension) { return 0.9 }
        return MarkupTree.contains(Array(input.bytes.prefix(8192)), Array("word/".utf8)) ? 0.7 : 0
    }

    func document(_ bytes: [UInt8]) throws(OfficeError) -> Document {
        let container = try OfficeContainer(bytes, format: "DOCX")
        let body = try container.xml("word/document.xml")
        let styles = DocxStyles(try container.optionalXML("word/styles.xml"))
        var blocks: [Block] = []
        if let content = body.child("body") { walk(content, styles: styles, into: &blocks) }
        var metadata = Metadata()
        if let core = try container.optionalXML("docProps/core.xml") {
            metadata.title = PropertyValues.single(core.child("title")?.text)
            metadata.authors = PropertyValues.list(core.child("creator")?.text)
            metadata.date = core.child("created").flatMap { MetadataDate.normalized($0.text) }
            metadata.language = PropertyValues.single(core.child("language")?.text)
            metadata.description = PropertyValues.single(core.child("description")?.text)
            metadata.categories = PropertyValues.list(core.child("keywords")?.text)
        }
        if metadata.title == nil, let first = blocks.first, first.type == .heading, first.level == 1 { metadata.title = first.text }
        return Document(format: "docx", metadata: metadata, blocks: blocks, encoding: EncodingInfo(used: "UTF-8"), decant: Provenance(reader: name))
    }

    private func walk(_ container: MarkupElement, styles: DocxStyles, into blocks: inout [Block]) {
        for element in container.elements {
            switch element.name {
            case "p": paragraph(element, styles: styles, into: &blocks)
            case "tbl": table(element, into: &blocks)
            case "sdt", "sdtContent", "customXml", "ins", "smartTag": walk(element, styles: styles, into: &blocks)
            default: break
            }
        }
    }

    private func paragraph(_ p: MarkupElement, styles: DocxStyles, into blocks: inout [Block]) {
        let text = Self.text(of: p)
        guard !text.isEmpty else { return }
        let properties = p.child("pPr")
        let styleID = properties?.child("pStyle")?.attribute("val")
        let style = styleID.map { styles.role(of: $0) } ?? .body
        if let outline = properties?.child("outlineLvl")?.attribute("val").flatMap(Int.init), outline < 6 {
            blocks.append(.heading(text, level: outline + 1))
            return
        }
        switch style {
        case .heading(let level): blocks.append(.heading(text, level: level))
        case .list: blocks.append(Block(type: .listItem, text: text))
        case .quote: blocks.append(Block(type: .quote, text: text))
        case .code: blocks.append(Block(type: .code, text: text))
        case .caption: blocks.append(Block(type: .caption, text: text))
        case .body:
            blocks.append(properties?.child("numPr") != nil ? Block(type: .listItem, text: text) : .paragraph(text))
        }
    }

    private func table(_ tbl: MarkupElement, into blocks: inout [Block]) {
        let rows = tbl.elements.filter { $0.name == "tr" }.map { row in
            row.elements.filter { $0.name == "tc" }.map { cell in
                cell.descendants("p").map(Self.text(of:)).filter { !$0.isEmpty }.joined(separator: " ")
            }
        }
        if let block = Block.table(rows) { blocks.append(block) }
    }

    /// The visible text of a paragraph: runs, tabs and breaks, without deleted text, field
    /// instructions or comment references.
    static func text(of p: MarkupElement) -> String {
        var run = TextRun()
        func collect(_ element: MarkupElement) {
            for node in element.children {
                guard case .element(let child) = node else { continue }
                switch child.name {
                case "t": run.append(child.text)
                case "tab", "br", "cr": run.append(" ")
                case "noBreakHyphen": run.append("-")
                case "delText", "instrText", "pPr", "rPr", "commentReference", "footnoteReference", "endnoteReference", "fldData":
                    break
                default: collect(child)
                }
            }
        }
        collect(p)
        return run.text
    }
}

/// What each paragraph style of a DOCX means, from `word/styles.xml`: style names are stable
/// (`heading 1`, `Title`, `List Paragraph`, `Quote`), style ids are translated (`berschrift1`).
struct DocxStyles {
    enum Role: Equatable {
        case heading(Int)
        case list, quote, code, caption, body
    }

    private var roles: [String: Role] = [:]

    init(_ styles: MarkupElement?) {
        var names: [String: String] = [:]
        var basedOn: [String: String] = [:]
        var outline: [String: Int] = [:]
        for style in styles?.elements.filter({ $0.name == "style" }) ?? [] {
            guard let id = style.attribute("styleId") else { continue }
            names[id] = style.child("name")?.attribute("val")?.lowercased()
            basedOn[id] = style.child("basedOn")?.attribute("val")
            outline[id] = style.child("pPr")?.child("outlineLvl")?.attribute("val").flatMap(Int.init)
        }
        for id in names.keys {
            var current: String? = id
            var seen = Set<String>()
            var role = Role.body
            while let style = current, seen.insert(style).inserted {
                if let found = Self.role(named: names[style] ?? style.lowercased(), outline: outline[style]) {
                    role = found
                    break
                }
                current = basedOn[style]
            }
            roles[id] = role
        }
    }

    func role(of styleID: String) -> Role {
        roles[styleID] ?? Self.role(named: styleID.lowercased(), outline: nil) ?? .body
    }

    static func role(named name: String, outline: Int?) -> Role? {
        if name == "title" { return .heading(1) }
        if name == "subtitle" { return .heading(2) }
        for prefix in ["heading ", "heading"] where name.hasPrefix(prefix) {
            if let level = Int(name.dropFirst(prefix.count)), (1...9).contains(level) { return .heading(min(level, 6)) }
        }
        if let outline, outline < 6 { return .heading(outline + 1) }
        if name.contains("list") { return .list }
        if name.contains("quote") { return .quote }
        if name.contains("code") || name.contains("source") || name == "html preformatted" { return .code }
        if name == "caption" { return .caption }
        return nil
    }
}
