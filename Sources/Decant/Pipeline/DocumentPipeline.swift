/// Options that change what a document comes out as.
public struct PipelineOptions: Sendable {
    /// Keep caption blocks in `text` (they are always in `blocks`).
    public var includeCaptions = false
    /// Inputs larger than this are refused with a clear error (bytes).
    public var maxBytes = 256 * 1024 * 1024
    /// Which text repairs and normalisations run (after the other stages, see ``DocumentPipeline``).
    public var repairs = RepairOptions()
    /// Wall-clock limit per input in seconds (``DocumentTimeLimit``); `nil` for none. The command
    /// line sets 120 s (`--timeout-per-doc`).
    public var timeoutPerDocument: Double?
    /// Read every input with this reader (a name from `decant readers`) instead of choosing one
    /// by content and extension; a caller's own `readerName` (a pipe record's `format`) still wins.
    public var readerName: String?

    public init() {}
}

/// Runs one input through the flow: pick a reader, read blocks, then derive the final fields
/// (`id`, `source`, `text`, provenance) the same way for every format.
public struct DocumentPipeline: Sendable {
    public var registry: ReaderRegistry
    public var options: PipelineOptions
    /// Run in order on every document after its reader (cleaning first, then repairs).
    public var stages: [any DocumentStage]
    /// The text repairs (``PipelineOptions/repairs``), run after `stages`.
    var repairStage: TextRepairStage { options.repairs.stage }

    public init(
        registry: ReaderRegistry = BuiltinReaders.registry(), options: PipelineOptions = PipelineOptions(),
        stages: [any DocumentStage] = BuiltinStages.standard()
    ) {
        self.registry = registry
        self.options = options
        self.stages = stages
    }

    /// Reads `input` into a finished document.
    ///
    /// - Parameters:
    ///   - source: what to write as `source` (relative path or URL); defaults to the input name.
    ///   - id: the caller's id; defaults to a hash of the bytes.
    ///   - readerName: use this reader (a `format` a caller names) instead of choosing one.
    /// - Throws: ``ReadError`` when no reader fits, the reader's own error, or a `read.timeout`
    ///   ``DocumentError`` past ``PipelineOptions/timeoutPerDocument``.
    public func process(_ input: ReaderInput, source: String? = nil, id: String? = nil, readerName: String? = nil) throws -> Document {
        try DocumentTimeLimit(seconds: options.timeoutPerDocument).run(name: source ?? input.name) { budget in
            try process(input, source: source, id: id, readerName: readerName, budget: budget)
        }
    }

    /// ``process(_:source:id:readerName:)`` for a caller that enforces the time limit itself (the
    /// batch runners): no limit of its own, but it stops between steps once `budget` expires.
    public func process(
        _ input: ReaderInput, source: String? = nil, id: String? = nil, readerName: String? = nil, budget: DocumentTimeLimit.Budget
    ) throws -> Document {
        let reader = try reader(for: input, named: readerName)
        var document = try reader.read(input)
        try budget.check()
        try runStages(on: &document, source: source ?? input.name, budget: budget)
        finish(&document, input: input, reader: reader, source: source, id: id)
        return document
    }

    /// Reads every logical document in `input` (see ``Reader/readAll(_:)``): one for most
    /// formats, one per item for feeds and web archives. With several, the n-th (from 1) gets
    /// the id `<id>-<n>` and the source `<source>#<n>`, so each stays traceable to its input.
    public func processAll(_ input: ReaderInput, source: String? = nil, id: String? = nil, readerName: String? = nil) throws -> [Document] {
        try DocumentTimeLimit(seconds: options.timeoutPerDocument).run(name: source ?? input.name) { budget in
            try processAll(input, source: source, id: id, readerName: readerName, budget: budget)
        }
    }

    /// ``processAll(_:source:id:readerName:)`` for a caller that enforces the time limit itself.
    public func processAll(
        _ input: ReaderInput, source: String? = nil, id: String? = nil, readerName: String? = nil, budget: DocumentTimeLimit.Budget
    ) throws -> [Document] {
        let reader = try reader(for: input, named: readerName)
        var documents = try reader.readAll(input)
        let several = documents.count > 1
        let baseID = id ?? StableID.forBytes(input.bytes)
        let baseSource = source ?? input.name
        for index in documents.indices {
            try budget.check()
            try runStages(on: &documents[index], source: baseSource, budget: budget)
            finish(
                &documents[index], input: input, reader: reader, source: several ? "\(baseSource)#\(index + 1)" : baseSource,
                id: several ? "\(baseID)-\(index + 1)" : baseID)
        }
        return documents
    }

    /// The cleaning stages, then the repairs; abandoned work stops between two of them.
    private func runStages(on document: inout Document, source: String, budget: DocumentTimeLimit.Budget) throws {
        document.source = source  // stages may group documents by folder (batch learning)
        for stage in stages {
            stage.apply(to: &document)
            try budget.check()
        }
        repairStage.apply(to: &document)
    }

    /// The reader named by the caller, or the one the registry picks for `input`.
    private func reader(for input: ReaderInput, named readerName: String?) throws -> any Reader {
        if input.bytes.count > options.maxBytes { throw ReadError.tooLarge(bytes: input.bytes.count, limit: options.maxBytes) }
        guard let readerName = readerName ?? options.readerName else { return try registry.select(for: input) }
        guard let named = registry.reader(named: readerName) else {
            let known = registry.readers.map(\.name).joined(separator: ", ")
            throw DocumentError(code: "read.unknown-format", message: "unknown format '\(readerName)'; known formats: \(known)")
        }
        return named
    }

    /// Fills the fields every document gets regardless of its reader.
    func finish(_ document: inout Document, input: ReaderInput, reader: any Reader, source: String?, id: String?) {
        document.id = id ?? StableID.forBytes(input.bytes)
        document.source = source ?? input.name
        document.decant = Provenance(reader: reader.name)
        document.text = document.renderText(includeCaptions: options.includeCaptions)
    }

    /// The error record written in place of a document that could not be read.
    public static func errorRecord(source: String, id: String? = nil, error: DocumentError) -> Document {
        Document(id: id ?? StableID.forBytes(Array(source.utf8)), source: source, format: "unknown",
                 decant: Provenance(reader: ""), error: error)
    }
}

extension DocumentError {
    /// Wraps any error thrown while reading as a record with a code and a readable message.
    public init(_ error: any Error) {
        if let read = error as? ReadError {
            self.init(code: read.code, message: read.description)
        } else if let known = error as? DocumentError {
            self = known
        } else {
            self.init(code: "read.failed", message: String(describing: error))
        }
    }
}
