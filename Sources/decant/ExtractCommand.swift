import ArgumentParser
import Decant

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print one document: its clean text, or JSON/Markdown.",
        discussion: """
            Examples:
              decant extract seeds/000_b1de2521f0f7a1de.txt
              decant extract page.txt --format json
              cat page.txt | decant extract -
            """
    )

    @Argument(help: "The file to read, or - for standard input.")
    var file: String

    @Option(help: "Output format: txt (default), json, jsonl or md.")
    var format: OutputFormat = .txt

    @OptionGroup var documentOptions: DocumentOptions

    func run() throws {
        let bytes = try readCommandInput(file, limit: documentOptions.maxBytes)
        let name = file == "-" ? "stdin" : file
        do {
            let documents = try documentOptions.pipeline.processAll(ReaderInput(bytes: bytes, name: name))
            FileDescriptorOutput.standardOutput.write(documents.map(format.render).joined())
        } catch {
            let problem = DocumentError(error)
            printError("decant: \(name): \(problem.message)")
            throw problem.code.hasPrefix("skipped.") ? ExitStatus.cannotRun : ExitStatus.documentsFailed
        }
    }
}
