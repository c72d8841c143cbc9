import Foundation

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
    /// Reuse the windows an interrupted run completed, when their inputs are unchanged.
    public var resume = false
    public var progress: ProgressStyle = .none
    /// Where to write the run report (JSON), if anywhere.
    public var reportPath: String?
    /// Describes every setting that changes the output; a resumed run only reuses state made
    /// with the same description.
    public var configuration = ""

    public init(inputs: [String], output: OutputTarget) {
        self.inputs = inputs
        self.output = output
    }
}

/// What a batch did.
public struct BatchSummary: Sendable, Equatable {
    public var stats = BatchStats()
    public var elapsedSeconds = 0.0
    /// Documents taken over from an interrupted run.
    public var resumed = 0

    public init() {}

    public var read: Int { stats.read }
    public var written: Int { stats.written }
    public var skipped: Int { stats.skipped }
    public var failed: Int { stats.failed }
    public var bytes: Int { stats.bytes }

    /// `5 read, 5 written, 0 skipped, 0 failed, 18.4 KB in 0.02 s`
    public var line: String {
        "\(read) read, \(written) written, \(skipped) skipped, \(failed) failed, \(ByteCount.format(bytes)) in \(Seconds.format(elapsedSeconds))"
            + (resumed > 0 ? " (\(resumed) resumed)" : "")
    }
}

/// Errors that stop a batch; each names the path and what to do.
public enum BatchError: Error, CustomStringConvertible, Equatable, Sendable {
    case inputNotFound(String)
    case outputNotWritable(String, reason: String)
    case outputIsFile(String)
    case resumeNeedsFolder

    public var description: String {
        switch self {
        case .inputNotFound(let path): "input '\(path)' does not exist; check the path"
        case .outputNotWritable(let path, let reason): "cannot write to output folder '\(path)': \(reason)"
        case .outputIsFile(let path): "output '\(path)' is an existing file, not a folder; choose a folder with -o"
        case .resumeNeedsFolder: "--resume needs an output folder (-o DIR), not standard output"
        }
    }
}

/// Cleans every file under the inputs and writes the documents.
///
/// Inputs are walked lazily in a deterministic order and processed in windows of
/// ``windowSize`` on `jobs` threads; results are written in walk order, so the output is
/// byte-identical for any thread count, and memory stays flat however large the folder.
/// Each completed window is saved in the output folder's state (see ``ResumeState``), so an
/// interrupted run can be resumed; the final files appear, atomically, only when the run ends.
/// Inputs are only ever opened for reading.
public struct BatchCleaner: Sendable {
    public var options: BatchOptions
    /// How many inputs are processed together before their results are written.
    public var windowSize = 256

    public init(options: BatchOptions) {
        self.options = options
    }

    public func run() throws(BatchError) -> BatchSummary {
        let start = DispatchTime.now()
        try validateInputs()
        if case .directory(let path) = options.output {
            try prepareOutputDirectory(path)
        } else if options.resume {
            throw .resumeNeedsFolder
        }
        var summary = BatchSummary()
        var failures: [RunReport.Failure] = []
        do throws(OutputError) {
            switch options.output {
            case .standardOutput: try runToStandardOutput(&summary)
            case .directory(let path): try runToDirectory(path, &summary, &failures)
            }
        } catch {
            throw .outputNotWritable(outputName, reason: error.description)
        }
        summary.elapsedSeconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        if let reportPath = options.reportPath {
            let report = RunReport(
                inputs: options.inputs, output: outputName, format: options.format.rawValue, jobs: options.jobs,
                elapsedSeconds: summary.elapsedSeconds, resumedDocuments: summary.resumed, stats: summary.stats,
                failures: failures)
            do { try AtomicFile.write(report.json(), to: reportPath) }
            catch { throw .outputNotWritable(reportPath, reason: error.reason) }
        }
        return summary
    }

    private var outputName: String {
        if case .directory(let path) = options.output { return path }
        return "-"
    }

    // MARK: - The two ways of writing

    private func runToStandardOutput(_ summary: inout BatchSummary) throws(OutputError) {
        let out = try StreamingAtomicFile(path: "-")
        let progress = ProgressReporter(style: options.progress, inputs: options.inputs, excluding: nil)
        var walker = InputWalker(inputs: options.inputs).makeIterator()
        while case let window = nextWindow(&walker), !window.isEmpty {
            let processed = process(window, perFileDirectory: nil)
            summary.stats.merge(processed.stats)
            try out.append(processed.documents)
            try out.flush()
            for line in processed.errorLines { FileDescriptorOutput.standardError.write("decant: \(line.source): \(line.message)\n") }
            progress.update(done: summary.read + summary.skipped, bytes: summary.bytes, failed: summary.failed)
        }
        progress.finish()
    }

    private func runToDirectory(_ directory: String, _ summary: inout BatchSummary, _ failures: inout [RunReport.Failure]) throws(OutputError) {
        let header = StateHeader(
            decant: DecantVersion.current, windowSize: windowSize, format: options.format.rawValue,
            configuration: options.configuration)
        let state = try ResumeState(outputDirectory: directory, header: header, resume: options.resume)
        Self.removeStaleTemporaries(in: directory)
        let perFile = options.format == .jsonl ? nil : directory
        let progress = ProgressReporter(style: options.progress, inputs: options.inputs, excluding: directory)
        var walker = InputWalker(inputs: options.inputs, excluding: directory).makeIterator()
        let writer = WindowWriter()
        var windowNumber = 0
        while case let window = nextWindow(&walker), !window.isEmpty {
            defer { windowNumber += 1 }
            if state.hasPrevious(window: windowNumber) {
                let limit = options.pipeline.options.maxBytes
                let fingerprints = ParallelRunner.map(count: window.count, jobs: options.jobs) { InputFingerprint.of(window[$0], limit: limit) }
                if let record = state.reusable(window: windowNumber, fingerprints: fingerprints),
                   outputsExist(record, in: directory) {
                    summary.stats.merge(record.stats)
                    summary.resumed += window.count
                    continue
                }
            }
            let results = results(for: window, perFileDirectory: perFile)
            let number = windowNumber
            try writer.submit { () throws(OutputError) -> BatchStats in
                let processed = Self.collect(results)
                try state.complete(
                    WindowRecord(window: number, items: processed.fingerprints, written: perFile == nil ? [] : processed.written, stats: processed.stats),
                    documents: processed.documents, errors: processed.errorLines.map(\.json).joined())
                return processed.stats
            }
            let done = writer.stats
            progress.update(done: summary.read + summary.skipped + done.read + done.skipped, bytes: summary.bytes + done.bytes,
                            failed: summary.failed + done.failed)
        }
        summary.stats.merge(try writer.finish())
        progress.finish()
        // Join the parts into the final files, each appearing atomically, then drop the state.
        let documents = try options.format == .jsonl ? StreamingAtomicFile(path: directory + "/documents.jsonl") : nil
        let errors = try StreamingAtomicFile(path: directory + "/errors.jsonl")
        for number in 0..<windowNumber {
            if let documents { try documents.append(try Self.contents(of: state.partPath(number, errors: false))) }
            let errorText = try Self.contents(of: state.partPath(number, errors: true))
            try errors.append(errorText)
            if options.reportPath != nil && failures.count < RunReport.failureListLimit {
                failures += Self.failures(in: errorText).prefix(RunReport.failureListLimit - failures.count)
            }
        }
        try documents?.commit()
        try errors.commit()
        state.removeAll()
    }

    private func nextWindow(_ walker: inout InputWalker) -> [InputItem] {
        var window: [InputItem] = []
        window.reserveCapacity(windowSize)
        while window.count < windowSize, let item = walker.next() { window.append(item) }
        return window
    }

    /// Per-file outputs recorded for a window are all still there.
    private func outputsExist(_ record: WindowRecord, in directory: String) -> Bool {
        record.written.allSatisfy { FileManager.default.fileExists(atPath: directory + "/" + $0 + "." + options.format.fileExtension) }
    }

    // MARK: - Processing a window

    struct ErrorLine: Sendable {
        var source: String
        var message: String
        var json: String
    }

    struct ProcessedWindow {
        var documents = ""
        var errorLines: [ErrorLine] = []
        var stats = BatchStats()
        var fingerprints: [InputFingerprint] = []
        /// Sources whose document was written.
        var written: [String] = []
    }

    private func process(_ window: [InputItem], perFileDirectory: String?) -> ProcessedWindow {
        Self.collect(results(for: window, perFileDirectory: perFileDirectory))
    }

    /// Every input of the window read, cleaned and rendered on the worker threads, in window order.
    private func results(for window: [InputItem], perFileDirectory: String?) -> [ItemResult] {
        let pipeline = options.pipeline
        let format = options.format
        let limit = pipeline.options.timeoutPerDocument
        return ParallelRunner.map(count: window.count, jobs: options.jobs, limit: limit, timedOut: { index in
            Self.timedOut(window[index], seconds: limit ?? 0)
        }) { index, budget in
            Self.process(window[index], pipeline: pipeline, format: format, perFileDirectory: perFileDirectory, budget: budget)
        }
    }

    /// The window's output, counts and resume fingerprints, built from its results in order.
    static func collect(_ results: [ItemResult]) -> ProcessedWindow {
        var processed = ProcessedWindow()
        for result in results {
            processed.fingerprints.append(result.fingerprint)
            processed.stats.merge(result.stats)
            if let rendered = result.rendered { processed.documents += rendered }
            if result.errorRecord == nil { processed.written.append(result.fingerprint.source) }
            if let error = result.errorRecord {
                processed.errorLines.append(ErrorLine(source: error.source, message: error.error?.message ?? "", json: error.jsonLine() + "\n"))
            }
        }
        return processed
    }

    struct ItemResult: Sendable {
        /// Rendered output to append to the stream (nil when written to its own file or on error).
        var rendered: String?
        var errorRecord: Document?
        var stats: BatchStats
        var fingerprint: InputFingerprint
    }

    /// The error record of an input abandoned past `--timeout-per-doc`; its fingerprint never
    /// matches, so `--resume` tries it again.
    static func timedOut(_ item: InputItem, seconds: Double) -> ItemResult {
        var stats = BatchStats()
        stats.read = 1
        stats.failed = 1
        stats.outcomes["read.timeout"] = 1
        let error = DocumentTimeLimit.timeoutError(name: item.relative, seconds: seconds)
        return ItemResult(rendered: nil, errorRecord: DocumentPipeline.errorRecord(source: item.relative, error: error), stats: stats,
                          fingerprint: InputFingerprint(source: item.relative, size: -1, mtime: 0, hash: ""))
    }

    static func process(
        _ item: InputItem, pipeline: DocumentPipeline, format: OutputFormat, perFileDirectory: String?,
        budget: DocumentTimeLimit.Budget = DocumentTimeLimit.Budget()
    ) -> ItemResult {
        var stats = BatchStats()
        var fingerprint = InputFingerprint(source: item.relative, size: -1, mtime: 0, hash: "")
        func record(_ error: DocumentError, read: Bool) -> ItemResult {
            let document = DocumentPipeline.errorRecord(source: item.relative, error: error)
            if error.code.hasPrefix("skipped.") { stats.skipped += 1 } else { stats.failed += 1 }
            if read { stats.read += 1 }
            stats.outcomes[error.code, default: 0] += 1
            return ItemResult(rendered: nil, errorRecord: document, stats: stats, fingerprint: fingerprint)
        }
        if let problem = item.problem { return record(problem, read: false) }
        var info = stat()
        let mtime = stat(item.path, &info) == 0 ? Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec) : 0
        let bytes: [UInt8]
        do { bytes = try InputFile.read(item.path, limit: pipeline.options.maxBytes) }
        catch { return record(error, read: false) }
        fingerprint = InputFingerprint.of(item, bytes: bytes, mtime: mtime)
        stats.bytes = bytes.count
        let documents: [Document]
        do {
            documents = try pipeline.processAll(ReaderInput(bytes: bytes, name: item.relative), budget: budget)
        } catch {
            return record(DocumentError(error), read: true)
        }
        var stream = ""
        for (index, document) in documents.enumerated() {
            let rendered = format.render(document)
            stream += rendered
            guard let directory = perFileDirectory else { continue }
            // A feed or archive holding several documents writes NAME.1.json, NAME.2.json, …
            let number = documents.count > 1 ? ".\(index + 1)" : ""
            let target = directory + "/" + item.relative + number + "." + format.fileExtension
            do {
                try Directories.create(parentOf: target)
                try AtomicFile.write(rendered, to: target)
            } catch {
                return record(DocumentError(code: "write.failed", message: error.description), read: true)
            }
        }
        stats.read += 1
        stats.written += documents.count
        for document in documents { stats.count(document) }
        return ItemResult(rendered: perFileDirectory == nil ? stream : nil, errorRecord: nil, stats: stats, fingerprint: fingerprint)
    }

    /// Deletes the hidden temporary files a killed run left anywhere in the output folder.
    static func removeStaleTemporaries(in directory: String) {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return }
        for case let relative as String in walker {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if AtomicFile.isTemporaryName(name) { unlink(directory + "/" + relative) }
        }
    }

    static func contents(of path: String) throws(OutputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError(path: path, reason: "a part of the run's state is missing; run again without --resume")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func failures(in errorLines: String) -> [RunReport.Failure] {
        errorLines.split(separator: "\n").compactMap { line in
            guard let document = try? JSONDecoder().decode(Document.self, from: Data(line.utf8)), let error = document.error else { return nil }
            return RunReport.Failure(source: document.source, code: error.code, message: error.message)
        }
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
