#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The rule packs and word lists that ship with Decant: the JSON files in
/// `Sources/DecantText/Rules/`, compiled into the binary by SwiftPM (`.embedInCode`), so the
/// `decant` executable needs no data files next to it.
public enum BuiltinRuleData {
    /// Every built-in pack, in a fixed order (the order rules are tried in).
    public static let packs: [RulePack] = {
        let files: [(String, [UInt8])] = [
            ("navigation.json", PackageResources.navigation_json),
            ("social.json", PackageResources.social_json),
            ("comments.json", PackageResources.comments_json),
            ("newsletter.json", PackageResources.newsletter_json),
            ("cookies.json", PackageResources.cookies_json),
            ("captcha.json", PackageResources.captcha_json),
            ("legal.json", PackageResources.legal_json),
            ("related.json", PackageResources.related_json),
            ("promo.json", PackageResources.promo_json),
            ("controls.json", PackageResources.controls_json),
        ]
        return files.flatMap { name, bytes in
            // The files are part of the build and covered by tests; a broken one is a build defect.
            do { return try RulePack.decode(bytes, file: name) } catch { fatalError("built-in \(error)") }
        }
    }()

    /// Stopwords, month names and the words around dates, sources, bylines and captions.
    public static let language: LanguageData = {
        do { return try JSONDecoder().decode(LanguageData.self, from: Data(PackageResources.language_json)) }
        catch { fatalError("built-in rule file language.json is invalid: \(error)") }
    }()

    /// Names of the built-in packs (for `--disable-pack` and error messages).
    public static var packNames: [String] { packs.map(\.pack) }
}

/// Word lists the classifier and the metadata harvester use (`Rules/language.json`).
public struct LanguageData: Codable, Sendable {
    /// Stopwords per language code (`en`, `de`, `fr`, `es`).
    public var stopwords: [String: [String]]
    /// Month names and abbreviations keyed by month number ("1"…"12").
    public var months: [String: [String]]
    public var weekdays: [String]
    /// Words allowed around a date on a date line ("published", "updated", "am", "le", …).
    public var dateWords: [String]
    /// Words that introduce a "Source: …" line.
    public var sourcePrefixes: [String]
    /// Words that introduce a byline ("By", "Von", "Par", "Por").
    public var bylinePrefixes: [String]
    /// First breadcrumb items that are not categories ("Home", "Startseite").
    public var breadcrumbRoots: [String]
    /// Phrases that mark an image caption ("(1st left)", "Photo:").
    public var captionMarkers: [String]
}
