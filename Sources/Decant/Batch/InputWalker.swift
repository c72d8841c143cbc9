#if canImport(Glibc)
import Glibc
#endif

/// One file found under an input root, or a problem found while walking.
public struct InputItem: Sendable {
    /// Path to open.
    public var path: String
    /// Path relative to the input root, used for `source` and output names.
    public var relative: String
    /// Set when the walk itself hit a problem with this entry (unreadable folder, link outside the root).
    public var problem: DocumentError?
}

/// Walks input paths depth-first in a deterministic order (names sorted bytewise in each folder),
/// lazily: only the folders on the current path are held in memory, never the whole list.
///
/// Symbolic links to folders are not followed (no loops); links to files are followed only when
/// the target lies inside the input root. Hidden temporary files of Decant's atomic writer and
/// the output folder itself are skipped.
public struct InputWalker: Sequence, IteratorProtocol {
    private struct Frame {
        var directory: String
        var relative: String
        var names: [String]
        /// Names whose bytes are not valid UTF-8 (shown with U+FFFD in `names`).
        var undecodable: Set<Int> = []
        var index = 0
    }

    private var roots: [(path: String, prefix: String)]
    private var stack: [Frame] = []
    private var rootReal = ""
    private let excluded: String?

    /// - Parameters:
    ///   - inputs: files or folders. With more than one input, each one's entries are prefixed with
    ///     the input's own name so that outputs do not collide.
    ///   - excluding: a folder never to descend into (the output folder).
    public init(inputs: [String], excluding: String? = nil) {
        let prefixWithName = inputs.count > 1
        roots = inputs.reversed().map { input in
            let trimmed = input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input
            let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
            return (trimmed, prefixWithName ? name : "")
        }
        excluded = excluding.flatMap(Self.realPath)
    }

    public mutating func next() -> InputItem? {
        while true {
            if stack.isEmpty {
                guard let root = roots.popLast() else { return nil }
                var info = stat()
                if stat(root.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    rootReal = Self.realPath(root.path) ?? root.path
                    if let frame = open(directory: root.path, relative: root.prefix) { stack.append(frame) }
                    else { return problem(root.path, root.prefix, "read.permission", "cannot list folder '\(root.path)'; check its permissions") }
                    continue
                }
                rootReal = ""
                let name = root.path.split(separator: "/").last.map(String.init) ?? root.path
                return InputItem(path: root.path, relative: root.prefix.isEmpty ? name : root.prefix, problem: nil)
            }
            var frame = stack.removeLast()
            guard frame.index < frame.names.count else { continue }
            let name = frame.names[frame.index]
            let undecodable = frame.undecodable.contains(frame.index)
            frame.index += 1
            stack.append(frame)
            if AtomicFile.isTemporaryName(name) { continue }
            let path = frame.directory + "/" + name
            let relative = frame.relative.isEmpty ? name : frame.relative + "/" + name
            if undecodable {
                return problem(path, relative, "read.bad-filename",
                               "'\(path)' has a name that is not valid UTF-8 (shown with \u{FFFD}); rename it, e.g. with convmv, to include it")
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                return problem(path, relative, "read.missing", "'\(path)' disappeared during the run")
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if let excluded, Self.realPath(path) == excluded { continue }
                if let child = open(directory: path, relative: relative) { stack.append(child) }
                else { return problem(path, relative, "read.permission", "cannot list folder '\(path)'; check its permissions") }
            case S_IFLNK:
                guard let target = Self.realPath(path) else {
                    return problem(path, relative, "read.broken-link", "'\(path)' is a symbolic link to nothing (broken or a loop)")
                }
                var targetInfo = stat()
                if stat(target, &targetInfo) == 0, targetInfo.st_mode & S_IFMT == S_IFDIR {
                    return problem(path, relative, "skipped.symlinked-folder", "'\(path)' links to a folder; linked folders are not followed")
                }
                guard target.hasPrefix(rootReal + "/") else {
                    return problem(path, relative, "skipped.link-outside-root", "'\(path)' links outside the input folder; not followed")
                }
                return InputItem(path: path, relative: relative, problem: nil)
            default:
                return InputItem(path: path, relative: relative, problem: nil)
            }
        }
    }

    private func problem(_ path: String, _ relative: String, _ code: String, _ message: String) -> InputItem {
        InputItem(path: path, relative: relative, problem: DocumentError(code: code, message: message))
    }

    private func open(directory: String, relative: String) -> Frame? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        var frame = Frame(directory: directory, relative: relative, names: names.map { String(decoding: $0, as: UTF8.self) })
        for (index, name) in names.enumerated() where String(validating: name, as: UTF8.self) == nil {
            frame.undecodable.insert(index)
        }
        return frame
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
