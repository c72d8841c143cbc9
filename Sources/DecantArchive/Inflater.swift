import CZlib

/// Decompresses deflate data with zlib, refusing to produce more than a limit — the one place
/// this module calls zlib's inflate API. Owns its `z_stream` (zlib keeps a pointer back to it,
/// so it lives at a fixed address) and frees it in `deinit`.
final class Inflater {
    enum Framing {
        /// Raw deflate, as inside ZIP entries.
        case raw
        /// A gzip member (RFC 1952), as in `.warc.gz`.
        case gzip
    }

    private let stream: UnsafeMutablePointer<z_stream>

    /// Wraps `inflateInit2_`.
    init(_ framing: Framing) throws(ArchiveError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let bits: Int32 = framing == .raw ? -15 : 15 + 16
        guard inflateInit2_(stream, bits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            throw .unsupported("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates one complete stream from the start of `input`.
    ///
    /// - Returns: the output and how many input bytes the stream used (the rest may be the next
    ///   gzip member).
    /// - Throws: ``ArchiveError/tooLarge(_:)`` past `limit` output bytes, ``ArchiveError/corrupt(_:)``
    ///   on bad data, ``ArchiveError/truncated(_:)`` when the input ends mid-stream.
    func inflate(_ input: ArraySlice<UInt8>, limit: Int, what: String) throws(ArchiveError) -> (output: [UInt8], consumed: Int) {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let status: Int32 = input.withUnsafeBufferPointer { inBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.pointee.avail_in = UInt32(inBuffer.count)
            var status: Int32 = Z_OK
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.pointee.next_out = outBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outBuffer.count)
                    return CZlib.inflate(stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                if output.count + produced > limit { return Z_MEM_ERROR }
                output.append(contentsOf: chunk[0..<produced])
            } while status == Z_OK && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
            return status
        }
        let consumed = input.count - Int(stream.pointee.avail_in)
        switch status {
        case Z_STREAM_END: return (output, consumed)
        case Z_MEM_ERROR: throw .tooLarge("\(what) inflates to more than \(limit) bytes")
        case Z_OK, Z_BUF_ERROR: throw .truncated("\(what) ends in the middle of its compressed data")
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
            throw .corrupt("\(what): \(message)")
        }
    }
}
