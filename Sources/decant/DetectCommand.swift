import ArgumentParser
import Decant

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Print each file's character encoding and the confidence in it.",
        discussion: """
            Evidence in order: byte-order mark; valid UTF-8; structure (BOM-less UTF-16/32,
            ISO-2022-JP); uchardet for CJK; then a plausibility contest between the legacy charsets
            that decode the bytes. Names are iconv names (WINDOWS-1252, KOI8-U, SHIFT_JIS, …).
            Confidence is 1 for a BOM, valid UTF-8 or structural evidence.

            Examples:
              decant detect page.txt old/*.txt
              decant detect --json dump.txt | jq .encoding
            """
    )

    @Argument(help: "Files to examine (- for standard input).")
    var files: [String]

    @Flag(help: "Print one JSON object per file: {file, encoding, confidence, invalid_sequences}.")
    var json = false

    @Flag(help: "Also list the legacy charsets that decode the bytes, most plausible first, with their scores.")
    var explain = false

    func run() throws {
        let decoder = TextDecoder()
        var failed = false
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = file == "-" ? try FileDescriptorInput.readAll(0) : try InputFile.read(file, limit: Int.max)
            } catch {
                printError("decant: \(error.message)")
                failed = true
                continue
            }
            let info = decoder.decode(bytes).encoding
            let encoding = info.used ?? "UTF-8"
            let confidence = info.confidence ?? 1
            if json {
                var out = JSONOutput()
                out.beginObject()
                out.key("file"); out.value(file)
                out.key("encoding"); out.value(encoding)
                out.key("confidence"); out.value(confidence)
                out.key("invalid_sequences"); out.value(info.invalid_sequences)
                out.endObject()
                FileDescriptorOutput.standardOutput.write(out.string + "\n")
            } else {
                FileDescriptorOutput.standardOutput.write("\(file): \(encoding) (confidence \(confidence))\n")
            }
            if explain {
                for candidate in StatisticalCharsetDetector().candidates(bytes).prefix(8) {
                    let preview = candidate.preview.replacingOccurrences(of: "\n", with: " ")
                    printError("  \(candidate.charset.padding(14)) \(String(candidate.score).padding(5)) \(preview)")
                }
            }
        }
        if failed { throw ExitStatus.documentsFailed }
    }
}
