import Foundation

/// Runs the built `decant` binary and inspects what it did, the way a user would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `decant` executable next to the test bundle (SwiftPM builds it for the test target).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["DECANT_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("decant")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/decant")
        return root.standardizedFileURL
    }()

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL

    /// Runs `decant args…`, optionally as an unprivileged user (so permission errors happen even
    /// when the tests run as root) and with `stdin` bytes.
    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil, unprivileged: Bool = false, cwd: URL? = nil) throws -> Result {
        let process = Process()
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + args
        } else {
            process.executableURL = binary
            process.arguments = args
        }
        if let cwd { process.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder removed when the test ends; world-writable so unprivileged runs can write.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("decant-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o777)
    }

    deinit {
        // Restore permissions so everything can be removed.
        if let items = FileManager.default.enumerator(atPath: url.path) {
            for case let item as String in items { chmod(url.appendingPathComponent(item).path, 0o777) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8], mode: Int16 = 0o644) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        chmod(file.deletingLastPathComponent().path, 0o777)
        try Data(bytes).write(to: file)
        chmod(file.path, mode_t(mode))
        return file.path
    }

    func write(_ relative: String, _ text: String, mode: Int16 = 0o644) throws {
        try write(relative, Array(text.utf8), mode: mode)
    }

    /// Every file below the folder (relative paths, sorted), hidden ones included.
    func listing(_ relative: String = "") -> [String] {
        let base = url.appendingPathComponent(relative)
        var files: [String] = []
        if let items = FileManager.default.enumerator(atPath: base.path) {
            for case let item as String in items {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: base.appendingPathComponent(item).path, isDirectory: &isDir), !isDir.boolValue {
                    files.append(item)
                }
            }
        }
        return files.sorted()
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// Parses JSON Lines into objects.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }
}
