import DecantCore

/// Turns a page saved as text into the article alone: drops boilerplate lines, moves the lines
/// that carry metadata (title, site, date, source, URL, categories, bylines) into `metadata`,
/// and marks the headline, subheadings and image captions.
///
/// Every line is classified from three kinds of evidence, in this order:
/// 1. shape detectors and rule packs (data files, see ``RulePack``): URL lines, dates,
///    "Source: …", bylines, breadcrumbs, glued tag rows, arithmetic captchas, then the packs
///    (navigation, social, comments, newsletter, cookies, captcha, legal, related, promo), and
///    lines the batch learned to recur on many pages of the site (``RepeatedLineIndex``);
/// 2. the line's statistics (``LineFeatures``: words, stopword share, sentence end, glue, …);
/// 3. its neighbours and position: the article runs from the first to the last line that reads
///    like prose; short lines inside it followed by prose are subheadings, lines outside it are
///    page furniture.
///
/// Before (seed 001):
/// ```
/// North AmericaIranMiddle East
/// US seeking to stoke new regional crises, …: Iran’s security chief
/// Secretary of Iran’s Supreme National Security Council says …
/// ‘US after reviving terrorist cores’
/// …
/// Back to top button
/// ```
/// After: heading 1 "US seeking …", paragraphs, heading 2 "‘US after reviving terrorist cores’";
/// `categories` = North America, Iran, Middle East; `removed` lists lines 1 and 37.
///
/// Only documents of format `scraped-text` are touched (see ``ScrapedTextReader``).
public struct ScrapedPageCleaner: DocumentStage {
    public let name = "scraped-page"
    public var rules: RuleSet
    /// Lines learned from the batch; nil when batch learning is off.
    public var repeated: RepeatedLineIndex?
    /// The formats this stage cleans.
    public var formats: Set<String> = ["scraped-text"]

    let language: LanguageData
    let stopwords: StopwordIndex
    let dates: DateLine
    let crumbs: BreadcrumbLine
    let credits: CreditLines
    let captionMarkers: PhraseSearch

    public init(rules: RuleSet, repeated: RepeatedLineIndex? = nil, language: LanguageData = BuiltinRuleData.language) {
        self.rules = rules
        self.repeated = repeated
        self.language = language
        stopwords = StopwordIndex(language.stopwords)
        dates = DateLine(language: language)
        crumbs = BreadcrumbLine(language: language)
        credits = CreditLines(language: language)
        captionMarkers = PhraseSearch(language.captionMarkers)
    }

    enum Decision: Equatable {
        case undecided, keep, heading(Int), caption, drop(String)

        var isDrop: Bool { if case .drop = self { true } else { false } }
    }

    /// A line's verdict with the features it was based on (also used by `--explain`).
    public struct Verdict: Sendable, Equatable {
        public var line: Int?
        public var text: String
        /// nil when the line is kept.
        public var reason: String?
        /// `heading`, `caption`, `paragraph`, …
        public var kept: Block.Kind?
    }

    /// Knobs of the context stage, measured on webpages-dev (`make eval-scraped`).
    struct Tuning: Sendable {
        /// What a line of furniture costs against words of prose when finding the article.
        var penalty = ArticleZone.furniturePenalty
        /// A further run of prose is part of the article when it is worth this share of the best run.
        var zoneShare = 0.25
        /// Inside the article, lines of at least this many words are kept even when they do not read as prose.
        var fragmentWords = 3
    }
    let tuning = Tuning()

    public func apply(to document: inout Document) {
        guard formats.contains(document.format) else { return }
        _ = clean(&document)
    }

    /// Cleans `document` in place and returns the verdict of every block, in order.
    @discardableResult
    public func clean(_ document: inout Document) -> [Verdict] {
        let blocks = document.blocks
        let count = blocks.count
        let features = blocks.map { LineFeatures($0.text, stopwords: stopwords) }
        let keys = blocks.map { LineKey.make($0.text) }
        var decisions = Array(repeating: Decision.undecided, count: count)
        var meta = document.metadata
        var categories: [String] = []
        var hasProse = false
        let folder = RepeatedLineIndex.folder(of: document.source)

        // 1. Shapes, packs and learned repetition.
        for i in 0..<count {
            let text = blocks[i].text
            let f = features[i]
            if let reason = shapeReason(text, features: f, key: keys[i], beforeProse: !hasProse, meta: &meta, categories: &categories) {
                decisions[i] = .drop(reason)
            } else if let reason = rules.match(key: keys[i], words: f.words) {
                decisions[i] = .drop(reason)
            } else if let repeated, !Self.isProse(f), repeated.contains(key: keys[i], folder: folder) {
                // Prose that recurs (a quote, a shared product description) is left to the context stage.
                decisions[i] = .drop("boilerplate.repeated")
            } else if isCaption(keys[i], features: f) {
                decisions[i] = .caption
            }
            if Self.isProse(f) && !decisions[i].isDrop { hasProse = true }
        }
        // A dropped line that introduces a list ("…at the following addresses:") takes the
        // short lines right after it.
        for i in 0..<count {
            guard case .drop(let reason) = decisions[i], reason.hasPrefix("boilerplate."), features[i].endsWithColon else { continue }
            var j = i + 1
            while j < count, decisions[j] == .undecided, features[j].words <= 8, !features[j].endsSentence {
                decisions[j] = .drop(reason)
                j += 1
            }
        }

        // 2. Where the article is: the run of lines where prose outweighs furniture.
        let zones = ArticleZone.findAll(count: count, share: tuning.zoneShare) { j in
            switch decisions[j] {
            case .undecided: Self.isProse(features[j]) ? Double(features[j].words) : -tuning.penalty
            case .drop(let reason): reason.hasPrefix("boilerplate.") ? -tuning.penalty : 0
            default: 0
            }
        }
        var inZone = Array(repeating: false, count: count)
        for zone in zones { for j in zone { inZone[j] = true } }
        var first = zones.first?.lowerBound ?? count
        let last = zones.last?.upperBound ?? -1

        // 3. The headline: the last title-like line at or before the start of the article.
        var headline: Int?
        var i = min(first, count - 1)
        var looked = 0
        while i >= 0 && looked < 6 {
            if decisions[i] == .undecided {
                looked += 1
                if Self.isTitleLike(features[i]) { headline = i; break }
            }
            i -= 1
        }
        if let h = headline {
            decisions[h] = .heading(1)
            if h == first { first = (h + 1..<max(h + 1, last + 1)).first { decisions[$0] == .undecided && Self.isProse(features[$0]) } ?? first }
        }
        var texts = blocks.map(\.text)
        if let h = headline {
            var title = texts[h]
            if let split = PageTitleLine.split(title) {
                title = split.title
                meta.site = meta.site ?? split.site
                texts[h] = title
            }
            meta.title = meta.title ?? title
            // Earlier lines repeating the title (the browser title with the site name) and the site name line.
            let titleKey = LineKey.make(title)
            for j in 0..<count where j != h && decisions[j] == .undecided {
                if keys[j] == titleKey {
                    decisions[j] = .drop("metadata.title")
                } else if j < h, let split = PageTitleLine.split(blocks[j].text), LineKey.make(split.title) == titleKey {
                    decisions[j] = .drop("metadata.title")
                    meta.site = meta.site ?? split.site
                }
            }
        }
        if let site = meta.site {
            let siteKey = LineKey.make(site)
            for j in 0..<count where decisions[j] == .undecided && keys[j] == siteKey { decisions[j] = .drop("metadata.site") }
        }

        // 4. The rest by statistics and context.
        for j in 0..<count where decisions[j] == .undecided {
            let f = features[j]
            if j < first {
                // Between the headline and the first prose line: a standfirst is kept, furniture is not.
                let standfirst = (headline ?? count) < j && (f.words >= 6 || f.endsSentence) && f.letters * 2 >= f.characters
                decisions[j] = standfirst ? .keep : .drop("boilerplate.header")
            } else if j > last {
                decisions[j] = .drop("boilerplate.footer")
            } else if !inZone[j] {
                decisions[j] = .drop("boilerplate.between")
            } else if Self.isProse(f) {
                decisions[j] = .keep
            } else if f.letters * 2 < f.characters || f.urls > 0 || f.separators >= 2 {
                decisions[j] = .drop("boilerplate.noise")
            } else if f.endsSentence && f.words >= 3 {
                decisions[j] = .keep
            } else if f.words <= 20, nextIsProse(after: j, decisions: decisions, features: features) {
                decisions[j] = .heading(2)
            } else if f.words >= tuning.fragmentWords {
                decisions[j] = .keep
            } else {
                decisions[j] = .drop("boilerplate.fragment")
            }
        }

        // 5. Write the outcome.
        var kept: [Block] = []
        var removed = document.removed
        var verdicts: [Verdict] = []
        for j in 0..<count {
            var block = blocks[j]
            block.text = texts[j]
            switch decisions[j] {
            case .drop(let reason):
                removed.append(Removal(text: blocks[j].text, reason: reason, line: block.line))
                verdicts.append(Verdict(line: block.line, text: blocks[j].text, reason: reason, kept: nil))
                continue
            case .heading(let level):
                block.type = .heading
                block.level = level
            case .caption:
                block.type = .caption
                block.level = nil
            case .keep, .undecided:
                break
            }
            kept.append(block)
            verdicts.append(Verdict(line: block.line, text: block.text, reason: nil, kept: block.type))
        }
        if categories.isEmpty == false {
            for category in categories where !meta.categories.contains(category) { meta.categories.append(category) }
        }
        if meta.language == nil { meta.language = Self.language(of: kept, features: features, blocks: blocks, decisions: decisions) }
        document.blocks = kept
        document.removed = removed
        document.metadata = meta
        return verdicts
    }

    /// Lines recognised by their shape. Lines that carry metadata fill `meta` / `categories`.
    func shapeReason(_ text: String, features f: LineFeatures, key: String, beforeProse: Bool,
                     meta: inout Metadata, categories: inout [String]) -> String? {
        if f.words == 1 && f.urls == 1 {
            if meta.url == nil { meta.url = text }
            return "metadata.url"
        }
        if f.words <= 12, f.digits > 0, f.characters <= 100, let iso = dates.parse(text) {
            if meta.date == nil { meta.date = iso }
            return "metadata.date"
        }
        if f.words <= 10, f.endsWithColon == false, let origin = credits.source(text) {
            if meta.origin == nil { meta.origin = origin }
            return "metadata.source"
        }
        if f.words <= 10, let names = credits.byline(text) {
            for name in names where !meta.authors.contains(name) { meta.authors.append(name) }
            return "metadata.author"
        }
        if ArithmeticCaptcha.matches(text) { return "boilerplate.captcha" }
        if Self.isPlaceholder(text) { return "boilerplate.image" }
        if f.words <= 30, f.characters <= 240, let crumb = crumbs.parse(text) {
            if crumb.isPath && beforeProse && categories.isEmpty { categories = crumb.items }
            return "boilerplate.navigation"
        }
        if f.gluedBoundaries > 0, let tags = GluedTagLine.split(text, features: f, requireTwo: !beforeProse) {
            if categories.isEmpty { categories = tags }
            return "metadata.categories"
        }
        return nil
    }

    /// `[logo.png]`, `[Photo of the team]`, `[ ]`: what text browsers print for images and checkboxes.
    static func isPlaceholder(_ text: String) -> Bool {
        guard text.first == "[", text.last == "]" else { return false }
        return !text.dropFirst().dropLast().contains("]")
    }

    /// Image captions: a caption marker ("(1st left)", "Photo:") in a line that is not too long.
    func isCaption(_ key: String, features: LineFeatures) -> Bool {
        guard features.words >= 4, features.words <= 80 else { return false }
        return captionMarkers.occurs(in: key)
    }

    /// Reads like running text: enough words, enough function words, a sentence end or length.
    static func isProse(_ f: LineFeatures) -> Bool {
        guard f.separators < 2, f.urls * 10 <= f.words, f.letters * 10 >= f.characters * 6 else { return false }
        if f.words >= 12 && f.stopwordShare >= 0.18 { return true }
        return f.words >= 7 && f.endsSentence && f.stopwordShare >= 0.2
    }

    /// Could be a headline: 3–30 words, no full stop or colon at the end, mostly letters.
    static func isTitleLike(_ f: LineFeatures) -> Bool {
        (3...30).contains(f.words) && !f.endsWithColon && !f.endsWithFullStop && f.separators < 2 && f.urls == 0
            && f.letters * 10 >= f.characters * 6
    }

    /// The next line that is not dropped reads like prose.
    func nextIsProse(after index: Int, decisions: [Decision], features: [LineFeatures]) -> Bool {
        var j = index + 1
        while j < decisions.count {
            if !decisions[j].isDrop && decisions[j] != .caption { return Self.isProse(features[j]) }
            j += 1
        }
        return false
    }

    /// The language whose stopwords dominate the kept prose, when there is enough of it.
    static func language(of kept: [Block], features: [LineFeatures], blocks: [Block], decisions: [Decision]) -> String? {
        var votes: [String: Int] = [:]
        var total = 0
        for (index, f) in features.enumerated() where decisions[index] == .keep {
            total += f.words
            if let language = f.language { votes[language, default: 0] += f.words }
        }
        guard total >= 30, let best = votes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
            best.value * 10 >= total * 6 else { return nil }
        return best.key
    }
}
