import ArgumentParser
import Decant

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of Decant's documents."
    )

    func run() {
        FileDescriptorOutput.standardOutput.write(DocumentSchema.json + "\n")
    }
}

struct ReadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readers",
        abstract: "List the readers Decant can use, with the extensions they claim."
    )

    func run() {
        let registry = BuiltinReaders.registry()
        var lines: [String] = []
        for reader in registry.readers {
            let extensions = reader.extensions.filter { !$0.isEmpty }.map { "." + $0 }.joined(separator: " ")
            lines.append("\(reader.name.padding(12))built-in  \(reader.summary) [\(extensions)]")
        }
        FileDescriptorOutput.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
