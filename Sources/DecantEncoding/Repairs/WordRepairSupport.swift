/// Helpers shared by the word-level repairs: tokenising into letter runs and guessing which
/// bundled word list fits a text.
enum WordText {
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic
    }

    /// Ranges (in scalar offsets) of maximal letter runs.
    static func words(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            if isWordScalar(scalars[i]) {
                var j = i + 1
                while j < scalars.count && isWordScalar(scalars[j]) { j += 1 }
                ranges.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return ranges
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The first word list (English, Spanish, French, German, loaded only when reached) whose
    /// words make up at least 60% of at least 5 words.
    static func language(of scalars: [Unicode.Scalar], words ranges: [Range<Int>],
                         among lists: [@Sendable () -> WordList?] = WordText.allLists) -> WordList? {
        guard ranges.count >= 5 else { return nil }
        let sample = ranges.prefix(200).map { string(scalars[$0]) }
        for load in lists {
            guard let list = load() else { continue }
            let known = sample.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
            if known * 10 >= sample.count * 6 { return list }
        }
        return nil
    }

    static let allLists: [@Sendable () -> WordList?] = [{ WordList.english }, { WordList.spanish }, { WordList.french }, { WordList.german }]

    /// The apostrophe the text already uses: curly when it has more ’ than ', else straight.
    static func apostrophe(in text: String) -> Unicode.Scalar {
        var curly = 0, straight = 0
        for s in text.unicodeScalars {
            if s == "\u{2019}" { curly += 1 } else if s == "'" { straight += 1 }
        }
        return curly > straight ? "\u{2019}" : "'"
    }
}
