import Decant
import FuzzSupport
import FuzzerDriver

/// Charset detection and decoding. The first byte picks the declared charset (most often none;
/// 0xFF means the first line of the input is the declared name, so odd names reach iconv) and
/// whether the statistical detector is used.
let declaredNames: [String?] = [nil, nil, nil, nil, nil, nil, "utf-8", "UTF-16LE", "utf-16be", "UTF-32", "windows-1252",
                                "iso-8859-1", "ISO-8859-7", "koi8-r", "shift_jis", "euc-jp", "ISO-2022-JP", "gb18030",
                                "big5", "euc-kr", "cp437", "macintosh", "x-user-defined", "utf8", "", "latin-1"]
let withDetector = TextDecoder()
let withoutDetector = TextDecoder(detector: nil)
let detector = StatisticalCharsetDetector()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let selector = input.takeByte()
    var bytes = input.rest
    var declared = declaredNames[Int(selector) % declaredNames.count]
    if selector == 0xFF, let newline = bytes.firstIndex(of: 0x0A) {
        declared = String(decoding: bytes[..<newline], as: UTF8.self)
        bytes = Array(bytes[(newline + 1)...])
    }
    if let declared { _ = CharsetName.canonical(declared) }
    let decoder = selector & 0x80 == 0 ? withDetector : withoutDetector
    let decoded = decoder.decode(bytes, declared: declared)
    _ = decoded.text.utf8.count
    _ = detector.detect(bytes)
    _ = detector.structural(bytes)
    if selector & 0x40 != 0 { _ = detector.candidates(bytes) }
    return 0
}

/// The entry point SwiftPM aliases `main` to: warms up, then hands over to libFuzzer.
@_cdecl("fuzz_charset_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    WarmUp.run(fuzz, samples: [[0] + WarmUp.text, [0] + WarmUp.legacyText, [0x40] + WarmUp.legacyText])
    return decant_fuzzer_main(argc, argv)
}
