/// The letters beyond ASCII that each language written in a legacy single-byte charset uses
/// (lowercase). Decoded text whose accented letters all belong to one language is plausible;
/// a mix no language uses (`ð` + `ç` + `þ`: Turkish read as Windows-1252) is not.
enum LanguageLetters {
    /// Letters that are part of an alphabet but rare in running text (French "î", Turkish "â").
    static let rare: [Set<Unicode.Scalar>] = [
        "âæëîôœùûüÿ", "", "ü", "àô", "íó", "óöüè", "é", "éó", "", "", "", "äďĺŕó", "ű", "", "", "âîû", "", "", "",
        "", "", "", "", "", "",
    ].map { Set($0.unicodeScalars) }

    static let alphabets: [Set<Unicode.Scalar>] = [
        "àâæçéèêëîïôœùûüÿ", // French
        "äöüß", // German
        "áéíñóúü", // Spanish
        "áâãàçéêíóôõú", // Portuguese
        "àèéìíòóù", // Italian
        "éëïóöüè", // Dutch
        "åäöé", // Swedish, Finnish
        "åæøéó", // Danish, Norwegian
        "áðéíóúýþæö", // Icelandic
        "ąćęłńóśźż", // Polish
        "áčďéěíňóřšťúůýž", // Czech
        "áäčďéíĺľňóôŕšťúýž", // Slovak
        "áéíóöőúüű", // Hungarian
        "čšžćđ", // Slovenian, Croatian, Bosnian
        "ăâîșşțţ", // Romanian
        "çğıöşüâîû", // Turkish
        "ąčęėįšųūž", // Lithuanian
        "āčēģīķļņšūž", // Latvian
        "äõöüšž", // Estonian
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", // Russian
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’", // Ukrainian
        "абвгдежзийклмнопрстуфхцчшщъьюя", // Bulgarian
        "абвгдђежзијклљмнњопрстћуфхцџчш", // Serbian
        "абвгдеёжзійклмнопрстуўфхцчшыьэюя", // Belarusian
        "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς", // Greek
    ].map { Set($0.unicodeScalars) }

    /// How many letter occurrences beyond ASCII fall outside the best-fitting alphabet. Scripts
    /// without case-sensitive alphabets here (Hebrew, Arabic, CJK) never count.
    static func misfits(_ letters: [Unicode.Scalar: Int]) -> Int {
        let total = letters.values.reduce(0, +)
        if total == 0 { return 0 }
        var best = Int.max
        for (index, alphabet) in alphabets.enumerated() {
            var covered = 0, rareCount = 0
            for (letter, count) in letters where alphabet.contains(letter) {
                covered += count
                if rare[index].contains(letter) { rareCount += 1 }
            }
            // Each letter outside the alphabet costs 2, each distinct rare letter 1.
            best = min(best, 2 * (total - covered) + rareCount)
        }
        return best
    }

    /// Lowercased non-ASCII Latin, Cyrillic and Greek letters of `scalars`, counted.
    static func census<S: Sequence>(_ scalars: S) -> [Unicode.Scalar: Int] where S.Element == Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        for scalar in scalars where scalar.value >= 0xC0 && scalar.value < 0x530 && scalar.properties.isAlphabetic {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            counts[lower, default: 0] += 1
        }
        return counts
    }
}
