/// The stages every document goes through by default, in order.
public enum BuiltinStages {
    /// Boilerplate removal for scraped pages with the built-in rule packs (see ``ScrapedPageCleaner``).
    public static func standard() -> [any DocumentStage] {
        // The built-in packs always load; `standard()` with no arguments cannot fail.
        [ScrapedPageCleaner(rules: RuleSet(packs: BuiltinRuleData.packs))]
    }
}
