/// Removes control and invisible characters and turns Unicode spaces into plain spaces
/// (``CharacterCleanup``) as the last repair, after mojibake repair has had the chance to use
/// the C1 controls that belong to mojibake.
///
/// Before: `"a\u{0085}b\u{200B}c"` — after: `"abc"`.
public struct CharacterCleanupRepair: TextRepair {
    public let name = "control-character"
    public init() {}

    public func repair(_ text: String, tally: inout RepairTally) -> String {
        var cleanupTally = CharacterCleanup.Tally()
        let cleaned = CharacterCleanup().clean(Substring(text), tally: &cleanupTally, keepingMojibake: false)
        for repair in cleanupTally.repairs { tally.add(repair.kind, from: repair.from, to: repair.to, count: repair.count) }
        return cleaned
    }
}
