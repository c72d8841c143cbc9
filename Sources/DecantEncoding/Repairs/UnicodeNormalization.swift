import Foundation

/// Unicode normalisation of a text: NFC (a repair, on by default: `"e\u{301}"` → `"é"`) or NFKC
/// (a normalisation, off by default: `"ﬁ"` → `"fi"`, `"１"` → `"1"`).
public struct UnicodeNormalization: TextRepair {
    public enum Form: String, Sendable { case nfc, nfkc }
    public let form: Form
    public var name: String { form.rawValue }

    public init(_ form: Form) {
        self.form = form
    }

    /// False for scalars NFC always keeps as they are: combining marks (canonical combining class
    /// above 0), conjoining Hangul jamo, and the singletons and exclusions that NFC replaces
    /// (Ω ohm, K kelvin, Å angstrom, CJK compatibility ideographs, Indic nukta forms) may change.
    @inline(__always) static func mayChangeUnderNFC(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        switch v {
        // Letters of scripts whose text is NFC unless it holds combining marks (checked apart).
        case 0x0400...0x0482, 0x048A...0x052F, 0x05D0...0x05EA, 0x0620...0x064A, 0x2010...0x2027, 0x3041...0x3096,
             0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return false
        default: break
        }
        if s.properties.canonicalCombiningClass.rawValue != 0 { return true }
        switch v {
        case 0x0340...0x0344, 0x0374, 0x037E, 0x0387, 0x0958...0x095F, 0x09DC...0x09DF, 0x0A33, 0x0A36,
             0x0A59...0x0A5E, 0x0B5C, 0x0B5D, 0x0F43...0x0FB9, 0x1100...0x11FF, 0x1F71...0x1FFD, 0x2000, 0x2001,
             0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC, 0xF900...0xFAFF, 0xFB1D...0xFB4E, 0x1D15E...0x1D1C0,
             0x2F800...0x2FA1D:
            return true
        default:
            // Vowel signs and other marks of class 0 that compose with a preceding letter.
            return s.properties.generalCategory == .spacingMark || s.properties.generalCategory == .nonspacingMark
        }
    }

    /// ``mayChangeUnderNFC(_:)`` for every scalar U+0300…U+2FFF, one bit each.
    static let nfcTable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x3000 / 64)
        for value in 0x300..<0x3000 {
            guard let scalar = Unicode.Scalar(UInt32(value)), mayChangeUnderNFC(scalar) else { continue }
            bits[value >> 6] |= 1 << UInt64(value & 63)
        }
        return bits
    }()

    /// True when some scalar of the UTF-8 may change under NFC. Bytes below 0xCC never start a
    /// scalar from U+0300 up, so most text is skipped byte by byte (eight at a time in ASCII).
    static func mayChangeUnderNFC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        var i = 0
        while i < n {
            if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if b[i] < 0xCC { i += 1; continue }
            let (value, length) = UTF8Bytes.scalar(b, at: i)
            if value < 0x3000 {
                if nfcTable[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 { return true }
            } else if let scalar = Unicode.Scalar(value), mayChangeUnderNFC(scalar) {
                return true
            }
            i += length
        }
        return false
    }

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        // Below U+0300 every scalar is already in NFC (and NFKC but for a few compatibility
        // characters in Latin-1, checked below).
        if form == .nfc, !UTF8Bytes.with(text, Self.mayChangeUnderNFC) { return text }
        if form == .nfkc, text.unicodeScalars.allSatisfy({ $0.value < 0xA0 }) { return text }
        let normalized = form == .nfc ? text.precomposedStringWithCanonicalMapping : text.precomposedStringWithCompatibilityMapping
        if normalized.unicodeScalars.elementsEqual(text.unicodeScalars) { return text }
        tally.add(name, from: "", to: "", count: 1)
        return normalized
    }
}
