import Decant
import FuzzSupport
import FuzzerDriver

/// Every built-in reader's `readAll` (which is `read` for one-document formats). The first byte
/// picks the reader. For the ZIP-based readers (DOCX, ODT, EPUB) the second byte picks the mode:
/// even, the rest is the raw container; odd, the rest describes entries that are packed into a
/// well-formed stored ZIP (``StoredZip``) so the XML inside gets fuzzed.
let readers = BuiltinReaders.registry().readers
let zipReaders: Set<String> = ["docx", "odt", "epub"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let reader = input.pick(readers)
    var bytes: [UInt8]
    if zipReaders.contains(reader.name) {
        let packed = input.takeByte() & 1 == 1
        bytes = input.rest
        if packed { bytes = StoredZip.archive(StoredZip.entries(fromDescription: bytes)) }
    } else {
        bytes = input.rest
    }
    let name = "input." + (reader.extensions.first ?? "txt")
    do {
        let documents = try reader.readAll(ReaderInput(bytes: bytes, name: name))
        for document in documents { _ = document.blocks.count }
    } catch {
        _ = String(describing: error)
    }
    return 0
}

/// The entry point SwiftPM aliases `main` to: warms up, then hands over to libFuzzer.
@_cdecl("fuzz_readers_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    WarmUp.run(fuzz, samples: (0..<readers.count).flatMap { [[UInt8($0)] + WarmUp.text, [UInt8($0), 0] + WarmUp.legacyText] })
    return decant_fuzzer_main(argc, argv)
}
