/// A row of category tags whose separators were lost in the dump, so the names run together.
///
/// `"North AmericaIranMiddle East"` → `["North America", "Iran", "Middle East"]`.
/// Camel-case names (`iPhone`, `McDonald`) do not count as glue.
public enum GluedTagLine {
    /// The tags, or nil when the line is not a glued tag row. `requireTwo`: one glue point is
    /// not enough (used away from the top of the page, where `YouTube`-style names live).
    public static func split(_ line: String, features: LineFeatures, requireTwo: Bool) -> [String]? {
        guard features.gluedBoundaries >= (requireTwo ? 2 : 1), features.words <= 10, !features.endsSentence,
            features.digits == 0, features.separators == 0 else { return nil }
        var tags: [String] = []
        var current = ""
        var part = ""
        for character in line {
            if character.isUppercase, part.count >= 3, part.first?.isUppercase == true,
                part.dropFirst().allSatisfy(\.isLowercase), part != "Mac" {
                tags.append(current)
                current = ""
            }
            if character.isUppercase { part = String(character) }
            else if character.isLetter { part.append(character) }
            else { part = "" }
            current.append(character)
        }
        tags.append(current)
        let cleaned = tags.map { ParagraphSplitter.collapseWhitespace($0) }.filter { !$0.isEmpty }
        // Every tag must read like a name: each word capitalised (short function words allowed).
        for tag in cleaned {
            for word in tag.split(separator: " ") where word.count > 3 && word.first?.isUppercase != true { return nil }
        }
        return cleaned.count >= 2 ? cleaned : nil
    }
}
