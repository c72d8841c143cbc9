import DecantCore
import DecantText
import Foundation

/// Turns what a plugin printed into a ``Document``.
///
/// JSON output is a shared-schema document in which every key is optional: a plugin may send
/// only `{"text": "…"}`, or `format`, `metadata` and `blocks` as `decant schema` describes them.
/// Fields Decant derives itself (`id`, `source`, `decant`) are ignored. Plain-text output (and
/// JSON with `text` but no `blocks`) goes through the plain-text reader, so it gets the same
/// decoding, character cleanup and paragraph detection as a `.txt` file.
public struct PluginOutput: Sendable {
    public var textReader: PlainTextReader

    public init(textReader: PlainTextReader = PlainTextReader()) {
        self.textReader = textReader
    }

    /// A document from `bytes`; `kind` says how to read them (``PluginManifest/OutputKind``).
    public func document(from bytes: [UInt8], kind: PluginManifest.OutputKind, plugin: String, name: String) throws(PluginFailure) -> Document {
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let isJSON = kind == .json || (kind == .auto && first == UInt8(ascii: "{"))
        let document = isJSON ? try fromJSON(bytes, plugin: plugin, name: name) : try fromText(bytes, plugin: plugin, name: name)
        if document.blocks.allSatisfy({ $0.text.isEmpty }) { throw .noText(plugin: plugin) }
        return document
    }

    private func fromText(_ bytes: [UInt8], plugin: String, name: String) throws(PluginFailure) -> Document {
        if FormatSniffer.sniff(bytes).kind != .text && !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D || $0 == 0x09 }) {
            if case .binary(let what) = FormatSniffer.sniff(bytes).kind {
                throw .invalidOutput(plugin: plugin, reason: "expected text on standard output, got binary data (\(what))")
            }
        }
        do {
            return try textReader.read(ReaderInput(bytes: bytes, name: name))
        } catch {
            throw .invalidOutput(plugin: plugin, reason: String(describing: error))
        }
    }

    private func fromJSON(_ bytes: [UInt8], plugin: String, name: String) throws(PluginFailure) -> Document {
        let sent: SentDocument
        do {
            sent = try JSONDecoder().decode(SentDocument.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidOutput(plugin: plugin, reason: "not valid JSON (\(Self.explain(context)))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            throw .invalidOutput(plugin: plugin, reason: "the JSON does not follow the document schema (\(Self.explain(context)))")
        } catch {
            throw .invalidOutput(plugin: plugin, reason: "not valid JSON")
        }
        var document: Document
        if let blocks = sent.blocks, !blocks.isEmpty {
            document = Document(blocks: try blocks.map { sent throws(PluginFailure) in try sent.block(plugin: plugin) })
        } else if let text = sent.text {
            document = try fromText(Array(text.utf8), plugin: plugin, name: name)
            document.encoding = EncodingInfo(used: "UTF-8")
        } else {
            throw .invalidOutput(plugin: plugin, reason: "the JSON has neither \"blocks\" nor \"text\"")
        }
        if let format = sent.format, !format.isEmpty { document.format = format }
        if let metadata = sent.metadata { document.metadata = metadata.metadata }
        if let encoding = sent.encoding { document.encoding = encoding }
        return document
    }

    private static func explain(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
    }
}

/// The JSON a plugin sends: the document schema with every key optional.
struct SentDocument: Decodable {
    var format: String?
    var text: String?
    var metadata: SentMetadata?
    var blocks: [SentBlock]?
    var encoding: EncodingInfo?
}

struct SentMetadata: Decodable {
    var title: String?
    var authors: [String]?
    var date: String?
    var site: String?
    var url: String?
    var language: String?
    var categories: [String]?
    var description: String?

    var metadata: Metadata {
        Metadata(
            title: title.flatMap(Self.nonEmpty), authors: authors ?? [], date: date.flatMap(MetadataDate.normalized),
            site: site.flatMap(Self.nonEmpty), url: url.flatMap(Self.nonEmpty), language: language.flatMap(Self.nonEmpty),
            categories: categories ?? [], description: description.flatMap(Self.nonEmpty))
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmed(of: " \t\r\n")
        return trimmed.isEmpty ? nil : trimmed
    }
}

struct SentBlock: Decodable {
    var type: String
    var text: String?
    var level: Int?
    var rows: [[String]]?

    func block(plugin: String) throws(PluginFailure) -> Block {
        guard let kind = Block.Kind(rawValue: type) else {
            let known = Block.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidOutput(plugin: plugin, reason: "unknown block type '\(type)' (one of: \(known))")
        }
        let rows = rows ?? []
        let text = text ?? rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
        let level = kind == .heading ? min(max(level ?? 1, 1), 6) : nil
        return Block(type: kind, text: text, level: level, rows: kind == .table ? rows : [])
    }
}
