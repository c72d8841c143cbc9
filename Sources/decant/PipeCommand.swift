import ArgumentParser
import Decant

struct PipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipe",
        abstract: "Clean JSON Lines records from standard input to standard output.",
        discussion: """
            Each input line is a JSON object with `id` and one of `text`, `html` or `bytes_base64`,
            and optionally `format` (a reader name, see `decant readers`), `source`, `url`,
            `encoding` and `metadata` (passed through). Each produces exactly one output line, in
            input order: the document, or an error record whose `error.input` holds the line.
            Files ending in .gz are read and written gzip-compressed.

            Exit status: 0 every line became a document, 1 some lines became error records,
            2 the input or output could not be opened.

            Examples:
              echo '{"id":"1","text":"Hello\\n\\nWorld"}' | decant pipe
              decant pipe --input crawl.jsonl.gz --output clean.jsonl.gz --jobs 2
              spark: rdd.pipe("decant pipe --jobs 1")
            """
    )

    @Option(help: "Read records from this file (.jsonl or .jsonl.gz) instead of standard input.")
    var input = "-"

    @Option(help: "Write documents to this file (.jsonl or .jsonl.gz) instead of standard output.")
    var output = "-"

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfoCores.count

    @OptionGroup var documentOptions: DocumentOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let summary: JSONLinesPipe.Summary
        do {
            let reader = try LineReader(path: input)
            let writer = try LineWriter(path: output)
            summary = try JSONLinesPipe(pipeline: documentOptions.pipeline, jobs: jobs).run(from: reader, to: writer)
        } catch {
            printError("decant pipe: \(error.description)")
            throw ExitStatus.cannotRun
        }
        if summary.failed > 0 {
            printError("decant pipe: \(summary.lines) lines, \(summary.failed) became error records")
            throw ExitStatus.documentsFailed
        }
    }
}
