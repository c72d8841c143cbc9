/// Splits an mbox file (RFC 4155) into messages: each starts at a `From ` line at the start of
/// the file or after a blank line; `>From ` lines inside bodies are unescaped. A file that does
/// not start with `From ` is one message.
///
/// ```
/// From ann@example.org Mon Mar  4 09:12:00 2024   → message 1 starts (this line is dropped)
/// Subject: First
/// …
///                                                → blank line
/// From bo@example.net Tue Mar  5 10:00:00 2024    → message 2 starts
/// ```
enum Mailbox {
    static func messages(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let marker = Array("From ".utf8)
        guard bytes.starts(with: marker) else { return [bytes[...]] }
        var starts: [Int] = []
        var lineStart = 0
        var previousBlank = true
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if previousBlank && line.starts(with: marker) { starts.append(lineStart) }
            previousBlank = line.isEmpty || line == [0x0D]
            lineStart = lineEnd + 1
        }
        return starts.indices.map { index in
            let start = starts[index]
            let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            // Drop the separator line itself, and unescape ">From " quoting.
            var body = start
            while body < end, bytes[body] != 0x0A { body += 1 }
            return unescape(bytes[min(body + 1, end)..<end])
        }
    }

    static func unescape(_ message: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let quoted = Array(">From ".utf8)
        guard message.starts(with: quoted) || containsQuotedFrom(message) else { return message }
        var out: [UInt8] = []
        var lineStart = message.startIndex
        while lineStart < message.endIndex {
            var lineEnd = lineStart
            while lineEnd < message.endIndex, message[lineEnd] != 0x0A { lineEnd += 1 }
            var line = message[lineStart..<min(lineEnd + 1, message.endIndex)]
            if line.starts(with: quoted) { line = line.dropFirst() }
            out += line
            lineStart = lineEnd + 1
        }
        return out[...]
    }

    private static func containsQuotedFrom(_ message: ArraySlice<UInt8>) -> Bool {
        let needle = Array("\n>From ".utf8)
        guard message.count >= needle.count else { return false }
        var i = message.startIndex
        while i <= message.endIndex - needle.count {
            if message[i] == 0x0A, message[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
