import ArgumentParser
import Decant

@main
struct DecantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decant",
        abstract: "Clean documents: drop boilerplate, repair text, write one shared schema.",
        discussion: """
            Examples:
              decant clean ./crawl -o ./clean              # every file under ./crawl -> clean/documents.jsonl
              decant clean ./crawl -o ./clean --format txt # one .txt per input, mirroring the folders
              decant clean page.txt -o -                   # JSON Lines on standard output
              decant extract page.txt                      # the clean text of one file
              decant schema > decant-document.schema.json
            """,
        version: DecantVersion.current,
        subcommands: [CleanCommand.self, PipeCommand.self, ExtractCommand.self, RepairCommand.self, DetectCommand.self, SchemaCommand.self, ReadersCommand.self]
    )
}

/// Exit codes, as documented in the README.
enum ExitStatus {
    /// Every document was written (skipped inputs such as binaries do not count as failures).
    static let success = ExitCode(0)
    /// The run finished but at least one document failed.
    static let documentsFailed = ExitCode(1)
    /// Nothing could be done: a missing input, an unwritable output folder.
    static let cannotRun = ExitCode(2)
}

/// Options that change how documents come out, shared by the commands that produce them.
struct DocumentOptions: ParsableArguments {
    @Flag(help: "Keep image captions in the text (they are always in `blocks`).")
    var includeCaptions = false

    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 256 * 1024 * 1024

    @Option(help: ArgumentHelp(
        "Abandon an input whose reading, cleaning and repairs take longer than this many seconds (an error record, code read.timeout); 0 for no limit.",
        valueName: "seconds"))
    var timeoutPerDoc: Double = 120

    @Option(help: ArgumentHelp(
        "Read every input with this reader (see `decant readers`) instead of choosing one by content, e.g. scraped-text for text dumps that look hard-wrapped.",
        valueName: "name"))
    var reader: String?

    @Flag(help: "HTML: keep comment sections as blocks after the article.")
    var comments = false

    @Flag(help: "HTML: keep links as Markdown [text](href) in the text.")
    var links = false

    @Flag(help: "HTML: keep images as Markdown ![alt](src) in the text.")
    var images = false

    @OptionGroup var pluginOptions: PluginArguments

    @OptionGroup(title: "Repairs") var repairArguments: RepairArguments

    @OptionGroup(title: "Scraped pages") var scrapedArguments: ScrapedPageArguments

    func validate() throws {
        guard let reader else { return }
        let registry = pluginOptions.readerSetup(warn: false).registry
        if registry.reader(named: reader) == nil {
            throw ValidationError("unknown reader '\(reader)'; known readers: \(registry.readers.map(\.name).joined(separator: ", "))")
        }
    }

    /// The pipeline these options describe; plugin problems are reported on standard error.
    var pipeline: DocumentPipeline {
        var options = PipelineOptions()
        options.includeCaptions = includeCaptions
        options.maxBytes = maxBytes
        options.timeoutPerDocument = timeoutPerDoc > 0 ? timeoutPerDoc : nil
        options.readerName = reader
        options.repairs = repairArguments.options
        let html = ExtractionOptions(comments: comments, markup: InlineMarkup(links: links, images: images))
        return DocumentPipeline(registry: pluginOptions.readerSetup(warn: true, builtins: BuiltinReaders.registry(html: html)).registry, options: options,
                                stages: scrapedArguments.stages)
    }
}

/// Where external reader plugins come from, shared by the commands that read documents.
struct PluginArguments: ParsableArguments {
    @Option(name: .customLong("plugins"), help: ArgumentHelp("Also load reader plugins from this folder (repeatable; searched before DECANT_PLUGIN_PATH and ./plugins).", valueName: "dir"))
    var directories: [String] = []

    @Option(name: .customLong("prefer-plugin"), help: ArgumentHelp("Let this plugin take inputs it claims even from a built-in reader (repeatable).", valueName: "name"))
    var preferred: [String] = []

    @Flag(name: .customLong("no-plugins"), help: "Load no external reader plugins.")
    var disabled = false

    func readerSetup(warn: Bool, builtins: ReaderRegistry = BuiltinReaders.registry()) -> ReaderSetup {
        let setup = ReaderSetup(plugins: PluginOptions(directories: directories, preferred: preferred, disabled: disabled), builtins: builtins)
        if warn { for problem in setup.problems { printError("decant: warning: \(problem)") } }
        return setup
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Prints to standard error.
func printError(_ message: String) {
    FileDescriptorOutput.standardError.write(message + "\n")
}

/// The bytes of a file named on the command line, or of standard input for `-`; on failure the
/// reason is printed and the command exits with ``ExitStatus/cannotRun``.
func readCommandInput(_ file: String, limit: Int) throws -> [UInt8] {
    do {
        return file == "-" ? try FileDescriptorInput.readAll(0) : try InputFile.read(file, limit: limit)
    } catch {
        printError("decant: \(error.message)")
        throw ExitStatus.cannotRun
    }
}
