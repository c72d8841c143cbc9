import Glibc

/// Undoes mojibake: UTF-8 bytes that were decoded with a single-byte code page (Windows-1252,
/// Latin-1, Mac Roman, CP437, Windows-1250/1251/1257, …), possibly more than once, possibly only
/// in one span of otherwise clean text, possibly with bytes lost to undefined code points.
///
/// How: for each code page, map every character back to its byte and look for runs that form
/// valid UTF-8 sequences (CESU-8 surrogate pairs included; U+FFFD stands for a lost byte). Each
/// whitespace-delimited token with such sequences is repaired only if the repaired token looks
/// clearly more plausible than the original (``TextPlausibility``); the code page that improves
/// the text most wins, and the pass repeats for mojibake nested several times. Text without
/// any character that could start a sequence is returned at once.
///
/// Before: `"The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows, rÃ©gime"` —
/// after: `"The Mona Lisa doesn’t have eyebrows, régime"`.
public struct MojibakeRepair: TextRepair {
    public let name = "mojibake"
    /// Code pages tried, most common first.
    let pages: [LegacyCodePage]
    /// Maximum nesting undone.
    let maxPasses = 4

    public init() {
        pages = LegacyCodePage.mojibakeSources
    }

    static let windows1252 = LegacyCodePage.mojibakeSources.first { $0.charset == "WINDOWS-1252" }!
    static let triggers = MojibakeTriggers(pages: LegacyCodePage.mojibakeSources)
    static let pageMask = MojibakePageMask(pages: LegacyCodePage.mojibakeSources)

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        UTF8Bytes.with(text) { b in
            // Lines as `split(separator: "\n")` makes them: "\r\n" is one character, not a break.
            var replaced: [(range: Range<Int>, text: String)] = []
            var start = 0
            var from = 0
            let n = b.count
            while start <= n {
                var end = n
                while from < n, let found = memchr(b.baseAddress! + from, 0x0A, n - from) {
                    let at = b.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    from = at + 1
                    if at > 0 && b[at - 1] == 0x0D { continue }
                    end = at
                    break
                }
                if end == n { from = n }
                let line = UnsafeBufferPointer(rebasing: b[start..<end])
                if Self.triggers.mayContainMojibake(line), line.contains(where: { $0 >= 0xC3 }) {
                    let before = tally.total
                    let fixed = repairLine(String(decoding: line, as: UTF8.self), tally: &tally)
                    if tally.total != before { replaced.append((start..<end, fixed)) } // every change is tallied
                }
                start = end + 1
            }
            guard !replaced.isEmpty else { return text }
            var out = ""
            out.reserveCapacity(n + replaced.count * 8)
            var copied = 0
            for (range, fixed) in replaced {
                out += UTF8Bytes.string(b, copied..<range.lowerBound)
                out += fixed
                copied = range.upperBound
            }
            out += UTF8Bytes.string(b, copied..<n)
            return out
        }
    }

    func repairLine(_ text: String, tally: inout RepairTally) -> String {
        // Fast path: mojibake always contains a character at or above U+00C0 or a symbol that
        // stands for a lead byte; pure ASCII and text without such characters are untouched.
        guard text.utf8.contains(where: { $0 >= 0xC3 }), Self.triggers.mayContainMojibake(text) else { return text }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        for _ in 0..<maxPasses {
            var best: (gain: Int, result: [Unicode.Scalar], edits: [Pass.Candidate])? = nil
            var bestScore = 0
            let mask = Self.pageMask.pages(that: scalars)
            for (index, page) in pages.enumerated() where index >= 16 || mask & (1 << index) != 0 {
                guard let attempt = Pass(page: page, scalars: scalars).run() else { continue }
                // Windows-1252 (with Latin-1) is by far the commonest source: it wins ties and
                // near-ties.
                let score = attempt.gain * (page.charset == "WINDOWS-1252" ? 2 : 1)
                if score > bestScore { best = attempt; bestScore = score }
            }
            guard let best else { break }
            // The edits are spelled out for the winning page only.
            for cand in best.edits {
                let (from, to) = Pass.edit(cand, in: scalars)
                tally.add(name, from: from, to: to)
            }
            scalars = best.result
            changed = true
        }
        // Windows-1252 punctuation read as Latin-1 C1 controls ("\u{84}Handwerk\u{93}"): mapped
        // when the line had mojibake or shows more than one such control.
        let c1 = scalars.reduce(0) { $0 + ((0x80...0x9F).contains($1.value) && Self.windows1252.scalar(for: UInt8($1.value)).map { $0.value > 0xFF } == true ? 1 : 0) }
        if c1 > 0 && (changed || c1 >= 2) {
            for index in scalars.indices where (0x80...0x9F).contains(scalars[index].value) {
                if let mapped = Self.windows1252.scalar(for: UInt8(scalars[index].value)), mapped.value > 0xFF {
                    tally.add(name, from: String(scalars[index]), to: String(mapped))
                    scalars[index] = mapped
                }
            }
            changed = true
        }
        if !changed { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// One attempt to undo one layer of mojibake with one code page.
    struct Pass {
        let page: LegacyCodePage
        let scalars: [Unicode.Scalar]
        /// Byte per scalar: 0…255, `lost` for U+FFFD, `none` when the page cannot encode it.
        var bytes: [Int16]
        static let lost: Int16 = 256
        static let none: Int16 = -1

        init(page: LegacyCodePage, scalars: [Unicode.Scalar]) {
            self.page = page
            self.scalars = scalars
            bytes = scalars.map { scalar in
                if scalar == "\u{FFFD}" { return Pass.lost }
                if let byte = page.byte(for: scalar) { return Int16(byte) }
                return Pass.none
            }
        }

        struct Candidate {
            var start: Int
            var length: Int
            var scalar: Unicode.Scalar
            /// Produced by a guess about a lost byte (a plain space standing for NBSP).
            var guessed = false
        }

        @inline(__always) func isContinuation(_ i: Int) -> Bool {
            i < bytes.count && (bytes[i] >= 0x80 && bytes[i] <= 0xBF || bytes[i] == Pass.lost)
        }

        /// Finds a UTF-8 (or CESU-8) sequence starting at `i`.
        func sequence(at i: Int) -> Candidate? {
            let lead = bytes[i]
            guard lead >= 0xC2 && lead <= 0xF4, scalars[i].value >= 0x80 else { return nil }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            // CESU-8: a surrogate pair written as two three-byte sequences.
            if lead == 0xED, i + 5 < bytes.count, (0xA0...0xAF).contains(bytes[i + 1]), isContinuation(i + 2),
               bytes[i + 3] == 0xED, (0xB0...0xBF).contains(bytes[i + 4]), isContinuation(i + 5),
               bytes[i + 2] != Pass.lost, bytes[i + 5] != Pass.lost {
                let high = 0xD800 | (UInt32(bytes[i + 1]) & 0x0F) << 6 | UInt32(bytes[i + 2]) & 0x3F
                let low = 0xDC00 | (UInt32(bytes[i + 4]) & 0x0F) << 6 | UInt32(bytes[i + 5]) & 0x3F
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(value).map { Candidate(start: i, length: 6, scalar: $0) }
            }
            var lostBytes = 0
            for j in 1..<length {
                if isContinuation(i + j) {
                    if bytes[i + j] == Pass.lost { lostBytes += 1 }
                    continue
                }
                // A lost last byte of a three-byte sequence shown as "?" ("â€?" for a closing quote).
                if j == 2, length == 3, i + j < bytes.count, scalars[i + j] == "?", bytes[i + 1] != Pass.lost {
                    lostBytes += 1
                    continue
                }
                // "Ã" followed by a plain space: the NBSP (0xA0) of "à" turned into a space.
                if j == 1, length == 2, lead == 0xC3, i + 1 < bytes.count, scalars[i + 1] == " " {
                    return lostSpaceGuess(at: i)
                }
                // Any other lead + space + lowercase: "Å veices" is "Šveices" with its 0xA0 lost.
                if j == 1, length == 2, lead != 0xC3, i + 2 < bytes.count, scalars[i + 1] == " ",
                   TextPlausibility.isLower(TextPlausibility.kind(scalars[i + 2])) {
                    let value = (UInt32(lead) & 0x1F) << 6 | 0x20
                    return Unicode.Scalar(value).map { Candidate(start: i, length: 2, scalar: $0, guessed: true) }
                }
                return nil
            }
            if lostBytes > 0 {
                // A guess: believed only where the same text has certain mojibake (see `run`).
                return Candidate(start: i, length: length, scalar: "\u{FFFD}", guessed: true)
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for j in 1..<length { value = value << 6 | UInt32(bytes[i + j]) & 0x3F }
            // Reject overlong forms and surrogates.
            switch length {
            case 3 where value < 0x800 || (0xD800...0xDFFF).contains(value): return nil
            case 4 where value < 0x10000 || value > 0x10FFFF: return nil
            default: break
            }
            return Unicode.Scalar(value).map { Candidate(start: i, length: length, scalar: $0) }
        }

        /// `Ã` + space: `"voilÃ le"` → `"voilà le"`, `"Ã  la"` → `"à la"`, `"Ã s crianças"` → `"às crianças"`.
        func lostSpaceGuess(at i: Int) -> Candidate? {
            let next = i + 2 < scalars.count ? scalars[i + 2] : " "
            if next == " " { return Candidate(start: i, length: 2, scalar: "\u{E0}", guessed: true) }
            // Portuguese "às": the space stood for the lost byte.
            if next == "s", i + 3 == scalars.count || scalars[i + 3] == " " {
                return Candidate(start: i, length: 2, scalar: "\u{E0}", guessed: true)
            }
            let previous = i > 0 ? scalars[i - 1] : " "
            let nextKind = TextPlausibility.kind(next)
            guard nextKind == .asciiLower || nextKind == .latinLower else { return nil }
            guard previous == " " || previous == "'" || previous == "\u{2019}" || TextPlausibility.isLower(TextPlausibility.kind(previous)) else { return nil }
            return Candidate(start: i, length: 1, scalar: "\u{E0}", guessed: true)
        }

        struct Token {
            var range: Range<Int>
            var group: ArraySlice<Candidate>
            var fixed: [Unicode.Scalar]
            var gain: Int
            var guessed: Bool
            var strong: Bool
        }

        /// Returns the repaired scalars, the total plausibility gain and the edits, or nil.
        func run() -> (gain: Int, result: [Unicode.Scalar], edits: [Candidate])? {
            var candidates: [Candidate] = []
            var i = 0
            while i < scalars.count {
                if bytes[i] >= 0xC2, let candidate = sequence(at: i) {
                    candidates.append(candidate)
                    i += candidate.length
                } else {
                    i += 1
                }
            }
            if candidates.isEmpty { return nil }
            // Group the candidates by whitespace-delimited token and judge each token.
            var tokens: [Token] = []
            var c = 0
            while c < candidates.count {
                let tokenStart = tokenBoundary(before: candidates[c].start)
                var tokenEnd = tokenBoundary(after: candidates[c].start + candidates[c].length - 1)
                var last = c
                while last + 1 < candidates.count && candidates[last + 1].start < tokenEnd {
                    last += 1
                    tokenEnd = max(tokenEnd, tokenBoundary(after: candidates[last].start + candidates[last].length - 1))
                }
                let group = candidates[c...last]
                let range = tokenStart..<tokenEnd
                let fixed = apply(group, in: range)
                let gain = TextPlausibility.cost(scalars[range]) - lookaheadCost(fixed)
                let guessed = group.allSatisfy(\.guessed)
                let strong = gain >= requiredGain(group) && believable(group, fixed: fixed, original: range)
                tokens.append(Token(range: range, group: group, fixed: fixed, gain: gain, guessed: guessed, strong: strong))
                c = last + 1
            }
            guard tokens.contains(where: \.strong) else { return nil }
            // Once a text shows clear mojibake of this kind, weaker tokens of the same kind are
            // believed too ("inconsistent mojibake"), and so are lost-byte guesses.
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(scalars.count)
            var edits: [Candidate] = []
            var totalGain = 0
            var copied = 0
            for token in tokens {
                let accept = token.strong || token.gain >= 0 && believable(token.group, fixed: token.fixed, original: token.range)
                result.append(contentsOf: scalars[copied..<token.range.lowerBound])
                if accept {
                    result.append(contentsOf: token.fixed)
                    totalGain += max(token.gain, 1)
                    edits.append(contentsOf: token.group)
                } else {
                    result.append(contentsOf: scalars[token.range])
                }
                copied = token.range.upperBound
            }
            result.append(contentsOf: scalars[copied...])
            return (totalGain, result, edits)
        }

        /// The cost of a repaired token, or of that token repaired once more as Windows-1252
        /// when that is lower: the middle layer of nested mojibake can look worse than the top.
        func lookaheadCost(_ fixed: [Unicode.Scalar]) -> Int {
            let direct = TextPlausibility.cost(fixed)
            guard fixed.contains(where: { $0.value >= 0xC2 && $0.value <= 0xF4 }) else { return direct }
            let again = Pass(page: MojibakeRepair.windows1252, scalars: fixed)
            var best = direct
            var i = 0
            var out: [Unicode.Scalar] = []
            var replaced = false
            while i < fixed.count {
                if again.bytes[i] >= 0xC2, let cand = again.sequence(at: i), !cand.guessed {
                    out.append(cand.scalar)
                    i += cand.length
                    replaced = true
                } else {
                    out.append(fixed[i])
                    i += 1
                }
            }
            if replaced { best = min(best, TextPlausibility.cost(out) + 1) }
            return best
        }

        /// How much more plausible a token must become on its own: single two-byte sequences
        /// need more evidence than long ones, and rarer code pages more than Windows-1252.
        func requiredGain(_ group: ArraySlice<Candidate>) -> Int {
            let common = page.charset == "WINDOWS-1252"
            let onlyShort = group.allSatisfy { $0.length == 2 }
            if !onlyShort { return common ? 2 : 3 }
            return group.count == 1 ? (common ? 3 : 4) : (common ? 2 : 3)
        }

        /// Rules beyond the cost model for the rarer code pages: the repair must not introduce
        /// rare letters, controls or combining marks, and a lone two-byte sequence must touch
        /// an ASCII letter (`"wei√ü"` yes, `"√π"` no).
        func believable(_ group: ArraySlice<Candidate>, fixed: [Unicode.Scalar], original: Range<Int>) -> Bool {
            if page.charset == "WINDOWS-1252" { return true }
            for scalar in fixed {
                switch TextPlausibility.kind(scalar) {
                case .rareLetter, .control, .combining, .otherLetter:
                    if !scalars[original].contains(scalar) { return false }
                default: break
                }
            }
            if group.count == 1, let only = group.first, only.length == 2 {
                let before = only.start > 0 ? scalars[only.start - 1] : " "
                let after = only.start + 2 < scalars.count ? scalars[only.start + 2] : " "
                let ascii = { (s: Unicode.Scalar) in (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) }
                if !ascii(before) && !ascii(after) { return false }
            }
            return true
        }

        /// The edit `cand` makes to `scalars`, as (from, to) strings.
        static func edit(_ cand: Candidate, in scalars: [Unicode.Scalar]) -> (String, String) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(cand.length * 3)
            for scalar in scalars[cand.start..<(cand.start + cand.length)] { bytes.append(contentsOf: UTF8.encode(scalar)!) }
            return (String(decoding: bytes, as: UTF8.self), String(decoding: UTF8.encode(cand.scalar)!, as: UTF8.self))
        }

        func apply(_ group: ArraySlice<Candidate>, in range: Range<Int>) -> [Unicode.Scalar] {
            var out: [Unicode.Scalar] = []
            var i = range.lowerBound
            for cand in group {
                out.append(contentsOf: scalars[i..<cand.start])
                out.append(cand.scalar)
                i = cand.start + cand.length
            }
            out.append(contentsOf: scalars[i..<range.upperBound])
            return out
        }

        func tokenBoundary(before index: Int) -> Int {
            var i = index
            while i > 0 && !isSpace(scalars[i - 1]) { i -= 1 }
            return i
        }

        func tokenBoundary(after index: Int) -> Int {
            var i = index + 1
            while i < scalars.count && !isSpace(scalars[i]) { i += 1 }
            return i
        }

        @inline(__always) func isSpace(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\n" || s == "\t"
        }
    }
}
