/// A cheap test that rules out mojibake for almost all clean text, so ``MojibakeRepair`` runs
/// its full analysis only on lines that could hold some: a character that is a UTF-8 lead byte
/// in some code page directly followed by one that is a continuation byte (or U+FFFD) in some
/// code page, a lead `Ã` before a space (a lost NBSP), or a C1 control. One table lookup per
/// character; no allocation.
///
/// `"café au lait"` never triggers (é is followed by ASCII); `"cafÃ©"` does.
struct MojibakeTriggers: Sendable {
    /// Bit 0: lead somewhere, bit 1: continuation somewhere, bit 2: a page's 0xC3; for U+0000…U+FFFF.
    private let flags: [UInt8]

    init(pages: [LegacyCodePage]) {
        var flags = [UInt8](repeating: 0, count: 0x10000)
        for page in pages {
            for byte in 0x80...0xFF {
                guard let scalar = page.scalar(for: UInt8(byte)), scalar.value < 0x10000 else { continue }
                let index = Int(scalar.value)
                if (0xC2...0xF4).contains(byte) { flags[index] |= 1 }
                if (0x80...0xBF).contains(byte) { flags[index] |= 2 }
                if byte == 0xC3 { flags[index] |= 4 }
            }
            // Latin-1 readings: C1 controls stand for their own bytes.
            for byte in 0x80...0xBF { flags[byte] |= 2 }
        }
        flags[0xFFFD] |= 2
        self.flags = flags
    }

    func mayContainMojibake(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 && previous & 4 != 0 { return true }
                previous = 0
                continue
            }
            if value >= 0x80 && value < 0xA0 { return true }
            let flag: UInt8 = value < 0x10000 ? flags[Int(value)] : 0
            if previous & 1 != 0 && flag & 2 != 0 { return true }
            previous = flag
        }
        return false
    }
}
