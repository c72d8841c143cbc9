import Decant
import DecantTestSupport
import Foundation
import Testing

@testable import DecantMail

/// Messages in Tests/Fixtures/mail: `NAME.eml` with `NAME.expected.json` (metadata and blocks).
@Suite struct MailTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mail")

    static func process(_ file: String, as name: String? = nil) throws -> Document {
        let bytes = Array(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data())
        return try DocumentPipeline().process(ReaderInput(bytes: bytes, name: name ?? file))
    }

    @Test(arguments: ["reply.eml", "newsletter.eml"]) func messageComesOutAsExpected(file: String) throws {
        let document = try Self.process(file)
        #expect(document.decant.reader == "email")
        let url = Self.folder.appendingPathComponent(file.split(separator: ".")[0] + ".expected.json")
        let expected = try GoldenDocument.expected(at: url, current: document)
        #expect(GoldenDocument(document) == expected)
    }

    @Test func quotedReplyAndSignatureAreRemovedWithReasons() throws {
        let document = try Self.process("reply.eml")
        #expect(document.removed.map(\.reason) == Array(repeating: "boilerplate.quoted-reply", count: 3) + Array(repeating: "boilerplate.signature", count: 3))
        #expect(!document.text.contains("Wollen wir"))
        #expect(document.encoding.used == "ISO-8859-1", "the plain part's own charset")
    }

    @Test func aMessageWithoutTheExtensionIsRecognisedByItsHeaders() throws {
        #expect(try Self.process("reply.eml", as: "message-1234").decant.reader == "email")
    }

    @Test(arguments: [
        ("attachment-only.eml", "the message has no text part"),
        ("no-headers.eml", "no mail headers"),
    ]) func badMessagesAreClearErrors(file: String, message: String) throws {
        do {
            _ = try Self.process(file)
            Issue.record("\(file) was read")
        } catch let error as ReadError {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func aTruncatedMessageIsAnErrorNotACrash() {
        #expect(throws: ReadError.self) { try Self.process("truncated.eml") }
    }

    @Test func encodedWordsAndTransferEncodings() {
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?Caf=E9?= au lait") == "Café au lait")
        #expect(EncodedWords.decode("=?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?Q?_aus_Wien?=") == "Grüße aus Wien")
        #expect(EncodedWords.decode("no =?broken word") == "no =?broken word")
        #expect(TransferDecoding.quotedPrintable(Array("Gr=C3=BC=C3=9Fe=\r\n aus=20Wien=".utf8)) == Array("Grüße aus Wien".utf8))
        #expect(TransferDecoding.base64(Array("SGVs\r\nbG8=".utf8)) == Array("Hello".utf8))
        #expect(EmailReader.displayName("\"Ann Example\" <ann@example.org>") == "Ann Example")
        #expect(EmailReader.displayName("<ann@example.org>") == "ann@example.org")
    }
}

@Suite struct MailboxTests {
    @Test func anMboxGivesOneDocumentPerMessage() throws {
        let bytes = Array(FileManager.default.contents(atPath: MailTests.folder.appendingPathComponent("notes.mbox").path) ?? Data())
        let documents = try DocumentPipeline().processAll(ReaderInput(bytes: bytes, name: "notes.mbox"))
        #expect(documents.map(\.metadata.title) == ["First note", "Second note"])
        #expect(documents.map(\.metadata.authors) == [["Ann"], ["Bo"]])
        #expect(documents[0].text == "The boat leaves at nine.\n\nFrom the harbour, take the left path.")
        #expect(documents.map(\.source) == ["notes.mbox#1", "notes.mbox#2"])
        #expect(try DocumentPipeline().processAll(ReaderInput(bytes: bytes, name: "inbox")).count == 2, "recognised without the extension")
    }
}
