import DecantCore
import DecantEncoding
import Foundation
import Testing

@Suite struct CharsetDetectorTests {
    static func bytes(_ text: String, _ encoding: String) -> [UInt8] {
        switch encoding {
        case "UTF-16LE": return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE": return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: fatalError()
        }
    }

    @Test(arguments: [
        ("cff0e8e2e5f22c20eae0ea20e4e5ebe03f", "WINDOWS-1251", "Привет, как дела?"),
        ("f0d2c9d7c5d42c20cbc1cb20c4c5ccc13f", "KOI8-R", "Привет, как дела?"),
        ("4c6520636f6e7365696c2073926573742072e9756e6920706f7572206c92616e6ee965", "WINDOWS-1252", "Le conseil s’est réuni pour l’année"),
        ("52616461206d6961737461207a65627261b361207369ea2077652077746f72656b2c20616279206f6df37769e620627564bf6574", "ISO-8859-2", "Rada miasta zebrała się we wtorek, aby omówić budżet"),
        ("44617567756d61206e617269f820737574696b6f2c206b61642073656ee06ae12074696c74e02062fb74696e6120737572656d6f6e74756f7469", "WINDOWS-1257", "Dauguma narių sutiko, kad senąjį tiltą būtina suremontuoti"),
        ("edc5dbcbc1cec3a620d3cbc1d2d6c1d4d8d3d120cec120c7c1ccc1d32c20cec1d7a6d4d820d520cec5c4a6ccc020adc1cecfcb20d4d2d1d3c5d4d8d3d1", "KOI8-U", "Мешканці скаржаться на галас, навіть у неділю ґанок трясеться"),
    ])
    func detectsLegacyCharsets(_ hex: String, _ charset: String, _ text: String) {
        var input: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            input.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        let decoded = TextDecoder().decode(input)
        #expect(decoded.text == text)
        // Charsets that decode these bytes to the same text are equally right (Windows-1250 and
        // ISO-8859-2 share these letters).
        let sameText = decoded.encoding.detected.flatMap { try? IconvConverter(from: $0).convert(input).text } == text
        #expect(decoded.encoding.detected == charset || sameText)
        #expect((decoded.encoding.confidence ?? 0) > 0)
    }

    @Test func bomLessUTF16() {
        for encoding in ["UTF-16LE", "UTF-16BE"] {
            let decoded = TextDecoder().decode(Self.bytes("The committee met on Tuesday. Привет!", encoding))
            #expect(decoded.text == "The committee met on Tuesday. Привет!")
            #expect(decoded.encoding.used == encoding)
        }
    }

    @Test func iso2022JPIsNotTakenForASCII() {
        // "日本" in ISO-2022-JP: ESC $ B 46 7C 4B 5C ESC ( B
        let bytes: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]
        let decoded = TextDecoder().decode(bytes)
        #expect(decoded.text == "日本")
        #expect(decoded.encoding.used == "ISO-2022-JP")
    }

    @Test func declarationContradictedByBytesLoses() {
        let utf8 = Array("café ünïcode".utf8)
        #expect(TextDecoder().decode(utf8, declared: "iso-8859-1").encoding.used == "UTF-8")
        let russian: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEA, 0xE0, 0xEA, 0x20, 0xE4, 0xE5, 0xEB, 0xE0, 0x3F]
        let decoded = TextDecoder().decode(russian, declared: "iso-8859-1")
        #expect(decoded.text == "Привет, как дела?")
        #expect(decoded.encoding.declared == "ISO-8859-1")
        #expect(decoded.encoding.used == "WINDOWS-1251")
    }

    @Test func plainASCIIAndUTF8StayFast() {
        let decoded = TextDecoder().decode(Array("plain text".utf8))
        #expect(decoded.encoding.used == "UTF-8")
        #expect(decoded.encoding.detected == nil)
    }
}
