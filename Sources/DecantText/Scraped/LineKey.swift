/// The form of a line that rules and the repetition index compare: lower case, curly quotes
/// made straight, runs of spaces collapsed, and bullets, arrows and punctuation around the
/// line removed.
///
/// `"  » Back to Top ↑ "` → `"back to top"`; `"Your Name *"` → `"your name *"`.
public enum LineKey {
    /// Scalars removed from both ends of the key.
    static let edge: Set<UInt32> = Set(" »«›‹|•·-–—:.…→←↑▶►▸#/><[]()\"'!?,;+✓✕×*".unicodeScalars.map(\.value))

    public static func make(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x09 {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            if value < 0x80 {
                scalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar)
                continue
            }
            switch value {
            case 0x2019, 0x2018, 0xB4, 0x60: scalars.append("'")
            case 0x201C, 0x201D, 0x201E: scalars.append("\"")
            default:
                if scalar.properties.changesWhenLowercased {
                    scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        var start = 0
        var end = scalars.count
        while start < end, edge.contains(scalars[start].value) { start += 1 }
        while end > start, edge.contains(scalars[end - 1].value) { end -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }
}
