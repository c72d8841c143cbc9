import Testing

@testable import DecantCore
@testable import DecantText

@Suite struct ScrapedLineRulesTests {
    let dates = DateLine(language: BuiltinRuleData.language)

    @Test func dateLinesBecomeISO8601() {
        #expect(dates.parse("24 Nov 2024") == "2024-11-24")
        #expect(dates.parse("December 8, 2020 - 16:12") == "2020-12-08T16:12")
        #expect(dates.parse("Veröffentlicht am 8. Dezember 2020, 16:12 Uhr") == "2020-12-08T16:12")
        #expect(dates.parse("Publié le 3 mars 2021 à 9h05") == "2021-03-03T09:05")
        #expect(dates.parse("8 de diciembre de 2020") == "2020-12-08")
        #expect(dates.parse("Updated: Tuesday, 2021-03-04T10:00:00Z") == "2021-03-04T10:00")
        #expect(dates.parse("Posted on March 4th, 2021 at 4:05 pm") == "2021-03-04T16:05")
    }

    @Test func sentencesThatMentionADateAreNotDateLines() {
        #expect(dates.parse("Qassemi arrived in Damascus on January 12, 2022.") == nil)
        #expect(dates.parse("31 February 2020") == nil)
        #expect(dates.parse("Syria") == nil)
    }

    @Test func gluedTagRowsSplitIntoNames() {
        let line = "North AmericaIranMiddle East"
        let features = LineFeatures(line, stopwords: StopwordIndex(BuiltinRuleData.language.stopwords))
        #expect(GluedTagLine.split(line, features: features, requireTwo: true) == ["North America", "Iran", "Middle East"])
        for name in ["iPhone sales rise", "McDonald Hall", "Visit the MacBook store"] {
            let f = LineFeatures(name, stopwords: StopwordIndex([:]))
            #expect(GluedTagLine.split(name, features: f, requireTwo: false) == nil, "\(name)")
        }
    }

    @Test func breadcrumbsGiveCategoriesWithoutTheRoot() {
        let crumbs = BreadcrumbLine(language: BuiltinRuleData.language)
        #expect(crumbs.parse("News   /   Politics   /   Syria")?.items == ["News", "Politics", "Syria"])
        #expect(crumbs.parse("Home > Sport > Football") == .init(items: ["Sport", "Football"], isPath: true))
        #expect(crumbs.parse("Startseite » Politik") == .init(items: ["Politik"], isPath: true))
        #expect(crumbs.parse("Home | About | Contact")?.isPath == false)
        #expect(crumbs.parse("The ratio was 3 / 4 of the vote, he said.") == nil)
    }

    @Test func arithmeticCaptchas() {
        #expect(ArithmeticCaptcha.matches("6 + 7 ="))
        #expect(ArithmeticCaptcha.matches("What is 3 x 4 ?"))
        #expect(!ArithmeticCaptcha.matches("2 + 2 = 4 is what the teacher wrote on the board."))
    }

    @Test func pageTitlesLoseTheSiteName() {
        let split = PageTitleLine.split("Tehran, Damascus Hold Security Coordination Meeting to Confront US Moves • The Syrian Observatory For Human Rights")
        #expect(split?.title == "Tehran, Damascus Hold Security Coordination Meeting to Confront US Moves")
        #expect(split?.site == "The Syrian Observatory For Human Rights")
        #expect(PageTitleLine.split("Iran - Syria talks resume") == nil)
    }

    @Test func creditLines() {
        let credits = CreditLines(language: BuiltinRuleData.language)
        #expect(credits.source("Source: Asharq Al-Awsat") == "Asharq Al-Awsat")
        #expect(credits.source("Quelle: dpa") == "dpa")
        #expect(credits.source("The source: a long sentence that goes on and on and on about sources.") == nil)
        #expect(credits.byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"])
        #expect(credits.byline("Von Max Muster") == ["Max Muster"])
        #expect(credits.byline("By the way, this is a sentence.") == nil)
    }

    @Test func everyBuiltinPackLoadsAndPacksCoverFourLanguages() throws {
        let names = BuiltinRuleData.packNames
        #expect(names == ["navigation", "social", "comments", "newsletter", "cookies", "captcha", "legal", "related", "promo", "controls"])
        let rules = try RuleSet.standard()
        #expect(rules.match(key: LineKey.make("Back to top button"), words: 4) == "boilerplate.navigation")
        #expect(rules.match(key: LineKey.make("Zurück nach oben ↑"), words: 3) == "boilerplate.navigation")
        #expect(rules.match(key: LineKey.make("Laisser un commentaire"), words: 3) == "boilerplate.comments")
        #expect(rules.match(key: LineKey.make("Este sitio web utiliza cookies para mejorar su experiencia."), words: 9) == "boilerplate.cookies")
        // A phrase inside a long paragraph does not remove it.
        let long = "Critics said the privacy policy of the company, which was rewritten last year after the scandal, still allows the sale of data to brokers in several countries."
        #expect(rules.match(key: LineKey.make(long), words: 29) == nil)
    }

    @Test func packsCanBeTurnedOffAndUserRulesAdded() throws {
        let user = try RulePack.decode(Array(#"{"pack": "mysite", "rules": [{"reason": "boilerplate.mysite", "equals": ["press tv news roku"]}]}"#.utf8), file: "mysite.json")
        let rules = try RuleSet.standard(disabling: ["navigation"], adding: user)
        #expect(rules.match(key: "back to top button", words: 4) == nil)
        #expect(rules.match(key: LineKey.make("Press TV News Roku"), words: 4) == "boilerplate.mysite")
        #expect(throws: RuleFileError.self) { try RuleSet.standard(disabling: ["navigaton"]) }
        #expect(throws: RuleFileError.self) { try RulePack.decode(Array(#"{"rules": 3}"#.utf8), file: "bad.json") }
    }

    @Test func onlyOneParagraphPerLineTextIsTakenForAScrapedPage() {
        let scraped = String(repeating: "A line of a scraped page that runs well past one hundred characters, as dumps put whole paragraphs on one line.\n", count: 3)
        let wrapped = String(repeating: "The quick brown fox jumps over the lazy dog and keeps\nrunning across the field until it reaches the river.\n", count: 5)
        #expect(ScrapedTextReader.looksScraped(Array(scraped.utf8)[...]))
        #expect(!ScrapedTextReader.looksScraped(Array(wrapped.utf8)[...]))
    }

    @Test func proseWithoutBoilerplateComesBackWhole() throws {
        let text = """
            A quiet article

            The first paragraph of a page that has no menus, no footers and no forms at all, so nothing in it should go.

            The second paragraph says more of the same, with enough ordinary words to read like running text.
            """
        var document = try ScrapedTextReader().read(ReaderInput(bytes: Array(text.utf8), name: "a.txt"))
        ScrapedPageCleaner(rules: try RuleSet.standard()).apply(to: &document)
        #expect(document.removed.isEmpty)
        #expect(document.blocks.count == 3)
        #expect(document.metadata.title == "A quiet article")
    }
}
