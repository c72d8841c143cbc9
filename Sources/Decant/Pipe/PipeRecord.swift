import Foundation

/// One input line of `decant pipe`, parsed.
///
/// A record carries `id` and one of `text`, `html` or `bytes_base64`, plus optional `format`
/// (a reader name), `source`, `url`, `encoding` and `metadata` (passed through to the output).
struct PipeRecord {
    var id: String?
    var bytes: [UInt8]
    var readerName: String?
    var source: String
    var url: String?
    var encoding: String?
    var metadata: [String: Any]

    /// Parses one line as a JSON object, or explains what is wrong with it.
    static func object(from line: Substring) throws(DocumentError) -> [String: Any] {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw DocumentError(code: "pipe.not-an-object", message: "the line is JSON but not an object")
            }
            object = parsed
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(code: "pipe.bad-json", message: "the line is not valid JSON")
        }
        return object
    }

    /// The caller's id: a string, or a number written as one.
    static func id(in object: [String: Any]) -> String? {
        switch object["id"] {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// Reads the record's fields, or explains what is missing or wrong.
    init(_ object: [String: Any]) throws(DocumentError) {
        let id = Self.id(in: object)
        let bytes: [UInt8]
        var readerName = object["format"] as? String
        if let text = object["text"] as? String {
            bytes = Array(text.utf8)
        } else if let html = object["html"] as? String {
            bytes = Array(html.utf8)
            readerName = readerName ?? "html"
        } else if let encoded = object["bytes_base64"] as? String {
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw DocumentError(code: "pipe.bad-base64", message: "bytes_base64 is not valid base64")
            }
            bytes = Array(data)
        } else {
            throw DocumentError(code: "pipe.no-content", message: "the record has none of text, html or bytes_base64")
        }
        url = object["url"] as? String
        self.id = id
        self.bytes = bytes
        self.readerName = readerName
        source = object["source"] as? String ?? url ?? id ?? ""
        encoding = object["encoding"] as? String
        metadata = object["metadata"] as? [String: Any] ?? [:]
    }

    /// The caller's metadata over what the reader found: standard keys replace, others are kept.
    func apply(to metadata: inout Metadata) {
        if metadata.url == nil { metadata.url = url }
        for (key, value) in self.metadata {
            switch (key, value) {
            case ("title", let v as String): metadata.title = v
            case ("date", let v as String): metadata.date = v
            case ("site", let v as String): metadata.site = v
            case ("url", let v as String): metadata.url = v
            case ("language", let v as String): metadata.language = v
            case ("description", let v as String): metadata.description = v
            case ("origin", let v as String): metadata.origin = v
            case ("authors", let v as [String]): metadata.authors = v
            case ("categories", let v as [String]): metadata.categories = v
            default:
                if !Metadata.standardKeys.contains(key),
                   let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) {
                    metadata.extra[key] = String(decoding: data, as: UTF8.self)
                }
            }
        }
    }
}
