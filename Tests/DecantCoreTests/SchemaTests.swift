import Foundation
import Testing

@testable import DecantCore

@Suite struct SchemaTests {
    static func sample() -> Document {
        Document(
            id: "abc", text: "Title\n\nBody “quoted”\tand \\ escaped\u{0001}", source: "dir/a.txt", format: "text",
            metadata: Metadata(title: "Title", authors: ["A. Writer"], date: "2022-02-27", categories: ["Iran", "Syria"]),
            blocks: [.heading("Title", level: 1, line: 1), .paragraph("Body", line: 3),
                     Block(type: .table, text: "a\tb", rows: [["a", "b"]])],
            encoding: EncodingInfo(declared: "ISO-8859-1", detected: "WINDOWS-1252", used: "WINDOWS-1252", confidence: 0.97),
            removed: [Removal(text: "Back to top button", reason: "boilerplate.navigation", line: 58)],
            repairs: [Repair(kind: "mojibake", from: "â€™", to: "’", count: 3)],
            decant: Provenance(reader: "text"))
    }

    @Test func jsonLineRoundTripsThroughCodable() throws {
        let document = Self.sample()
        let line = document.jsonLine()
        #expect(!line.contains("\n"))
        let decoded = try JSONDecoder().decode(Document.self, from: Data(line.utf8))
        #expect(decoded == document)
        let pretty = try JSONDecoder().decode(Document.self, from: Data(document.prettyJSON().utf8))
        #expect(pretty == document)
    }

    @Test func everyKeyIsPresentInSchemaOrderEvenWhenUnknown() throws {
        let line = Document(decant: Provenance(reader: "text")).jsonLine()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(Document.keyOrder))
        // Keys appear in the documented order.
        let positions = Document.keyOrder.map { line.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(line.contains(#""title":null"#))
        #expect(line.contains(#""authors":[]"#))
        #expect(line.contains(#""error":null"#))
    }

    @Test func escapesControlCharactersAndLineSeparators() {
        let line = Document(text: "a\u{2028}b\u{0001}\"c\"", decant: Provenance(reader: "")).jsonLine()
        #expect(line.contains(#""text":"a\u2028b\u0001\"c\"""#))
    }

    @Test func textSeparatesBlocksWithOneBlankLineAndLeavesCaptionsOut() {
        var document = Document()
        document.blocks = [.heading("H"), .paragraph("P1"), Block(type: .caption, text: "C"),
                           Block(type: .listItem, text: "one"), Block(type: .listItem, text: "two"), .paragraph("P2")]
        #expect(document.renderText() == "H\n\nP1\n\none\ntwo\n\nP2")
        #expect(document.renderText(includeCaptions: true) == "H\n\nP1\n\nC\n\none\ntwo\n\nP2")
    }

    @Test func committedSchemaFileMatchesTheEmbeddedOne() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../schema/decant-document.schema.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == DocumentSchema.json + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(committed.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? Int == DecantVersion.schema)
    }

    @Test func stableIDDependsOnlyOnBytes() {
        #expect(StableID.forBytes(Array("hello".utf8)) == StableID.forBytes(Array("hello".utf8)))
        #expect(StableID.forBytes(Array("hello".utf8)) != StableID.forBytes(Array("hellp".utf8)))
        #expect(StableID.forBytes([UInt8]()) == "cbf29ce484222325")
        #expect(StableID.forBytes(Array("a".utf8)).count == 16)
    }

    @Test func markdownRendersHeadingsListsAndTables() {
        var document = Document()
        document.metadata.title = "T"
        document.blocks = [.heading("T", level: 1), .heading("Sub", level: 2), Block(type: .listItem, text: "x"),
                           Block(type: .listItem, text: "y"), Block(type: .table, text: "", rows: [["a", "b"], ["1", "2"]])]
        #expect(MarkdownRenderer.render(document) == "# T\n\n## Sub\n\n- x\n- y\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    }
}
