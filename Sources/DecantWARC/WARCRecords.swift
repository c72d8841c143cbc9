import DecantCore

/// One record of a WARC file (ISO 28500, WARC/1.0 and 1.1): its named header fields and its
/// content block.
public struct WARCRecord: Sendable {
    public var fields: [String: String]
    public var block: ArraySlice<UInt8>

    public var type: String { fields["warc-type"] ?? "" }
    public var targetURI: String? { fields["warc-target-uri"].map { $0.trimmingCharacters(in: "<>") } }
    public var date: String? { fields["warc-date"] }
}

/// Splits uncompressed WARC bytes into records. A record cut short at the end of the file
/// stops the split (the complete records before it are kept) and is reported.
public enum WARCRecords {
    public static func split(_ bytes: [UInt8]) -> (records: [WARCRecord], truncated: Bool) {
        var records: [WARCRecord] = []
        var offset = 0
        while offset < bytes.count {
            // Records are separated by CRLF CRLF; be lenient about extra blank lines.
            while offset < bytes.count, bytes[offset] == 0x0D || bytes[offset] == 0x0A { offset += 1 }
            if offset >= bytes.count { break }
            guard bytes[offset...].starts(with: Array("WARC/".utf8)) else { return (records, true) }
            guard let headerEnd = HeaderBlock.end(of: bytes, from: offset) else { return (records, true) }
            let fields = HeaderBlock.fields(bytes[offset..<headerEnd.fieldsEnd], skipFirstLine: true)
            guard let length = fields["content-length"].flatMap({ Int($0) }), length >= 0 else { return (records, true) }
            let start = headerEnd.bodyStart
            guard start + length <= bytes.count else { return (records, true) }
            records.append(WARCRecord(fields: fields, block: bytes[start..<(start + length)]))
            offset = start + length
        }
        return (records, false)
    }
}

/// `Name: value` header lines up to a blank line, as WARC and HTTP write them.
enum HeaderBlock {
    /// Where the header lines starting at `start` end, and where the body begins (after the
    /// blank line); nil when there is no blank line.
    static func end(of bytes: [UInt8], from start: Int) -> (fieldsEnd: Int, bodyStart: Int)? {
        var i = start
        var lineStart = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let length = i - lineStart
                if length == 0 || (length == 1 && bytes[lineStart] == 0x0D) { return (lineStart, i + 1) }
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }

    /// Field names lower-cased; the first occurrence of a name wins.
    static func fields(_ bytes: ArraySlice<UInt8>, skipFirstLine: Bool) -> [String: String] {
        var fields: [String: String] = [:]
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if skipFirstLine, !lines.isEmpty { lines.removeFirst() }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t\r")
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
