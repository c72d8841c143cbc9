import DecantCore

/// Text decoded from bytes, and how.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: EncodingInfo

    public init(text: String, encoding: EncodingInfo) {
        self.text = text
        self.encoding = encoding
    }
}

/// A statistical charset detector that ``TextDecoder`` asks when the bytes carry no BOM, no
/// usable declaration and are not valid UTF-8.
public protocol CharsetDetector: Sendable {
    /// The most likely charset (an iconv name) and a confidence 0…1, or nil when unsure.
    func detect(_ bytes: [UInt8]) -> (charset: String, confidence: Double)?
}

/// Turns bytes into text. Order of evidence: byte-order mark; the caller's or document's
/// declaration (unless the bytes contradict it: a page that declares ISO-8859-1 but is valid
/// UTF-8 is UTF-8); strict UTF-8 validity; the detector; finally Windows-1252, which can decode
/// any byte. Invalid sequences become U+FFFD and are counted, never dropped silently.
public struct TextDecoder: Sendable {
    public var detector: (any CharsetDetector)?
    /// Used when nothing else decides.
    public var fallbackCharset = "WINDOWS-1252"

    public init(detector: (any CharsetDetector)? = StatisticalCharsetDetector()) {
        self.detector = detector
    }

    public func decode(_ bytes: [UInt8], declared: String? = nil) -> DecodedText {
        if let bom = ByteOrderMark.detect(bytes) {
            let body = bytes[bom.length...]
            let decoded: (text: String, invalid: Int)
            switch bom.encoding {
            case "UTF-8": decoded = UnicodeDecoding.utf8(body)
            case "UTF-16LE": decoded = UnicodeDecoding.utf16(body, bigEndian: false)
            case "UTF-16BE": decoded = UnicodeDecoding.utf16(body, bigEndian: true)
            case "UTF-32LE": decoded = UnicodeDecoding.utf32(body, bigEndian: false)
            default: decoded = UnicodeDecoding.utf32(body, bigEndian: true)
            }
            return DecodedText(
                text: decoded.text,
                encoding: EncodingInfo(declared: bom.encoding, used: bom.encoding, invalidSequences: decoded.invalid))
        }
        let declaredName = declared.map(CharsetName.canonical)
        if let detector = detector as? StatisticalCharsetDetector, let wide = detector.structural(bytes),
           let converted = convert(bytes, from: wide) {
            return DecodedText(
                text: converted.text,
                encoding: EncodingInfo(declared: declaredName, detected: wide, used: wide, confidence: 1, invalidSequences: converted.invalid))
        }
        if let valid = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: valid, encoding: EncodingInfo(declared: declaredName, used: "UTF-8"))
        }
        if let declaredName, declaredName != "UTF-8", let converted = convert(bytes, from: declaredName) {
            // A declaration the bytes contradict loses to detection: the declared decoding has
            // invalid bytes or reads far less plausibly than the detected one.
            if let detector, let guess = detector.detect(bytes), CharsetName.canonical(guess.charset) != declaredName,
               let detected = convert(bytes, from: guess.charset), detected.invalid == 0, detected.text != converted.text {
                let declaredScore = StatisticalCharsetDetector.score(converted.text) + 12 * converted.invalid
                let detectedScore = StatisticalCharsetDetector.score(detected.text)
                if declaredScore > detectedScore + max(4, converted.text.unicodeScalars.count / 200) {
                    return DecodedText(
                        text: detected.text,
                        encoding: EncodingInfo(
                            declared: declaredName, detected: guess.charset, used: guess.charset,
                            confidence: guess.confidence))
                }
            }
            return DecodedText(
                text: converted.text,
                encoding: EncodingInfo(declared: declaredName, used: declaredName, invalidSequences: converted.invalid))
        }
        // Mostly UTF-8 with a few broken sequences (a truncated or spliced file): keep UTF-8.
        // Legacy single-byte text almost never forms valid multi-byte UTF-8 sequences by chance.
        let census = UnicodeDecoding.utf8Census(bytes)
        if census.multibyte > 0 && census.invalid <= census.multibyte || declaredName == "UTF-8" {
            let decoded = UnicodeDecoding.utf8(bytes[...])
            return DecodedText(
                text: decoded.text,
                encoding: EncodingInfo(declared: declaredName, used: "UTF-8", invalidSequences: decoded.invalid))
        }
        if let detector, let guess = detector.detect(bytes), let converted = convert(bytes, from: guess.charset) {
            return DecodedText(
                text: converted.text,
                encoding: EncodingInfo(
                    declared: declaredName, detected: guess.charset, used: guess.charset, confidence: guess.confidence,
                    invalidSequences: converted.invalid))
        }
        let converted = convert(bytes, from: fallbackCharset) ?? UnicodeDecoding.utf8(bytes[...])
        return DecodedText(
            text: converted.text,
            encoding: EncodingInfo(declared: declaredName, used: fallbackCharset, invalidSequences: converted.invalid))
    }

    private func convert(_ bytes: [UInt8], from charset: String) -> (text: String, invalid: Int)? {
        guard let converter = try? IconvConverter(from: charset) else { return nil }
        return converter.convert(bytes)
    }
}

/// Canonical spellings of charset names, so `utf8`, `UTF-8` and `utf-8` compare equal.
public enum CharsetName {
    public static func canonical(_ name: String) -> String {
        let upper = name.trimmingSpaces().uppercased()
        switch upper {
        case "UTF8", "UTF-8": return "UTF-8"
        case "LATIN1", "LATIN-1", "ISO8859-1", "ISO_8859-1", "ISO-8859-1": return "ISO-8859-1"
        case "CP1252", "WINDOWS1252", "WINDOWS-1252": return "WINDOWS-1252"
        case "ASCII", "US-ASCII": return "US-ASCII"
        default: return upper
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
