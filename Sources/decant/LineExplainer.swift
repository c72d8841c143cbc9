#if canImport(Glibc)
import Glibc
#endif
import Decant

/// `decant clean --explain FILE`: the document line by line, each dropped line marked `-` with
/// its reason, headings `#`/`##`, captions `~`, kept text unmarked; in colour on a terminal
/// (unless `NO_COLOR` is set). Reads the same records as the JSON output (`blocks`, `removed`).
///
/// ```
///    1 - News / Politics / Syria                      [boilerplate.navigation]
///    3 # Iran security chief: US presence in Syria …
///    5 ~ Secretary of Iran’s Supreme National Security Council … (caption)
///    7   The secretary of Iran’s Supreme National Security Council (SNSC) says …
/// ```
struct LineExplainer {
    var pipeline: DocumentPipeline
    var colour = isatty(1) == 1 && getenv("NO_COLOR") == nil

    func explain(file: String) throws {
        let bytes: [UInt8]
        let document: Document
        do {
            bytes = try InputFile.read(file, limit: pipeline.options.maxBytes)
            document = try pipeline.process(ReaderInput(bytes: bytes, name: file))
        } catch {
            printError("decant: \(file): \(DocumentError(error).message)")
            throw ExitStatus.documentsFailed
        }
        FileDescriptorOutput.standardOutput.write(render(document))
    }

    func render(_ document: Document) -> String {
        enum Entry { case kept(Block), dropped(Removal) }
        var entries: [(line: Int, order: Int, entry: Entry)] = []
        for (order, block) in document.blocks.enumerated() { entries.append((block.line ?? Int.max, order, .kept(block))) }
        for (order, removal) in document.removed.enumerated() {
            entries.append((removal.line ?? Int.max, document.blocks.count + order, .dropped(removal)))
        }
        entries.sort { ($0.line, $0.order) < ($1.line, $1.order) }
        let width = String(entries.map(\.line).filter { $0 != Int.max }.max() ?? 0).count
        var out = ""
        var reasons: [String: Int] = [:]
        for (line, _, entry) in entries {
            let number = line == Int.max ? String(repeating: " ", count: width) : pad(String(line), width)
            switch entry {
            case .kept(let block):
                switch block.type {
                case .heading:
                    let mark = String(repeating: "#", count: block.level ?? 1)
                    out += number + " " + paint(mark + " " + block.text, "1") + "\n"
                case .caption:
                    out += number + " " + paint("~ " + block.text + " (caption)", "36") + "\n"
                default:
                    out += number + "   " + block.text + "\n"
                }
            case .dropped(let removal):
                reasons[removal.reason, default: 0] += 1
                out += number + " " + paint("- " + removal.text, "31") + "  " + paint("[" + removal.reason + "]", "33") + "\n"
            }
        }
        let dropped = reasons.keys.sorted().map { "\($0) \(reasons[$0]!)" }.joined(separator: ", ")
        out += "\(document.blocks.count) kept, \(document.removed.count) dropped" + (dropped.isEmpty ? "" : ": " + dropped)
            + " (reader \(document.decant.reader))\n"
        return out
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
