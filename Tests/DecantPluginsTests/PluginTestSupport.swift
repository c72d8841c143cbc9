import Foundation

@testable import DecantPlugins

/// A throw-away folder of plugins written by a test; removed when the value goes away.
final class ScratchPlugins {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "decant-plugins-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `<root>/<name>/plugin.json` and an executable `run.sh` holding `script`.
    @discardableResult
    func add(
        _ name: String, script: String, extensions: [String] = ["x"], magic: [String] = [], timeout: Double = 10,
        output: String = "auto", stderr: String = "ignore", manifest: String? = nil
    ) -> String {
        let folder = root + "/" + name
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let json = manifest ?? """
            {"name": "\(name)", "version": "1.2.3", "extensions": \(strings(extensions)), "magic": \(strings(magic)),
             "command": ["./run.sh"], "timeout": \(timeout), "output": "\(output)", "stderr": "\(stderr)"}
            """
        ChildProcess.withoutSpawning {
            try! json.write(toFile: folder + "/plugin.json", atomically: true, encoding: .utf8)
            try! ("#!/bin/sh\n" + script + "\n").write(toFile: folder + "/run.sh", atomically: true, encoding: .utf8)
            chmod(folder + "/run.sh", 0o755)
        }
        return folder
    }

    func reader(_ name: String) -> PluginReader {
        let catalog = PluginCatalog.discover([PluginSearchPath(directory: root, origin: "--plugins")])
        return catalog.plugins.first { $0.name == name }!
    }

    private func strings(_ values: [String]) -> String {
        "[" + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\") + "\"" }.joined(separator: ", ") + "]"
    }
}

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// True when `tool` is on PATH (the real plugins need poppler-utils and unrtf).
func installed(_ tool: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
    }
}
