import Foundation

/// What identifies an input's content for `--resume`: size, modification time and a hash.
struct InputFingerprint: Codable, Equatable, Sendable {
    var source: String
    var size: Int
    var mtime: Int
    var hash: String

    /// Fingerprint of a file on disk, or nil when it cannot be read (it will be processed, and fail, again).
    static func of(_ item: InputItem, limit: Int) -> InputFingerprint {
        guard item.problem == nil else { return InputFingerprint(source: item.relative, size: -1, mtime: 0, hash: "") }
        var info = stat()
        let mtime = stat(item.path, &info) == 0 ? Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec) : 0
        guard let bytes = try? InputFile.read(item.path, limit: limit) else {
            return InputFingerprint(source: item.relative, size: -1, mtime: mtime, hash: "")
        }
        return of(item, bytes: bytes, mtime: mtime)
    }

    static func of(_ item: InputItem, bytes: [UInt8], mtime: Int) -> InputFingerprint {
        InputFingerprint(source: item.relative, size: bytes.count, mtime: mtime, hash: StableID.forBytes(bytes))
    }
}

/// One line of the manifest: a window of inputs that is complete on disk, with its counts.
struct WindowRecord: Codable, Equatable, Sendable {
    var window: Int
    var items: [InputFingerprint]
    /// Sources written to their own files (per-file formats), checked before a window is reused.
    var written: [String]
    var stats: BatchStats
}

/// The first line of the manifest: what the state belongs to. A state made with other settings
/// is discarded rather than mixed into the output.
struct StateHeader: Codable, Equatable, Sendable {
    var decant: String
    var windowSize: Int
    var format: String
    var configuration: String
}

/// Decant's working state in `OUTDIR/.decant-state/`: completed windows are written as part files
/// (`parts/NNNNNNNN.jsonl`, `parts/NNNNNNNN.errors.jsonl`), each atomically, and then recorded in
/// `manifest.jsonl` (appended and synced). A run killed at any point leaves only complete parts
/// and manifest lines; `--resume` reuses every window whose inputs are unchanged. When the run
/// finishes, the parts are joined into the final files and the state is removed.
final class ResumeState: @unchecked Sendable {  // written by the window writer alone; `previous` is read-only after init
    let directory: String
    let header: StateHeader
    private var previous: [Int: WindowRecord] = [:]
    private var manifest: Int32 = -1

    var partsDirectory: String { directory + "/parts" }
    var manifestPath: String { directory + "/manifest.jsonl" }

    init(outputDirectory: String, header: StateHeader, resume: Bool) throws(OutputError) {
        directory = outputDirectory + "/.decant-state"
        self.header = header
        if resume { loadPrevious() }
        if previous.isEmpty { removeAll() }
        try Directories.create(partsDirectory)
        removeTemporaries()
        try openManifest(fresh: previous.isEmpty)
    }

    deinit { if manifest >= 0 { close(manifest) } }

    /// Number of windows a previous run completed and left for reuse.
    var reusableWindows: Int { previous.count }

    /// The previous record of `window` if its inputs are exactly `fingerprints` and its parts exist.
    func reusable(window: Int, fingerprints: [InputFingerprint]) -> WindowRecord? {
        guard let record = previous[window], record.items == fingerprints else { return nil }
        guard FileManager.default.fileExists(atPath: partPath(window, errors: false)),
              FileManager.default.fileExists(atPath: partPath(window, errors: true)) else { return nil }
        return record
    }

    func hasPrevious(window: Int) -> Bool { previous[window] != nil }

    func partPath(_ window: Int, errors: Bool) -> String {
        let number = String(window)
        return partsDirectory + "/" + String(repeating: "0", count: max(0, 8 - number.count)) + number
            + (errors ? ".errors.jsonl" : ".jsonl")
    }

    /// Writes a window's parts atomically, then records it in the manifest (synced).
    func complete(_ record: WindowRecord, documents: String, errors: String) throws(OutputError) {
        try AtomicFile.write(documents, to: partPath(record.window, errors: false))
        try AtomicFile.write(errors, to: partPath(record.window, errors: true))
        try appendLine(Self.encode(record))
    }

    /// Removes the whole state (after a finished run, or when it cannot be reused).
    func removeAll() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: - Manifest

    private func loadPrevious() {
        guard let data = FileManager.default.contents(atPath: manifestPath) else { return }
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, let header = try? JSONDecoder().decode(StateHeader.self, from: Data(first)),
              header == self.header else { return }
        for line in lines.dropFirst() {
            // A line cut short by a crash fails to decode and is ignored: its window is redone.
            if let record = try? JSONDecoder().decode(WindowRecord.self, from: Data(line)) { previous[record.window] = record }
        }
    }

    private func openManifest(fresh: Bool) throws(OutputError) {
        if fresh {
            try AtomicFile.write(Self.encode(header) + "\n", to: manifestPath)
        } else {
            // Rewrite without a possibly torn last line, keeping the records we trust.
            let lines = [Self.encode(header)] + previous.keys.sorted().map { Self.encode(previous[$0]!) }
            try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: manifestPath)
        }
        manifest = open(manifestPath, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard manifest >= 0 else { throw OutputError(path: manifestPath, reason: "cannot open the manifest for appending") }
    }

    private func appendLine(_ line: String) throws(OutputError) {
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(manifest, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(manifest) == 0 else {
            throw OutputError(path: manifestPath, reason: "appending to the manifest failed")
        }
    }

    private func removeTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: partsDirectory) else { return }
        for name in names where AtomicFile.isTemporaryName(name) { unlink(partsDirectory + "/" + name) }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
