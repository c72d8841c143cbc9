import DecantCore
import DecantEncoding
import DecantText

/// Reads Markdown (`.md`, `.markdown`, …): front matter becomes metadata (see ``FrontMatter``),
/// the body becomes headings, paragraphs, list items, quotes, code and tables (see
/// ``MarkdownBlocks``) with inline markup removed. Without a front-matter title, a first
/// level-1 heading names the document.
public struct MarkdownReader: Reader {
    public let name = "markdown"
    public let summary = "Markdown (CommonMark/GFM) with YAML or TOML front matter"
    public let extensions = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"]
    public var decoder: TextDecoder

    public init(decoder: TextDecoder = TextDecoder()) {
        self.decoder = decoder
    }

    /// Markdown is text that says what it is only through its extension.
    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .text || sniffed.kind == .html || sniffed.kind == .xml else { return 0 }
        return extensions.contains(input.fileExtension) ? 0.8 : 0
    }

    public func read(_ input: ReaderInput) throws -> Document {
        let decoded = decoder.decode(input.bytes, declared: input.declaredEncoding)
        var tally = CharacterCleanup.Tally()
        let cleanup = CharacterCleanup()
        let lines = TextLines.split(decoded.text).map { cleanup.clean($0, tally: &tally) }
        let front = FrontMatter.parse(lines)
        let skip = front?.lineCount ?? 0
        let blocks = MarkdownBlocks().blocks(from: Array(lines.dropFirst(skip)), firstLine: skip + 1)
        var metadata = front?.metadata ?? Metadata()
        if metadata.title == nil, let first = blocks.first, first.type == .heading, first.level == 1 {
            metadata.title = first.text
        }
        return Document(
            format: "markdown", metadata: metadata, blocks: blocks, encoding: decoded.encoding, repairs: tally.repairs,
            decant: Provenance(reader: name))
    }
}
