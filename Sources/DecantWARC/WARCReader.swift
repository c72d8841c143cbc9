import DecantArchive
import DecantCore
import DecantHTML

/// Reads web archives (`.warc`, and `.warc.gz` with one gzip member per record as Common Crawl
/// ships them): every HTML `response` record with a 2xx status becomes a document through the
/// HTML reader, with the record's target URI as `url` and, when the page names no date of its
/// own, the capture date. Other records (requests, metadata, warcinfo, non-HTML responses,
/// redirects) are skipped and counted; a file with no HTML response says what it skipped.
public struct WARCReader: Reader {
    public let name = "warc"
    public let summary = "Web archives (.warc, .warc.gz): one document per HTML response"
    public let extensions = ["warc"]
    public var html: HTMLReader
    /// Bytes a compressed archive may inflate to.
    public var maxInflatedBytes = 1 << 30

    public init(html: HTMLReader = HTMLReader()) {
        self.html = html
    }

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        let lower = input.name.lowercased()
        if Gzip.isGzip(input.bytes) { return lower.hasSuffix(".warc.gz") || lower.hasSuffix(".warc.gzip") ? 0.95 : 0 }
        return input.bytes.starts(with: Array("WARC/1.".utf8)) ? 0.95 : 0
    }

    /// The archive as one document: every page's blocks in turn.
    public func read(_ input: ReaderInput) throws -> Document {
        let pages = try readAll(input)
        var document = pages[0]
        document.blocks = pages.flatMap(\.blocks)
        document.removed = pages.flatMap(\.removed)
        return document
    }

    public func readAll(_ input: ReaderInput) throws -> [Document] {
        let scan = try self.scan(input)
        guard !scan.documents.isEmpty else {
            let skipped = scan.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            throw ReadError.malformed("the archive holds no HTML response" + (skipped.isEmpty ? "" : " (skipped: \(skipped))"))
        }
        return scan.documents
    }

    /// Documents and, by reason, how many records were skipped.
    public func scan(_ input: ReaderInput) throws -> (documents: [Document], skipped: [String: Int]) {
        var bytes = input.bytes
        var skipped: [String: Int] = [:]
        if Gzip.isGzip(bytes) {
            let (output, stoppedBy) = Gzip.decompress(bytes, limit: maxInflatedBytes)
            if let stoppedBy {
                if output.isEmpty { throw ReadError.malformed(stoppedBy.description) }
                skipped["cut off by: \(stoppedBy.description)", default: 0] += 1
            }
            bytes = output
        }
        let (records, truncated) = WARCRecords.split(bytes)
        if records.isEmpty { throw ReadError.malformed("no WARC record found (a WARC file starts with 'WARC/1.0')") }
        if truncated { skipped["truncated record", default: 0] += 1 }
        var documents: [Document] = []
        for (index, record) in records.enumerated() {
            guard record.type == "response" else {
                skipped["\(record.type.isEmpty ? "untyped" : record.type) record", default: 0] += 1
                continue
            }
            guard let response = HTTPResponse(Array(record.block)) else {
                skipped["non-HTTP response", default: 0] += 1
                continue
            }
            guard (200..<300).contains(response.status) else {
                skipped["HTTP \(response.status) response", default: 0] += 1
                continue
            }
            guard response.isHTML, !response.body.isEmpty else {
                skipped["non-HTML response", default: 0] += 1
                continue
            }
            let name = record.targetURI ?? "\(input.name) record \(index + 1)"
            var page = try html.read(ReaderInput(bytes: response.body, name: name, declaredEncoding: response.charset))
            page.metadata.url = record.targetURI ?? page.metadata.url
            if page.metadata.date == nil { page.metadata.date = record.date.flatMap(MetadataDate.normalized) }
            page.decant = Provenance(reader: self.name)
            documents.append(page)
        }
        return (documents, skipped)
    }
}

/// The HTTP response inside a WARC `response` record: status, content type and the body with
/// chunked transfer coding and gzip content coding undone.
struct HTTPResponse {
    var status: Int
    var contentType: String
    var charset: String?
    var body: [UInt8]

    var isHTML: Bool { contentType == "text/html" || contentType == "application/xhtml+xml" }

    init?(_ block: [UInt8]) {
        guard block.starts(with: Array("HTTP/".utf8)), let end = HeaderBlock.end(of: block, from: 0) else { return nil }
        let head = String(decoding: block[0..<end.fieldsEnd], as: UTF8.self)
        let statusLine = head.prefix { $0 != "\r" && $0 != "\n" }.split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        self.status = status
        let fields = HeaderBlock.fields(block[0..<end.fieldsEnd], skipFirstLine: true)
        let type = (fields["content-type"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: " \t\"") }
        contentType = type.first?.lowercased() ?? ""
        charset = type.dropFirst().first { $0.lowercased().hasPrefix("charset=") }.map { String($0.dropFirst(8)).trimmingCharacters(in: "\"'") }
        var body = Array(block[end.bodyStart...])
        if fields["transfer-encoding"]?.lowercased().contains("chunked") == true { body = Self.dechunked(body) }
        if fields["content-encoding"]?.lowercased().contains("gzip") == true, Gzip.isGzip(body) {
            body = Gzip.decompress(body, limit: 64 << 20).output
        }
        self.body = body
    }

    /// Chunked transfer coding undone; a malformed chunk header ends the body there.
    static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var lineEnd = i
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first?.trimmingCharacters(in: " \r") ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd + 1
            let end = min(start + size, bytes.count)
            out += bytes[start..<end]
            i = end + 2
        }
        return out
    }
}
