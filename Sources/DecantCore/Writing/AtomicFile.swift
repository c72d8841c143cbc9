#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors writing output; each names the path and what to do.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot write '\(path)': \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    static func errno(_ path: String, _ action: String) -> OutputError {
        OutputError(path: path, reason: "\(action) failed: \(String(cString: strerror(Glibc.errno)))")
    }
}

/// Writes a file so that readers only ever see the old contents or the complete new ones:
/// the bytes go to a hidden temporary file in the same folder, are flushed to disk, and the
/// temporary file is renamed over the target.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        var text = text
        let failure: OutputError? = text.withUTF8 { buffer in
            do throws(OutputError) { try write(buffer, to: path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws(OutputError) {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .errno(path, "creating a temporary file") }
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                let error = OutputError.errno(path, "writing")
                close(fd)
                unlink(temporary)
                throw error
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let error = OutputError.errno(path, "flushing")
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = OutputError.errno(path, "renaming the temporary file into place")
            unlink(temporary)
            throw error
        }
    }

    /// `dir/.name.decant-tmp-PID-N`: hidden, unique per process and call, in the target's folder
    /// so that the rename never crosses file systems.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return dir + "." + name + ".decant-tmp-\(getpid())-\(counter.next())"
    }

    /// Whether `name` is one of the temporary files this type creates (a killed run may leave some).
    public static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".decant-tmp-")
    }

    private static let counter = Counter()
}

/// A thread-safe increasing counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    func next() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        value += 1
        return value
    }
}
