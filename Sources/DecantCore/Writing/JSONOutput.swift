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
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": string += "\\\""
                case "\\": string += "\\\\"
                case "\n": string += "\\n"
                case "\r": string += "\\r"
                case "\t": string += "\\t"
                case "\u{08}": string += "\\b"
                case "\u{0C}": string += "\\f"
                case "\u{2028}": string += "\\u2028"
                case "\u{2029}": string += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        string += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        string.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        string += "\""
    }
}
