/// A small model of how odd a run of characters looks, used to decide whether a candidate
/// mojibake repair is an improvement. Each character has a class; odd classes (C1 controls,
/// IPA, rare letters) cost on their own and odd neighbours (an accented capital inside a
/// lowercase word, a symbol glued between letters, two scripts in one word) cost per pair.
///
/// Before/after: `"rÃ©gime"` costs about 9, `"régime"` costs 0, so the repair wins; `"Å—"`
/// (an Ångström and a dash) costs 0 while its "repair" `"ŗ"` costs 3, so it is left alone.
enum TextPlausibility {
    enum Kind: UInt8 {
        case space, asciiLower, asciiUpper, digit, asciiPunct, cjkPunct
        case latinLower, latinUpper, rareLetter
        case latinSymbol      // ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷
        case quotePunct       // ‘’“”–—…• and friends
        case oddPunct         // ‚ƒ„†‡ˆ‰‹›˜ and other rarely-used punctuation
        case math, box, control, replacement, combining
        case cyrLower, cyrUpper, greekLower, greekUpper, hebrew, arabic, cjk, otherLetter, symbol
    }

    /// ``kind(_:)``, from a table below U+3000.
    @inline(__always)
    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        return v < 0x3000 ? kindTable[Int(v)] : computedKind(scalar)
    }

    static let kindTable: [Kind] = (0..<0x3000).map { computedKind(Unicode.Scalar(UInt32($0)) ?? "\u{FFFD}") }

    static func computedKind(_ scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        switch v {
        case 0x20, 0x09, 0x0A, 0xA0: return .space
        case 0x61...0x7A: return .asciiLower
        case 0x41...0x5A: return .asciiUpper
        case 0x30...0x39: return .digit
        case 0x00..<0x20, 0x7F...0x9F: return .control
        case 0x21..<0x80: return .asciiPunct
        case 0xA1...0xBF, 0xD7, 0xF7: return .latinSymbol
        case 0xC0...0xDE: return .latinUpper
        case 0xDF...0xFF: return .latinLower
        case 0x100...0x17F:
            if v == 0x17F || v == 0x149 || v == 0x138 { return .rareLetter }
            // Latin Extended-A alternates upper, lower (with a few shifted runs).
            let isUpper = (0x139...0x148).contains(v) || (0x179...0x17E).contains(v) ? v % 2 == 1 : v % 2 == 0
            return isUpper ? .latinUpper : .latinLower
        case 0x192: return .symbol // florin sign
        case 0x180...0x24F: return (0x1A0...0x1B0).contains(v) || (0x218...0x21B).contains(v) ? .latinLower : .rareLetter
        case 0x250...0x2FF: return .rareLetter // IPA, spacing modifiers
        case 0x300...0x36F: return .combining
        case 0x370...0x3FF: return scalar.properties.isUppercase ? .greekUpper : .greekLower
        case 0x400...0x45F: return v < 0x430 ? .cyrUpper : .cyrLower
        case 0x490, 0x492: return .cyrUpper // Ukrainian Ґ, Ғ
        case 0x491, 0x493: return .cyrLower
        case 0x460...0x52F: return .rareLetter
        case 0x590...0x5FF: return .hebrew
        case 0x600...0x6FF: return v >= 0x610 && v <= 0x61A || v >= 0x64B && v <= 0x65F ? .combining : .arabic
        case 0x1E00...0x1EFF: return scalar.properties.isUppercase ? .latinUpper : .latinLower
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0x2022, 0x2122: return .quotePunct
        case 0x1D00...0x1DBF: return .rareLetter // phonetic extensions
        case 0x2000...0x206F: return .oddPunct
        case 0x2190...0x23FF, 0x2200...0x22FF: return .math
        case 0x2500...0x259F: return .box
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return .cjkPunct
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return .cjk
        case 0xFFFD: return .replacement
        case 0xE000...0xF8FF, 0xD800...0xDFFF: return .control
        default:
            return scalar.properties.isAlphabetic ? .otherLetter : .symbol
        }
    }

    @inline(__always) static func isLetter(_ k: Kind) -> Bool {
        switch k {
        case .asciiLower, .asciiUpper, .latinLower, .latinUpper, .rareLetter, .cyrLower, .cyrUpper, .greekLower,
             .greekUpper, .hebrew, .arabic, .cjk, .otherLetter: return true
        default: return false
        }
    }

    @inline(__always) static func script(_ k: Kind) -> Int {
        switch k {
        case .asciiLower, .asciiUpper, .latinLower, .latinUpper, .rareLetter: return 1
        case .cyrLower, .cyrUpper: return 2
        case .greekLower, .greekUpper: return 3
        case .hebrew: return 4
        case .arabic: return 5
        case .cjk: return 6
        default: return 0
        }
    }

    @inline(__always) static func isLower(_ k: Kind) -> Bool {
        k == .asciiLower || k == .latinLower || k == .cyrLower || k == .greekLower
    }

    @inline(__always) static func isUpper(_ k: Kind) -> Bool {
        k == .asciiUpper || k == .latinUpper || k == .cyrUpper || k == .greekUpper
    }

    static func cost(_ k: Kind) -> Int {
        switch k {
        case .control: return 12
        case .rareLetter: return 5
        case .combining, .box, .math: return 3
        case .replacement, .oddPunct: return 2
        case .latinSymbol, .symbol, .cjkPunct: return 1
        default: return 0
        }
    }

    /// Cost of `b` directly after `a` (`a2` is the character before `a`, for case runs).
    static func pairCost(_ a2: Kind, _ a: Kind, _ b: Kind) -> Int {
        let la = isLetter(a), lb = isLetter(b)
        // Curly quotes, dashes and ™ glued between two letters (apostrophes aside).
        if a == .quotePunct && lb && isLetter(a2) { return 3 }
        if la && lb {
            let sa = script(a), sb = script(b)
            if sa != sb && sa != 0 && sb != 0 { return sa == 3 || sb == 3 ? 1 : 4 }
            if isLower(a) && isUpper(b) { return (b == .asciiUpper) ? 1 : 3 }
            if isUpper(a) && isUpper(a2) && isLower(b) && b != .asciiLower { return 2 }
            return 0
        }
        if (la && (b == .latinSymbol || b == .oddPunct || b == .math || b == .box || b == .symbol))
            || (lb && (a == .latinSymbol || a == .oddPunct || a == .math || a == .box || a == .symbol)) { return 2 }
        if (a == .latinSymbol || a == .oddPunct || a == .math) && (b == .latinSymbol || b == .oddPunct || b == .math) { return 2 }
        if a == .quotePunct && lb && b != .asciiLower && b != .asciiUpper && a2 != .space { return 1 }
        return 0
    }

    /// € ‚ ƒ „ † ‡ ˆ ‰ Š ‹ Œ Ž ˜ ™ š › œ ž Ÿ
    static let windows1252Punctuation: Set<UInt32> = [
        0x20AC, 0x201A, 0x0192, 0x201E, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017D, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178,
    ]

    /// Total cost of `scalars`.
    static func cost<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        var total = 0
        var a2 = Kind.space, a = Kind.space
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            var b = kind(scalar)
            // An apostrophe is punctuation that belongs between letters.
            if scalar == "\u{2019}" { b = .asciiPunct }
            // Hebrew, Arabic, CJK or Cyrillic glued to digits ("5ף35").
            let foreign: (Kind) -> Bool = { $0 == .hebrew || $0 == .arabic || $0 == .cjk || $0 == .cyrLower || $0 == .cyrUpper }
            if (foreign(b) && a == .digit) || (foreign(a) && b == .digit) { total += 3 }
            // Greek final sigma inside a word.
            if previous == "\u{3C2}", isLetter(b) { total += 3 }
            // Half-width katakana: legacy, and what single-byte text turns into as Shift_JIS.
            if (0xFF61...0xFF9F).contains(scalar.value) { total += 2 }
            total += cost(b) + pairCost(a2, a, b)
            // "Ã" and "Â" before a symbol or NBSP: the two commonest mojibake leads.
            if previous == "\u{C3}" || previous == "\u{C2}", scalar.value >= 0x80,
               b == .latinSymbol || b == .oddPunct || b == .quotePunct || b == .control || scalar == "\u{A0}"
                || (0x152...0x17E).contains(scalar.value) || scalar == "\u{2DC}" || scalar == "\u{2C6}" || scalar == "\u{178}" {
                total += 3
            }
            // "â" before the Windows-1252 punctuation that only mojibake puts there ("â€", "â™").
            if previous == "\u{E2}", (0x80...0x9F).contains(scalar.value) || Self.windows1252Punctuation.contains(scalar.value) {
                total += 3
            }
            a2 = a
            a = b
            previous = scalar
        }
        return total
    }
}
