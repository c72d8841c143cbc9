import DecantCore
import DecantEncoding

/// A block together with where it came from in the page, for the main-content steps.
struct SourceBlock {
    var block: Block
    /// The innermost block-level element holding the text.
    var element: Int32
    /// Visible non-space characters and, of those, link characters.
    var chars: Int
    var linkChars: Int
    /// The nearest ancestor a structural rule marked as boilerplate, or -1.
    var boilerplate: Int32
    /// Number of `,`-like separators, a readability signal for prose.
    var commas: Int
}

/// Options for how inline markup is kept.
public struct InlineMarkup: Sendable, Equatable {
    /// Keep links as Markdown `[text](href)`.
    public var links = false
    /// Keep images as Markdown `![alt](src)`.
    public var images = false

    public init(links: Bool = false, images: Bool = false) {
        self.links = links
        self.images = images
    }
}

/// Walks the DOM in document order and turns it into blocks: headings with their level,
/// paragraphs, list items, data tables with rows and cells, `pre` as code, block quotes and
/// captions. Layout tables are walked as containers. Iterative: depth costs no stack.
///
/// Before: `<h2>Intro</h2><p>One <b>two</b></p><ul><li>a</li></ul>` — after: heading(2) "Intro",
/// paragraph "One two", list item "a".
struct BlockBuilder {
    let tree: DOMTree
    let stats: NodeStatistics
    let marks: [BoilerplateKind?]
    let markup: InlineMarkup
    var tally = CharacterCleanup.Tally()
    private let cleanup = CharacterCleanup()

    private(set) var blocks: [SourceBlock] = []
    /// The inline text of the block being built, as UTF-8 (appending bytes is far cheaper than
    /// appending scalars to a String, and its count is O(1)).
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var chars = 0
    private var linkChars = 0
    private var commas = 0
    private var line: Int32 = 0
    private var linkDepth = 0

    private struct Open {
        var index: Int32
        var end: Int32
        var tag: HTMLTag
        var boilerplate: Int32
        /// Buffer position where a link's text started (for `--links`).
        var linkStart: Int
    }
    private var open: [Open] = []

    init(tree: DOMTree, stats: NodeStatistics, marks: [BoilerplateKind?], markup: InlineMarkup) {
        self.tree = tree
        self.stats = stats
        self.marks = marks
        self.markup = markup
    }

    mutating func build(from root: Int32) {
        guard root >= 0 else { return }
        var i = Int(root)
        let stop = Int(stats.end[Int(root)])
        while i < stop {
            while let top = open.last, Int(top.end) <= i {
                close(top)
                open.removeLast()
            }
            let node = tree.nodes[i]
            if node.isText {
                addText(node.text, line: node.line)
                i += 1
                continue
            }
            if node.tag.isNeverContent {
                i = Int(stats.end[i])
                continue
            }
            let boilerplate = marks[i] != nil ? Int32(i) : (open.last?.boilerplate ?? -1)
            switch node.tag {
            case .br:
                // <br><br> ends a paragraph; a single <br> is a line break inside it.
                if buffer.last == 0x0A {
                    buffer.removeLast()
                    flush(boilerplate: open.last?.boilerplate ?? -1, element: open.last?.index ?? Int32(root))
                } else if chars > 0 {
                    buffer.append(0x0A)
                }
                pendingSpace = false
                i += 1
                continue
            case .img:
                if markup.images, let src = node.attribute("src") ?? node.attribute("data-src"), !src.isEmpty,
                    !src.hasPrefix("data:")
                {
                    appendRaw("![" + (node.attribute("alt") ?? "") + "](" + src + ")")
                }
                i += 1
                continue
            case .pre:
                flush(boilerplate: boilerplate, element: Int32(i))
                emitCode(i, boilerplate: boilerplate)
                i = Int(stats.end[i])
                continue
            case .table where isDataTable(i):
                flush(boilerplate: boilerplate, element: Int32(i))
                emitTable(i, boilerplate: boilerplate)
                i = Int(stats.end[i])
                continue
            default:
                break
            }
            if node.tag.isBlockLevel || marks[i] != nil {
                flush(boilerplate: open.last?.boilerplate ?? -1, element: open.last?.index ?? -1)
            }
            if node.tag == .a {
                linkDepth += 1
                if markup.links { appendRaw("[") }
            }
            open.append(Open(index: Int32(i), end: stats.end[i], tag: node.tag, boilerplate: boilerplate, linkStart: buffer.count))
            i += 1
        }
        while let top = open.last {
            close(top)
            open.removeLast()
        }
        flush(boilerplate: -1, element: root)
    }

    private mutating func close(_ element: Open) {
        let node = tree.nodes[Int(element.index)]
        if node.tag == .a {
            linkDepth -= 1
            if markup.links {
                let href = node.attribute("href") ?? ""
                let linkText = buffer[min(element.linkStart, buffer.count)...]
                if linkText.lazy.filter({ $0 & 0xC0 != 0x80 }).count <= 1 || href.isEmpty || href.hasPrefix("javascript:") || href.hasPrefix("#") {
                    // keep the text, drop the "[" written just before it
                    let bracket = element.linkStart - 1
                    if bracket >= 0, bracket < buffer.count, buffer[bracket] == UInt8(ascii: "[") { buffer.remove(at: bracket) }
                } else {
                    appendRaw("](" + href + ")")
                }
            }
        }
        if node.tag.isBlockLevel || marks[Int(element.index)] != nil {
            flush(boilerplate: element.boilerplate, element: element.index)
        }
    }

    private mutating func appendRaw(_ text: String) {
        if pendingSpace, !buffer.isEmpty { buffer.append(0x20) }
        pendingSpace = false
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func addText(_ text: String, line textLine: Int32) {
        for scalar in text.unicodeScalars {
            if scalar.isCollapsibleSpace {
                pendingSpace = true
            } else {
                if pendingSpace, let last = buffer.last, last != 0x0A { buffer.append(0x20) }
                pendingSpace = false
                if line == 0 { line = textLine }
                if scalar.isASCII {
                    buffer.append(UInt8(truncatingIfNeeded: scalar.value))
                    if scalar == "," { commas += 1 }
                } else {
                    UTF8.encode(scalar) { buffer.append($0) }
                    if scalar == "，" || scalar == "、" || scalar == "،" { commas += 1 }
                }
                chars += 1
                if linkDepth > 0 { linkChars += 1 }
            }
        }
    }

    /// Ends the current run of inline text as one block (or several, where `<br><br>` split it).
    private mutating func flush(boilerplate: Int32, element: Int32) {
        defer {
            buffer.removeAll(keepingCapacity: true)
            pendingSpace = false
            chars = 0
            linkChars = 0
            commas = 0
            line = 0
        }
        guard chars > 0 else { return }
        let kind = currentKind()
        let text = String(decoding: buffer, as: UTF8.self)
        var pieces: [String] = []
        if kind == .paragraph || kind == .quote {
            var paragraph: [Substring] = []
            var blank = false
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = piece.trimmingASCIISpaces()
                if trimmed.isEmpty {
                    blank = true
                    continue
                }
                if blank, !paragraph.isEmpty {
                    pieces.append(paragraph.joined(separator: "\n"))
                    paragraph = []
                }
                blank = false
                paragraph.append(trimmed)
            }
            if !paragraph.isEmpty { pieces.append(paragraph.joined(separator: "\n")) }
        } else {
            pieces = [text.split(separator: "\n").map { $0.trimmingASCIISpaces() }.filter { !$0.isEmpty }.joined(separator: " ")]
        }
        let total = max(text.unicodeScalars.count, 1)
        for piece in pieces where !piece.isEmpty {
            let cleaned = cleanup.clean(Substring(piece), tally: &tally)
            guard !cleaned.isEmpty else { continue }
            let share = Double(piece.unicodeScalars.count) / Double(total)
            var block = Block(type: kind, text: cleaned, line: line > 0 ? Int(line) : nil)
            if kind == .heading { block.level = headingLevel() }
            blocks.append(SourceBlock(
                block: block, element: element, chars: Int(Double(chars) * share), linkChars: Int(Double(linkChars) * share),
                boilerplate: boilerplate, commas: Int(Double(commas) * share)))
        }
    }

    private func currentKind() -> Block.Kind {
        for element in open.reversed() {
            switch element.tag {
            case .h1, .h2, .h3, .h4, .h5, .h6: return .heading
            case .li, .dt: return .listItem
            case .figcaption, .caption: return .caption
            case .blockquote: return .quote
            case .article, .main, .section, .body, .table, .td, .th: return .paragraph
            default: continue
            }
        }
        return .paragraph
    }

    private func headingLevel() -> Int {
        for element in open.reversed() { if let level = element.tag.headingLevel { return level } }
        return 1
    }

    // MARK: pre and tables

    private mutating func emitCode(_ index: Int, boilerplate: Int32) {
        var text = ""
        var i = index + 1
        let end = Int(stats.end[index])
        var count = 0
        var links = 0
        var linkEnd = 0
        while i < end {
            let node = tree.nodes[i]
            if node.isText {
                text += node.text
                let visible = node.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
                count += visible
                if i < linkEnd { links += visible }
            } else if node.tag == .br {
                text += "\n"
            } else if node.tag.isNeverContent {
                i = Int(stats.end[i])
                continue
            } else if node.tag == .a {
                linkEnd = max(linkEnd, Int(stats.end[i]))
            }
            i += 1
        }
        // Drop leading/trailing blank lines, keep indentation.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy({ $0.isWhitespace }) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy({ $0.isWhitespace }) { lines.removeLast() }
        guard !lines.isEmpty else { return }
        let cleaned = cleanup.clean(Substring(lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")), tally: &tally)
        blocks.append(SourceBlock(
            block: Block(type: .code, text: cleaned, line: Int(tree.nodes[index].line)), element: Int32(index), chars: count,
            linkChars: links, boilerplate: boilerplate, commas: 0))
    }

    /// A table of data (rows and cells) rather than page layout: no nested tables, little
    /// block content.
    private func isDataTable(_ index: Int) -> Bool {
        let end = Int(stats.end[index])
        var blockish = 0
        var i = index + 1
        while i < end {
            let node = tree.nodes[i]
            if !node.isText {
                switch node.tag {
                case .table: return false
                case .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .blockquote, .pre, .article, .section: blockish += 1
                default: break
                }
            }
            i += 1
        }
        return blockish < 3 && stats.chars[index] < 5000
    }

    private mutating func emitTable(_ index: Int, boilerplate: Int32) {
        var rows: [[String]] = []
        var captions: [String] = []
        let end = Int(stats.end[index])
        var i = index + 1
        while i < end {
            let node = tree.nodes[i]
            if node.isText { i += 1; continue }
            switch node.tag {
            case .caption:
                let text = tree.text(of: Int32(i))
                if !text.isEmpty { captions.append(text) }
                i = Int(stats.end[i])
            case .tr:
                var cells: [String] = []
                for cell in tree.children(of: Int32(i)) where tree[cell].tag == .td || tree[cell].tag == .th {
                    cells.append(cleanup.clean(Substring(tree.text(of: cell)), tally: &tally))
                }
                if cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
                i = Int(stats.end[i])
            default:
                i += 1
            }
        }
        let line = Int(tree.nodes[index].line)
        let chars = Int(stats.chars[index])
        let links = Int(stats.keptLinkChars[index])
        for caption in captions {
            blocks.append(SourceBlock(
                block: Block(type: .caption, text: caption, line: line), element: Int32(index), chars: caption.count,
                linkChars: 0, boilerplate: boilerplate, commas: 0))
        }
        guard !rows.isEmpty else { return }
        if rows.count == 1 && rows[0].filter({ !$0.isEmpty }).count == 1 {
            let text = rows[0].first { !$0.isEmpty }!
            blocks.append(SourceBlock(
                block: Block(type: .paragraph, text: text, line: line), element: Int32(index), chars: chars, linkChars: links,
                boilerplate: boilerplate, commas: text.filter { $0 == "," }.count))
            return
        }
        let text = rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
        blocks.append(SourceBlock(
            block: Block(type: .table, text: text, rows: rows, line: line), element: Int32(index), chars: chars, linkChars: links,
            boilerplate: boilerplate, commas: 0))
    }
}

extension StringProtocol {
    func trimmingASCIISpaces() -> Substring {
        var s = self[...]
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return Substring(s)
    }

    func trimmingTrailingSpaces() -> Substring {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return Substring(s)
    }
}

extension Unicode.Scalar {
    /// Whitespace that HTML collapses (not the no-break space, which is kept and cleaned later).
    @inline(__always) var isCollapsibleSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return value != 0xA0 && properties.isWhitespace
    }
}
