import ArgumentParser
import Decant

/// Options of the scraped-page cleaner, shared by the commands that produce documents.
struct ScrapedPageArguments: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Add the rule packs in this JSON file (repeatable); see the README for the format.", valueName: "file"))
    var ruleFiles: [String] = []

    @Option(name: .customLong("disable-pack"), help: ArgumentHelp(
        "Turn a rule pack off by name (repeatable): navigation, social, comments, newsletter, cookies, captcha, legal, related, promo, controls.",
        valueName: "name"))
    var disabledPacks: [String] = []

    func validate() throws {
        do { _ = try ruleSet() } catch { throw ValidationError(error.description) }
    }

    /// The built-in packs minus the disabled ones, plus the user's files.
    func ruleSet() throws(RuleFileError) -> RuleSet {
        var extra: [RulePack] = []
        for file in ruleFiles {
            let bytes: [UInt8]
            do { bytes = try InputFile.read(file, limit: 16 * 1024 * 1024) }
            catch { throw .unreadable(file: file, reason: error.message) }
            extra += try RuleSet.load(file: file, bytes: bytes)
        }
        return try RuleSet.standard(disabling: disabledPacks, adding: extra)
    }

    /// The document stages these options describe (validated before `run`).
    var stages: [any DocumentStage] {
        guard let rules = try? ruleSet() else { return BuiltinStages.standard() }
        return [ScrapedPageCleaner(rules: rules)]
    }
}
