/// Short blocks whose whole text is a known boilerplate phrase in the major languages of the
/// web: "Share this article", "Advertisement", "Read more", "Sign up for our newsletter", …
///
/// Before: `Advertisement` between two paragraphs — after: removed as `boilerplate.phrase`.
enum BoilerplatePhrases {
    static let prefixes: [String] = [
        "advertisement", "advertisment", "sponsored", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
        "share this", "share on", "share:", "teilen", "tweet", "follow us", "sign up", "subscribe", "newsletter",
        "read more", "read next", "related:", "related articles", "related stories", "recommended", "more from",
        "more stories", "you may also like", "you might also like", "also read", "see also:", "weiterlesen", "mehr zum thema",
        "lesen sie auch", "auch interessant", "click here", "skip to", "back to top", "all rights reserved", "copyright ©",
        "©", "cookie", "we use cookies", "accept all", "log in", "sign in", "loading", "image:", "photo:", "getty images",
        "listen to this article", "print this", "email this", "leave a comment", "comments", "kommentare", "related posts",
    ]

    /// Whether a short block's text is boilerplate.
    static func matches(_ text: String) -> Bool {
        guard text.count <= 80 else { return false }
        let lowered = text.lowercased()
        return prefixes.contains { lowered.hasPrefix($0) }
    }
}
