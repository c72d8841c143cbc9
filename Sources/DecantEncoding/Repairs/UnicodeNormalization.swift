import Foundation

/// Unicode normalisation of a text: NFC (a repair, on by default: `"e\u{301}"` → `"é"`) or NFKC
/// (a normalisation, off by default: `"ﬁ"` → `"fi"`, `"１"` → `"1"`).
public struct UnicodeNormalization: TextRepair {
    public enum Form: String, Sendable { case nfc, nfkc }
    public let form: Form
    public var name: String { form.rawValue }

    public init(_ form: Form) {
        self.form = form
    }

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        // Below U+0300 every scalar is already in NFC (and NFKC but for a few compatibility
        // characters in Latin-1, checked below).
        if form == .nfc, text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return text }
        if form == .nfkc, text.unicodeScalars.allSatisfy({ $0.value < 0xA0 }) { return text }
        let normalized = form == .nfc ? text.precomposedStringWithCanonicalMapping : text.precomposedStringWithCompatibilityMapping
        if normalized.unicodeScalars.elementsEqual(text.unicodeScalars) { return text }
        tally.add(name, from: "", to: "", count: 1)
        return normalized
    }
}
