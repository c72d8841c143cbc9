/// Readability-style scoring of candidate containers: every paragraph of prose adds points
/// (one, plus one per comma, plus one per 100 characters up to three) to its container and,
/// diminishing, to five levels of ancestors; containers start from a tag and class/id weight
/// and end multiplied by `1 − link density`. The best container and its worthy siblings hold
/// the main content.
///
/// Before: a page with a menu, a teaser column and `<div class="story">` of long paragraphs —
/// after: the `story` div is chosen.
struct ContainerScorer {
    let tree: DOMTree
    let stats: NodeStatistics

    /// Class/id words that make a container more or less likely to be the article.
    static let positiveWords: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose",
        "articlebody", "richtext", "copy",
    ]
    static let negativeWords: Set<String> = [
        "hidden", "banner", "combx", "comment", "comments", "contact", "foot", "footer", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "tool", "widget", "nav", "menu", "teaser", "card", "cards", "list", "grid",
    ]

    func classWeight(_ node: DOMTree.Node) -> Double {
        var weight = 0.0
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute), !value.isEmpty else { continue }
            var positive = false
            var negative = false
            for name in value.split(separator: " ") {
                for word in BoilerplateRules.words(of: name) {
                    if Self.positiveWords.contains(word) { positive = true }
                    if Self.negativeWords.contains(word) { negative = true }
                }
            }
            if positive { weight += 25 }
            if negative { weight -= 25 }
        }
        if let itemprop = node.attribute("itemprop"), itemprop == "articleBody" || itemprop == "text" { weight += 30 }
        return weight
    }

    func initialScore(_ index: Int) -> Double {
        let node = tree.nodes[index]
        var score: Double
        switch node.tag {
        case .div: score = 5
        case .article: score = 10
        case .main: score = 5
        case .section: score = 2
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        return score + classWeight(node)
    }

    /// Elements that hold text themselves (the paragraph); their parent is the first container.
    static func isParagraphElement(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .li, .dt, .dd, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .figcaption, .caption, .table, .span,
            .a, .b, .strong, .i, .em, .font, .other:
            true
        default: false
        }
    }

    /// Scores of every candidate container (index → final score).
    func scores(_ blocks: [SourceBlock]) -> [Int32: Double] {
        var raw: [Int32: Double] = [:]
        for block in blocks where block.boilerplate < 0 && block.element >= 0 {
            switch block.block.type {
            case .paragraph, .quote, .code, .listItem: break
            default: continue
            }
            guard block.chars >= 25 else { continue }
            let points = 1 + Double(block.commas) + min(Double(block.chars) / 100, 3)
            var ancestor = block.element
            if Self.isParagraphElement(tree[ancestor].tag) { ancestor = tree[ancestor].parent }
            var level = 0
            while ancestor >= 0, level < 5 {
                let node = tree[ancestor]
                if node.tag == .html { break }
                if raw[ancestor] == nil { raw[ancestor] = initialScore(Int(ancestor)) }
                let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
                raw[ancestor]! += points / divider
                ancestor = node.parent
                level += 1
            }
        }
        var final: [Int32: Double] = [:]
        for (index, score) in raw { final[index] = score * (1 - stats.linkDensity(Int(index))) }
        return final
    }

    /// The chosen containers: the best-scoring one (moved up to a shared ancestor when the
    /// runners-up agree on one) and its siblings that score well or read like prose.
    func select(_ blocks: [SourceBlock]) -> [Int32] {
        let scores = scores(blocks)
        guard !scores.isEmpty else { return [] }
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var top = ranked[0].key
        let topScore = ranked[0].value
        // Runners-up close to the top that share an ancestor with it: the content is split.
        let close = ranked.dropFirst().prefix(4).filter { $0.value >= topScore * 0.75 }.map(\.key)
        if close.count >= 2 {
            var ancestor = tree[top].parent
            while ancestor >= 0, tree[ancestor].tag != .body, tree[ancestor].tag != .html {
                let shared = close.filter { tree.contains(ancestor, $0) }.count
                if shared >= 2 { top = ancestor; break }
                ancestor = tree[ancestor].parent
            }
        }
        // A lone child carries nothing its parent does not.
        while true {
            let parent = tree[top].parent
            guard parent >= 0, tree[parent].tag != .body, tree[parent].tag != .html else { break }
            let elementChildren = tree.children(of: parent).filter { !tree[$0].isText }.count
            guard elementChildren == 1 else { break }
            top = parent
        }
        var chosen: [Int32] = [top]
        let parent = tree[top].parent
        guard parent >= 0 else { return chosen }
        let threshold = max(10, (scores[top] ?? topScore) * 0.2)
        for sibling in tree.children(of: parent) where sibling != top && !tree[sibling].isText {
            if let score = scores[sibling], score >= threshold {
                chosen.append(sibling)
                continue
            }
            let chars = Int(stats.keptChars[Int(sibling)])
            let density = stats.linkDensity(Int(sibling))
            if tree[sibling].tag == .p {
                if chars > 80 && density < 0.25 { chosen.append(sibling) }
                if chars > 0 && chars <= 80 && density == 0 && tree.text(of: sibling).contains(". ") { chosen.append(sibling) }
            }
        }
        return chosen.sorted()
    }
}
