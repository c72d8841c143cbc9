import DecantCore
import DecantText

/// A ``Reader`` backed by an external program described by a ``PluginManifest``.
///
/// Each read runs the plugin's command once with the input's bytes on standard input and
/// `DECANT_FILE_NAME` (the input's name), `DECANT_FILE_EXTENSION` and `DECANT_PLUGIN_DIR` in its
/// environment, through ``ChildProcess``. Whatever goes wrong — a non-zero exit, a crash, a
/// timeout, output that is neither text nor a document — becomes a ``PluginFailure`` for that
/// input only. The reader holds only immutable values, so workers share it freely.
public struct PluginReader: Reader {
    public let manifest: PluginManifest
    /// Absolute path of the plugin's folder.
    public let directory: String
    /// Where it was found, for `decant readers` (`./plugins`, `--plugins`, `DECANT_PLUGIN_PATH`, …).
    public let origin: String
    public var output: PluginOutput
    /// Standard output beyond this many bytes stops the plugin.
    public var outputLimit = 256 * 1024 * 1024
    private let magic: [[UInt8]]

    public init(manifest: PluginManifest, directory: String, origin: String, output: PluginOutput = PluginOutput()) {
        self.manifest = manifest
        self.directory = directory
        self.origin = origin
        self.output = output
        self.magic = manifest.magic.compactMap(PluginManifest.magicBytes)
    }

    public var name: String { manifest.name }
    public var summary: String { (manifest.summary ?? "External reader") + " (plugin \(manifest.version))" }
    public var extensions: [String] { manifest.extensions.map { $0.lowercased() } }

    /// A magic-number match is near certain; an extension alone is a good but weaker hint.
    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        if magic.contains(where: { !$0.isEmpty && input.bytes.starts(with: $0) }) { return 0.9 }
        return extensions.contains(input.fileExtension) ? 0.6 : 0
    }

    public func read(_ input: ReaderInput) throws -> Document {
        do {
            return try run(input)
        } catch {
            throw error.documentError
        }
    }

    /// Runs the plugin on `input`; the typed form of ``read(_:)``.
    public func run(_ input: ReaderInput) throws(PluginFailure) -> Document {
        var command = manifest.command
        if command[0].hasPrefix("./") { command[0] = directory + "/" + command[0].dropFirst(2) }
        let environment = [
            "DECANT_FILE_NAME": input.name,
            "DECANT_FILE_EXTENSION": input.fileExtension,
            "DECANT_PLUGIN_DIR": directory,
        ]
        let result: ChildProcessResult
        do {
            result = try ChildProcess.run(command, environment: environment, input: input.bytes, timeout: manifest.timeout, outputLimit: outputLimit)
        } catch {
            throw .cannotStart(plugin: name, reason: error.description)
        }
        let stderr = String(decoding: result.standardError, as: UTF8.self)
        switch result.termination {
        case .timedOut: throw .timedOut(plugin: name, seconds: manifest.timeout)
        case .outputTooLarge: throw .outputTooLarge(plugin: name, limit: outputLimit)
        case .signalled(let signal): throw .crashed(plugin: name, signal: signal, stderr: stderr)
        case .exited(127) where result.standardOutput.isEmpty:
            throw .cannotStart(plugin: name, reason: "exit status 127 (command not found)" + (stderr.isEmpty ? "" : ": \(stderr.prefix(200))"))
        case .exited(let status) where status != 0: throw .exitStatus(plugin: name, status: status, stderr: stderr)
        case .exited: break
        }
        if manifest.stderr == .fail, !stderr.allSatisfy(\.isWhitespace) { throw .standardError(plugin: name, stderr: stderr) }
        var document = try output.document(from: result.standardOutput, kind: manifest.output, plugin: name, name: input.name)
        if document.format == "text" || document.format.isEmpty { document.format = manifest.format ?? manifest.name }
        document.decant = Provenance(reader: name)
        return document
    }
}
