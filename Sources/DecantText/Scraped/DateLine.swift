/// Recognises a line that is only a date (with an optional time and words such as
/// "Published", "Updated", a weekday or a time zone) and gives it in ISO 8601.
///
/// `"24 Nov 2024"` → `2024-11-24`; `"December 8, 2020 - 16:12"` → `2020-12-08T16:12`;
/// `"Veröffentlicht am 8. Dezember 2020, 16:12 Uhr"` → `2020-12-08T16:12`;
/// `"2021-03-04T10:00:00Z"` → `2021-03-04T10:00`. A sentence that mentions a date is not a date line.
public struct DateLine: Sendable {
    let months: [String: Int]
    let fillers: Set<String>

    public init(language: LanguageData) {
        var months: [String: Int] = [:]
        for (number, names) in language.months {
            for name in names { months[name] = Int(number) }
        }
        self.months = months
        fillers = Set(language.dateWords + language.weekdays)
    }

    /// The ISO 8601 date (or date-time) when the whole line is a date, else nil.
    public func parse(_ line: String) -> String? {
        let tokens = line.lowercased().split(whereSeparator: { Self.tokenBreaks.contains($0) || $0 == "\t" })
        guard !tokens.isEmpty, tokens.count <= 12 else { return nil }
        var day: Int?, month: Int?, year: Int?, time: (Int, Int)?
        var pm: Bool?
        for raw in tokens {
            var token = Substring(raw)
            while let last = token.last, last == "." || last == ":" || last == "," { token = token.dropLast() }
            while let first = token.first, first == "-" { token = token.dropFirst() }
            if token.isEmpty { continue }
            if let iso = Self.isoDate(token) {
                (year, month, day) = (iso.0, iso.1, iso.2)
                if let t = iso.3 { time = t }
                continue
            }
            if let dotted = Self.dottedDate(token) {
                (day, month, year) = dotted
                continue
            }
            if let t = Self.clock(token) { time = t; continue }
            if token == "pm" || token == "p.m" { pm = true; continue }
            if token == "am" && time != nil { pm = false; continue }
            if let number = Int(Self.stripOrdinal(token)) {
                if number >= 1000 && number <= 2200 && year == nil { year = number; continue }
                if number >= 1 && number <= 31 && day == nil { day = number; continue }
                return nil
            }
            if let m = months[String(token)], month == nil { month = m; continue }
            if fillers.contains(String(token)) { continue }
            return nil
        }
        guard let year, let month, let day, Self.valid(year: year, month: month, day: day) else { return nil }
        var out = "\(year)-\(Self.two(month))-\(Self.two(day))"
        if let (clockHour, minute) = time {
            var hour = clockHour
            if pm == true && hour < 12 { hour += 12 }
            if pm == false && hour == 12 { hour = 0 }
            out += "T\(Self.two(hour)):\(Self.two(minute))"
        }
        return out
    }

    /// What separates the tokens of a date line.
    static let tokenBreaks = CharacterClass(" ,;|/–—()·•")

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func valid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func stripOrdinal(_ token: Substring) -> Substring {
        for suffix in ["st", "nd", "rd", "th", "er", "º", "o"] where token.count > suffix.count && token.hasSuffix(suffix) {
            let head = token.dropLast(suffix.count)
            if head.allSatisfy(\.isNumber) { return head }
        }
        return token
    }

    /// `16:12`, `4:05`, `16h12`, `16:12:30`.
    static func clock(_ token: Substring) -> (Int, Int)? {
        let parts = token.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "h" })
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        return (hour, minute)
    }

    /// `2020-12-08`, `2020-12-08T16:12:00Z` (time kept to the minute).
    static func isoDate(_ token: Substring) -> (Int, Int, Int, (Int, Int)?)? {
        let halves = token.split(separator: "t", maxSplits: 1)
        guard let datePart = halves.first else { return nil }
        let parts = datePart.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        var time: (Int, Int)?
        if halves.count == 2 {
            let clockPart = halves[1].prefix(while: { $0.isNumber || $0 == ":" })
            time = clock(clockPart.split(separator: ":").prefix(2).joined(separator: ":")[...])
        }
        return (y, m, d, time)
    }

    /// `08.12.2020`, `8.12.2020` (day first, as in German, French and Spanish).
    static func dottedDate(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(separator: ".")
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return (d, m, y)
    }
}
