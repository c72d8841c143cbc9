#if canImport(Glibc)
import Glibc
#endif

/// Reading one input file, with errors a user can act on.
public enum InputFile {
    /// Reads the whole file. Refuses directories, special files and files over `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(DocumentError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw openError(path, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw openError(path, errno) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            throw DocumentError(code: "read.is-directory", message: "'\(path)' is a folder, not a file")
        }
        guard type == S_IFREG else {
            throw DocumentError(code: "skipped.special-file", message: "'\(path)' is not a regular file (device, socket or pipe); skipped")
        }
        let size = Int(info.st_size)
        if size > limit {
            throw DocumentError(code: "read.too-large", message: "'\(path)' is \(size) bytes, over the limit of \(limit) (raise --max-bytes)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while true {
            if total == bytes.count {
                // Expected end of file; read on in small steps in case the file grew meanwhile.
                var probe = [UInt8](repeating: 0, count: 4096)
                let n = probe.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                if total + n > limit {
                    throw DocumentError(code: "read.too-large", message: "'\(path)' grew past the limit of \(limit) bytes while being read (raise --max-bytes)")
                }
                bytes += probe[0..<n]
                total += n
                continue
            }
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + total, raw.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DocumentError(code: "read.io", message: "reading '\(path)' failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += n
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    static func openError(_ path: String, _ code: Int32) -> DocumentError {
        switch code {
        case EACCES, EPERM:
            DocumentError(code: "read.permission", message: "permission denied reading '\(path)'; check the file's permissions")
        case ENOENT:
            DocumentError(code: "read.missing", message: "'\(path)' does not exist (it may have been removed during the run)")
        case ELOOP:
            DocumentError(code: "read.symlink-loop", message: "'\(path)' is a symbolic link loop")
        default:
            DocumentError(code: "read.io", message: "cannot open '\(path)': \(String(cString: strerror(code)))")
        }
    }
}
