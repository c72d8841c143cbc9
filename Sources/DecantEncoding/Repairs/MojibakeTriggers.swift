/// A cheap test that rules out mojibake for almost all clean text, so ``MojibakeRepair`` runs
/// its full analysis only on lines that could hold some: in one and the same code page, a
/// character that is a UTF-8 lead byte followed by as many continuation bytes (or U+FFFD) as the
/// lead needs; a page's `0xC3` before a space (a lost NBSP); or a C1 control. A few table
/// lookups per character, no allocation.
///
/// `"café au lait"` never triggers (é is followed by ASCII); `"cafÃ©"` does.
struct MojibakeTriggers: Sendable {
    /// Per scalar below U+10000, one bit per code page.
    private let lead2: [UInt16], lead3: [UInt16], continuation: [UInt16]
    /// Scalars that are byte 0xC3 in some page.
    private let c3: [Bool]

    init(pages: [LegacyCodePage]) {
        var lead2 = [UInt16](repeating: 0, count: 0x10000)
        var lead3 = lead2, continuation = lead2
        var c3 = [Bool](repeating: false, count: 0x10000)
        for (index, page) in pages.prefix(16).enumerated() {
            let bit = UInt16(1) << index
            for byte in 0x80...0xFF {
                guard let scalar = page.scalar(for: UInt8(byte)), scalar.value < 0x10000 else { continue }
                let value = Int(scalar.value)
                if (0xC2...0xDF).contains(byte) { lead2[value] |= bit }
                if (0xE0...0xF4).contains(byte) { lead3[value] |= bit }
                if (0x80...0xBF).contains(byte) { continuation[value] |= bit }
                if byte == 0xC3 { c3[value] = true }
            }
            // Latin-1 readings: C1 controls stand for their own bytes.
            for byte in 0x80...0xBF { continuation[byte] |= bit }
            continuation[0xFFFD] |= bit
        }
        self.lead2 = lead2
        self.lead3 = lead3
        self.continuation = continuation
        self.c3 = c3
    }

    func mayContainMojibake(_ text: String) -> Bool {
        var needOne: UInt16 = 0, needTwo: UInt16 = 0
        var previousC3 = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 && previousC3 { return true }
                needOne = 0; needTwo = 0; previousC3 = false
                continue
            }
            if value < 0xA0 { return true }
            guard value < 0x10000 else { needOne = 0; needTwo = 0; previousC3 = false; continue }
            let index = Int(value)
            let cont = continuation[index]
            if needOne & cont != 0 { return true }
            needOne = (needTwo & cont) | lead2[index]
            needTwo = lead3[index]
            previousC3 = c3[index]
        }
        return false
    }

    /// ``mayContainMojibake(_:)`` on UTF-8 bytes, skipping ASCII eight bytes at a time.
    func mayContainMojibake(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        var needOne: UInt16 = 0, needTwo: UInt16 = 0
        var previousC3 = false
        var i = 0
        return lead2.withUnsafeBufferPointer { lead2 in
            lead3.withUnsafeBufferPointer { lead3 in
                continuation.withUnsafeBufferPointer { continuation in
                    c3.withUnsafeBufferPointer { c3 in
                        while i < n {
                            let byte = b[i]
                            if byte < 0x80 {
                                if byte == 0x20 && previousC3 { return true }
                                needOne = 0; needTwo = 0; previousC3 = false
                                i += 1
                                // Further ASCII only resets the state again.
                                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                                    i += 8
                                }
                                continue
                            }
                            let (value, length) = UTF8Bytes.scalar(b, at: i)
                            i += length
                            if value < 0xA0 { return true }
                            guard value < 0x10000 else { needOne = 0; needTwo = 0; previousC3 = false; continue }
                            let index = Int(value)
                            let cont = continuation[index]
                            if needOne & cont != 0 { return true }
                            needOne = (needTwo & cont) | lead2[index]
                            needTwo = lead3[index]
                            previousC3 = c3[index]
                        }
                        return false
                    }
                }
            }
        }
    }
}
