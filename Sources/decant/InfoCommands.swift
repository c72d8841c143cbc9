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
        abstract: "List the readers Decant can use, with the extensions they claim and where each came from.",
        discussion: """
            Built-in readers come first. Plugins are found in --plugins folders, then in
            DECANT_PLUGIN_PATH (colon-separated), then in ./plugins and the plugins/ folder of the
            checkout decant was built in. A plugin takes an input only where no built-in reader
            makes a specific claim, unless it is named with --prefer-plugin.
            """
    )

    @OptionGroup var pluginOptions: PluginArguments

    func run() {
        let setup = pluginOptions.readerSetup(warn: false)
        var lines: [String] = []
        for reader in setup.registry.readers {
            let extensions = reader.extensions.filter { !$0.isEmpty }.map { "." + $0 }.joined(separator: " ")
            let origin: String
            if let plugin = reader as? PluginReader {
                let tier = setup.registry.tier(of: plugin.name) == .preferred ? "preferred plugin" : "plugin"
                origin = "\(tier) from \(plugin.origin): \(plugin.directory)"
            } else {
                origin = "built-in"
            }
            lines.append("\(reader.name.padding(12))\(reader.summary) [\(extensions)] — \(origin)")
        }
        for problem in setup.problems { lines.append("warning: \(problem)") }
        FileDescriptorOutput.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
