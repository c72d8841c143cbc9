/// The normalisations tier: style changes some pipelines want and others refuse, all off by
/// default. Each replaces characters one for one (or one for a few) and counts them.
///
/// - `quotes` straight: `“a” ‘b’` → `"a" 'b'`; curly: `"a" it's` → `“a” it’s`.
/// - `dashes`: `–` `—` `‒` `―` → `-`.
/// - `ligatures`: `ﬁ` → `fi`, `ﬂ` → `fl`, `ﬀ` → `ff`, `ﬃ` → `ffi`, `ﬄ` → `ffl`, `ﬆ` → `st`.
/// - `full-width`: `ＡＢＣ１２３！` → `ABC123!`.
public struct StyleNormalization: TextRepair {
    public enum Kind: String, Sendable, CaseIterable {
        case straightQuotes = "quotes-straight"
        case curlyQuotes = "quotes-curly"
        case dashes, ligatures
        case fullWidth = "full-width"
    }

    public let kind: Kind
    public var name: String { kind.rawValue }

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) && kind != .curlyQuotes { return text }
        var out = String.UnicodeScalarView()
        var changed = false
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let replacement = map(scalar, after: previous)
            previous = scalar
            if let replacement {
                out.append(contentsOf: replacement.unicodeScalars)
                tally.add(name, from: String(scalar), to: replacement)
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }

    func map(_ s: Unicode.Scalar, after previous: Unicode.Scalar) -> String? {
        switch kind {
        case .straightQuotes:
            switch s {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": return "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return "\""
            default: return nil
            }
        case .curlyQuotes:
            let opening = previous == " " || previous == "\n" || previous == "(" || previous == "[" || previous == "\t"
            switch s {
            case "'": return opening ? "\u{2018}" : "\u{2019}"
            case "\"": return opening ? "\u{201C}" : "\u{201D}"
            default: return nil
            }
        case .dashes:
            return ["\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}"].contains(s) ? "-" : nil
        case .ligatures:
            switch s {
            case "\u{FB00}": return "ff"
            case "\u{FB01}": return "fi"
            case "\u{FB02}": return "fl"
            case "\u{FB03}": return "ffi"
            case "\u{FB04}": return "ffl"
            case "\u{FB05}", "\u{FB06}": return "st"
            case "\u{0132}": return "IJ"
            case "\u{0133}": return "ij"
            default: return nil
            }
        case .fullWidth:
            if (0xFF01...0xFF5E).contains(s.value) { return String(Character(Unicode.Scalar(s.value - 0xFEE0)!)) }
            if s.value == 0x3000 { return " " }
            return nil
        }
    }
}
