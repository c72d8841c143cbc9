import DecantCore
import Foundation

/// The part of a document a reader's golden file pins down: its metadata and blocks.
///
/// Golden files are `NAME.expected.json` beside the fixture. When one is missing and the
/// environment has `DECANT_WRITE_GOLDEN=1`, the current output is written as a starting point —
/// read it and correct it by hand before committing: a golden file holds what is right.
public struct GoldenDocument: Codable, Equatable, Sendable {
    public var metadata: Metadata
    public var blocks: [Block]

    public init(_ document: Document) {
        metadata = document.metadata
        blocks = document.blocks
    }

    /// The expected shape stored at `url` (written first from `document` when allowed, see above).
    public static func expected(at url: URL, current document: Document) throws -> GoldenDocument {
        try stored(at: url, current: GoldenDocument(document))
    }

    /// The expected shapes of an input that holds several documents (a feed, an archive).
    public static func expected(at url: URL, current documents: [Document]) throws -> [GoldenDocument] {
        try stored(at: url, current: documents.map(GoldenDocument.init))
    }

    static func stored<Value: Codable>(at url: URL, current: Value) throws -> Value {
        if !FileManager.default.fileExists(atPath: url.path), ProcessInfo.processInfo.environment["DECANT_WRITE_GOLDEN"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(current).write(to: url)
        }
        return try JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
    }
}
