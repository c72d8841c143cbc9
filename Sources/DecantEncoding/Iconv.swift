#if canImport(Glibc)
import Glibc
#endif

/// Errors from charset conversion.
public enum ConversionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// iconv does not know the charset name.
    case unsupportedCharset(String)

    public var description: String {
        switch self {
        case .unsupportedCharset(let name): "unknown or unsupported charset '\(name)'"
        }
    }
}

/// Owns one glibc `iconv_t` converting from a charset to UTF-8 (`iconv_open` / `iconv` /
/// `iconv_close`). Not thread-safe: give every thread its own converter.
public final class IconvConverter {
    private let handle: iconv_t
    public let charset: String

    /// Opens a converter from `charset` (an iconv name such as `WINDOWS-1252`) to UTF-8.
    public init(from charset: String) throws(ConversionError) {
        let handle = iconv_open("UTF-8", charset)
        guard let handle, handle != iconv_t(bitPattern: -1) else { throw .unsupportedCharset(charset) }
        self.handle = handle
        self.charset = charset
    }

    deinit { iconv_close(handle) }

    /// Converts `bytes` to a String. Bytes that are invalid in the charset become U+FFFD, one per
    /// invalid byte, and are counted in `invalid`.
    public func convert(_ bytes: [UInt8]) -> (text: String, invalid: Int) {
        iconv(handle, nil, nil, nil, nil) // reset shift state
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        var invalid = 0
        // Up to 64 KiB at a time; short inputs (a code page's table is built one byte at a time)
        // get a short chunk, so each call does not clear 64 KiB. E2BIG just takes another round.
        var chunk = [UInt8](repeating: 0, count: min(64 * 1024, bytes.count * 4 + 64))
        bytes.withUnsafeBufferPointer { input in
            var inPtr = UnsafeMutablePointer<CChar>(OpaquePointer(input.baseAddress))
            var inLeft = input.count
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> (Int, Int32) in
                    var outPtr = UnsafeMutablePointer<CChar>(OpaquePointer(out.baseAddress))
                    var outLeft = out.count
                    let result = inLeft == 0
                        ? iconv(handle, nil, nil, &outPtr, &outLeft)
                        : iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                    let error = result == -1 ? errno : 0
                    return (out.count - outLeft, error)
                }
                output.append(contentsOf: chunk[0..<status.0])
                switch status.1 {
                case 0:
                    if inLeft == 0 { return }
                case E2BIG:
                    continue
                default: // EILSEQ or EINVAL (truncated sequence at the end): replace one byte
                    guard inLeft > 0 else { return }
                    invalid += 1
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                    iconv(handle, nil, nil, nil, nil)
                }
            }
        }
        return (String(decoding: output, as: UTF8.self), invalid)
    }
}
