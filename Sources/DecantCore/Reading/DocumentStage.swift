/// A step every document goes through after its reader: boilerplate removal, repairs,
/// metadata harvesting. Stages work on blocks and record what they do in `removed` / `repairs`,
/// so every format gets them for free. The pipeline renders `text` after the last stage.
public protocol DocumentStage: Sendable {
    /// Short name, used in reports and `--explain`.
    var name: String { get }
    func apply(to document: inout Document)
}
