/// A single-byte code page as two tables (byte → scalar and scalar → byte), built at first use
/// by asking glibc iconv to decode every byte, so no vendor table is copied into Decant.
///
/// "Sloppy" pages map bytes the charset leaves undefined to the C1 control with the same number
/// (0x81 → U+0081), which is what many decoders do and what mojibake therefore contains.
public struct LegacyCodePage: Sendable {
    /// The iconv name, e.g. `WINDOWS-1252`.
    public let charset: String
    /// Scalar for bytes 0x80…0xFF (index = byte - 0x80); nil when iconv rejects the byte and the
    /// page is not sloppy.
    let high: [Unicode.Scalar?]
    /// Scalar value → byte, for the high half only.
    let reverse: [UInt32: UInt8]
    /// The same for scalars below U+2600 as a flat table (-1: not encodable), the hot path.
    let flat: [Int16]

    init?(charset: String, sloppy: Bool, latin1Controls: Bool = false) {
        guard let converter = try? IconvConverter(from: charset) else { return nil }
        var high = [Unicode.Scalar?](repeating: nil, count: 128)
        var reverse: [UInt32: UInt8] = [:]
        for byte in 0x80...0xFF {
            let (text, invalid) = converter.convert([UInt8(byte)])
            var scalar: Unicode.Scalar? = nil
            if invalid == 0, text.unicodeScalars.count == 1 { scalar = text.unicodeScalars.first }
            if scalar == nil && sloppy { scalar = Unicode.Scalar(UInt32(byte)) }
            high[byte - 0x80] = scalar
            if let scalar, scalar.value >= 0x80, reverse[scalar.value] == nil { reverse[scalar.value] = UInt8(byte) }
        }
        // Windows-1252 text is so often decoded as Latin-1 that its page also accepts the C1
        // controls as their own bytes (U+0080 -> 0x80).
        if latin1Controls {
            for byte in 0x80...0x9F where reverse[UInt32(byte)] == nil { reverse[UInt32(byte)] = UInt8(byte) }
        }
        var flat = [Int16](repeating: -1, count: 0x2600)
        for (value, byte) in reverse where value < 0x2600 { flat[Int(value)] = Int16(byte) }
        self.charset = charset
        self.high = high
        self.reverse = reverse
        self.flat = flat
    }

    /// The byte that `scalar` encodes to, or nil when the page cannot encode it.
    @inline(__always)
    func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        if value < 0x2600 { let byte = flat[Int(value)]; return byte < 0 ? nil : UInt8(byte) }
        return reverse[value]
    }

    /// The scalar for `byte` (ASCII maps to itself).
    @inline(__always)
    func scalar(for byte: UInt8) -> Unicode.Scalar? {
        byte < 0x80 ? Unicode.Scalar(byte) : high[Int(byte) - 0x80]
    }

    /// The code pages mojibake is undone from, most common first. Built once.
    public static let mojibakeSources: [LegacyCodePage] = {
        let names: [(String, Bool)] = [
            ("WINDOWS-1252", true), ("MACINTOSH", false), ("WINDOWS-1251", true), ("WINDOWS-1250", true),
            ("WINDOWS-1257", true), ("ISO-8859-2", false), ("CP437", false), ("WINDOWS-1253", true),
            ("WINDOWS-1254", true), ("ISO-8859-15", false), ("KOI8-R", false), ("WINDOWS-1255", true),
            ("WINDOWS-1256", true), ("CP850", false),
        ]
        return names.compactMap { LegacyCodePage(charset: $0.0, sloppy: $0.1, latin1Controls: $0.0 == "WINDOWS-1252") }
    }()
}
