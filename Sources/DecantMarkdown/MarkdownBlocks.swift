import DecantCore

/// Splits Markdown lines into blocks: ATX and setext headings, paragraphs, bullet and ordered
/// list items (nested ones flattened, each its own `list_item`), block quotes, fenced and
/// indented code, pipe tables, and images on their own line (as captions). Thematic breaks,
/// HTML comments, lone HTML tags and link reference definitions are dropped.
///
/// ```
/// # Title            → heading 1 "Title"
/// Some *text*        → paragraph "Some text"
/// - one              → list_item "one"
/// > quoted           → quote "quoted"
/// | a | b |          → table [["a","b"],["1","2"]]
/// |---|---|
/// | 1 | 2 |
/// ```
///
/// It follows CommonMark's block structure closely enough for documents people write; it is
/// not a conformance-tested CommonMark parser (no nested containers beyond list flattening).
public struct MarkdownBlocks: Sendable {
    public init() {}

    /// Blocks of `lines`; `firstLine` is the 1-based number of `lines[0]` in the file.
    public func blocks(from lines: [String], firstLine: Int = 1) -> [Block] {
        var parser = Parser(lines: lines, firstLine: firstLine)
        parser.run()
        return parser.blocks
    }
}

private struct Parser {
    let lines: [String]
    let firstLine: Int
    var blocks: [Block] = []
    var i = 0
    var paragraph: [String] = []
    var paragraphStart = 0

    init(lines: [String], firstLine: Int) {
        self.lines = lines
        self.firstLine = firstLine
    }

    mutating func run() {
        while i < lines.count {
            let line = lines[i]
            let indent = Self.indentation(line)
            let content = line.trimmingSpaces
            if content.isEmpty {
                flushParagraph()
                i += 1
                continue
            }
            // A marker indented under a list item is a nested item, not code.
            if indent >= 4 && paragraph.isEmpty {
                if blocks.last?.type == .listItem, let marker = Self.listMarker(line) { listItem(marker) } else { indentedCode() }
                continue
            }
            if indent < 4 {
                if let fence = Self.fence(content) {
                    flushParagraph()
                    fencedCode(fence)
                    continue
                }
                if let (level, text) = Self.atxHeading(content) {
                    flushParagraph()
                    add(.heading(MarkdownInline.plain(text), level: level, line: number(i)))
                    i += 1
                    continue
                }
                if !paragraph.isEmpty, let level = Self.setextLevel(content) {
                    let text = paragraph.joined(separator: " ")
                    let start = paragraphStart
                    paragraph = []
                    add(.heading(MarkdownInline.plain(text), level: level, line: number(start)))
                    i += 1
                    continue
                }
                if Self.isThematicBreak(content) {
                    flushParagraph()
                    i += 1
                    continue
                }
                if content.hasPrefix(">") {
                    flushParagraph()
                    quote()
                    continue
                }
                if let marker = Self.listMarker(line), paragraph.isEmpty || marker.interruptsParagraph {
                    flushParagraph()
                    listItem(marker)
                    continue
                }
                if line.contains("|"), i + 1 < lines.count, Self.isTableSeparator(lines[i + 1]) {
                    flushParagraph()
                    table()
                    continue
                }
                if content.hasPrefix("<!--") {
                    flushParagraph()
                    skipComment()
                    continue
                }
                if paragraph.isEmpty, Self.isLoneTag(content) || Self.isReferenceDefinition(content) {
                    i += 1
                    continue
                }
                if paragraph.isEmpty, let alt = Self.loneImage(content) {
                    if !alt.isEmpty { add(Block(type: .caption, text: MarkdownInline.plain(alt), line: number(i))) }
                    i += 1
                    continue
                }
            }
            if paragraph.isEmpty { paragraphStart = i }
            paragraph.append(content)
            i += 1
        }
        flushParagraph()
    }

    func number(_ index: Int) -> Int { firstLine + index }

    mutating func add(_ block: Block) {
        if !block.text.isEmpty || block.type == .table { blocks.append(block) }
    }

    mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        add(.paragraph(Self.joinLines(paragraph), line: number(paragraphStart)))
        paragraph = []
    }

    /// Paragraph lines joined with spaces; a trailing backslash (hard break) is dropped.
    static func joinLines(_ lines: [String]) -> String {
        let text = lines.map { $0.hasSuffix("\\") ? String($0.dropLast()) : $0 }.joined(separator: " ")
        return collapse(MarkdownInline.plain(text))
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    // MARK: Code

    mutating func fencedCode(_ fence: (char: Character, count: Int, indent: Int)) {
        let start = i
        i += 1
        var body: [String] = []
        while i < lines.count {
            let content = lines[i].trimmingSpaces
            if Self.indentation(lines[i]) < 4, content.allSatisfy({ $0 == fence.char }), content.count >= fence.count {
                i += 1
                break
            }
            body.append(Self.removeIndent(lines[i], upTo: fence.indent))
            i += 1
        }
        add(Block(type: .code, text: body.joined(separator: "\n"), line: number(start)))
    }

    mutating func indentedCode() {
        let start = i
        var body: [String] = []
        while i < lines.count, Self.indentation(lines[i]) >= 4 || lines[i].trimmingSpaces.isEmpty {
            body.append(Self.removeIndent(lines[i], upTo: 4))
            i += 1
        }
        while body.last?.trimmingSpaces.isEmpty == true { body.removeLast() }
        add(Block(type: .code, text: body.joined(separator: "\n"), line: number(start)))
    }

    // MARK: Containers

    mutating func quote() {
        var chunk: [String] = []
        var chunkStart = i
        func flush(_ parser: inout Parser) {
            if !chunk.isEmpty {
                parser.add(Block(type: .quote, text: Self.joinLines(chunk), line: parser.number(chunkStart)))
            }
            chunk = []
        }
        while i < lines.count {
            let content = lines[i].trimmingSpaces
            guard content.hasPrefix(">") else {
                // Lazy continuation: a plain line right after quoted text belongs to it.
                if !content.isEmpty, !chunk.isEmpty, Self.listMarker(lines[i]) == nil, Self.atxHeading(content) == nil {
                    chunk.append(content)
                    i += 1
                    continue
                }
                break
            }
            var inner = content.dropFirst()
            while inner.first == ">" { inner = inner.dropFirst() }
            let text = inner.trimmingSpaces
            if text.isEmpty {
                flush(&self)
            } else {
                if chunk.isEmpty { chunkStart = i }
                if let (_, heading) = Self.atxHeading(text) { chunk.append(heading) } else { chunk.append(text) }
            }
            i += 1
        }
        flush(&self)
    }

    mutating func listItem(_ marker: ListMarker) {
        let start = i
        var text = [marker.rest]
        i += 1
        var sawBlank = false
        while i < lines.count {
            let line = lines[i]
            let content = line.trimmingSpaces
            if content.isEmpty {
                sawBlank = true
                i += 1
                continue
            }
            let indent = Self.indentation(line)
            if Self.listMarker(line) != nil || (indent < marker.contentIndent && (sawBlank || Self.startsBlock(content))) {
                break
            }
            if sawBlank && indent < marker.contentIndent { break }
            text.append(content)
            sawBlank = false
            i += 1
        }
        if sawBlank, i <= lines.count { /* the blank lines were consumed; the next block starts cleanly */ }
        add(Block(type: .listItem, text: Self.joinLines(text), line: number(start)))
    }

    // MARK: Tables

    mutating func table() {
        let start = i
        var rows = [Self.cells(lines[i])]
        i += 2
        while i < lines.count, lines[i].contains("|"), !lines[i].trimmingSpaces.isEmpty {
            rows.append(Self.cells(lines[i]))
            i += 1
        }
        let width = rows[0].count
        rows = rows.map { row in
            row.count >= width ? Array(row.prefix(width)) : row + Array(repeating: "", count: width - row.count)
        }
        add(Block(type: .table, text: rows.map { $0.joined(separator: "\t") }.joined(separator: "\n"), rows: rows, line: number(start)))
    }

    static func cells(_ line: String) -> [String] {
        var content = Substring(line.trimmingSpaces)
        if content.hasPrefix("|") { content = content.dropFirst() }
        if content.hasSuffix("|") && !content.hasSuffix("\\|") { content = content.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        var inCode = false
        for char in content {
            if escaped {
                if char != "|" { current.append("\\") }
                current.append(char)
                escaped = false
            } else if char == "\\" {
                escaped = true
            } else if char == "`" {
                inCode.toggle()
                current.append(char)
            } else if char == "|" && !inCode {
                cells.append(current)
                current = ""
            } else {
                current.append(char)
            }
        }
        cells.append(current)
        return cells.map { collapse(MarkdownInline.plain($0.trimmingSpaces)) }
    }

    static func isTableSeparator(_ line: String) -> Bool {
        let cells = cellsRaw(line)
        guard !cells.isEmpty, line.contains("-") else { return false }
        return cells.allSatisfy { cell in
            var c = Substring(cell)
            if c.hasPrefix(":") { c = c.dropFirst() }
            if c.hasSuffix(":") { c = c.dropLast() }
            return !c.isEmpty && c.allSatisfy { $0 == "-" }
        } && (line.contains("|") || cells.count > 1)
    }

    static func cellsRaw(_ line: String) -> [String] {
        var content = Substring(line.trimmingSpaces)
        if content.hasPrefix("|") { content = content.dropFirst() }
        if content.hasSuffix("|") { content = content.dropLast() }
        return content.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
    }

    // MARK: Skipped lines

    mutating func skipComment() {
        while i < lines.count {
            let done = lines[i].contains("-->")
            i += 1
            if done { break }
        }
    }

    // MARK: Line tests

    struct ListMarker {
        var rest: String
        var contentIndent: Int
        var interruptsParagraph: Bool
    }

    static func listMarker(_ line: String) -> ListMarker? {
        let indent = indentation(line)
        guard indent < 4 + 8 else { return nil }  // nested lists are indented; deeper is code
        let content = Substring(line.trimmingSpaces)
        guard let first = content.first else { return nil }
        if "-*+".contains(first) {
            let rest = content.dropFirst()
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            if isThematicBreak(String(content)) { return nil }
            return ListMarker(rest: rest.trimmingSpaces, contentIndent: indent + 2, interruptsParagraph: !rest.trimmingSpaces.isEmpty)
        }
        let digits = content.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = content.dropFirst(digits.count)
        guard let delimiter = after.first, delimiter == "." || delimiter == ")" else { return nil }
        let rest = after.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return ListMarker(
            rest: rest.trimmingSpaces, contentIndent: indent + digits.count + 2,
            interruptsParagraph: digits == "1" && !rest.trimmingSpaces.isEmpty)
    }

    static func startsBlock(_ content: String) -> Bool {
        content.hasPrefix(">") || fence(content) != nil || atxHeading(content) != nil || isThematicBreak(content)
    }

    static func fence(_ content: String) -> (char: Character, count: Int, indent: Int)? {
        guard let first = content.first, first == "`" || first == "~" else { return nil }
        let count = content.prefix(while: { $0 == first }).count
        guard count >= 3 else { return nil }
        if first == "`" && content.dropFirst(count).contains("`") { return nil }
        return (first, count, 0)
    }

    static func atxHeading(_ content: String) -> (Int, String)? {
        let hashes = content.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = content.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpaces
        // Closing hashes: "## Title ##".
        let trailing = text.reversed().prefix(while: { $0 == "#" }).count
        if trailing > 0, trailing == text.count || text.dropLast(trailing).last == " " {
            text = String(text.dropLast(trailing)).trimmingSpaces
        }
        return (hashes, text)
    }

    static func setextLevel(_ content: String) -> Int? {
        if !content.isEmpty, content.allSatisfy({ $0 == "=" }) { return 1 }
        if !content.isEmpty, content.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    static func isThematicBreak(_ content: String) -> Bool {
        let marks = content.filter { $0 != " " && $0 != "\t" }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    static func isLoneTag(_ content: String) -> Bool {
        guard content.hasPrefix("<"), content.hasSuffix(">"), content.count >= 3 else { return false }
        let inner = content.dropFirst().dropLast()
        guard let first = inner.first, first.isLetter || first == "/" else { return false }
        return !inner.contains("<") && !inner.contains(">")
    }

    static func isReferenceDefinition(_ content: String) -> Bool {
        guard content.hasPrefix("["), let close = content.firstIndex(of: "]") else { return false }
        let after = content[content.index(after: close)...]
        return after.hasPrefix(":") && !after.dropFirst().trimmingSpaces.isEmpty && close > content.index(after: content.startIndex)
    }

    static func loneImage(_ content: String) -> String? {
        guard content.hasPrefix("!["), content.hasSuffix(")"), let close = content.firstIndex(of: "]") else { return nil }
        let after = content[content.index(after: close)...]
        guard after.hasPrefix("("), !after.dropFirst().contains("(") || after.filter({ $0 == "(" }).count == after.filter({ $0 == ")" }).count else {
            return nil
        }
        return String(content[content.index(content.startIndex, offsetBy: 2)..<close])
    }

    static func indentation(_ line: String) -> Int {
        var width = 0
        for char in line {
            if char == " " { width += 1 } else if char == "\t" { width += 4 - width % 4 } else { break }
        }
        return width
    }

    static func removeIndent(_ line: String, upTo columns: Int) -> String {
        var width = 0
        var index = line.startIndex
        while index < line.endIndex, width < columns {
            let char = line[index]
            if char == " " { width += 1 } else if char == "\t" { width += 4 - width % 4 } else { break }
            index = line.index(after: index)
        }
        return String(line[index...])
    }
}
