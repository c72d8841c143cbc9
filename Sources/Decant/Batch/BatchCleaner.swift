#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Where a batch writes.
public enum OutputTarget: Sendable, Equatable {
    /// A folder: `documents.jsonl` (jsonl) or one file per input mirroring the input layout,
    /// plus `errors.jsonl` listing every input that was skipped or failed.
    case directory(String)
    /// Standard output (jsonl, txt and md only).
    case standardOutput
}

/// Settings of one `decant clean` run.
public struct BatchOptions: Sendable {
    public var inputs: [String]
    public var output: OutputTarget
    public var format: OutputFormat = .jsonl
    /// Worker threads; the output does not depend on it.
    public var jobs: Int = ProcessInfoCores.count
    public var pipeline = DocumentPipeline()

    public init(inputs: [String], output: OutputTarget) {
        self.inputs = inputs
        self.output = output
    }
}

/// What a batch did.
public struct BatchSummary: Sendable, Equatable {
    public var read = 0
    public var written = 0
    public var skipped = 0
    public var failed = 0
    public var bytes = 0
    public var elapsedSeconds = 0.0

    public init() {}

    /// `5 read, 5 written, 0 skipped, 0 failed, 18.4 KB in 0.02 s`
    public var line: String {
        "\(read) read, \(written) written, \(skipped) skipped, \(failed) failed, \(ByteCount.format(bytes)) in \(Seconds.format(elapsedSeconds))"
    }
}

/// Errors that stop a batch before it starts; each names the path and what to do.
public enum BatchError: Error, CustomStringConvertible, Equatable, Sendable {
    case inputNotFound(String)
    case outputNotWritable(String, reason: String)
    case outputIsFile(String)
    case outputInsideInputFile(String)

    public var description: String {
        switch self {
        case .inputNotFound(let path): "input '\(path)' does not exist; check the path"
        case .outputNotWritable(let path, let reason): "cannot write to output folder '\(path)': \(reason)"
        case .outputIsFile(let path): "output '\(path)' is an existing file, not a folder; choose a folder with -o"
        case .outputInsideInputFile(let path): "output '\(path)' is the same as an input"
        }
    }
}

/// Cleans every file under the inputs and writes the documents.
///
/// Inputs are walked lazily in a deterministic order and processed in windows on `jobs` threads;
/// results are written in walk order, so the output is byte-identical for any thread count.
/// Every file is written atomically; inputs are only ever opened for reading.
public struct BatchCleaner: Sendable {
    public var options: BatchOptions
    /// How many inputs are read and processed together before their results are written.
    public var windowSize = 256

    public init(options: BatchOptions) {
        self.options = options
    }

    public func run() throws(BatchError) -> BatchSummary {
        let start = DispatchTime.now()
        try validateInputs()
        var outputDirectory: String?
        if case .directory(let path) = options.output {
            try prepareOutputDirectory(path)
            outputDirectory = path
        }
        var summary = BatchSummary()
        do throws(OutputError) {
            let documents = try streamPath(outputDirectory).map { path throws(OutputError) in try StreamingAtomicFile(path: path) }
            let errors = try outputDirectory.map { dir throws(OutputError) in try StreamingAtomicFile(path: dir + "/errors.jsonl") }
            var walker = InputWalker(inputs: options.inputs, excluding: outputDirectory).makeIterator()
            var window: [InputItem] = []
            repeat {
                window.removeAll(keepingCapacity: true)
                while window.count < windowSize, let item = walker.next() { window.append(item) }
                let items = window
                let pipeline = options.pipeline
                let format = options.format
                let perFile = outputDirectory.flatMap { dir in format == .jsonl ? nil : dir }
                let results = ParallelRunner.map(count: items.count, jobs: options.jobs) { index in
                    Self.process(items[index], pipeline: pipeline, format: format, perFileDirectory: perFile)
                }
                for result in results {
                    summary.bytes += result.bytes
                    switch result.outcome {
                    case .written(let rendered):
                        summary.read += 1
                        summary.written += 1
                        if let rendered { try documents?.append(rendered) }
                    case .skipped(let record), .failed(let record):
                        if case .failed = result.outcome { summary.failed += 1 } else { summary.skipped += 1 }
                        if result.wasRead { summary.read += 1 }
                        if let errors { try errors.append(record.jsonLine() + "\n") }
                        else { FileDescriptorOutput.standardError.write("decant: \(record.source): \(record.error?.message ?? "")\n") }
                    }
                }
            } while !window.isEmpty
            try documents?.commit()
            try errors?.commit()
        } catch {
            throw .outputNotWritable(outputDirectory ?? "-", reason: error.description)
        }
        summary.elapsedSeconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return summary
    }

    /// documents.jsonl in the output folder, or standard output; nil for per-file formats.
    private func streamPath(_ directory: String?) -> String? {
        guard let directory else { return "-" }
        return options.format == .jsonl ? directory + "/documents.jsonl" : nil
    }

    enum Outcome: Sendable {
        /// Written to its own file (nil) or to be appended to the stream (the rendered text).
        case written(String?)
        case skipped(Document)
        case failed(Document)
    }

    struct ItemResult: Sendable {
        var outcome: Outcome
        var bytes: Int
        var wasRead: Bool
    }

    static func process(_ item: InputItem, pipeline: DocumentPipeline, format: OutputFormat, perFileDirectory: String?) -> ItemResult {
        func record(_ error: DocumentError, bytes: Int, read: Bool) -> ItemResult {
            let document = DocumentPipeline.errorRecord(source: item.relative, error: error)
            let isSkip = error.code.hasPrefix("skipped.")
            return ItemResult(outcome: isSkip ? .skipped(document) : .failed(document), bytes: bytes, wasRead: read)
        }
        if let problem = item.problem { return record(problem, bytes: 0, read: false) }
        let bytes: [UInt8]
        do { bytes = try InputFile.read(item.path, limit: pipeline.options.maxBytes) }
        catch { return record(error, bytes: 0, read: false) }
        let document: Document
        do {
            document = try pipeline.process(ReaderInput(bytes: bytes, name: item.relative))
        } catch {
            return record(DocumentError(error), bytes: bytes.count, read: true)
        }
        let rendered = format.render(document)
        guard let directory = perFileDirectory else {
            return ItemResult(outcome: .written(rendered), bytes: bytes.count, wasRead: true)
        }
        let target = directory + "/" + item.relative + "." + format.fileExtension
        do {
            try Directories.create(parentOf: target)
            try AtomicFile.write(rendered, to: target)
        } catch {
            return record(DocumentError(code: "write.failed", message: error.description), bytes: bytes.count, read: true)
        }
        return ItemResult(outcome: .written(nil), bytes: bytes.count, wasRead: true)
    }

    private func validateInputs() throws(BatchError) {
        for input in options.inputs {
            var info = stat()
            if lstat(input, &info) != 0 { throw .inputNotFound(input) }
        }
    }

    private func prepareOutputDirectory(_ path: String) throws(BatchError) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { throw .outputIsFile(path) }
        do { try Directories.create(path) }
        catch { throw .outputNotWritable(path, reason: error.reason) }
        // access() says yes to root even on read-only mounts; creating a file is the real test.
        do { try AtomicFile.write("", to: path + "/.decant-write-probe") }
        catch { throw .outputNotWritable(path, reason: error.reason) }
        unlink(path + "/.decant-write-probe")
    }
}

/// Folder creation (`mkdir -p`).
enum Directories {
    static func create(_ path: String) throws(OutputError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw OutputError(path: path, reason: "a file is in the way of a folder")
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try create(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError(path: path, reason: "creating the folder failed: \(String(cString: strerror(errno)))")
        }
    }

    static func create(parentOf path: String) throws(OutputError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        try create(String(path[..<slash]))
    }
}

/// The number of cores, the default for `--jobs`.
public enum ProcessInfoCores {
    public static var count: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}


/// Human-readable sizes and durations for summaries.
public enum ByteCount {
    public static func format(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : Seconds.decimal(value, places: 1) + " " + units[unit]
    }
}

public enum Seconds {
    public static func format(_ seconds: Double) -> String { decimal(seconds, places: 2) + " s" }

    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
