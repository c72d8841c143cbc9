/// `decant pipe`: JSON Lines in, shared-schema JSON Lines out, one output line per input line,
/// in input order, streaming in windows so memory stays bounded. A line that cannot be
/// processed yields an error record carrying the original line; nothing is dropped.
public struct JSONLinesPipe: Sendable {
    public var pipeline: DocumentPipeline
    public var jobs: Int
    /// Lines processed together; output is written after each window.
    public var windowSize = 256

    public init(pipeline: DocumentPipeline, jobs: Int) {
        self.pipeline = pipeline
        self.jobs = jobs
    }

    /// Counts of a pipe run.
    public struct Summary: Sendable {
        public var lines = 0
        public var failed = 0
    }

    public func run(from reader: LineReader, to writer: LineWriter) throws(StreamError) -> Summary {
        var summary = Summary()
        while true {
            var window: [String] = []
            window.reserveCapacity(windowSize)
            while window.count < windowSize, let line = reader.next() {
                var bytes = line
                if bytes.last == 0x0D { bytes = bytes.dropLast() } // CRLF files
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue } // blank lines carry nothing
                window.append(String(decoding: bytes, as: UTF8.self))
            }
            if window.isEmpty { break }
            let lines = window
            let pipeline = self.pipeline
            let results = ParallelRunner.map(count: lines.count, jobs: jobs) { index in
                Self.record(forLine: lines[index], pipeline: pipeline)
            }
            var out = ""
            for result in results {
                out += result.document.jsonLine() + "\n"
                if result.failed { summary.failed += 1 }
            }
            summary.lines += lines.count
            try writer.write(out)
            try writer.flush()
        }
        if let failure = reader.failure { throw StreamError(description: "reading the input failed: \(failure)") }
        try writer.commit()
        return summary
    }

    /// The output record for one input line: the document read from the line's record, or an
    /// error record carrying the line when it is not a valid record or cannot be read
    /// (`failed` is then true). Never throws: every line yields exactly one record.
    public static func record(forLine line: String, pipeline: DocumentPipeline) -> (document: Document, failed: Bool) {
        var object: [String: Any]?
        do {
            object = try PipeRecord.object(from: line[...])
            let parsed = try PipeRecord(object!)
            let input = ReaderInput(bytes: parsed.bytes, name: parsed.source, declaredEncoding: parsed.encoding)
            var document = try pipeline.process(input, source: parsed.source, id: parsed.id, readerName: parsed.readerName)
            parsed.apply(to: &document.metadata)
            return (document, false)
        } catch {
            var problem = DocumentError(error)
            problem.input = line
            let id = object.flatMap(PipeRecord.id(in:)) ?? StableID.forBytes(line.utf8)
            let source = object?["source"] as? String ?? object?["url"] as? String ?? ""
            return (DocumentPipeline.errorRecord(source: source, id: id, error: problem), true)
        }
    }
}
