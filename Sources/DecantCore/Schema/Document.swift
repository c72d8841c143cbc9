/// One document in Decant's shared schema (v1).
///
/// The top-level names `id`, `text`, `source` and `metadata` are the ones dolma and datatrove
/// use, so their JSONL readers take Decant's output unchanged. Every key is always written with
/// a fixed type (`null` or `[]` when unknown) so Arrow-based loaders see one stable row type.
///
/// Readers fill `blocks`, `metadata` hints and `encoding`; the pipeline then cleans, repairs and
/// derives `text` from the blocks (see ``Document/renderText(includeCaptions:)``).
public struct Document: Codable, Equatable, Sendable {
    /// Stable id: the caller's id, else a hash of the source bytes (see ``StableID``).
    public var id: String
    /// Clean main text; paragraphs separated by exactly one blank line.
    public var text: String
    /// Input path relative to the input root, or a URL.
    public var source: String
    /// What the input was: `text`, `scraped-text`, `html`, …
    public var format: String
    public var metadata: Metadata
    /// The kept content, in reading order.
    public var blocks: [Block]
    public var encoding: EncodingInfo
    /// Everything dropped as boilerplate, with the reason.
    public var removed: [Removal]
    /// Every repair made to the text, with its count.
    public var repairs: [Repair]
    public var decant: Provenance
    /// Set only on error records (a document that could not be read); `null` otherwise.
    public var error: DocumentError?

    public init(
        id: String = "", text: String = "", source: String = "", format: String = "text",
        metadata: Metadata = Metadata(), blocks: [Block] = [], encoding: EncodingInfo = EncodingInfo(),
        removed: [Removal] = [], repairs: [Repair] = [], decant: Provenance = Provenance(reader: ""),
        error: DocumentError? = nil
    ) {
        self.id = id
        self.text = text
        self.source = source
        self.format = format
        self.metadata = metadata
        self.blocks = blocks
        self.encoding = encoding
        self.removed = removed
        self.repairs = repairs
        self.decant = decant
        self.error = error
    }

    /// The canonical key order of the JSON form; the writer and the schema follow it.
    public static let keyOrder = [
        "id", "text", "source", "format", "metadata", "blocks", "encoding", "removed", "repairs", "decant", "error",
    ]
}

/// Document-level metadata. Unknown values are `null` (or `[]` for lists).
public struct Metadata: Codable, Equatable, Sendable {
    public var title: String?
    public var authors: [String]
    /// ISO 8601 date (`2022-02-27`) or date-time (`2020-12-08T16:12`).
    public var date: String?
    public var site: String?
    public var url: String?
    /// BCP 47 language tag such as `en`.
    public var language: String?
    public var categories: [String]
    public var description: String?
    /// The outlet the article was first published by, from a "Source: …" credit line
    /// (`site` is where this copy was found).
    public var origin: String?
    /// Keys a caller passed in (`decant pipe` records) beyond the ones above, kept as they came:
    /// key → the value's JSON text. Written after the standard keys, sorted by key.
    public var extra: [String: String] = [:]

    /// The standard keys, in schema order.
    public static let standardKeys = ["title", "authors", "date", "site", "url", "language", "categories", "description", "origin"]

    enum CodingKeys: String, CodingKey {
        case title, authors, date, site, url, language, categories, description, origin
    }

    public init(
        title: String? = nil, authors: [String] = [], date: String? = nil, site: String? = nil,
        url: String? = nil, language: String? = nil, categories: [String] = [], description: String? = nil,
        origin: String? = nil
    ) {
        self.title = title
        self.authors = authors
        self.date = date
        self.site = site
        self.url = url
        self.language = language
        self.categories = categories
        self.description = description
        self.origin = origin
    }
}

/// A unit of content in reading order.
public struct Block: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case heading, paragraph
        case listItem = "list_item"
        case quote, code, table, caption
    }

    public var type: Kind
    /// Heading level 1–6; `null` for other blocks.
    public var level: Int?
    /// The block's text (for tables: rows joined by newlines, cells by tabs).
    public var text: String
    /// Table rows and cells; `[]` for other blocks.
    public var rows: [[String]]
    /// 1-based line in the decoded source where the block starts, when known.
    public var line: Int?

    public init(type: Kind, text: String, level: Int? = nil, rows: [[String]] = [], line: Int? = nil) {
        self.type = type
        self.level = level
        self.text = text
        self.rows = rows
        self.line = line
    }

    public static func heading(_ text: String, level: Int = 1, line: Int? = nil) -> Block {
        Block(type: .heading, text: text, level: level, line: line)
    }

    public static func paragraph(_ text: String, line: Int? = nil) -> Block {
        Block(type: .paragraph, text: text, line: line)
    }
}

/// Something the cleaner dropped, and why.
public struct Removal: Codable, Equatable, Sendable {
    public var text: String
    /// Dotted reason such as `boilerplate.navigation`.
    public var reason: String
    /// 1-based line in the decoded source, when known.
    public var line: Int?

    public init(text: String, reason: String, line: Int? = nil) {
        self.text = text
        self.reason = reason
        self.line = line
    }
}

/// A repair made to the text, aggregated by kind and replacement.
public struct Repair: Codable, Equatable, Sendable {
    /// What kind of damage: `mojibake`, `entity`, `control-character`, `whitespace`, …
    public var kind: String
    public var from: String
    public var to: String
    public var count: Int

    public init(kind: String, from: String, to: String, count: Int = 1) {
        self.kind = kind
        self.from = from
        self.to = to
        self.count = count
    }
}

/// How the bytes were turned into text.
public struct EncodingInfo: Codable, Equatable, Sendable {
    /// What the input declared (BOM, meta charset, caller), if anything.
    public var declared: String?
    /// What detection concluded, if detection ran.
    public var detected: String?
    /// The encoding actually used to decode.
    public var used: String?
    /// Detector confidence 0…1 for `detected`, `null` when no detection ran.
    public var confidence: Double?
    /// Invalid byte sequences replaced by U+FFFD.
    public var invalid_sequences: Int

    public init(
        declared: String? = nil, detected: String? = nil, used: String? = nil, confidence: Double? = nil,
        invalidSequences: Int = 0
    ) {
        self.declared = declared
        self.detected = detected
        self.used = used
        self.confidence = confidence
        self.invalid_sequences = invalidSequences
    }
}

/// Which Decant made the document and with which reader.
public struct Provenance: Codable, Equatable, Sendable {
    public var version: String
    public var schema_version: Int
    public var reader: String

    public init(reader: String, version: String = DecantVersion.current, schemaVersion: Int = DecantVersion.schema) {
        self.version = version
        self.schema_version = schemaVersion
        self.reader = reader
    }
}

/// Why a document could not be produced (only on error records).
public struct DocumentError: Codable, Equatable, Sendable, Error {
    /// Machine-readable code such as `read.permission`, `skipped.binary`.
    public var code: String
    /// A sentence a user can act on.
    public var message: String
    /// The input record as it was received, when it could not be processed (`decant pipe`).
    public var input: String?

    public init(code: String, message: String, input: String? = nil) {
        self.code = code
        self.message = message
        self.input = input
    }
}

/// Version numbers of the tool and of the document schema.
public enum DecantVersion {
    public static let current = "0.1.0"
    /// Bumped on any incompatible change to the JSON form of ``Document``.
    public static let schema = 1
}
