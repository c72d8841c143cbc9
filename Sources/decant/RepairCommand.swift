import ArgumentParser
import Decant
import Foundation

/// The switches for repairs and normalisations, shared by `clean`, `extract` and `repair`.
struct RepairArguments: ParsableArguments {
    @Option(name: .customLong("no-repair"), help: ArgumentHelp(
        "Switch a repair off (repeatable): \(RepairOptions.repairNames.joined(separator: ", ")).", valueName: "kind"))
    var noRepair: [String] = []

    @Option(help: "Quote style: keep (default), straight or curly.")
    var quotes: String = "keep"

    @Option(name: .customLong("normalize"), help: ArgumentHelp(
        "Switch a normalisation on (repeatable): \(RepairOptions.normalizationNames.joined(separator: ", ")).",
        valueName: "kind"))
    var normalize: [String] = []

    var options: RepairOptions {
        RepairOptions(disabled: Set(noRepair), quotes: RepairOptions.QuoteStyle(rawValue: quotes) ?? .keep,
                      normalizations: Set(normalize))
    }

    func validate() throws {
        guard RepairOptions.QuoteStyle(rawValue: quotes) != nil else {
            throw ValidationError("--quotes must be keep, straight or curly")
        }
        do { try options.validate() } catch { throw ValidationError(error.description) }
    }
}

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Print the repaired text of a file (mojibake, entities, lost apostrophes, …) and nothing else.",
        discussion: """
            No boilerplate is removed and lines are kept as they are. With --jsonl every input line is
            a JSON object {"id": ..., "text": ...} and every output line the same object with the
            repaired text. --explain lists each repair (kind, from, to, count) on standard error, or
            as "repairs" in each JSON line.

            Examples:
              decant repair page.txt
              echo 'The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.' | decant repair
              decant repair --jsonl docs.jsonl > fixed.jsonl
              decant repair page.txt --no-repair apostrophe --quotes straight --explain
            """
    )

    @Argument(help: "The file to read, or - for standard input.")
    var file: String = "-"

    @Flag(help: "List each repair.")
    var explain = false

    @Flag(help: "Read and write JSON Lines {\"id\",\"text\"}.")
    var jsonl = false

    @OptionGroup var repairArguments: RepairArguments

    func run() throws {
        let bytes = try readCommandInput(file, limit: Int.max)
        let stage = repairArguments.options.stage
        if jsonl { return try runJSONLines(bytes, stage: stage) }
        let text = TextDecoder().decode(bytes).text
        var tally = RepairTally()
        let prepared = TextRepairStage(stage.repairs.map { $0.prepared(for: [text]) })
        FileDescriptorOutput.standardOutput.write(prepared.run(text, tally: &tally))
        if explain { printError(Self.explanation(tally)) }
    }

    func runJSONLines(_ bytes: [UInt8], stage: TextRepairStage) throws {
        var failed = false
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else {
                printError("decant: line \(lineNumber): not a JSON object with a string \"text\"; skipped")
                failed = true
                continue
            }
            var tally = RepairTally()
            let prepared = TextRepairStage(stage.repairs.map { $0.prepared(for: [text]) })
            let repaired = prepared.run(text, tally: &tally)
            var out = JSONOutput()
            out.beginObject()
            out.key("id")
            switch object["id"] {
            case let id as String: out.value(id)
            case let id as Int: out.value(id)
            default: out.value(nil as String?)
            }
            out.key("text")
            out.value(repaired)
            if explain {
                out.key("repairs")
                out.value(tally.repairs)
            }
            out.endObject()
            FileDescriptorOutput.standardOutput.write(out.string + "\n")
        }
        if failed { throw ExitStatus.documentsFailed }
    }

    static func explanation(_ tally: RepairTally) -> String {
        if tally.isEmpty { return "decant: no repairs" }
        return tally.repairs.map { "\($0.kind)\t\(visible($0.from)) -> \(visible($0.to))\t\($0.count)" }.joined(separator: "\n")
    }

    /// Shows invisible characters as U+XXXX so the explanation can be read.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.map { s in
            s.value < 0x20 || (0x7F...0xA0).contains(s.value) || (0x200B...0x200F).contains(s.value) || s.value == 0xAD || s.value == 0xFEFF
                ? String(format: "U+%04X", s.value) : String(s)
        }.joined()
    }
}
