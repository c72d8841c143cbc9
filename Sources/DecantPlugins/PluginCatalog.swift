import Foundation

/// One folder searched for plugins and why it is searched.
public struct PluginSearchPath: Sendable, Equatable {
    public var directory: String
    /// Shown by `decant readers`: `--plugins`, `DECANT_PLUGIN_PATH`, `./plugins`, …
    public var origin: String

    public init(directory: String, origin: String) {
        self.directory = directory
        self.origin = origin
    }

    /// The search order: `--plugins` folders, then `DECANT_PLUGIN_PATH` (colon-separated), then
    /// `./plugins` in the working directory, then the `plugins/` folder of the checkout the
    /// running binary was built in (`…/.build/<config>/decant` → `…/plugins`) or of an install
    /// prefix (`<prefix>/bin/decant` → `<prefix>/share/decant/plugins`).
    public static func standard(
        explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String? = CommandLine.arguments.first
    ) -> [PluginSearchPath] {
        var paths = explicit.map { PluginSearchPath(directory: $0, origin: "--plugins") }
        for entry in (environment["DECANT_PLUGIN_PATH"] ?? "").split(separator: ":") where !entry.isEmpty {
            paths.append(PluginSearchPath(directory: String(entry), origin: "DECANT_PLUGIN_PATH"))
        }
        paths.append(PluginSearchPath(directory: workingDirectory + "/plugins", origin: "./plugins"))
        if let executable, let binary = resolvedExecutable(executable, workingDirectory: workingDirectory) {
            let parts = binary.split(separator: "/", omittingEmptySubsequences: false)
            if let build = parts.lastIndex(of: ".build"), build > 0 {
                paths.append(PluginSearchPath(directory: parts[..<build].joined(separator: "/") + "/plugins", origin: "checkout"))
            } else if parts.count >= 3, parts[parts.count - 2] == "bin" {
                paths.append(PluginSearchPath(directory: parts.dropLast(2).joined(separator: "/") + "/share/decant/plugins", origin: "install"))
            }
        }
        var seen = Set<String>()
        return paths.filter { seen.insert(standardized($0.directory)).inserted }
    }

    static func resolvedExecutable(_ path: String, workingDirectory: String) -> String? {
        guard path.contains("/") else { return nil }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// The plugins found on a search path, plus what was wrong with the ones that were not loaded.
public struct PluginCatalog: Sendable {
    /// The manifest file every plugin folder holds.
    public static let manifestName = "plugin.json"

    public private(set) var plugins: [PluginReader] = []
    /// One sentence per plugin folder that could not be loaded, or was shadowed by an earlier one.
    public private(set) var problems: [String] = []

    public init(plugins: [PluginReader] = [], problems: [String] = []) {
        self.plugins = plugins
        self.problems = problems
    }

    /// Loads every `<dir>/<plugin>/plugin.json` under each search path, in order; a name found
    /// twice keeps the first. Missing search folders are not an error (except `--plugins` ones).
    public static func discover(_ paths: [PluginSearchPath]) -> PluginCatalog {
        var catalog = PluginCatalog()
        let files = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path.directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                if path.origin == "--plugins" { catalog.problems.append("--plugins \(path.directory): no such folder") }
                continue
            }
            let entries = ((try? files.contentsOfDirectory(atPath: path.directory)) ?? []).sorted()
            for entry in entries where !entry.hasPrefix(".") {
                let folder = PluginSearchPath.standardized(path.directory + "/" + entry)
                let manifestPath = folder + "/" + manifestName
                guard files.fileExists(atPath: manifestPath) else { continue }
                switch load(manifestPath) {
                case .failure(let problem):
                    catalog.problems.append("\(manifestPath): \(problem)")
                case .success(let manifest):
                    if let earlier = catalog.plugins.first(where: { $0.name == manifest.name }) {
                        if earlier.directory != folder {
                            catalog.problems.append("\(manifestPath): plugin '\(manifest.name)' is shadowed by \(earlier.directory)")
                        }
                        continue
                    }
                    catalog.plugins.append(PluginReader(manifest: manifest, directory: folder, origin: path.origin))
                }
            }
        }
        return catalog
    }

    /// Reads and checks one manifest.
    public static func load(_ manifestPath: String) -> Result<PluginManifest, PluginManifestError> {
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            return .failure(PluginManifestError(description: "cannot read the file"))
        }
        let manifest: PluginManifest
        do {
            manifest = try JSONDecoder().decode(PluginManifest.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(PluginManifestError(description: "missing \"\(key.stringValue)\""))
        } catch DecodingError.typeMismatch(_, let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(PluginManifestError(description: "\"\(key)\" has the wrong type"))
        } catch DecodingError.dataCorrupted(let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(PluginManifestError(description: key.isEmpty ? "not valid JSON" : "\"\(key)\": \(context.debugDescription)"))
        } catch {
            return .failure(PluginManifestError(description: "not a plugin manifest"))
        }
        if let problem = manifest.problems.first { return .failure(PluginManifestError(description: problem)) }
        return .success(manifest)
    }
}

/// Why a `plugin.json` was not loaded.
public struct PluginManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}
