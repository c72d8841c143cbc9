/// Makes sure Foundation's `XMLParser` never sees bytes it would read as UTF-8 but that are not
/// valid UTF-8.
///
/// swift-corelibs-foundation's `XMLParser` force-unwraps the UTF-8 decoding of every element
/// name, attribute and namespace libxml2 reports, and libxml2 2.9 reports invalid UTF-8 bytes
/// as they are (it switches to Latin-1 after the error), so one stray byte in a tag name crashed
/// the whole process (found by `fuzz-readers`: `<\u{FF}\u{FF}` as a feed, a DOCX part with a
/// bad byte in an attribute). Input that libxml2 reads as UTF-8 (no BOM and no declared
/// encoding, or `encoding="UTF-8"`, or a UTF-16 label on 8-bit content, which libxml2 ignores)
/// gets each invalid sequence replaced by U+FFFD; input in a declared legacy encoding or with a
/// UTF-16/32 BOM (or a zero byte in the first two, from which libxml2 detects UTF-16 and UCS-4)
/// is left to libxml2, which converts it to valid UTF-8 or stops with an error.
///
/// Before: `<p a="caf\u{E9}">` (a Latin-1 byte, no declaration). After: `<p a="caf\u{FFFD}">`.
enum XMLTextEncoding {
    /// `bytes`, with invalid UTF-8 sequences replaced by U+FFFD when libxml2 would read them as UTF-8.
    static func safeForXMLParser(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return bytes
        }
        // A zero byte among the first two: libxml2 detects UTF-16 or UCS-4 from the first `<` itself.
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return bytes }
        if let declared = declaredEncoding(bytes), !readAsUTF8(declared) { return bytes }
        if isValidUTF8(bytes) { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// The `encoding` of the XML declaration (`<?xml version="1.0" encoding="…"?>`), if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var head = bytes.prefix(256)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    /// libxml2 reads 8-bit input labelled UTF-8 (or UTF-16, a label it ignores without a BOM) as UTF-8.
    static func readAsUTF8(_ declared: String) -> Bool {
        let name = declared.uppercased().filter { $0 != "-" && $0 != "_" }
        return name == "UTF8" || name.hasPrefix("UTF16") || name.hasPrefix("UCS2") || name.hasPrefix("UTF32") || name.hasPrefix("UCS4")
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
