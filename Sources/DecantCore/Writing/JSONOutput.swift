/// A small, deterministic JSON emitter: keys in the order given, strings escaped the same way on
/// every platform, non-ASCII written as UTF-8. Used for documents so that the same input gives
/// byte-identical output.
public struct JSONOutput {
    public private(set) var string = ""
    private let pretty: Bool
    private var depth = 0
    private var needsComma: [Bool] = []

    public init(pretty: Bool = false) {
        self.pretty = pretty
        string.reserveCapacity(1024)
    }

    public mutating func beginObject() { openContainer("{") }
    public mutating func endObject() { closeContainer("}") }
    public mutating func beginArray() { openContainer("[") }
    public mutating func endArray() { closeContainer("]") }

    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        string += pretty ? ": " : ":"
        suppressNextSeparator = true
    }

    public mutating func value(_ text: String?) {
        guard let text else { return null() }
        separate()
        appendQuoted(text)
    }

    public mutating func value(_ number: Int?) {
        guard let number else { return null() }
        separate()
        string += String(number)
    }

    public mutating func value(_ number: Double?) {
        guard let number, number.isFinite else { return null() }
        separate()
        string += number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    public mutating func value(_ flag: Bool) {
        separate()
        string += flag ? "true" : "false"
    }

    /// Appends already-serialised JSON (a value the caller gave and Decant passes through).
    public mutating func raw(_ json: String) {
        separate()
        string += json
    }

    public mutating func null() {
        separate()
        string += "null"
    }

    public mutating func value(_ list: [String]) {
        beginArray()
        for item in list { value(item) }
        endArray()
    }

    // MARK: - Layout

    private var suppressNextSeparator = false

    private mutating func separate() {
        if suppressNextSeparator {
            suppressNextSeparator = false
            return
        }
        if let last = needsComma.last {
            if last { string += "," }
            needsComma[needsComma.count - 1] = true
            if pretty { newline() }
        }
    }

    private mutating func openContainer(_ bracket: String) {
        separate()
        string += bracket
        needsComma.append(false)
        depth += 1
    }

    private mutating func closeContainer(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if pretty && hadItems { newline() }
        string += bracket
    }

    private mutating func newline() {
        string += "\n"
        string += String(repeating: "  ", count: depth)
    }

    private mutating func appendQuoted(_ text: String) {
        string += "\""
        var clean = true
        for unit in text.utf8 where unit < 0x20 || unit == 0x22 || unit == 0x5C || unit == 0xE2 {
            clean = false
            break
        }
        if clean {
            string += text
        } else {
            appendEscaped(text)
        }
        string += "\""
    }

    /// Escapes `"`, `\\`, control characters and U+2028/U+2029, copying the runs between them as
    /// they are (they end at ASCII bytes or at the start of a U+2028/U+2029 sequence, so every
    /// run is whole UTF-8).
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush() {
                if index > runStart { string += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                let escape: String
                var length = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    index += 1
                    continue
                }
                flush()
                string += escape
                index += length
                runStart = index
            }
            flush()
        }
    }
}
