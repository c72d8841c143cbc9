/// The form of a line that rules and the repetition index compare: lower case, curly quotes
/// made straight, runs of spaces collapsed, and bullets, arrows and punctuation around the
/// line removed.
///
/// `"  » Back to Top ↑ "` → `"back to top"`; `"Your Name *"` → `"your name *"`.
public enum LineKey {
    static let edge: Set<Character> = [
        " ", "»", "«", "›", "‹", "|", "•", "·", "-", "–", "—", ":", ".", "…", "→", "←", "↑", "▶", "►", "▸", "#", "/",
        ">", "<", "[", "]", "(", ")", "\"", "'", "“", "”", "‘", "’", "!", "?", ",", ";", "+", "✓", "✕", "×",
    ]

    public static func make(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            var c = character
            switch c {
            case "’", "‘", "´", "`": c = "'"
            case "“", "”", "„": c = "\""
            default: break
            }
            if c == " " || c == "\t" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            if c.isUppercase { out += c.lowercased() } else { out.append(c) }
        }
        let trimmed = out.drop(while: { edge.contains($0) }).reversed().drop(while: { edge.contains($0) })
        return String(trimmed.reversed())
    }
}
