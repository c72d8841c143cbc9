#if canImport(Glibc)
import Glibc
#endif

/// Decant's charset detector for bytes that are not UTF-8 and carry no usable declaration.
///
/// Evidence, in order:
/// 1. Structure: BOM-less UTF-32 and UTF-16 (zero bytes or C0 controls that no legacy text has,
///    a strict decode, a plausible result); ISO-2022-JP escapes.
/// 2. uchardet's answer when it names a multi-byte CJK charset and that charset decodes the
///    bytes without an error.
/// 3. A competition between the candidates that decode the bytes without error: each decoding
///    is scored by how odd it looks (``TextPlausibility``: controls, symbols between letters, case
///    and script changes inside words) plus the accented letters no single language would mix
///    (``LanguageLetters``). The lowest score wins; ties go to the commoner charset. Two
///    charsets that decode the bytes to the same text are the same answer.
///
/// Confidence is 1 for structural evidence and otherwise grows with the margin between the best
/// and the runner-up that decodes differently.
public struct StatisticalCharsetDetector: CharsetDetector {
    /// Single-byte candidates, commonest first (ties go to the earlier one).
    static let singleByte = [
        "WINDOWS-1252", "WINDOWS-1251", "WINDOWS-1250", "ISO-8859-15", "WINDOWS-1253", "WINDOWS-1254", "WINDOWS-1257",
        "WINDOWS-1255", "WINDOWS-1256", "KOI8-R", "KOI8-U", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7", "ISO-8859-9",
        "ISO-8859-1", "MACINTOSH",
    ]
    static let multiByte = ["GB18030", "SHIFT_JIS", "EUC-KR", "BIG5", "EUC-JP"]

    public init() {}

    public func detect(_ bytes: [UInt8]) -> (charset: String, confidence: Double)? {
        guard !bytes.isEmpty else { return nil }
        if let structural = structural(bytes) { return (structural, 1) }
        if bytes.allSatisfy({ $0 < 0x80 }) { return ("US-ASCII", 1) }

        var scored: [(charset: String, text: String, score: Int)] = []
        let uchardetGuess = Uchardet()?.detect(bytes).map(Self.canonical)
        if let guess = uchardetGuess, Self.multiByte.contains(guess), let text = strictDecode(bytes, guess),
           Self.mostlyEastAsian(text) {
            return (guess, 0.95)
        }
        for charset in Self.singleByte + Self.multiByte {
            guard let text = strictDecode(bytes, charset) else { continue }
            scored.append((charset, text, Self.score(text)))
        }
        guard !scored.isEmpty else { return nil }
        // Near-ties between different decodings: words with accents that a word list knows
        // ("Brücke" rather than "Brźcke") count in favour.
        let top = scored.map(\.score).min()!
        if Set(scored.filter { $0.score <= top + 2 }.map(\.text)).count > 1 {
            for index in scored.indices where scored[index].score <= top + 2 {
                scored[index].score -= 2 * Self.knownAccentedWords(scored[index].text)
            }
        }
        var best = scored[0]
        for candidate in scored.dropFirst() where candidate.score < best.score { best = candidate }
        // uchardet breaks near-ties when it names one of the candidates.
        if let guess = uchardetGuess, let named = scored.first(where: { $0.charset == guess }), named.score <= best.score + 1,
           named.text != best.text {
            best = named
        }
        let runnerUp = scored.filter { $0.text != best.text }.map(\.score).min()
        let margin = runnerUp.map { Double($0 - best.score) } ?? 20
        let length = Double(best.text.unicodeScalars.count)
        let confidence = min(0.99, 0.5 + margin / max(8, length / 8) * 0.5)
        return (best.charset, (confidence * 100).rounded() / 100)
    }

    /// Every candidate that decodes the bytes without error, with its score (lower is more
    /// plausible), for `decant detect --explain`.
    public func candidates(_ bytes: [UInt8]) -> [(charset: String, score: Int, preview: String)] {
        (Self.singleByte + Self.multiByte).compactMap { charset in
            strictDecode(bytes, charset).map { (charset, Self.score($0), String($0.prefix(60))) }
        }.sorted { $0.score < $1.score }
    }

    /// How many words with non-ASCII letters are in the English, German, French or Spanish list.
    static func knownAccentedWords(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        let words = WordText.words(scalars).filter { range in scalars[range].contains { $0.value >= 0x80 } }
        guard !words.isEmpty else { return 0 }
        var known = 0
        for range in words.prefix(50) {
            let word = WordText.string(scalars[range])
            for load in WordText.allLists where load()?.contains(word) == true {
                known += 1
                break
            }
        }
        return known
    }

    /// True when at least 80% of the non-ASCII characters are CJK, kana or Hangul.
    static func mostlyEastAsian(_ text: String) -> Bool {
        var wide = 0, other = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            let v = scalar.value
            if (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0xFF00...0xFFEF).contains(v) || (0x3000...0x303F).contains(v) || (0x20000...0x2FFFF).contains(v) {
                wide += 1
            } else {
                other += 1
            }
        }
        return wide > 0 && wide * 10 >= (wide + other) * 8
    }

    /// The score of a decoding: lower is more plausible.
    static func score(_ text: String) -> Int {
        let scalars = text.unicodeScalars
        var score = TextPlausibility.cost(scalars)
        score += LanguageLetters.misfits(LanguageLetters.census(scalars))
        // Text in capitals throughout is rarer than text in lower case (KOI8 read as Windows-1251
        // and back flips the case).
        var upper = 0, lower = 0
        for scalar in scalars where scalar.value >= 0x80 {
            if scalar.properties.isUppercase { upper += 1 } else if scalar.properties.isLowercase { lower += 1 }
        }
        if upper >= 8 && upper > 4 * lower { score += 3 + upper / 20 }
        // Danish/Norwegian "æ" and "ø" next to another vowel: Croatian "ć" read as Windows-1252.
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            let pair = (previous, scalar)
            if ("æøÆØ".unicodeScalars.contains(pair.0) && "aeiouAEIOU".unicodeScalars.contains(pair.1))
                || ("aeiouAEIOU".unicodeScalars.contains(pair.0) && "æøÆØ".unicodeScalars.contains(pair.1)) {
                score += 2
            }
            previous = scalar
        }
        for scalar in scalars where scalar == "\u{A4}" || scalar == "\u{A6}" || scalar == "\u{A8}" || scalar == "\u{B4}" || scalar == "\u{B8}" {
            score += 2 // ¤ ¦ ¨ ´ ¸: where ISO-8859-15 has € Š š Ž ž
        }
        return score
    }

    /// Charsets recognised by structure alone, which must be checked before UTF-8 validity
    /// (UTF-16 English and ISO-2022-JP are valid UTF-8 too): UTF-32/UTF-16 without BOM (zero
    /// bytes or C0 controls no legacy text has) and ISO-2022-JP (its escape sequences).
    public func structural(_ bytes: [UInt8]) -> String? {
        let hasZero = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { memchr($0, 0, b.count) != nil } ?? false }
        let hasEscape = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { memchr($0, 0x1B, b.count) != nil } ?? false }
        if hasEscape, !hasZero, bytes.allSatisfy({ $0 < 0x80 }), containsISO2022Escape(bytes) { return "ISO-2022-JP" }
        if hasZero || hasEscape || bytes.count < 4096 { return wideUnicode(bytes) }
        return nil
    }

    /// UTF-32 or UTF-16 without a BOM, recognised by structure.
    func wideUnicode(_ bytes: [UInt8]) -> String? {
        var zeros = 0, evenZeros = 0, controls = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0 {
                zeros += 1
                if index % 2 == 0 { evenZeros += 1 }
            } else if byte < 0x09 || (0x0E..<0x20).contains(byte) {
                controls += 1
            }
        }
        // Zero bytes are evidence only when there are several and they keep to one parity (the
        // high half of ASCII characters); a stray NUL in 8-bit text is not.
        let oneParity = max(evenZeros, zeros - evenZeros) * 10 >= zeros * 9
        let zeroEvidence = zeros >= max(2, bytes.count / 25) && oneParity
        if bytes.count % 4 == 0, zeros * 2 >= bytes.count {
            for (name, big) in [("UTF-32LE", false), ("UTF-32BE", true)] {
                let decoded = UnicodeDecoding.utf32(bytes[...], bigEndian: big)
                if decoded.invalid == 0, plausibleWide(decoded.text) { return name }
            }
        }
        guard zeroEvidence || (oneParity && controls * 30 >= bytes.count), bytes.count % 2 == 0 else { return nil }
        var best: (String, Int)? = nil
        for (name, big) in [("UTF-16LE", false), ("UTF-16BE", true)] {
            let decoded = UnicodeDecoding.utf16(bytes[...], bigEndian: big)
            guard decoded.invalid == 0, plausibleWide(decoded.text) else { continue }
            let score = Self.score(decoded.text)
            guard score * 4 <= decoded.text.unicodeScalars.count else { continue }
            if score < (best?.1 ?? Int.max) { best = (name, score) }
        }
        return best?.0
    }

    /// No controls besides tab/newline/CR, no unassigned or private-use code points.
    func plausibleWide(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { return false }
            if (0x7F...0x9F).contains(v) || (0xE000...0xF8FF).contains(v) || v >= 0xF0000 { return false }
            if scalar.properties.generalCategory == .unassigned { return false }
        }
        return true
    }

    func containsISO2022Escape(_ bytes: [UInt8]) -> Bool {
        for i in 0..<(bytes.count - 2) where bytes[i] == 0x1B && bytes[i + 1] == 0x24 && (bytes[i + 2] == 0x42 || bytes[i + 2] == 0x40) {
            return true
        }
        return false
    }

    /// The text when `charset` decodes every byte, else nil.
    func strictDecode(_ bytes: [UInt8], _ charset: String) -> String? {
        guard let converter = try? IconvConverter(from: charset) else { return nil }
        let (text, invalid) = converter.convert(bytes)
        return invalid == 0 ? text : nil
    }

    static func canonical(_ name: String) -> String {
        switch name {
        case "SHIFT-JIS", "SJIS", "CP932": "SHIFT_JIS"
        case "GB2312", "GBK", "HZ-GB-2312": "GB18030"
        case "UHC", "CP949": "EUC-KR"
        case "BIG5-HKSCS": "BIG5"
        case "MAC-CENTRALEUROPE": "MAC-CENTRALEUROPE"
        default: name
        }
    }
}

/// The detector readers use by default: ``StatisticalCharsetDetector``.
public typealias DecantCharsetDetector = StatisticalCharsetDetector
