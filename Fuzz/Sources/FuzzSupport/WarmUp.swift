import Decant

/// Runs a target once on a few inputs before libFuzzer starts, so that one-time work (the word
/// lists of the repairs and the charset detector, rule packs, lazily built tables) is not
/// charged to the first input libFuzzer tries. Without it, that first input took 8 s under
/// ASan on a busy machine and was reported as a timeout.
public enum WarmUp {
    /// Text that reaches every word list: lost apostrophes, accents, mojibake, several languages.
    public static let text = Array("""
        It' s the dog' s bone, don' t. L' amour n' est pas là, c' est déjà l' été. Die Brücke über \
        den Fluß. El niño está aquí. The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows; cafÃ© rÃ©sumÃ©.
        ﬁne ﬂow ＦＵＬＬ　ｗｉｄｔｈ e\u{301}te\u{301} \u{AD} soft\u{200B}hyphen &eacute; hyph-
        enated Thecatsat.Next
        """.utf8)
    /// The same in Windows-1252 (not UTF-8), for the charset detector's accented-word check.
    public static let legacyText: [UInt8] = Array("L' amour n' est pas ".utf8) + [0xE0, 0x20, 0x6C, 0xE9, 0x74, 0xE9, 0x2C, 0x20, 0x64, 0xE9, 0x6A, 0xE0] + Array(" Br".utf8) + [0xFC] + Array("cke".utf8)

    /// Loads the word lists, then calls `target` on every sample.
    public static func run(_ target: (UnsafePointer<UInt8>, Int) -> CInt, samples: [[UInt8]]) {
        _ = (WordList.english, WordList.spanish, WordList.german, WordList.french)
        for sample in samples {
            _ = sample.withUnsafeBufferPointer { buffer in
                target(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            }
        }
    }
}
