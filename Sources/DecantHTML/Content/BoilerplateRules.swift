/// Why a subtree is dropped before any scoring. The raw value is the `reason` of the
/// ``DecantCore/Removal`` records it produces.
public enum BoilerplateKind: String, Sendable, CaseIterable {
    case navigation = "boilerplate.navigation"
    case header = "boilerplate.header"
    case footer = "boilerplate.footer"
    case sidebar = "boilerplate.sidebar"
    case share = "boilerplate.share"
    case cookie = "boilerplate.cookie"
    case newsletter = "boilerplate.newsletter"
    case related = "boilerplate.related"
    case comments = "boilerplate.comments"
    case ads = "boilerplate.ads"
    case hidden = "boilerplate.hidden"
    case metadata = "boilerplate.byline"
    case dialog = "boilerplate.dialog"
}

/// Structural rules on tags, ARIA roles, classes and ids that mark a subtree as boilerplate:
/// navigation, page header and footer, sidebars, share bars, cookie banners, newsletter boxes,
/// "related" lists, comment sections and ads.
///
/// Classes and ids are split into words (`"site-footer__links"` → `site`, `footer`, `links`).
/// A rule fires when a boilerplate word *leads* the name or the name is about it, and not when
/// a content word follows as the thing named: `class="comment-body-main"` in an article names a
/// body, not a comment section, so it is kept; `id="comments"` is dropped.
///
/// Before: `<div class="share-bar">Tweet Share</div><p>Story…</p>` — after: `Story…`.
public struct BoilerplateRules: Sendable {
    public init() {}

    /// Words that name a boilerplate kind in a class or id.
    static let words: [String: BoilerplateKind] = {
        var table: [String: BoilerplateKind] = [:]
        for w in ["nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "pagination", "pager",
                  "skip", "skiplink", "masthead", "topbar", "toolbar", "submenu", "megamenu", "tabbar"] { table[w] = .navigation }
        for w in ["footer", "copyright", "colophon", "foot"] { table[w] = .footer }
        for w in ["header", "siteheader"] { table[w] = .header }
        for w in ["sidebar", "widget", "widgets", "rail", "sidebox", "aside"] { table[w] = .sidebar }
        for w in ["share", "sharing", "social", "sharethis", "addthis", "sharebar", "shares", "socials", "follow"] { table[w] = .share }
        for w in ["cookie", "cookies", "consent", "gdpr", "cookiebanner", "onetrust", "cmp"] { table[w] = .cookie }
        for w in ["newsletter", "subscribe", "subscription", "signup", "optin", "mailchimp", "paywall", "regwall"] { table[w] = .newsletter }
        for w in ["related", "recommended", "recommendations", "trending", "popular", "mostread", "outbrain", "taboola",
                  "recirc", "recirculation", "readmore", "morestories", "upnext", "teaser", "teasers", "promo", "promos"] { table[w] = .related }
        for w in ["comment", "comments", "disqus", "respond", "discussion", "replies"] { table[w] = .comments }
        for w in ["ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "dfp", "adslot",
                  "adunit", "adsense", "banner", "gpt"] { table[w] = .ads }
        for w in ["byline", "dateline", "author", "meta", "postmeta", "entrymeta", "tags", "tagcloud", "taglist"] { table[w] = .metadata }
        for w in ["modal", "popup", "overlay", "lightbox", "login", "signin"] { table[w] = .dialog }
        return table
    }()

    /// Words that, following a boilerplate word, say the element is content after all.
    static let contentWords: Set<String> = [
        "body", "content", "contents", "main", "article", "text", "entry", "story", "post", "container", "wrapper", "wrap",
        "page", "layout",
    ]

    /// Remembers how each class or id name of one page was classified: pages repeat a few
    /// hundred names over thousands of elements, and splitting a name into words is what costs.
    public final class NameMemo {
        var kinds: [Substring: BoilerplateKind?] = [:]
        public init() {}
    }

    /// The boilerplate kind of an element from its tag, role and attributes, or nil.
    public func kind(of node: DOMTree.Node, memo: NameMemo = NameMemo()) -> BoilerplateKind? {
        switch node.tag {
        case .nav, .menu: return .navigation
        case .aside: return .sidebar
        case .footer: return .footer
        case .header: return .header
        case .dialog: return .dialog
        case .button, .label: return .navigation
        case .noscript: return .hidden
        default: break
        }
        if node.attributes.isEmpty { return nil }
        if node.attribute("hidden") != nil { return .hidden }
        if let hidden = node.attribute("aria-hidden"), hidden == "true" { return .hidden }
        if let style = node.attribute("style"), Self.hidesElement(style) { return .hidden }
        if let role = node.attribute("role") {
            switch role.lowercased() {
            case "navigation", "menu", "menubar", "tablist": return .navigation
            case "banner": return .header
            case "contentinfo": return .footer
            case "complementary": return .sidebar
            case "dialog", "alertdialog": return .dialog
            default: break
            }
        }
        if let itemprop = node.attribute("itemprop"), itemprop == "comment" { return .comments }
        for attribute in ["id", "class"] {
            guard let value = node.attribute(attribute), !value.isEmpty else { continue }
            for bytes in value.utf8.split(separator: 0x20) {
                let name = Substring(bytes)
                let kind: BoilerplateKind?
                if let known = memo.kinds[name] {
                    kind = known
                } else {
                    kind = Self.classify(name: name)
                    memo.kinds[name] = kind
                }
                if let kind { return kind }
            }
        }
        return nil
    }

    /// True for an inline style with `display:none` or `visibility:hidden` (any case, any spaces).
    static func hidesElement(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 { compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
        return compact.contains(subsequence: Self.displayNone) || compact.contains(subsequence: Self.visibilityHidden)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// Classifies one class or id name such as `share-bar`, `commentList` or `comment-body-main`.
    static func classify(name: Substring) -> BoilerplateKind? {
        let words = Self.words(of: name)
        if words.isEmpty || words.count > 6 { return nil }
        for (position, word) in words.enumerated() {
            guard let kind = Self.words[word] else { continue }
            // A content word after the boilerplate word names the content part of it.
            if words[(position + 1)...].contains(where: { Self.contentWords.contains($0) }) { return nil }
            return kind
        }
        // Joined names such as "sharebar" or "mostread".
        return words.count > 1 ? Self.words[words.joined()] : nil
    }

    /// Lower-case words of a name split at punctuation, digits-to-letters and camelCase humps.
    static func words(of name: Substring) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(of: name) }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previousLower = false
        for scalar in name.unicodeScalars {
            let isUpper = scalar.properties.isUppercase
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if isUpper && previousLower && !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
                current.append(contentsOf: isUpper ? scalar.properties.lowercaseMapping.unicodeScalars : String(scalar).unicodeScalars)
                previousLower = scalar.properties.isLowercase
            } else {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The ASCII fast path of ``words(of:)`` (nearly every class and id).
    private static func asciiWords(of name: Substring) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        var previousLower = false
        for byte in name.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper || isLower || isDigit {
                if isUpper && previousLower && !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(isUpper ? byte + 32 : byte)
                previousLower = isLower
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs in the array.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        while i <= count - needle.count {
            if self[i] == first, self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
