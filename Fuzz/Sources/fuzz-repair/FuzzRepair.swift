import Decant
import FuzzSupport
import FuzzerDriver

/// The text repairs with default options (mojibake, entities, control characters, NFC,
/// hyphenation, apostrophes, glued words), on a document whose blocks are the input's
/// paragraphs, so that repairs which look across blocks (`prepared(for:)`) run too.
let stage = RepairOptions().stage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: false)
    var document = Document(
        metadata: Metadata(title: paragraphs.first.map(String.init)),
        blocks: paragraphs.map { Block(type: .paragraph, text: String($0)) }
    )
    stage.apply(to: &document)
    var tally = RepairTally()
    _ = stage.run(text, tally: &tally)
    return 0
}

/// The entry point SwiftPM aliases `main` to: warms up, then hands over to libFuzzer.
@_cdecl("fuzz_repair_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    WarmUp.run(fuzz, samples: [WarmUp.text, WarmUp.text + Array("\n\n".utf8) + WarmUp.text])
    return decant_fuzzer_main(argc, argv)
}
