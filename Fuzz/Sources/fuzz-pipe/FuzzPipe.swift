import Decant
import FuzzSupport
import FuzzerDriver

/// The JSON Lines records of `decant pipe`: every line of the input goes through
/// ``JSONLinesPipe/record(forLine:pipeline:)`` (parse the record, read, clean, repair, or
/// build the error record), then is written as an output line, as `decant pipe` does.
let pipeline = DocumentPipeline()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    for line in input.split(separator: 0x0A) {
        let text = String(decoding: line, as: UTF8.self)
        let result = JSONLinesPipe.record(forLine: text, pipeline: pipeline)
        _ = result.document.jsonLine()
    }
    return 0
}

/// The entry point SwiftPM aliases `main` to: warms up, then hands over to libFuzzer.
@_cdecl("fuzz_pipe_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    WarmUp.run(fuzz, samples: [Array(#"{"id":"w","text":""#.utf8) + WarmUp.text + Array(#""}"#.utf8)])
    return decant_fuzzer_main(argc, argv)
}
