import DecantCore

/// Why a plugin produced no document for one input. Each case becomes a per-document error
/// record (``DocumentError``) with a `plugin.*` code; the batch goes on.
public enum PluginFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotStart(plugin: String, reason: String)
    case exitStatus(plugin: String, status: Int32, stderr: String)
    case crashed(plugin: String, signal: Int32, stderr: String)
    case timedOut(plugin: String, seconds: Double)
    case outputTooLarge(plugin: String, limit: Int)
    case invalidOutput(plugin: String, reason: String)
    case standardError(plugin: String, stderr: String)
    case noText(plugin: String)

    public var code: String {
        switch self {
        case .cannotStart: "plugin.cannot-start"
        case .exitStatus: "plugin.exit-status"
        case .crashed: "plugin.crashed"
        case .timedOut: "plugin.timeout"
        case .outputTooLarge: "plugin.output-too-large"
        case .invalidOutput: "plugin.invalid-output"
        case .standardError: "plugin.stderr"
        case .noText: "plugin.no-text"
        }
    }

    public var description: String {
        switch self {
        case .cannotStart(let plugin, let reason):
            "plugin '\(plugin)' could not be started: \(reason); check its command in plugin.json and that the file is executable"
        case .exitStatus(let plugin, let status, let stderr):
            "plugin '\(plugin)' exited with status \(status)" + Self.said(stderr)
        case .crashed(let plugin, let signal, let stderr):
            "plugin '\(plugin)' crashed (signal \(signal))" + Self.said(stderr)
        case .timedOut(let plugin, let seconds):
            "plugin '\(plugin)' did not finish within \(Self.format(seconds)) s and was stopped; raise \"timeout\" in its plugin.json if the input is just large"
        case .outputTooLarge(let plugin, let limit):
            "plugin '\(plugin)' wrote more than \(limit) bytes and was stopped"
        case .invalidOutput(let plugin, let reason):
            "plugin '\(plugin)' printed output Decant cannot use: \(reason)"
        case .standardError(let plugin, let stderr):
            "plugin '\(plugin)' reported a problem on standard error" + Self.said(stderr)
        case .noText(let plugin):
            "plugin '\(plugin)' found no text in this input (an image-only or empty document?)"
        }
    }

    /// The record the batch writes for this input.
    public var documentError: DocumentError { DocumentError(code: code, message: description) }

    /// `: "last line of stderr"`, or nothing when the plugin said nothing.
    private static func said(_ stderr: String) -> String {
        let lines = stderr.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmed(of: " \t") }
        guard let last = lines.last(where: { !$0.isEmpty }) else { return "" }
        return ": " + String(last.prefix(300))
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

extension StringProtocol {
    func trimmed(of set: String) -> String {
        let chars = Set(set)
        var slice = Substring(self)
        while let first = slice.first, chars.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, chars.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
