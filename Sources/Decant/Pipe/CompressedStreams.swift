import CZlib
import Foundation

/// Errors opening or reading a stream.
public struct StreamError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Reads lines from a file or standard input, plain or gzip-compressed (zlib's `gzread` passes
/// plain data through unchanged, so one reader serves both). Lines are returned without the
/// newline; memory holds one chunk plus the current line.
public final class LineReader {
    private let file: gzFile
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    public private(set) var failure: String?

    /// Opens `path`, or standard input for `"-"`.
    public init(path: String) throws(StreamError) {
        let fd = path == "-" ? dup(0) : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StreamError(description: "cannot open '\(path)': \(String(cString: strerror(errno)))") }
        guard let file = gzdopen(fd, "rb") else {
            close(fd)
            throw StreamError(description: "cannot read '\(path)'")
        }
        gzbuffer(file, 1 << 17)
        self.file = file
    }

    deinit { gzclose(file) }

    /// The next line as bytes, or nil at the end of the stream.
    public func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 17)
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                var code: Int32 = 0
                failure = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
                finished = true
            } else if n == 0 {
                finished = true
            } else {
                buffer += chunk[0..<Int(n)]
            }
        }
    }
}

/// Where `decant pipe` writes: standard output or a file, plain or gzip-compressed by the
/// `.gz` extension. A file appears atomically when ``commit()`` is called.
public final class LineWriter {
    private enum Sink {
        case plain(StreamingAtomicFile)
        case gzip(gzFile, temporary: String?, target: String)
    }

    private var sink: Sink
    private var committed = false

    public init(path: String) throws(StreamError) {
        if path.hasSuffix(".gz") {
            let temporary = AtomicFile.temporaryPath(for: path)
            guard let file = gzopen(temporary, "wb6") else {
                throw StreamError(description: "cannot create '\(path)': \(String(cString: strerror(errno)))")
            }
            sink = .gzip(file, temporary: temporary, target: path)
        } else {
            do { sink = .plain(try StreamingAtomicFile(path: path)) }
            catch { throw StreamError(description: error.description) }
        }
    }

    deinit {
        if case .gzip(let file, let temporary, _) = sink, !committed {
            gzclose(file)
            if let temporary { unlink(temporary) }
        }
    }

    public func write(_ text: String) throws(StreamError) {
        switch sink {
        case .plain(let file):
            do { try file.append(text) } catch { throw StreamError(description: error.description) }
        case .gzip(let file, _, let target):
            var text = text
            let written = text.withUTF8 { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            if written <= 0 && !text.isEmpty { throw StreamError(description: "writing '\(target)' failed") }
        }
    }

    /// Pushes what was written so far to standard output (no-op for files until commit).
    public func flush() throws(StreamError) {
        if case .plain(let file) = sink, file.path == "-" {
            do { try file.flush() } catch { throw StreamError(description: error.description) }
        }
    }

    public func commit() throws(StreamError) {
        committed = true
        switch sink {
        case .plain(let file):
            do { try file.commit() } catch { throw StreamError(description: error.description) }
        case .gzip(let file, let temporary, let target):
            guard gzclose(file) == Z_OK else { throw StreamError(description: "finishing '\(target)' failed") }
            if let temporary, rename(temporary, target) != 0 {
                unlink(temporary)
                throw StreamError(description: "cannot move the finished file to '\(target)': \(String(cString: strerror(errno)))")
            }
        }
    }
}
