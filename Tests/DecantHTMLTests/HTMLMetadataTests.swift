import Testing

@testable import DecantCore
@testable import DecantHTML

/// Metadata rules one at a time, on small pages (the golden fixtures cover whole pages).
@Suite struct HTMLMetadataTests {
    func metadata(_ html: String) throws -> Metadata {
        try HTMLMetadataExtractor().extract(LibXML2.parse(utf8: html))
    }

    static let prose = "<p>This paragraph is long enough to count as prose, with a comma, and it tells the reader something useful.</p>"

    // MARK: dates

    @Test func datesFromURLPaths() {
        #expect(DateNormalizer.fromURL("https://whatever.example/2025/12/18/comfort-watches/") == "2025-12-18")
        #expect(DateNormalizer.fromURL("https://lab.example/blog/2025-12-17-minisgl") == "2025-12-17")
        #expect(DateNormalizer.fromURL("https://blog.example%2Farticles%2F2025-12-15%2BRust+backend") == "2025-12-15")
        // A month archive, a slug that starts with a number, a product number: no day.
        #expect(DateNormalizer.fromURL("https://news.example/2024/10/") == nil)
        #expect(DateNormalizer.fromURL("https://news.example/2024/10/5-tips-for-movers") == nil)
        #expect(DateNormalizer.fromURL("https://shop.example/item/2024-1234-56") == nil)
        #expect(DateNormalizer.fromURL("https://news.example/2024/10/05?ref=2023/01/01") == "2024-10-05")
    }

    @Test func dashedDatesAreDayFirst() {
        #expect(DateNormalizer.normalize("02-12-2025") == "2025-12-02")
        #expect(DateNormalizer.normalize("25-12-2025") == "2025-12-25")
        #expect(DateNormalizer.normalize("12/25/2025") == "2025-12-25")
    }

    @Test func urlDateWinsOverAUTCTimestampOfTheNextDay() throws {
        let meta = try metadata("""
            <html><head><link rel="canonical" href="https://whatever.example/2025/12/18/late-post/">
            <meta property="article:published_time" content="2025-12-19T02:41:41+00:00"></head>
            <body><h1>Late post</h1>\(Self.prose)</body></html>
            """)
        #expect(meta.date == "2025-12-18")
    }

    @Test func dateShownUnderTheHeadlineWinsOverStructuredData() throws {
        // Site builders often stamp every page's JSON-LD with the last site publish.
        let meta = try metadata("""
            <html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"Cleaning costs","datePublished":"Nov 05, 2025"}</script></head>
            <body><h1>Cleaning costs</h1><div class="flex"><p>January 31, 2024</p></div>\(Self.prose)</body></html>
            """)
        #expect(meta.date == "2024-01-31")
    }

    @Test func anUpdatedDateUnderTheHeadlineDoesNotReplaceThePublicationDate() throws {
        let page = """
            <html><head>PUBLISHED</head>
            <body><h1>Mobile apps</h1><p>By Ann Lee</p><p>Last Updated: December 6, 2024</p>\(Self.prose)</body></html>
            """
        let published = "<meta property=\"article:published_time\" content=\"2023-10-02T08:00:00+00:00\">"
        #expect(try metadata(page.replacingFirst("PUBLISHED", with: published)).date == "2023-10-02")
        // With nothing else to go on, the update is still the page's date.
        #expect(try metadata(page.replacingFirst("PUBLISHED", with: "")).date == "2024-12-06")
    }

    @Test func profileDatesNearTheHeadlineAreNotThePagesDate() throws {
        let meta = try metadata("""
            <html><head><title>Replacement projector recommendations</title></head><body><h2>Replacement projector recommendations</h2>
            <div class="user">crumbcoat <dl><dt>Joined:</dt><dd>Jan 25, 2022</dd></dl></div>
            <time datetime="2024-01-03T08:12:00-05:00">Jan 3, 2024</time>\(Self.prose)</body></html>
            """)
        #expect(meta.date == "2024-01-03")
    }

    @Test func aLastPostDateInTheHeaderIsAnUpdate() throws {
        let tree = try LibXML2.parse(utf8: """
            <html><body><h1>Replacement projector recommendations</h1>
            <span>last post by ggery <time datetime="2024-09-26T01:50:27-0400">Sep 26, 2024</time></span>\(Self.prose)</body></html>
            """)
        let heading = try #require(tree.first(.h1))
        #expect(ArticleHeaderScanner.date(in: tree, after: heading) == HeadlineDate(date: "2024-09-26", isUpdate: true))
    }

    @Test func aDateJustAboveTheHeadlineCounts() throws {
        let meta = try metadata("""
            <html><body><a href="/blog">Back to blog</a><div>Dec 12, 2025</div><div>4 min read</div>
            <h1>Why Rust for embedded systems</h1>\(Self.prose)</body></html>
            """)
        #expect(meta.date == "2025-12-12")
    }

    @Test func aQuestionsDateCreatedComesBeforeItsCommentsDatePublished() throws {
        let meta = try metadata("""
            <html><body><div itemscope itemtype="https://schema.org/QAPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
            <h1 itemprop="name">Catering for the first time</h1><time itemprop="dateCreated" datetime="2011-02-11 23:49:17Z">14 years ago</time>
            \(Self.prose)<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="datePublished">2011-02-12</span></div>
            </div></div></body></html>
            """)
        #expect(meta.date == "2011-02-11")
    }

    // MARK: authors

    @Test func jsonLDAuthorReferencesResolveThroughTheGraph() throws {
        let meta = try metadata("""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"Types of apps","author":{"@id":"https://x.example/#/schema/person/1"}},
            {"@type":"Person","@id":"https://x.example/#/schema/person/1","name":"Shivkumar M"}]}</script></head>
            <body><h1>Types of apps</h1>\(Self.prose)</body></html>
            """)
        #expect(meta.authors == ["Shivkumar M"])
    }

    @Test func theBlogPostingInsideABlogIsTheArticle() throws {
        let meta = try metadata("""
            <html><head><link rel="canonical" href="https://apps.example/post/photo-frame">
            <script type="application/ld+json">{"@type":"Blog","name":"AppAddict","blogPost":[
            {"@type":"BlogPosting","headline":"Older post","datePublished":"2025-11-02T10:00:00Z","url":"https://apps.example/post/older"},
            {"@type":"BlogPosting","headline":"Photo frame app","datePublished":"2025-12-19T20:20:42Z","url":"https://apps.example/post/photo-frame"}]}</script></head>
            <body>\(Self.prose)</body></html>
            """)
        #expect(meta.date == "2025-12-19")
    }

    @Test func metaAuthorURLsAreSkippedForTheNextName() throws {
        let meta = try metadata("""
            <html><head><meta property="article:author" content="https://www.facebook.com/someone">
            <meta name="parsely-author" content="Ann Lee"></head><body>\(Self.prose)</body></html>
            """)
        #expect(meta.authors == ["Ann Lee"])
    }

    @Test func twitterWrittenByLabelNamesTheAuthor() throws {
        let meta = try metadata("""
            <html><head><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Christian Dupuis">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes"></head>
            <body>\(Self.prose)</body></html>
            """)
        #expect(meta.authors == ["Christian Dupuis"])
    }

    @Test func onlyTheFirstPostsAuthorIsTheThreadsAuthor() throws {
        let post = { (name: String) in
            "<div class=\"message\"><div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">\(name)</span> Member, 410 posts</div>\(Self.prose)</div>"
        }
        let meta = try metadata("<html><body><h1>LED liftgate lights</h1>\(post("xJewishNinjax"))\(post("golftango29"))\(post("moymurfs"))</body></html>")
        #expect(meta.authors == ["xJewishNinjax"])
    }

    @Test func bylineClassesAreReadAsWords() {
        func rank(_ cls: String) -> Int? {
            var tree = DOMTree()
            _ = tree.append(tag: .div, name: "div", isText: false, attributes: [("class", cls)], parent: -1, line: 1)
            return HTMLMetadataExtractor.bylineRank(tree[0])
        }
        #expect(rank("authorDateBlock_authorName__N6j3Y") == 0)
        #expect(rank("post_author_name") == 0)
        #expect(rank("c-byline") == 0)
        #expect(rank("post_author") == 1)
        #expect(rank("comment-author vcard") == nil)
        #expect(rank("author-bio") == nil)
        #expect(rank("authority-score") == nil)
    }

    @Test func aByLineUnderTheHeadlineNamesTheAuthor() throws {
        let meta = try metadata("""
            <html><body><h1>Mini-SGLang in a nutshell</h1><p>by: <!-- -->Ziyi Xu<!-- -->, Dec 17, 2025</p>\(Self.prose)</body></html>
            """)
        #expect(meta.authors == ["Ziyi Xu"])
        #expect(meta.date == "2025-12-17")
    }

    @Test func bylinesLoseTheirLabelsDatesAndTrimmings() {
        #expect(AuthorCleaner.clean(["Written By: Tom May"]) == ["Tom May"])
        #expect(AuthorCleaner.clean(["BeauHD on Friday December 19, 2025 @08:00PM from the skewed-job-market dept."]) == ["BeauHD"])
        #expect(AuthorCleaner.clean(["\"David Kim\""]) == ["David Kim"])
        #expect(AuthorCleaner.clean(["Posted by:"]) == [])
        #expect(AuthorCleaner.clean(["By Dr. Vahid Osman - Mar 27, 2024"]) == ["Dr. Vahid Osman"])
        #expect(AuthorCleaner.clean(["Trevor Jackins 9 min read"]) == ["Trevor Jackins"])
        #expect(AuthorCleaner.clean(["Author Isaiah Shelton Updated on April 19, 2025"]) == ["Isaiah Shelton"])
        #expect(AuthorCleaner.clean(["Rui Ma, Heba Ledwon & Suparn Patra"]) == ["Rui Ma, Heba Ledwon", "Suparn Patra"])
        // Names that only look like labels or dates stay whole.
        #expect(AuthorCleaner.clean(["Byron Mayfield"]) == ["Byron Mayfield"])
        #expect(AuthorCleaner.clean(["Genevieve Carlton, Ph.D."]) == ["Genevieve Carlton, Ph.D."])
        #expect(AuthorCleaner.clean(["April Lee"]) == ["April Lee"])
    }

    // MARK: reading

    @Test func aPageThatStartsWithAScriptIsStillHTML() {
        let page = "\n<script>document.addEventListener('DOMContentLoaded', function() {});</script>\n<!DOCTYPE html>\n<html><head><title>T</title></head><body></body></html>"
        let input = ReaderInput(bytes: Array(page.utf8), name: "page.html")
        #expect(HTMLReader().confidence(for: input, sniffed: FormatSniffer.sniff(input.bytes)) > 0)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
