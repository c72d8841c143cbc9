/// Content-Transfer-Encoding decoders (RFC 2045): base64 and quoted-printable.
///
/// `Gr=C3=BC=C3=9Fe=\r\n aus Wien` → `Grüße aus Wien` (quoted-printable, soft line break);
/// `SGVsbG8=` → `Hello` (base64). Malformed input decodes as far as it can rather than failing.
enum TransferDecoding {
    static func base64(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in input {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - 97 + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - 48 + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            default: continue  // padding, line breaks, noise
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }

    static func quotedPrintable(_ input: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == UInt8(ascii: "=") {
                if i + 2 < input.count, let high = hex(input[i + 1]), let low = hex(input[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                // A soft line break: "=", optional spaces, then the end of the line.
                var j = i + 1
                while j < input.count, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                if j == input.count { i = j; continue }
                if input[j] == 0x0A { i = j + 1; continue }
                if input[j] == 0x0D { i = j + 1 < input.count && input[j + 1] == 0x0A ? j + 2 : j + 1; continue }
                out.append(byte)
                i += 1
            } else if byte == UInt8(ascii: "_") && underscoreIsSpace {
                out.append(0x20)
                i += 1
            } else {
                out.append(byte)
                i += 1
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 87
        default: nil
        }
    }
}
