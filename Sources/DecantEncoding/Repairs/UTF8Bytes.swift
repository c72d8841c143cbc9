import Glibc

/// Byte-level helpers for the repairs' fast paths: they read a `String`'s UTF-8 storage in
/// place (no copy, no `Array(text.unicodeScalars)`) and decode scalars only where a byte says
/// there is one worth looking at.
enum UTF8Bytes {
    /// Calls `body` with the UTF-8 bytes of `text`, without copying when the string is native.
    @inline(__always)
    static func with<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    /// True when `bytes` contains `byte` (memchr).
    @inline(__always)
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// True when `text` contains `byte`.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        with(text) { contains($0, byte) }
    }

    /// The scalar starting at `i` (a lead or ASCII byte of valid UTF-8) and its length in bytes.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(b[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(b[i + 1]) & 0x3F, 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | UInt32(b[i + 2]) & 0x3F, 3)
        }
        return ((lead & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6
            | UInt32(b[i + 3]) & 0x3F, 4)
    }

    /// The start of the scalar that ends just before `i` (`i` > 0).
    @inline(__always)
    static func scalarStart(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// `String` from a slice of valid UTF-8.
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    /// True for scalars that belong to words (`Unicode.Scalar.Properties.isAlphabetic`), from a
    /// bit table below U+3000 (the alphabets; built on first use) and the property above.
    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        if value < 0x3000 { return alphabeticTable[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    static let alphabeticTable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x3000 / 64)
        for value in 0..<0x3000 {
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.isAlphabetic else { continue }
            bits[value >> 6] |= 1 << UInt64(value & 63)
        }
        return bits
    }()
}
