/// Finds the charset an HTML page declares in its first bytes, the way browsers pre-scan:
/// `<meta charset="…">`, `<meta http-equiv="Content-Type" content="text/html; charset=…">`,
/// then an XML declaration `<?xml version="1.0" encoding="…"?>`.
///
/// Before: `<head><meta charset='ISO-8859-1'>` — after: `"ISO-8859-1"`.
public enum HTMLCharsetPrescan {
    /// How many leading bytes are searched (browsers use 1024; real pages put the tag later).
    public static let window = 8192

    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head: [UInt8] = bytes.prefix(window).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        var from = 0
        while let meta = find(Array("<meta".utf8), in: head, from: from) {
            let end = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let at = find(Array("charset".utf8), in: head, from: meta), at < end, let name = value(head, after: at + 7, end: end) {
                return name
            }
            from = end
        }
        if head.starts(with: Array("<?xml".utf8)), let close = find(Array("?>".utf8), in: head, from: 0),
            let at = find(Array("encoding".utf8), in: head, from: 0), at < close,
            let name = value(head, after: at + 8, end: close)
        {
            return name
        }
        return nil
    }

    /// The value after `=` at `index`, unquoted, up to a quote, space, `;`, `/` or `end`.
    private static func value(_ head: [UInt8], after index: Int, end: Int) -> String? {
        var i = index
        while i < end, head[i] == 0x20 { i += 1 }
        guard i < end, head[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < end, head[i] == 0x20 || head[i] == 0x22 || head[i] == 0x27 { i += 1 }
        let start = i
        while i < end, !(head[i] == 0x22 || head[i] == 0x27 || head[i] == 0x20 || head[i] == 0x3B || head[i] == 0x2F || head[i] == 0x3F) {
            i += 1
        }
        guard i > start, i - start < 40 else { return nil }
        return String(decoding: head[start..<i], as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
