/// The forms a document can be written in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// One JSON object per line, all documents in one `documents.jsonl`.
    case jsonl
    /// One indented JSON file per document.
    case json
    /// The clean text only.
    case txt
    /// Markdown rendered from the blocks, with the title as a heading.
    case md

    /// Extension of per-document output files.
    public var fileExtension: String { rawValue }

    /// The document rendered in this format, ending with a newline.
    public func render(_ document: Document) -> String {
        switch self {
        case .jsonl: document.jsonLine() + "\n"
        case .json: document.prettyJSON() + "\n"
        case .txt: document.text.isEmpty ? "" : document.text + "\n"
        case .md: MarkdownRenderer.render(document)
        }
    }
}

/// Renders a document's blocks as CommonMark.
public enum MarkdownRenderer {
    public static func render(_ document: Document) -> String {
        var parts: [String] = []
        var lastKind: Block.Kind?
        let firstIsTitle = document.blocks.first.map { $0.type == .heading && $0.text == document.metadata.title } ?? false
        if let title = document.metadata.title, !title.isEmpty, !firstIsTitle {
            parts.append("# " + title)
        }
        for block in document.blocks {
            let rendered: String
            switch block.type {
            case .heading: rendered = String(repeating: "#", count: min(max(block.level ?? 1, 1), 6)) + " " + block.text
            case .paragraph: rendered = block.text
            case .listItem: rendered = "- " + block.text
            case .quote: rendered = block.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
            case .code: rendered = "```\n" + block.text + "\n```"
            case .caption: rendered = "*" + block.text + "*"
            case .table: rendered = table(block)
            }
            if lastKind == .listItem && block.type == .listItem, let last = parts.popLast() {
                parts.append(last + "\n" + rendered)
            } else {
                parts.append(rendered)
            }
            lastKind = block.type
        }
        return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
    }

    static func table(_ block: Block) -> String {
        guard let header = block.rows.first, !header.isEmpty else { return block.text }
        let width = block.rows.map(\.count).max() ?? header.count
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: width - cells.count)
            return "| " + padded.map { $0.replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        var lines = [row(header), "|" + Array(repeating: " --- |", count: width).joined()]
        lines += block.rows.dropFirst().map(row)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
