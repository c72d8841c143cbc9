/// Turns the date formats found in pages into ISO 8601 (`YYYY-MM-DD`): ISO timestamps,
/// `2025/01/29`, `29.01.2025`, `January 29, 2025`, `29 Jan 2025`, `Jan. 29th, 2025`.
///
/// Before: `"Updated March 3, 2024 at 10:02 a.m."` — after: `"2024-03-03"`.
enum DateNormalizer {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
        "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "septembre": 9,
        "octobre": 10, "novembre": 11, "décembre": 12,
    ]

    static func normalize(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(200))
        // Numeric runs and words, in order.
        var tokens: [(String, Bool)] = []  // (token, isNumber)
        var current = ""
        var numeric = false
        func push() {
            if !current.isEmpty { tokens.append((current, numeric)) }
            current = ""
        }
        for scalar in scalars {
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter = scalar.properties.isAlphabetic
            if isDigit || isLetter {
                if !current.isEmpty && isDigit != numeric { push() }
                numeric = isDigit
                current.unicodeScalars.append(scalar)
            } else {
                push()
                // Keep separators for ISO/numeric forms.
                if scalar == "-" || scalar == "/" || scalar == "." { tokens.append((String(scalar), false)) }
            }
        }
        push()
        let t = tokens
        for i in t.indices {
            // YYYY-MM-DD or YYYY/MM/DD
            if t[i].1, t[i].0.count == 4, i + 4 < t.count, t[i + 1].0 == t[i + 3].0, t[i + 1].0 == "-" || t[i + 1].0 == "/" || t[i + 1].0 == ".",
                t[i + 2].1, t[i + 4].1, let y = Int(t[i].0), let m = Int(t[i + 2].0), let d = Int(t[i + 4].0).map({ $0 }) ?? nil,
                let iso = make(y, m, d)
            {
                return iso
            }
            // DD.MM.YYYY, DD-MM-YYYY (day first, as written where dashes are used) or MM/DD/YYYY
            if t[i].1, t[i].0.count <= 2, i + 4 < t.count, t[i + 1].0 == t[i + 3].0, ["." , "-", "/"].contains(t[i + 1].0),
                t[i + 2].1, t[i + 2].0.count <= 2, t[i + 4].1, t[i + 4].0.count == 4, let a = Int(t[i].0), let b = Int(t[i + 2].0),
                let y = Int(t[i + 4].0)
            {
                if t[i + 1].0 == "/" {
                    if let iso = make(y, a, b) ?? make(y, b, a) { return iso }
                } else if let iso = make(y, b, a) ?? make(y, a, b) {
                    return iso
                }
            }
            // Month DD, YYYY
            if !t[i].1, let m = month(t[i].0) {
                var j = i + 1
                if j < t.count, t[j].0 == "." { j += 1 }
                if j + 1 < t.count, t[j].1, t[j].0.count <= 2, let d = Int(t[j].0) {
                    var k = j + 1
                    while k < t.count, !t[k].1, ["st", "nd", "rd", "th", "."].contains(t[k].0.lowercased()) { k += 1 }
                    if k < t.count, t[k].1, t[k].0.count == 4, let y = Int(t[k].0), let iso = make(y, m, d) { return iso }
                }
                // Month YYYY is not a day: skip
            }
            // DD Month YYYY
            if t[i].1, t[i].0.count <= 2, let d = Int(t[i].0) {
                var j = i + 1
                while j < t.count, !t[j].1, ["st", "nd", "rd", "th", ".", "de"].contains(t[j].0.lowercased()) { j += 1 }
                if j + 1 < t.count, let m = month(t[j].0) {
                    var k = j + 1
                    while k < t.count, !t[k].1, [".", "de"].contains(t[k].0.lowercased()) { k += 1 }
                    if k < t.count, t[k].1, t[k].0.count == 4, let y = Int(t[k].0), let iso = make(y, m, d) { return iso }
                }
            }
        }
        return nil
    }

    /// The date a URL's path spells out as year, month and day (`/2025/12/18/slug`,
    /// `/blog/2025-12-17-title`); nil when the path holds no full date.
    ///
    /// Before: `"https://example.org/2025/12/18/a-day"` — after: `"2025-12-18"`.
    static func fromURL(_ url: String) -> String? {
        let url = url.replacingPercentSlashes()
        var path = Substring(url)
        if let scheme = path.firstRange(of: "://") {
            path = path[scheme.upperBound...]
            guard let slash = path.firstIndex(of: "/") else { return nil }
            path = path[slash...]
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let decoded = Array(path)
        // Runs of digits with the character after each: "/2025/12/18/x" -> (2025,"/"), (12,"/"), (18,"/").
        var runs: [(digits: String, before: Character?, after: Character?)] = []
        var i = 0
        while i < decoded.count {
            guard decoded[i].isASCIIDigit else { i += 1; continue }
            var j = i
            while j < decoded.count, decoded[j].isASCIIDigit { j += 1 }
            runs.append((String(decoded[i..<j]), i > 0 ? decoded[i - 1] : nil, j < decoded.count ? decoded[j] : nil))
            i = j
        }
        guard runs.count >= 3 else { return nil }
        for k in 0..<(runs.count - 2) {
            let (y, m, d) = (runs[k], runs[k + 1], runs[k + 2])
            guard y.digits.count == 4, let separator = y.after, separator == "/" || separator == "-" || separator == "_",
                m.before == separator, m.after == separator, d.before == separator,
                (1...2).contains(m.digits.count), (1...2).contains(d.digits.count)
            else { continue }
            // "/2024/10/5-tips": a day must end its path segment; in a slug ("2025-12-17-title") it is two digits.
            if separator == "/" {
                guard d.after == nil || d.after == "/" || d.after == "." else { continue }
            } else {
                guard m.digits.count == 2, d.digits.count == 2, d.after == nil || [separator, "/", "+", "%"].contains(d.after!) else {
                    continue
                }
            }
            if let year = Int(y.digits), let month = Int(m.digits), let day = Int(d.digits), let iso = make(year, month, day) {
                return iso
            }
        }
        return nil
    }

    static func month(_ word: String) -> Int? {
        months[word.lowercased()]
    }

    static func make(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// `%2F` / `%2f` turned back into `/` (URLs copied into attributes still encoded).
    func replacingPercentSlashes() -> String {
        components(separatedByString: "%2F").joined(separator: "/").components(separatedByString: "%2f").joined(separator: "/")
    }
}
