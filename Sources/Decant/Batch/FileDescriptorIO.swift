#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to standard output or standard error (no Foundation needed).
public struct FileDescriptorOutput: Sendable {
    public let fd: Int32
    public static let standardOutput = FileDescriptorOutput(fd: 1)
    public static let standardError = FileDescriptorOutput(fd: 2)

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

/// Reads a whole stream such as standard input.
public enum FileDescriptorInput {
    public static func readAll(_ fd: Int32) throws(DocumentError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DocumentError(code: "read.io", message: "reading standard input failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
