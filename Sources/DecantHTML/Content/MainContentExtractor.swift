import DecantCore
import DecantEncoding

/// Options for main-content extraction.
public struct ExtractionOptions: Sendable, Equatable {
    /// Keep comment sections as blocks after the article (like trafilatura's `include_comments`).
    public var comments = false
    /// Inline links and images as Markdown in block text.
    public var markup = InlineMarkup()

    public init(comments: Bool = false, markup: InlineMarkup = InlineMarkup()) {
        self.comments = comments
        self.markup = markup
    }
}

/// What main-content extraction produced.
public struct ExtractedContent: Sendable {
    public var blocks: [Block]
    public var removed: [Removal]
    public var repairs: [Repair]
    /// Which strategy decided: `container`, `classifier`, `fallback` or `all` (too little text to judge).
    public var strategy: String
}

/// Finds the article in a page and drops the rest, recording every dropped chunk with a reason.
///
/// 1. Structural rules (``BoilerplateRules``) mark navigation, headers, footers, sidebars,
///    share bars, cookie banners, newsletter boxes, related lists, comments, ads and hidden
///    elements — except containers that hold most of the page's text (a false friend).
/// 2. Readability-style container scoring (``ContainerScorer``) picks the article container.
/// 3. Inside it, link lists and boilerplate phrases are dropped.
/// 4. A jusText-style classifier (``ParagraphClassifier``) reads the whole page; when the
///    container result is suspiciously short next to it, the classifier's result is used.
public struct MainContentExtractor: Sendable {
    public var options: ExtractionOptions
    let rules = BoilerplateRules()

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    public func extract(_ tree: DOMTree) -> ExtractedContent {
        guard tree.count > 0 else { return ExtractedContent(blocks: [], removed: [], repairs: [], strategy: "container") }
        // The whole document, not just <body>: libxml2 2.9 sometimes closes <body> early and
        // leaves the rest of the page after it. <head> is never content.
        let body = tree.first(.html) ?? tree.root
        let marks = markBoilerplate(tree, body: body)
        let stats = NodeStatistics(tree: tree, marks: marks)
        var builder = BlockBuilder(tree: tree, stats: stats, marks: marks, markup: options.markup)
        builder.build(from: body)
        let blocks = builder.blocks

        // Container strategy.
        let scorer = ContainerScorer(tree: tree, stats: stats)
        let chosen = scorer.select(blocks)
        var reasons: [String?] = blocks.map { block in
            if block.boilerplate >= 0 { return marks[Int(block.boilerplate)]!.rawValue }
            if block.element >= 0, chosen.contains(where: { tree.contains($0, block.element) }) { return nil }
            return "boilerplate.outside-main"
        }
        filterInside(blocks, &reasons)
        let containerChars = zip(blocks, reasons).reduce(0) { $0 + ($1.1 == nil ? $1.0.chars : 0) }

        // Classifier strategy over everything the structural rules left.
        let open = blocks.indices.filter { blocks[$0].boilerplate < 0 }
        let good = ParagraphClassifier().classify(open.map { blocks[$0] })
        var classifierReasons: [String?] = blocks.map { $0.boilerplate >= 0 ? marks[Int($0.boilerplate)]!.rawValue : nil }
        for (k, i) in open.enumerated() where !good[k] { classifierReasons[i] = "boilerplate.classifier" }
        filterInside(blocks, &classifierReasons)
        let classifierChars = zip(blocks, classifierReasons).reduce(0) { $0 + ($1.1 == nil ? $1.0.chars : 0) }

        var strategy = "container"
        if containerChars < 250 && classifierChars > containerChars || containerChars * 2 < classifierChars {
            reasons = classifierReasons
            strategy = "classifier"
        }
        let keptChars = strategy == "container" ? containerChars : classifierChars
        if keptChars < 100 {
            // The rules removed (nearly) everything: classify all blocks, ignoring them.
            let all = ParagraphClassifier().classify(blocks)
            var fallback: [String?] = all.map { $0 ? nil : "boilerplate.classifier" }
            filterInside(blocks, &fallback)
            let fallbackChars = zip(blocks, fallback).reduce(0) { $0 + ($1.1 == nil ? $1.0.chars : 0) }
            if fallbackChars > keptChars * 2 {
                reasons = fallback
                strategy = "fallback"
            }
        }
        // A discussion thread: the "comments" are the page's content (forums, Q&A).
        if !options.comments {
            let kept = zip(blocks, reasons).reduce(0) { $0 + ($1.1 == nil ? $1.0.chars : 0) }
            let isComment = blocks.map { $0.boilerplate >= 0 && marks[Int($0.boilerplate)] == .comments }
            let commentChars = zip(blocks, isComment).reduce(0) { $0 + ($1.1 ? $1.0.chars : 0) }
            if kept < 2000 && commentChars > 2 * kept {
                var thread: [String?] = reasons
                for i in blocks.indices where isComment[i] { thread[i] = nil }
                filterInside(blocks, &thread)
                reasons = thread
                strategy += "+thread"
            }
        }
        if !reasons.contains(where: { $0 == nil }) {
            // A page with too little text for any evidence: keep what the rules allow.
            var all: [String?] = blocks.map { $0.boilerplate >= 0 ? marks[Int($0.boilerplate)]!.rawValue : nil }
            filterInside(blocks, &all)
            reasons = all
            strategy = "all"
        }
        return assemble(blocks, reasons: reasons, marks: marks, strategy: strategy, tally: builder.tally)
    }

    /// Marks subtrees matched by a structural rule, sparing the containers of most of the text.
    func markBoilerplate(_ tree: DOMTree, body: Int32) -> [BoilerplateKind?] {
        var marks = [BoilerplateKind?](repeating: nil, count: tree.count)
        let raw = NodeStatistics(tree: tree, marks: marks)
        let bodyChars = Int(raw.chars[Int(body)])
        var i = Int(body) + 1
        let end = Int(raw.end[Int(body)])
        let memo = BoilerplateRules.NameMemo()
        while i < end {
            let node = tree.nodes[i]
            if node.isText || node.tag.isNeverContent {
                i = Int(raw.end[i])
                continue
            }
            if let kind = rules.kind(of: node, memo: memo), !isProtected(node, chars: Int(raw.chars[i]), bodyChars: bodyChars, kind: kind, in: tree),
                !readsLikeProse(kind: kind, chars: Int(raw.chars[i]), linkDensity: raw.linkDensity(i))
            {
                marks[i] = kind
                i = Int(raw.end[i])  // everything inside goes with it
                continue
            }
            i += 1
        }
        return marks
    }

    private func isProtected(_ node: DOMTree.Node, chars: Int, bodyChars: Int, kind: BoilerplateKind, in tree: DOMTree) -> Bool {
        switch node.tag {
        case .html, .body, .main: return true
        case .article: if kind != .hidden { return true }
        // An article's own <header> holds its headline and standfirst, not the page's masthead.
        case .header: if isInsideArticle(node, tree) { return true }
        default: break
        }
        if let itemprop = node.attribute("itemprop"), itemprop == "articleBody" { return true }
        // A "sidebar" or "hidden" wrapper holding most of the page is the page.
        return bodyChars > 500 && chars * 10 >= bodyChars * 4
    }

    /// True when an `<article>` element (or one marked up as an article body) encloses `node`.
    private func isInsideArticle(_ node: DOMTree.Node, _ tree: DOMTree) -> Bool {
        var parent = node.parent
        while parent >= 0 {
            let ancestor = tree.nodes[Int(parent)]
            if ancestor.tag == .article || ancestor.attribute("itemprop") == "articleBody" { return true }
            parent = ancestor.parent
        }
        return false
    }

    /// A layout wrapper named "sidebar", "header", "hidden" or even "ad" that holds a long run of text with
    /// few links is a content column in disguise (`<div class="content-sidebar">`). Comments,
    /// related lists, share bars and the like are dropped however they read.
    private func readsLikeProse(kind: BoilerplateKind, chars: Int, linkDensity: Double) -> Bool {
        switch kind {
        case .sidebar, .header, .hidden, .navigation, .ads, .metadata, .dialog: return chars >= 800 && linkDensity < 0.15
        default: return false
        }
    }

    /// Drops link lists, boilerplate phrases and headings left without content.
    private func filterInside(_ blocks: [SourceBlock], _ reasons: inout [String?]) {
        for (i, block) in blocks.enumerated() where reasons[i] == nil {
            let density = block.chars == 0 ? 0 : Double(block.linkChars) / Double(block.chars)
            if block.block.type != .heading && block.block.type != .table && density > 0.5
                && (block.block.type == .listItem || block.chars < 300)
            {
                reasons[i] = "boilerplate.link-list"
            } else if block.chars <= 80, block.block.type != .heading, BoilerplatePhrases.matches(block.block.text) {
                reasons[i] = "boilerplate.phrase"
            }
        }
        // Headings with nothing kept after them.
        var i = blocks.count - 1
        while i >= 0 {
            if reasons[i] == nil {
                if blocks[i].block.type == .heading { reasons[i] = "boilerplate.orphan-heading" } else { break }
            }
            i -= 1
        }
    }

    private func assemble(
        _ blocks: [SourceBlock], reasons: [String?], marks: [BoilerplateKind?], strategy: String, tally: CharacterCleanup.Tally
    ) -> ExtractedContent {
        var kept: [Block] = []
        var comments: [Block] = []
        var removed: [Removal] = []
        var lastKey: (String, Int32)?
        for (i, block) in blocks.enumerated() {
            guard let reason = reasons[i] else {
                kept.append(block.block)
                lastKey = nil
                continue
            }
            if options.comments, block.boilerplate >= 0, marks[Int(block.boilerplate)] == .comments {
                var comment = block.block
                if comment.type == .heading { comment.level = comment.level ?? 2 }
                comments.append(comment)
                continue
            }
            let key = (reason, block.boilerplate)
            if let lastKey, lastKey == key, var last = removed.popLast() {
                last.text += "\n" + block.block.text
                removed.append(last)
            } else {
                removed.append(Removal(text: block.block.text, reason: reason, line: block.block.line))
            }
            lastKey = key
        }
        return ExtractedContent(blocks: kept + comments, removed: removed, repairs: tally.repairs, strategy: strategy)
    }
}
