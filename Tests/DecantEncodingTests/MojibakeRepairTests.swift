import DecantCore
import DecantEncoding
import Testing

private func repaired(_ text: String, _ repair: some TextRepair = MojibakeRepair()) -> (String, RepairTally) {
    var tally = RepairTally()
    let out = repair.repair(text, tally: &tally)
    return (out, tally)
}

@Suite struct MojibakeRepairTests {
    @Test(arguments: [
        ("The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.", "The Mona Lisa doesn’t have eyebrows."),
        ("Le Schtroumpf conseille g√¢teaux pour un r√©gime √©quilibr√©.", "Le Schtroumpf conseille gâteaux pour un régime équilibré."),
        ("РґРѕСЂРѕРіРµ Р\u{98}Р·-РїРѕРґ #С„СѓС‚Р±РѕР»", "дороге Из-под #футбол"),
        ("#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡", "#правильное"),
        ("Å veices baÅ†Ä·ieri gaida konkrÄ“tus investÄ«ciju projektus", "Šveices baņķieri gaida konkrētus investīciju projektus"),
        ("voilÃ le travail", "voilà le travail"),
        ("Hi guys í\u{A0}½í¸\u{8D}", "Hi guys 😍"),
        ("\u{84}Handwerk bringt dich überall hin\u{93}: Von der YOU", "„Handwerk bringt dich überall hin“: Von der YOU"),
        ("Clean start, then the span rÃ©sumÃ© cafÃ© inside, clean end.", "Clean start, then the span résumé café inside, clean end."),
    ])
    func repairsMojibake(_ input: String, _ expected: String) {
        let (out, tally) = repaired(input)
        #expect(out == expected)
        #expect(tally.total > 0)
        #expect(tally.repairs.allSatisfy { $0.kind == "mojibake" })
    }

    @Test(arguments: [
        "Η ¨ανατροφή¨ δυστυχώς από τους προπονητές", "higher values (“+” and “×” curves)", "4288×…",
        "HUHLL Õ…", "Join ZZAJÉ’s Official Fan List", "OK??:(   `¬´    ):", "( o¬ô )", "∆°", "(-1/2)! = √π",
        "├┤a┼┐a┼┐a┼┐a┼┐a", "ВІКІ is Ukrainian for WIKI", "a radius of 10 Å—", "There are a lot of Ã’s in mojibake text",
        "HÅØYA ER BLÅØYD", "I'm not such a fan of Charlotte Brontë…”", "Ôôô VIDA MINHA", "C O N C L U S Ã O",
        "Offering 5×£35 pin ups", "naïve café, Ünïcödé, 東京, emoji 😀 and math ∑ x²", "plain ASCII text",
    ])
    func leavesCleanTextAlone(_ input: String) {
        let (out, tally) = repaired(input)
        #expect(out == input)
        #expect(tally.isEmpty)
    }

    @Test func recordsWhatItChanged() {
        let (_, tally) = repaired("cafÃ© and cafÃ©")
        #expect(tally.repairs == [Repair(kind: "mojibake", from: "Ã©", to: "é", count: 2)])
    }
}

@Suite struct WordRepairTests {
    let seedLike = """
        Press TV - Irans top security official says the presence is meant toput the terrorists back on their feet, \
        without getting the Syrian governments approval or a UN mandate, and the Damascus governments call to leave.
        """

    @Test func restoresApostrophesAndSplitsGluedWords() {
        let stage = RepairOptions().stage
        var tally = RepairTally()
        let prepared = TextRepairStage(stage.repairs.map { $0.prepared(for: [seedLike]) })
        let out = prepared.run(seedLike, tally: &tally)
        #expect(out.contains("Iran's top security"))
        #expect(out.contains("meant to put the"))
        #expect(out.contains("Syrian government's approval"))
        #expect(out.contains("Damascus government's call"))
        #expect(tally.repairs.contains { $0.kind == "apostrophe" && $0.from == "Irans" && $0.count == 1 })
    }

    @Test func leavesPluralsAndWordsAlone() {
        let text = "The governments of both countries met, and the normalizations were discussed by officials in Paris today."
        let (out, _) = repaired(text, ApostropheRepair().prepared(for: [text]) as! ApostropheRepair)
        #expect(out == text)
        let (glued, _) = repaired(text, GluedWordRepair())
        #expect(glued == text)
    }

    @Test func questionMarkApostrophes() {
        let text = "I don?t know why it?s here, but we can see the results of the test today."
        let (out, _) = repaired(text, ApostropheRepair())
        #expect(out == "I don't know why it's here, but we can see the results of the test today.")
    }

    @Test func entities() {
        let (out, tally) = repaired("Tom &amp; Jerry&#8217;s &amp;ldquo;show&amp;rdquo; &#150; &bogus; & more", HTMLEntityRepair())
        #expect(out == "Tom & Jerry’s “show” – &bogus; & more")
        #expect(tally.total == 5)
    }

    @Test func switchesOff() {
        let options = RepairOptions(disabled: ["mojibake", "apostrophe"])
        #expect(!options.repairs.contains { $0.name == "mojibake" })
        #expect(throws: RepairOptionError.self) { try RepairOptions(disabled: ["nope"]).validate() }
        var tally = RepairTally()
        #expect(options.stage.run("cafÃ© Irans", tally: &tally) == "cafÃ© Irans")
    }

    @Test func normalisationsAreOptIn() {
        var tally = RepairTally()
        let text = "“Quote” – ﬁne ＡＢＣ"
        #expect(RepairOptions().stage.run(text, tally: &tally) == text)
        let all = RepairOptions(quotes: .straight, normalizations: ["dashes", "ligatures", "full-width"])
        #expect(all.stage.run(text, tally: &tally) == "\"Quote\" - fine ABC")
    }

    @Test func nfcAndHyphenation() {
        var tally = RepairTally()
        #expect(UnicodeNormalization(.nfc).repair("cafe\u{301}", tally: &tally) == "café")
        #expect(HyphenationRepair().repair("there is a repre-\nsentative and a well-\nknown fact", tally: &tally) == "there is a representative and a well-\nknown fact")
    }
}
