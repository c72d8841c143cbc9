import Testing

@testable import DecantCore

/// A reader for tests that claims a fixed set of sniffed kinds and extensions.
struct StubReader: Reader {
    var name: String
    var summary = "stub"
    var extensions: [String]
    var kinds: [SniffResult.Kind]
    var score: Double = 0.5

    func confidence(for input: ReaderInput, sniffed: SniffResult) -> Double {
        guard kinds.contains(sniffed.kind) else { return 0 }
        return extensions.contains(input.fileExtension) ? score + 0.1 : score
    }

    func read(_ input: ReaderInput) throws -> Document { Document(format: name, decant: Provenance(reader: name)) }
}

@Suite struct RegistryTests {
    let registry = ReaderRegistry([
        StubReader(name: "text", extensions: ["txt"], kinds: [.text]),
        StubReader(name: "html", extensions: ["html"], kinds: [.html], score: 0.9),
        StubReader(name: "markdown", extensions: ["md"], kinds: [.text]),
    ])

    func pick(_ text: String, _ name: String) throws -> String {
        try registry.select(for: ReaderInput(bytes: Array(text.utf8), name: name)).name
    }

    @Test func contentWinsOverTheExtension() throws {
        #expect(try pick("<!DOCTYPE html><html><body>x</body></html>", "page.txt") == "html")
        #expect(try pick("  <html lang=en>", "noext") == "html")
    }

    @Test func extensionBreaksTiesBetweenTextReaders() throws {
        #expect(try pick("# Title\n\ntext", "notes.md") == "markdown")
        #expect(try pick("plain words", "notes.txt") == "text")
        // Equal scores: the reader registered first wins.
        #expect(try pick("plain words", "notes") == "text")
    }

    @Test func emptyAndBinaryInputsAreRefusedWithAReason() {
        #expect(throws: ReadError.empty) { try pick("", "a.txt") }
        #expect(throws: ReadError.binary(kind: "PNG image")) {
            try registry.select(for: ReaderInput(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], name: "a.txt"))
        }
        #expect(throws: ReadError.binary(kind: "data")) {
            try registry.select(for: ReaderInput(bytes: [0x01, 0x02, 0, 0, 0, 0x03, 0x04, 0, 0x10, 0x11], name: "a.txt"))
        }
    }

    @Test func snifferKnowsBOMsAndUTF16WithoutOne() {
        #expect(FormatSniffer.sniff([0xFF, 0xFE, 0x41, 0x00]).bom == "UTF-16LE")
        #expect(FormatSniffer.sniff([0xEF, 0xBB, 0xBF, 0x3C, 0x68, 0x74, 0x6D, 0x6C]) == SniffResult(kind: .html, bom: "UTF-8"))
        let utf16 = Array("Hello world, plain text".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(FormatSniffer.sniff(utf16).kind == .text)
        // A stray NUL in a text file does not make it binary.
        #expect(FormatSniffer.sniff(Array("A line of text with one\0 NUL in the middle of it.".utf8)).kind == .text)
    }
}
