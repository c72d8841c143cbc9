import CZlib
import CZstd
import Foundation

/// Errors opening or reading a stream.
public struct StreamError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Reads lines from a file or standard input: plain, gzip-compressed (zlib's `gzread` passes
/// plain data through unchanged, so one source serves both) or Zstandard-compressed (`.zst`).
/// Lines are returned without the newline; memory holds one chunk plus the current line.
public final class LineReader {
    private let source: any ChunkSource
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    public private(set) var failure: String?

    /// Opens `path`, or standard input for `"-"`.
    public init(path: String) throws(StreamError) {
        let fd = path == "-" ? dup(0) : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StreamError(description: "cannot open '\(path)': \(String(cString: strerror(errno)))") }
        source = path.hasSuffix(".zst") ? try ZstdSource(fd: fd, path: path) : try GzipSource(fd: fd, path: path)
    }

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
            do {
                let chunk = try source.nextChunk()
                if chunk.isEmpty { finished = true } else { buffer += chunk }
            } catch {
                failure = error.description
                finished = true
            }
        }
    }
}

/// Decompressed bytes, a chunk at a time; an empty chunk is the end.
protocol ChunkSource: AnyObject {
    func nextChunk() throws(StreamError) -> [UInt8]
}

/// zlib's gzip reader over a file descriptor (plain data passes through).
final class GzipSource: ChunkSource {
    private let file: gzFile

    init(fd: Int32, path: String) throws(StreamError) {
        guard let file = gzdopen(fd, "rb") else {
            close(fd)
            throw StreamError(description: "cannot read '\(path)'")
        }
        gzbuffer(file, 1 << 17)
        self.file = file
    }

    deinit { gzclose(file) }

    func nextChunk() throws(StreamError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 1 << 17)
        let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        if n < 0 {
            var code: Int32 = 0
            throw StreamError(description: gzerror(file, &code).map { String(cString: $0) } ?? "read error")
        }
        return Array(chunk[0..<Int(n)])
    }
}

/// Zstandard streaming decompression (`ZSTD_decompressStream`) over a file descriptor.
final class ZstdSource: ChunkSource {
    private let fd: Int32
    private let stream: OpaquePointer
    private let path: String
    private var input = [UInt8](repeating: 0, count: Int(ZSTD_DStreamInSize()))
    private var inputSize = 0
    private var inputPosition = 0
    private var endOfFile = false
    /// 0 when the last frame is complete; otherwise the decoder still expects bytes.
    private var pending = 0

    init(fd: Int32, path: String) throws(StreamError) {
        guard let stream = ZSTD_createDStream() else {
            close(fd)
            throw StreamError(description: "cannot start Zstandard decompression for '\(path)'")
        }
        self.fd = fd
        self.stream = stream
        self.path = path
        ZSTD_initDStream(stream)
    }

    deinit {
        ZSTD_freeDStream(stream)
        close(fd)
    }

    func nextChunk() throws(StreamError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(ZSTD_DStreamOutSize()))
        while true {
            if inputPosition == inputSize && !endOfFile {
                let n = input.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 { throw StreamError(description: "reading '\(path)' failed: \(String(cString: strerror(errno)))") }
                if n == 0 { endOfFile = true }
                inputSize = n
                inputPosition = 0
            }
            if endOfFile && inputPosition == inputSize {
                if pending != 0 { throw StreamError(description: "'\(path)' is truncated or not valid Zstandard data") }
                return []
            }
            var produced = 0
            let status: Int = input.withUnsafeBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inBuffer = ZSTD_inBuffer(src: inRaw.baseAddress, size: inputSize, pos: inputPosition)
                    var outBuffer = ZSTD_outBuffer(dst: outRaw.baseAddress, size: outRaw.count, pos: 0)
                    let result = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                    inputPosition = inBuffer.pos
                    produced = outBuffer.pos
                    return result
                }
            }
            if ZSTD_isError(status) != 0 {
                throw StreamError(description: "'\(path)' is not valid Zstandard data: \(String(cString: ZSTD_getErrorName(status)))")
            }
            pending = status
            if produced > 0 { return Array(output[0..<produced]) }
        }
    }
}

/// Where `decant pipe` writes: standard output or a file, plain or gzip-compressed by the
/// `.gz` extension or Zstandard-compressed by `.zst`. A file appears atomically when ``commit()``
/// is called.
public final class LineWriter {
    private enum Sink {
        case plain(StreamingAtomicFile)
        case gzip(gzFile, temporary: String?, target: String)
        case zstd(ZstdSink)
    }

    private var sink: Sink
    private var committed = false

    public init(path: String) throws(StreamError) {
        if path.hasSuffix(".zst") {
            sink = .zstd(try ZstdSink(path: path))
        } else if path.hasSuffix(".gz") {
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
        case .zstd(let sink):
            try sink.write(Array(text.utf8), end: false)
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
        case .zstd(let sink):
            try sink.finish()
        }
    }
}

/// Zstandard streaming compression (`ZSTD_compressStream2`) into a file that appears atomically
/// (or standard output for `-.zst`, which is not a name anyone uses, so files only).
final class ZstdSink {
    private let stream: OpaquePointer
    private let file: StreamingAtomicFile
    private var committed = false

    init(path: String) throws(StreamError) {
        guard let stream = ZSTD_createCStream() else { throw StreamError(description: "cannot start Zstandard compression") }
        ZSTD_CCtx_setParameter(stream, ZSTD_c_compressionLevel, 3)
        self.stream = stream
        do { file = try StreamingAtomicFile(path: path) } catch {
            ZSTD_freeCStream(stream)
            throw StreamError(description: error.description)
        }
    }

    deinit { ZSTD_freeCStream(stream) }

    func write(_ bytes: [UInt8], end: Bool) throws(StreamError) {
        var output = [UInt8](repeating: 0, count: Int(ZSTD_CStreamOutSize()))
        var position = 0
        while true {
            var produced = 0
            var remaining = 0
            bytes.withUnsafeBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inBuffer = ZSTD_inBuffer(src: inRaw.baseAddress, size: inRaw.count, pos: position)
                    var outBuffer = ZSTD_outBuffer(dst: outRaw.baseAddress, size: outRaw.count, pos: 0)
                    remaining = ZSTD_compressStream2(stream, &outBuffer, &inBuffer, end ? ZSTD_e_end : ZSTD_e_continue)
                    position = inBuffer.pos
                    produced = outBuffer.pos
                }
            }
            if ZSTD_isError(remaining) != 0 {
                throw StreamError(description: "Zstandard compression failed: \(String(cString: ZSTD_getErrorName(remaining)))")
            }
            if produced > 0 {
                do { try file.append(bytes: output[0..<produced]) } catch { throw StreamError(description: error.description) }
            }
            let done = end ? remaining == 0 : position == bytes.count
            if done { return }
        }
    }

    func finish() throws(StreamError) {
        try write([], end: true)
        do { try file.commit() } catch { throw StreamError(description: error.description) }
    }
}
