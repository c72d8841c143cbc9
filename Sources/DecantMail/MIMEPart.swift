import DecantEncoding

/// One part of a MIME message (RFC 2045/2046): its headers and either decoded content or
/// sub-parts. Nesting is limited, and a missing closing boundary ends the part at the end of
/// the message rather than failing.
public struct MIMEPart: Sendable {
    public var headers: MailHeaders
    public var contentType: String
    public var parameters: [String: String]
    /// The body with its transfer encoding (base64, quoted-printable) undone.
    public var body: [UInt8]
    public var parts: [MIMEPart]

    /// Deeper multipart nesting is not followed.
    static let maxDepth = 16

    public init(_ bytes: ArraySlice<UInt8>, depth: Int = 0, defaultType: String = "text/plain") {
        let split = Self.headerEnd(bytes)
        headers = MailHeaders(bytes[bytes.startIndex..<split.headerEnd])
        let raw = bytes[split.bodyStart...]
        let type = MailHeaders.parameters(headers.raw("Content-Type"))
        contentType = type.value.isEmpty ? defaultType : type.value
        parameters = type.parameters
        parts = []
        body = []
        if contentType.hasPrefix("multipart/"), let boundary = parameters["boundary"], !boundary.isEmpty, depth < Self.maxDepth {
            let childDefault = contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
            parts = Self.split(raw, boundary: Array(boundary.utf8)).map { MIMEPart($0, depth: depth + 1, defaultType: childDefault) }
        } else {
            switch (headers.raw("Content-Transfer-Encoding") ?? "").trimmed.lowercased() {
            case "base64": body = TransferDecoding.base64(Array(raw))
            case "quoted-printable": body = TransferDecoding.quotedPrintable(Array(raw))
            default: body = Array(raw)
            }
        }
    }

    /// True for parts meant to be shown inline (not attachments).
    public var isInline: Bool {
        !MailHeaders.parameters(headers.raw("Content-Disposition")).value.hasPrefix("attachment")
    }

    /// Where the headers end and the body starts: the first empty line (CRLF or LF).
    static func headerEnd(_ bytes: ArraySlice<UInt8>) -> (headerEnd: Int, bodyStart: Int) {
        var i = bytes.startIndex
        var lineStart = i
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                let line = bytes[lineStart..<i]
                if line.isEmpty || line == [0x0D] { return (lineStart, i + 1) }
                lineStart = i + 1
            }
            i += 1
        }
        return (bytes.endIndex, bytes.endIndex)
    }

    /// The bodies between `--boundary` lines, up to `--boundary--`.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var lineEnd = lineStart
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            let line = body[lineStart..<lineEnd]
            if line.starts(with: delimiter) {
                if let start = partStart {
                    // The line break before the delimiter belongs to the delimiter.
                    var end = lineStart
                    if end > start, body[end - 1] == 0x0A { end -= 1 }
                    if end > start, body[end - 1] == 0x0D { end -= 1 }
                    parts.append(body[start..<max(start, end)])
                }
                let rest = line.dropFirst(delimiter.count)
                if rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return parts }
                partStart = min(lineEnd + 1, body.endIndex)
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }
}
