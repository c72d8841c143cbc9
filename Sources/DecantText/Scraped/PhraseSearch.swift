/// Whether any of a list of phrases occurs in a text, byte for byte in UTF-8 (what
/// ``RuleSet/contains(_:_:)`` answers for one phrase), in one pass over the text: the phrases
/// are grouped by their first byte, so each position of the text is tried only against the
/// phrases that can start there.
///
/// `PhraseSearch(["(1st left)", "photo:"]).occurs(in: "rouhani (1st left) meets …")` → true.
struct PhraseSearch: Sendable {
    private let byFirstByte: [[[UInt8]]]
    /// An empty phrase occurs in every text.
    private let hasEmpty: Bool

    init(_ phrases: [String]) {
        var byFirstByte = Array(repeating: [[UInt8]](), count: 256)
        var hasEmpty = false
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            if let first = bytes.first { byFirstByte[Int(first)].append(bytes) } else { hasEmpty = true }
        }
        self.byFirstByte = byFirstByte
        self.hasEmpty = hasEmpty
    }

    func occurs(in text: String) -> Bool {
        if hasEmpty { return true }
        var text = text
        return text.withUTF8 { bytes in
            for start in bytes.indices {
                for phrase in byFirstByte[Int(bytes[start])] where PhraseBytes.occurs(phrase, in: bytes, at: start) { return true }
            }
            return false
        }
    }
}
