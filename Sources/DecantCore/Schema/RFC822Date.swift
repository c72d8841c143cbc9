/// Dates of mail headers and RSS (RFC 822/2822: `Tue, 10 Jun 2003 04:00:00 GMT`) into the
/// schema's ISO 8601 form; ISO 8601 input (Atom, Dublin Core) passes through ``MetadataDate``.
///
/// `Tue, 10 Jun 2003 04:00:00 +0200` → `2003-06-10T04:00:00+02:00`; `10 Jun 03 04:00 EST` →
/// `2003-06-10T04:00-05:00`. Unreadable dates give nil.
public enum RFC822Date {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones = ["gmt": "Z", "ut": "Z", "utc": "Z", "z": "Z", "est": "-05:00", "edt": "-04:00", "cst": "-06:00",
                        "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00"]

    public static func iso(_ value: String) -> String? {
        if let iso = MetadataDate.normalized(value) { return iso }
        var parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { $0.lowercased() }
        if let first = parts.first, first.hasSuffix(",") || months.firstIndex(of: String(first.prefix(3))) == nil && Int(first) == nil {
            parts.removeFirst()
        }
        guard parts.count >= 3, let day = Int(parts[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(parts[1].prefix(3))), var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var result = pad(year, 4) + "-" + pad(month + 1, 2) + "-" + pad(day, 2)
        guard parts.count >= 4 else { return result }
        let time = parts[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2, time[0] < 24, time[1] < 60 else { return result }
        result += "T" + pad(time[0], 2) + ":" + pad(time[1], 2) + (time.count > 2 ? ":" + pad(time[2], 2) : "")
        guard parts.count >= 5 else { return result }
        let zone = parts[4]
        if let named = zones[zone] { return result + named }
        if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", Int(zone.dropFirst()) != nil {
            return result + String(sign) + zone.dropFirst().prefix(2) + ":" + zone.suffix(2)
        }
        return result
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
