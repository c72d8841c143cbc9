import DecantCore

/// Decoders for the Unicode encodings, counting invalid sequences (each becomes U+FFFD).
enum UnicodeDecoding {
    static func utf8(_ bytes: ArraySlice<UInt8>) -> (text: String, invalid: Int) {
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, 0) }
        return decode(bytes.makeIterator(), as: Unicode.UTF8.self)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (text: String, invalid: Int) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        var result = decode(units.makeIterator(), as: Unicode.UTF16.self)
        if index < bytes.endIndex { // odd trailing byte
            result.text.unicodeScalars.append("\u{FFFD}")
            result.invalid += 1
        }
        return result
    }

    static func utf32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (text: String, invalid: Int) {
        var units: [UInt32] = []
        units.reserveCapacity(bytes.count / 4)
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            let b = (0..<4).map { UInt32(bytes[index + $0]) }
            units.append(bigEndian ? (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) : (b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]))
            index += 4
        }
        var result = decode(units.makeIterator(), as: Unicode.UTF32.self)
        if index < bytes.endIndex {
            result.text.unicodeScalars.append("\u{FFFD}")
            result.invalid += 1
        }
        return result
    }

    private static func decode<Codec: UnicodeCodec, Units: IteratorProtocol>(
        _ units: Units, as codec: Codec.Type
    ) -> (text: String, invalid: Int) where Units.Element == Codec.CodeUnit {
        var iterator = units
        var decoder = Codec()
        var scalars = String.UnicodeScalarView()
        var invalid = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                invalid += 1
                scalars.append("\u{FFFD}")
            }
        }
        return (String(scalars), invalid)
    }

    /// Counts invalid UTF-8 sequences and valid multi-byte ones (evidence the text *is* UTF-8).
    static func utf8Census(_ bytes: [UInt8]) -> (invalid: Int, multibyte: Int) {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var invalid = 0, multibyte = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value >= 0x80 { multibyte += 1 }
            case .emptyInput: return (invalid, multibyte)
            case .error: invalid += 1
            }
        }
    }
}
