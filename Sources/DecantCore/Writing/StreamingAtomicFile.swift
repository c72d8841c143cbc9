#if canImport(Glibc)
import Glibc
#endif

/// A file written piece by piece that appears under its name only when complete: appends go to
/// a hidden temporary file in the same folder, and ``commit()`` flushes and renames it. If the
/// writer is dropped or the process dies before that, the target is untouched.
///
/// With `path == "-"` the pieces go straight to standard output instead.
public final class StreamingAtomicFile {
    public let path: String
    private let temporary: String?
    private let fd: Int32
    private var committed = false
    private var buffer: [UInt8] = []

    public init(path: String) throws(OutputError) {
        self.path = path
        if path == "-" {
            temporary = nil
            fd = 1
            return
        }
        let temporary = AtomicFile.temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .errno(path, "creating a temporary file") }
        self.temporary = temporary
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if let temporary, !committed {
            close(fd)
            unlink(temporary)
        }
    }

    public func append(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends raw bytes (compressed data, for instance).
    public func append(bytes: ArraySlice<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes buffered bytes to the descriptor (standard output is flushed at once).
    public func flush() throws(OutputError) {
        var written = 0
        let count = buffer.count
        let failure: Int32? = buffer.withUnsafeBytes { raw in
            while written < count {
                let n = write(fd, raw.baseAddress! + written, count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            throw OutputError(path: path, reason: "writing failed: \(String(cString: strerror(failure)))")
        }
    }

    /// Flushes, syncs and renames the temporary file over `path`.
    public func commit() throws(OutputError) {
        try flush()
        guard let temporary else { return }
        if fsync(fd) != 0 || close(fd) != 0 { throw .errno(path, "flushing") }
        committed = true
        if rename(temporary, path) != 0 {
            let error = OutputError.errno(path, "renaming the temporary file into place")
            unlink(temporary)
            throw error
        }
    }
}
