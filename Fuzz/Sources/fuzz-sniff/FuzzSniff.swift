import Decant
import FuzzSupport
import FuzzerDriver

/// Format sniffing and reader selection. The first byte picks the file name the input comes
/// with (extensions weigh in every reader's confidence); the rest is the content.
let registry = BuiltinReaders.registry()
let names = ["input.txt", "input.html", "input.htm", "input.md", "input.docx", "input.odt", "input.epub",
             "input.rss", "input.atom", "input.xml", "input.eml", "input.mbox", "input.warc", "input.warc.gz",
             "input", "input.", ".txt", "dir/input.TXT", "input.jsonl", "input.pdf"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let name = input.pick(names)
    let bytes = input.rest
    let sniffed = FormatSniffer.sniff(bytes)
    _ = ByteOrderMark.detect(bytes)
    let readerInput = ReaderInput(bytes: bytes, name: name)
    _ = readerInput.fileExtension
    do {
        let reader = try registry.select(for: readerInput)
        _ = reader.confidence(for: readerInput, sniffed: sniffed)
    } catch {
        _ = (error.code, error.description)
    }
    return 0
}

/// The entry point SwiftPM aliases `main` to: warms up, then hands over to libFuzzer.
@_cdecl("fuzz_sniff_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    WarmUp.run(fuzz, samples: [[0] + WarmUp.text])
    return decant_fuzzer_main(argc, argv)
}
