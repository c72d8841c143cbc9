/// The HTML elements Decant treats specially; everything else is ``other``.
///
/// libxml2 2.9 predates HTML5 but keeps unknown elements (`article`, `nav`, `figure`, …) as
/// elements with their lower-cased name, so HTML5 sectioning works through this table.
public enum HTMLTag: UInt8, Sendable {
    case other
    case html, head, body, title, meta, link, base, script, style, noscript, template, svg, math, iframe, object, embed, canvas
    case form, input, button, select, textarea, label, option, dialog
    case article, main, section, nav, aside, header, footer, figure, figcaption, time, address, details, summary
    case div, span, p, br, hr, a, img, picture, source, video, audio
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, menu
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case pre, code, blockquote, q, cite
    case b, strong, i, em, u, small, sub, sup, mark, abbr, s, del, ins, kbd, samp, `var`, font, center

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        let all: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template),
            ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object), ("embed", .embed), ("canvas", .canvas),
            ("form", .form), ("input", .input), ("button", .button), ("select", .select), ("textarea", .textarea),
            ("label", .label), ("option", .option), ("dialog", .dialog),
            ("article", .article), ("main", .main), ("section", .section), ("nav", .nav), ("aside", .aside),
            ("header", .header), ("footer", .footer), ("figure", .figure), ("figcaption", .figcaption), ("time", .time),
            ("address", .address), ("details", .details), ("summary", .summary),
            ("div", .div), ("span", .span), ("p", .p), ("br", .br), ("hr", .hr), ("a", .a), ("img", .img),
            ("picture", .picture), ("source", .source), ("video", .video), ("audio", .audio),
            ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6),
            ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("menu", .menu),
            ("table", .table), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr), ("td", .td),
            ("th", .th), ("caption", .caption), ("colgroup", .colgroup), ("col", .col),
            ("pre", .pre), ("code", .code), ("blockquote", .blockquote), ("q", .q), ("cite", .cite),
            ("b", .b), ("strong", .strong), ("i", .i), ("em", .em), ("u", .u), ("small", .small), ("sub", .sub),
            ("sup", .sup), ("mark", .mark), ("abbr", .abbr), ("s", .s), ("del", .del), ("ins", .ins), ("kbd", .kbd),
            ("samp", .samp), ("var", .var), ("font", .font), ("center", .center),
        ]
        for (name, tag) in all { table[name] = tag }
        return table
    }()

    /// The tag for a lower-case element name.
    public init(name: String) {
        self = HTMLTag.byName[name] ?? .other
    }

    /// Heading level 1–6, or nil.
    public var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// Elements whose content never is readable text. `button`, `noscript` and `dialog` are not
    /// among them: libxml2 2.9 leaves an unclosed `<button>` open around the rest of the page, and
    /// forums put their crawler view in `<noscript>`; the boilerplate rules drop them when small.
    public var isNeverContent: Bool {
        switch self {
        case .script, .style, .template, .svg, .math, .iframe, .object, .embed, .canvas, .head, .title,
            .meta, .link, .base, .input, .select, .textarea, .option, .video, .audio, .source:
            true
        default: false
        }
    }

    /// Elements that start a new block of text (as opposed to inline markup).
    public var isBlockLevel: Bool {
        switch self {
        case .p, .div, .article, .main, .section, .nav, .aside, .header, .footer, .figure, .figcaption, .address,
            .details, .summary, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .menu, .table, .thead,
            .tbody, .tfoot, .tr, .td, .th, .caption, .pre, .blockquote, .hr, .form, .center, .body, .html, .dialog:
            true
        default: false
        }
    }
}
