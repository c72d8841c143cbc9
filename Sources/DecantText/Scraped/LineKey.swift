/// The form of a line that rules and the repetition index compare: lower case, curly quotes
/// made straight, runs of spaces collapsed, and bullets, arrows and punctuation around the
/// line removed.
///
/// `"  » Back to Top ↑ "` → `"back to top"`; `"Your Name *"` → `"your name *"`.
public enum LineKey {
    /// Scalars removed from both ends of the key.
    static let edge: Set<UInt32> = Set(" »«›‹|•·-–—:.…→←↑▶►▸#/><[]()\"'!?,;+✓✕×*".unicodeScalars.map(\.value))

    public static func make(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x09 {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            if value < 0x80 {
                bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value))
                continue
            }
            switch value {
            case 0x2019, 0x2018, 0xB4: bytes.append(0x27)  // '
            case 0x201C, 0x201D, 0x201E: bytes.append(0x22)  // "
            default:
                if scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower, to: &bytes) }
                } else {
                    append(scalar, to: &bytes)
                }
            }
        }
        // Trim edge scalars: from the front scalar by scalar, from the back after finding
        // where the last scalar starts (skipping UTF-8 continuation bytes).
        var start = 0
        var end = bytes.count
        while start < end {
            let (value, length) = decode(bytes, at: start)
            guard edge.contains(value) else { break }
            start += length
        }
        while end > start {
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard edge.contains(decode(bytes, at: lead).value) else { break }
            end = lead
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    @inline(__always) static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
    @inline(__always) static func decode(_ bytes: [UInt8], at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F), 4)
    }
}
