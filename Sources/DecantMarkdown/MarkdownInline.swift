/// Turns one Markdown inline run into plain text: the words a reader sees, without markup.
///
/// `See **[the guide](https://x.org "Guide")** and \`make test\` — *now*!` →
/// `See the guide and make test — now!`
///
/// Handles backslash escapes, code spans (kept verbatim), images (their alt text), inline and
/// reference links (their text), autolinks (the address), inline HTML tags (dropped), emphasis
/// and strike-through markers (dropped where they open or close a run, kept inside words such
/// as `snake_case`), and the common character references.
public enum MarkdownInline {
    public static func plain(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && chars[i + 1].isASCII && (chars[i + 1].isPunctuation || chars[i + 1].isSymbol):
                out.append(chars[i + 1])
                i += 2
            case "`":
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let close = closingBackticks(chars, from: i + run, count: run) {
                    out += String(chars[(i + run)..<close]).trimmingCharacters(inSingleSpace: true)
                    i = close + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                fallthrough
            case "[":
                // An image's alt text stands for the image; a link's text for the link.
                if let link = bracketLink(chars, from: c == "!" ? i + 1 : i) {
                    out += plain(link.label)
                    i = link.end
                } else {
                    out.append(c)
                    i += 1
                }
            case "<":
                if let close = chars[i...].firstIndex(of: ">"), close > i + 1 {
                    let inner = String(chars[(i + 1)..<close])
                    if inner.contains("://") || inner.hasPrefix("mailto:") || (inner.contains("@") && !inner.contains(" ")) {
                        out += inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner
                        i = close + 1
                        continue
                    }
                    if let first = inner.first, first.isLetter || first == "/" || first == "!" {
                        i = close + 1
                        continue
                    }
                }
                out.append(c)
                i += 1
            case "*", "_", "~":
                var run = 0
                while i + run < chars.count, chars[i + run] == c { run += 1 }
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + run < chars.count ? chars[i + run] : nil
                let opens = after.map { !$0.isWhitespace } ?? false
                let closes = before.map { !$0.isWhitespace } ?? false
                let intraword = (before?.isLetter ?? false || before?.isNumber ?? false) && (after?.isLetter ?? false || after?.isNumber ?? false)
                let isDelimiter = (c == "~" ? run == 2 : true) && (opens || closes) && !(intraword && c != "*")
                if !isDelimiter { out += String(repeating: c, count: run) }
                i += run
            case "&":
                if let semicolon = chars[i...].prefix(10).firstIndex(of: ";"), let decoded = entity(String(chars[(i + 1)..<semicolon])) {
                    out.append(decoded)
                    i = semicolon + 1
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// Index of the closing run of exactly `count` backticks at or after `from`.
    static func closingBackticks(_ chars: [Character], from: Int, count: Int) -> Int? {
        var j = from
        while j < chars.count {
            if chars[j] == "`" {
                var run = 0
                while j + run < chars.count, chars[j + run] == "`" { run += 1 }
                if run == count { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// `[label](destination)`, `[label][ref]` or `[label][]` starting at `from` (a `[`).
    static func bracketLink(_ chars: [Character], from: Int) -> (label: String, end: Int)? {
        var depth = 0
        var j = from
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j < chars.count, j + 1 < chars.count else { return nil }
        let label = String(chars[(from + 1)..<j])
        if chars[j + 1] == "(" {
            var parens = 0
            var k = j + 1
            while k < chars.count {
                if chars[k] == "(" { parens += 1 }
                if chars[k] == ")" {
                    parens -= 1
                    if parens == 0 { return (label, k + 1) }
                }
                k += 1
            }
            return nil
        }
        if chars[j + 1] == "[", let close = chars[(j + 1)...].firstIndex(of: "]") {
            return (label, close + 1)
        }
        return nil
    }

    static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        case "mdash": return "—"
        case "ndash": return "–"
        case "hellip": return "…"
        case "copy": return "©"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                return Character(s)
            }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) { return Character(s) }
            return nil
        }
    }
}

extension String {
    /// Code-span content: one leading and trailing space are stripped when both are present.
    func trimmingCharacters(inSingleSpace: Bool) -> String {
        if count >= 2, first == " ", last == " ", contains(where: { $0 != " " }) { return String(dropFirst().dropLast()) }
        return self
    }
}
