/// The `plugin.json` of a reader plugin: what it reads and how to run it.
///
/// ```json
/// {
///   "name": "pdf",
///   "version": "1.0.0",
///   "summary": "PDF documents through poppler's pdftotext",
///   "extensions": ["pdf"],
///   "media_types": ["application/pdf"],
///   "magic": ["%PDF-"],
///   "command": ["./pdf-reader.py"],
///   "timeout": 60,
///   "output": "json"
/// }
/// ```
///
/// `command[0]` starting with `./` is relative to the plugin folder; otherwise it is looked up on
/// `PATH`. `magic` entries are ASCII prefixes, or `hex:` followed by hex digits (`"hex:d0cf11e0"`).
/// `output` is `json` (a shared-schema document), `text` (plain text), or `auto` (JSON when the
/// output starts with `{`). `stderr` is `ignore` (default: warnings are fine when the exit status is
/// 0) or `fail` (any standard-error output fails the document).
public struct PluginManifest: Codable, Equatable, Sendable {
    public enum OutputKind: String, Codable, Sendable { case json, text, auto }
    public enum StderrPolicy: String, Codable, Sendable { case ignore, fail }

    public var name: String
    public var version: String
    public var summary: String?
    public var extensions: [String]
    public var mediaTypes: [String]
    public var magic: [String]
    public var command: [String]
    /// Seconds before the plugin is stopped (its whole process group is killed).
    public var timeout: Double
    public var output: OutputKind
    public var stderr: StderrPolicy
    /// The `format` written for documents when the plugin does not say (default: the name).
    public var format: String?

    enum CodingKeys: String, CodingKey {
        case name, version, summary, extensions, magic, command, timeout, output, stderr, format
        case mediaTypes = "media_types"
    }

    public init(
        name: String, version: String = "0.0.0", summary: String? = nil, extensions: [String] = [],
        mediaTypes: [String] = [], magic: [String] = [], command: [String], timeout: Double = PluginManifest.defaultTimeout,
        output: OutputKind = .auto, stderr: StderrPolicy = .ignore, format: String? = nil
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.extensions = extensions
        self.mediaTypes = mediaTypes
        self.magic = magic
        self.command = command
        self.timeout = timeout
        self.output = output
        self.stderr = stderr
        self.format = format
    }

    public static let defaultTimeout = 30.0

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? "0.0.0"
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        extensions = try c.decodeIfPresent([String].self, forKey: .extensions) ?? []
        mediaTypes = try c.decodeIfPresent([String].self, forKey: .mediaTypes) ?? []
        magic = try c.decodeIfPresent([String].self, forKey: .magic) ?? []
        command = try c.decode([String].self, forKey: .command)
        timeout = try c.decodeIfPresent(Double.self, forKey: .timeout) ?? Self.defaultTimeout
        output = try c.decodeIfPresent(OutputKind.self, forKey: .output) ?? .auto
        stderr = try c.decodeIfPresent(StderrPolicy.self, forKey: .stderr) ?? .ignore
        format = try c.decodeIfPresent(String.self, forKey: .format)
    }

    /// Problems that make the manifest unusable, as sentences; empty when it is fine.
    public var problems: [String] {
        var found: [String] = []
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        if name.isEmpty || !name.allSatisfy({ allowed.contains($0) }) {
            found.append("name '\(name)' must be lower-case letters, digits, '-', '_' or '.'")
        }
        if command.isEmpty || command[0].isEmpty { found.append("command is empty") }
        if !(timeout > 0 && timeout <= 3600) { found.append("timeout must be between 0 and 3600 seconds") }
        if extensions.isEmpty && magic.isEmpty { found.append("claims nothing: give extensions or magic") }
        for entry in magic where Self.magicBytes(entry) == nil { found.append("magic '\(entry)' is not ASCII or hex:…") }
        return found
    }

    /// The byte prefix a `magic` entry stands for, or nil when it is malformed.
    public static func magicBytes(_ entry: String) -> [UInt8]? {
        if entry.hasPrefix("hex:") {
            let digits = Array(entry.dropFirst(4).utf8)
            guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            for i in stride(from: 0, to: digits.count, by: 2) {
                guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
        guard !entry.isEmpty, entry.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return Array(entry.utf8)
    }
}
