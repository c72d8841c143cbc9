import ArgumentParser
import Decant

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean every file under the inputs and write the documents.",
        discussion: """
            Folders are walked recursively. With --format jsonl (the default) all documents go to
            OUTDIR/documents.jsonl (or to standard output with -o -); with json, txt or md each input
            gets its own file, mirroring its path under OUTDIR. Inputs that are skipped (binary,
            empty) or fail are listed in OUTDIR/errors.jsonl with the reason. Every file is written
            atomically; inputs are never modified. The output is identical for any --jobs.

            Exit status: 0 all written, 1 some documents failed, 2 the run could not start.

            Examples:
              decant clean seeds -o out/seeds
              decant clean crawl/ more/page.txt -o out --format md --jobs 4
              decant clean crawl -o - | head -1
            """
    )

    @Argument(help: "Files or folders to clean.")
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "Output folder, or - for standard output (not needed with --explain).")
    var output: String?

    @Flag(help: "Print the one input file line by line, every dropped line marked with its reason (in colour on a terminal); write nothing.")
    var explain = false

    @Flag(help: "Batch learning: a first pass counts lines per folder; lines recurring in --repeat-threshold or more documents of a folder are dropped as boilerplate.repeated.")
    var learnRepeats = false

    @Option(help: "With --learn-repeats: in how many documents of a folder a line must occur to count as boilerplate.")
    var repeatThreshold = 3

    @Option(help: "Output format: jsonl, json, txt or md.")
    var format: OutputFormat = .jsonl

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfoCores.count

    @Flag(help: "Show neither progress nor the summary line.")
    var quiet = false

    @Flag(help: "Reuse what an interrupted run into the same output folder completed, for inputs that did not change.")
    var resume = false

    @Option(help: "Write a JSON report (counts, failures with reasons, rules fired, repairs, encodings) to this file.")
    var report: String?

    @Option(help: .hidden)
    var windowSize = 256

    @OptionGroup var documentOptions: DocumentOptions

    func validate() throws {
        if explain {
            if inputs.count != 1 { throw ValidationError("--explain takes exactly one input file") }
            return
        }
        guard let output else { throw ValidationError("Missing expected argument '--output <output>'") }
        if repeatThreshold < 2 { throw ValidationError("--repeat-threshold must be at least 2") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if output == "-" && format == .json { throw ValidationError("--format json writes one file per document; use jsonl with -o -") }
    }

    func run() throws {
        if explain {
            try LineExplainer(pipeline: documentOptions.pipeline).explain(file: inputs[0])
            return
        }
        guard let output else { return }
        var options = BatchOptions(inputs: inputs, output: output == "-" ? .standardOutput : .directory(output))
        options.format = format
        options.jobs = jobs
        options.pipeline = documentOptions.pipeline
        if learnRepeats {
            var prepass = RepeatedLinePrepass(inputs: inputs, excluding: output == "-" ? nil : output, threshold: repeatThreshold, jobs: jobs)
            prepass.maxEntries = 4_000_000
            let learned = prepass.learn(for: options.pipeline)
            options.pipeline = learned.pipeline
            if !quiet { printError("decant: learned \(learned.learned) repeated lines from \(learned.documents) scraped pages") }
        }
        options.resume = resume
        options.reportPath = report
        options.progress = quiet ? .none : .automatic
        options.configuration = Self.configurationFingerprint()
        let summary: BatchSummary
        var cleaner = BatchCleaner(options: options)
        cleaner.windowSize = max(1, windowSize)
        do {
            summary = try cleaner.run()
        } catch {
            printError("decant: \(error.description)")
            throw ExitStatus.cannotRun
        }
        if !quiet { printError("decant: " + summary.line + (report.map { ", report in \($0)" } ?? "")) }
        if summary.failed > 0 { throw ExitStatus.documentsFailed }
    }

    /// The command-line settings that change the output (the inputs and options, but not the output, --jobs,
    /// --resume, --quiet and --report), so that --resume never mixes outputs made differently.
    static func configurationFingerprint() -> String {
        var kept: [String] = []
        var skipNext = false
        for argument in CommandLine.arguments.dropFirst(2) {
            if skipNext { skipNext = false; continue }
            if ["--jobs", "--report", "-o", "--output"].contains(argument) { skipNext = true; continue }
            if ["--resume", "--quiet"].contains(argument) || argument.hasPrefix("--jobs=") || argument.hasPrefix("--report=")
                || argument.hasPrefix("--output=") { continue }
            kept.append(argument)
        }
        return kept.joined(separator: " ")
    }
}
