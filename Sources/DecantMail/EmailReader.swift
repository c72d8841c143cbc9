import DecantCore
import DecantEncoding
import DecantHTML
import DecantText

/// Reads e-mail messages (`.eml`, RFC 5322 with MIME): Subject, From, Date, Content-Language
/// and Keywords become metadata; the body is found through the MIME structure (the plain-text
/// alternative when there is one, else the HTML one through the HTML reader; inline parts of
/// mixed messages in order; attachments and forwarded messages left out), with
/// quoted-printable/base64 undone and each part decoded in its own charset. Quoted replies and
/// the signature are removed as boilerplate (see ``ReplyAndSignature``).
///
/// An mbox file (`.mbox`, messages separated by `From ` lines) holds several messages:
/// ``readAll(_:)`` gives one document per message.
public struct EmailReader: Reader {
    public let name = "email"
    public let summary = "E-mail messages (.eml, .mbox; MIME): headers, text and HTML parts, replies and signatures removed"
    public let extensions = ["eml", "mbox"]
    public var decoder: TextDecoder
    public var html: HTMLReader

    public init(decoder: TextDecoder = TextDecoder(), html: HTMLReader = HTMLReader()) {
        self.decoder = decoder
        self.html = html
    }

    static let knownHeaders = ["received", "return-path", "from", "to", "delivered-to", "mime-version", "message-id", "date", "subject", "cc", "reply-to", "content-type"]

    public func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard sniffed.kind == .text || sniffed.kind == .html else { return 0 }
        if extensions.contains(input.fileExtension) && sniffed.kind == .text { return 0.9 }
        if input.bytes.starts(with: Array("From ".utf8)), Mailbox.messages(Array(input.bytes.prefix(4096))).first.map({ MailHeaders($0.prefix(2048))["From"] != nil }) == true {
            return 0.85
        }
        // Without the extension: a header block of known mail headers including From.
        let head = String(decoding: input.bytes.prefix(4096), as: UTF8.self)
        let lines = Self.headerLines(head)
        let names = lines.compactMap { line in line.firstIndex(of: ":").map { line[..<$0].lowercased() } }
        let known = names.filter { Self.knownHeaders.contains($0) }
        return known.count >= 3 && names.contains("from") && lines.first?.contains(":") == true ? 0.8 : 0
    }

    /// The lines of `head` before the first blank one: what
    /// `split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).prefix(while: { !isBlank($0) })`
    /// gives, without splitting the lines after the header block.
    static func headerLines(_ head: String) -> [Substring] {
        var lines: [Substring] = []
        var rest = head[...]
        while true {
            let end = rest.firstIndex(where: isLineBreak) ?? rest.endIndex
            let line = rest[..<end]
            if isBlank(line) { break }
            lines.append(line)
            if end == rest.endIndex { break }
            rest = rest[rest.index(after: end)...]
        }
        return lines
    }

    /// `"\n"` or `"\r\n"` (compared as bytes: neither has another canonical form).
    static func isLineBreak(_ character: Character) -> Bool {
        let utf8 = character.utf8
        return utf8.count == 1 ? utf8.first == 0x0A : utf8.count == 2 && utf8.first == 0x0D && utf8.last == 0x0A
    }

    /// Nothing but whitespace: a printable ASCII byte settles it, anything else is trimmed to see.
    static func isBlank(_ line: Substring) -> Bool {
        if line.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return line.trimmingSpaces.isEmpty
    }

    /// One message; for an mbox, all its messages in one document (each under its subject).
    public func read(_ input: ReaderInput) throws -> Document {
        let messages = Mailbox.messages(input.bytes)
        guard messages.count > 1 else { return try message(messages.first ?? input.bytes[...], input: input) }
        let documents = try readAll(input)
        var whole = documents[0]
        whole.blocks = documents.flatMap { document in
            (document.metadata.title.map { [Block.heading($0, level: 1)] } ?? []) + document.blocks
        }
        whole.removed = documents.flatMap(\.removed)
        return whole
    }

    public func readAll(_ input: ReaderInput) throws -> [Document] {
        try Mailbox.messages(input.bytes).map { try message($0, input: input) }
    }

    private func message(_ bytes: ArraySlice<UInt8>, input: ReaderInput) throws -> Document {
        let message = MIMEPart(bytes)
        let headers = message.headers
        guard headers["From"] != nil || headers["Subject"] != nil || headers["Date"] != nil else {
            throw ReadError.malformed("no mail headers (From, Subject, Date) at the start of the file")
        }
        var document = Document(format: "email", decant: Provenance(reader: name))
        var encoding: EncodingInfo?
        try collect(message, into: &document, encoding: &encoding, name: input.name, declared: input.declaredEncoding)
        guard !document.blocks.isEmpty || !document.removed.isEmpty else {
            throw ReadError.malformed("the message has no text part (only attachments?)")
        }
        document.encoding = encoding ?? EncodingInfo(used: "US-ASCII")
        document.metadata.title = headers["Subject"].flatMap { $0.isEmpty ? nil : $0 }
        document.metadata.authors = headers["From"].flatMap(Self.displayName).map { [$0] } ?? []
        document.metadata.date = headers["Date"].flatMap(RFC822Date.iso)
        document.metadata.language = headers["Content-Language"]?.split(separator: ",").first.map { String($0).trimmingSpaces }
        document.metadata.categories = (headers["Keywords"] ?? "").split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        return document
    }

    private func collect(_ part: MIMEPart, into document: inout Document, encoding: inout EncodingInfo?, name: String, declared: String?) throws {
        switch part.contentType {
        case "multipart/alternative":
            let inline = part.parts.filter(\.isInline)
            let choice = inline.first { $0.contentType == "text/plain" && !$0.body.allSatisfy(Self.isSpace) }
                ?? inline.first { $0.contentType == "text/html" }
                ?? inline.first { $0.contentType.hasPrefix("multipart/") }
            if let choice { try collect(choice, into: &document, encoding: &encoding, name: name, declared: declared) }
        case let type where type.hasPrefix("multipart/"):
            for child in part.parts where child.isInline {
                try collect(child, into: &document, encoding: &encoding, name: name, declared: declared)
            }
        case "text/plain" where part.isInline, "text/enriched" where part.isInline:
            let decoded = decoder.decode(part.body, declared: part.parameters["charset"] ?? declared)
            if encoding == nil { encoding = decoded.encoding }
            var tally = CharacterCleanup.Tally()
            let lines = TextLines.split(decoded.text).map { CharacterCleanup().clean($0, tally: &tally) }
            let (kept, removed) = ReplyAndSignature().split(lines)
            document.blocks += ParagraphSplitter().blocks(from: kept).map { block in
                var block = block
                block.line = nil  // lines of a MIME part are not lines of the file
                return block
            }
            document.removed += removed.map { Removal(text: $0.text, reason: $0.reason) }
            document.repairs += tally.repairs
        case "text/html" where part.isInline:
            let page = try html.read(ReaderInput(bytes: part.body, name: name + ".html", declaredEncoding: part.parameters["charset"] ?? declared))
            if encoding == nil { encoding = page.encoding }
            document.blocks += page.blocks
            document.removed += page.removed
            document.repairs += page.repairs
        default:
            break  // attachments, images, forwarded messages (message/rfc822), calendar parts
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// `"Ann Example" <ann@example.org>` → `Ann Example`; a bare address stays an address.
    static func displayName(_ from: String) -> String? {
        let value = from.trimmingSpaces
        if let open = value.lastIndex(of: "<") {
            let name = value[..<open].trimmingSpaces.trimmingCharacters(in: "\"'")
            if !name.isEmpty { return name }
            let address = value[value.index(after: open)...].prefix { $0 != ">" }
            return address.isEmpty ? nil : String(address)
        }
        return value.isEmpty ? nil : value
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
