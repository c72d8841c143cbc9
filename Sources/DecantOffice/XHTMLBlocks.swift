import DecantCore

/// Turns a well-formed XHTML body (EPUB chapters) into blocks: `h1`–`h6` headings, `p` and
/// loose text as paragraphs, `li` list items (nested lists flattened), `blockquote` quotes,
/// `pre` code, tables row by row, `figcaption` captions. Navigation, scripts, styles and
/// embedded SVG are left out.
///
/// `<section><h2>Two</h2><p>It <em>was</em> late.</p></section>` → heading 2 "Two", paragraph "It was late."
public struct XHTMLBlocks: Sendable {
    public init() {}

    static let skipped: Set<String> = ["head", "script", "style", "nav", "template", "svg", "math", "noscript", "object", "iframe", "rt", "rp"]
    static let blockContainers: Set<String> = [
        "body", "div", "section", "article", "main", "aside", "header", "footer", "hgroup", "figure", "details", "summary",
        "center", "dl", "dd", "dt", "address", "fieldset", "form",
    ]

    public func blocks(of root: MarkupElement) -> [Block] {
        var blocks: [Block] = []
        let body = root.name == "body" ? root : root.descendant("body") ?? root
        walk(body, into: &blocks)
        return blocks
    }

    private func walk(_ element: MarkupElement, quote: Bool = false, into blocks: inout [Block]) {
        var loose = TextRun()
        func flushLoose() {
            let text = loose.text
            if !text.isEmpty { blocks.append(quote ? Block(type: .quote, text: text) : .paragraph(text)) }
            loose = TextRun()
        }
        for node in element.children {
            switch node {
            case .text(let text):
                loose.append(text)
            case .element(let child):
                let name = child.name.lowercased()
                if Self.skipped.contains(name) { continue }
                if let level = Self.headingLevel(name) {
                    flushLoose()
                    let text = Self.inlineText(child)
                    if !text.isEmpty { blocks.append(.heading(text, level: level)) }
                } else if name == "p" {
                    flushLoose()
                    let text = Self.inlineText(child)
                    if !text.isEmpty { blocks.append(quote ? Block(type: .quote, text: text) : .paragraph(text)) }
                } else if name == "ul" || name == "ol" {
                    flushLoose()
                    for item in child.elements where item.name.lowercased() == "li" { listItem(item, into: &blocks) }
                } else if name == "blockquote" {
                    flushLoose()
                    walk(child, quote: true, into: &blocks)
                } else if name == "pre" {
                    flushLoose()
                    let text = child.text
                    if !text.allSatisfy(\.isWhitespace) { blocks.append(Block(type: .code, text: text.trimmingNewlines())) }
                } else if name == "table" {
                    flushLoose()
                    table(child, into: &blocks)
                } else if name == "figcaption" || name == "caption" {
                    flushLoose()
                    let text = Self.inlineText(child)
                    if !text.isEmpty { blocks.append(Block(type: .caption, text: text)) }
                } else if name == "li" {
                    flushLoose()
                    listItem(child, into: &blocks)
                } else if Self.blockContainers.contains(name) {
                    flushLoose()
                    walk(child, quote: quote, into: &blocks)
                } else if name == "br" {
                    loose.append(" ")
                } else if name == "hr" {
                    flushLoose()
                } else {
                    loose.append(Self.inlineText(child, raw: true))
                }
            }
        }
        flushLoose()
    }

    private func listItem(_ item: MarkupElement, into blocks: inout [Block]) {
        var own = TextRun()
        var nested: [MarkupElement] = []
        for node in item.children {
            switch node {
            case .text(let text): own.append(text)
            case .element(let child):
                let name = child.name.lowercased()
                if name == "ul" || name == "ol" { nested.append(child) } else if !Self.skipped.contains(name) {
                    own.append(" " + Self.inlineText(child, raw: true) + " ")
                }
            }
        }
        if !own.text.isEmpty { blocks.append(Block(type: .listItem, text: own.text)) }
        for list in nested {
            for child in list.elements where child.name.lowercased() == "li" { listItem(child, into: &blocks) }
        }
    }

    private func table(_ table: MarkupElement, into blocks: inout [Block]) {
        if let caption = table.child("caption") {
            let text = Self.inlineText(caption)
            if !text.isEmpty { blocks.append(Block(type: .caption, text: text)) }
        }
        let rows = table.descendants("tr").map { row in
            row.elements.filter { $0.name == "td" || $0.name == "th" }.map { Self.inlineText($0) }
        }
        if let block = Block.table(rows) { blocks.append(block) }
    }

    static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.first == "h", let level = Int(name.dropFirst()), (1...6).contains(level) else { return nil }
        return level
    }

    /// Text of an inline run; `br` is a space, skipped elements are left out.
    static func inlineText(_ element: MarkupElement, raw: Bool = false) -> String {
        var run = TextRun()
        func collect(_ element: MarkupElement) {
            for node in element.children {
                switch node {
                case .text(let text): run.append(text)
                case .element(let child):
                    let name = child.name.lowercased()
                    if name == "br" { run.append(" ") } else if !skipped.contains(name) {
                        // Block-level children inside inline context still separate words.
                        let block = blockContainers.contains(name) || name == "p" || headingLevel(name) != nil || name == "li"
                        if block { run.append(" ") }
                        collect(child)
                        if block { run.append(" ") }
                    }
                }
            }
        }
        collect(element)
        return raw ? run.raw : run.text
    }
}

extension String {
    func trimmingNewlines() -> String {
        var s = Substring(self)
        while s.first == "\n" || s.first == "\r" { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
