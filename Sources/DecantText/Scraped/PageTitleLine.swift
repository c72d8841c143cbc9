/// A browser-style page title: the headline followed by the site name.
///
/// `"Tehran, Damascus Hold … US Moves • The Syrian Observatory For Human Rights"` →
/// title `"Tehran, Damascus Hold … US Moves"`, site `"The Syrian Observatory For Human Rights"`.
/// Separators: `•`, `|`, `–`, `—`, `-`, `::`, `·`, `«`/`»` with spaces around them.
public enum PageTitleLine {
    static let separators = [" • ", " | ", " — ", " – ", " :: ", " · ", " » ", " - "]

    public static func split(_ line: String) -> (title: String, site: String)? {
        for separator in separators {
            guard let range = line.lastRange(of: separator) else { continue }
            let title = line[..<range.lowerBound].trimmingSpaces()
            let site = line[range.upperBound...].trimmingSpaces()
            let siteWords = site.split(separator: " ")
            guard title.split(separator: " ").count >= 3, (1...8).contains(siteWords.count),
                !".!?".contains(site.last ?? "."),
                siteWords.contains(where: { $0.first?.isUppercase == true || $0.contains(".") }) else { continue }
            return (title, site)
        }
        return nil
    }
}

extension StringProtocol {
    func lastRange(of phrase: String) -> Range<Index>? {
        var found: Range<Index>?
        var rest = self[...]
        while let range = rest.firstRange(of: phrase) {
            found = range
            rest = rest[range.upperBound...]
        }
        return found
    }
}
