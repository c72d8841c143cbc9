/// Which code pages can yield any candidate for ``MojibakeRepair`` on a line, so the repair
/// builds a pass only for those. A candidate (a UTF-8 or CESU-8 sequence, a lost byte or a lost
/// NBSP) always starts with a character (U+0080 or above) that the page encodes as a lead byte
/// 0xC2…0xF4, followed by one that it encodes as a continuation byte 0x80…0xBF, by U+FFFD or by
/// a space; a page with no such pair has nothing to repair, whatever the rest of the line is.
struct MojibakePageMask: Sendable {
    /// Per scalar below U+10000, one bit per code page (the first 16 pages).
    private let lead: [UInt16], continuation: [UInt16]

    init(pages: [LegacyCodePage]) {
        var lead = [UInt16](repeating: 0, count: 0x10000)
        var continuation = lead
        for (index, page) in pages.prefix(16).enumerated() {
            let bit = UInt16(1) << index
            // `reverse` holds every scalar from U+0080 up that the page encodes, with its byte.
            for (value, byte) in page.reverse where value < 0x10000 {
                if (0xC2...0xF4).contains(byte) { lead[Int(value)] |= bit }
                if (0x80...0xBF).contains(byte) { continuation[Int(value)] |= bit }
            }
        }
        continuation[0xFFFD] = .max
        continuation[0x20] = .max
        self.lead = lead
        self.continuation = continuation
    }

    /// Bit `i` set when page `i` may find a candidate in `scalars`.
    func pages(that scalars: [Unicode.Scalar]) -> UInt16 {
        var mask: UInt16 = 0
        guard scalars.count >= 2 else { return 0 }
        for i in 0..<(scalars.count - 1) {
            let value = scalars[i].value
            guard value >= 0x80, value < 0x10000 else { continue }
            let leads = lead[Int(value)]
            guard leads != 0 else { continue }
            let next = scalars[i + 1].value
            if next < 0x10000 { mask |= leads & continuation[Int(next)] }
        }
        return mask
    }
}
