import Decant
import Foundation
import Testing

@testable import DecantPlugins

/// Finding plugins, refusing broken manifests, and how plugins rank against built-in readers.
@Suite struct PluginDiscoveryTests {
    @Test func brokenAndShadowedManifestsAreReportedNotLoaded() {
        let first = ScratchPlugins()
        let second = ScratchPlugins()
        first.add("good", script: "cat")
        first.add("noname", script: "cat", manifest: #"{"command": ["./run.sh"], "extensions": ["x"]}"#)
        first.add("notjson", script: "cat", manifest: "{ this is not json")
        first.add("claimsnothing", script: "cat", manifest: #"{"name": "claimsnothing", "command": ["./run.sh"]}"#)
        first.add("badmagic", script: "cat", manifest: #"{"name": "badmagic", "command": ["./run.sh"], "magic": ["hex:zz"]}"#)
        second.add("good", script: "cat")
        let catalog = PluginCatalog.discover([
            PluginSearchPath(directory: first.root, origin: "--plugins"),
            PluginSearchPath(directory: second.root, origin: "DECANT_PLUGIN_PATH"),
            PluginSearchPath(directory: "/nonexistent/plugins", origin: "./plugins"),
        ])
        #expect(catalog.plugins.map(\.name) == ["good"])
        #expect(catalog.plugins[0].origin == "--plugins")
        let problems = catalog.problems.joined(separator: "\n")
        #expect(problems.contains("noname/plugin.json: missing \"name\""))
        #expect(problems.contains("notjson/plugin.json: not valid JSON"))
        #expect(problems.contains("claimsnothing/plugin.json: claims nothing: give extensions or magic"))
        #expect(problems.contains("badmagic/plugin.json: magic 'hex:zz' is not ASCII or hex:…"))
        #expect(problems.contains("plugin 'good' is shadowed by"))
        #expect(!problems.contains("/nonexistent"), "a missing default folder is not a problem")
    }

    @Test func theSearchOrderIsFlagThenEnvironmentThenWorkingFolderThenCheckout() {
        let paths = PluginSearchPath.standard(
            explicit: ["/opt/mine"], environment: ["DECANT_PLUGIN_PATH": "/a:/b"], workingDirectory: "/work/project",
            executable: "/src/decant/.build/debug/decant")
        #expect(paths.map(\.origin) == ["--plugins", "DECANT_PLUGIN_PATH", "DECANT_PLUGIN_PATH", "./plugins", "checkout"])
        #expect(paths.map(\.directory) == ["/opt/mine", "/a", "/b", "/work/project/plugins", "/src/decant/plugins"])
        let installed = PluginSearchPath.standard(explicit: [], environment: [:], workingDirectory: "/w", executable: "/usr/local/bin/decant")
        #expect(installed.last?.directory == "/usr/local/share/decant/plugins")
    }

    @Test func aPluginNeverTakesOverFromABuiltinUnlessPreferred() throws {
        let plugins = ScratchPlugins()
        plugins.add("mytext", script: "tr a-z A-Z", extensions: ["txt"])
        plugins.add("text", script: "cat", extensions: ["txt"])
        plugins.add("rtfish", script: "cat", extensions: ["rtfish"], magic: ["{\\rtf"])
        let search = [PluginSearchPath(directory: plugins.root, origin: "--plugins")]
        let plain = ReaderSetup(plugins: PluginOptions(), searchPaths: search)
        let notes = ReaderInput(bytes: Array("some notes\n".utf8), name: "notes.txt")
        #expect(try plain.registry.select(for: notes).name == "text")
        #expect(plain.registry.tier(of: "text") == .builtin, "a plugin named like a built-in is refused")
        #expect(plain.problems.contains { $0.contains("plugin 'text' has the name of a built-in reader") })
        // A built-in's fallback guess (the text reader on an unknown extension) yields to a plugin's claim.
        let rtf = ReaderInput(bytes: Array("{\\rtf1 hello}".utf8), name: "letter.doc")
        #expect(try plain.registry.select(for: rtf).name == "rtfish")

        let preferring = ReaderSetup(plugins: PluginOptions(preferred: ["mytext", "missing"]), searchPaths: search)
        #expect(try preferring.registry.select(for: notes).name == "mytext")
        #expect(preferring.problems.contains("--prefer-plugin missing: no plugin of that name was found"))
        let document = try DocumentPipeline(registry: preferring.registry).process(notes)
        #expect(document.text == "SOME NOTES")
        #expect(document.decant.reader == "mytext")
    }

    @Test func aBatchWithMisbehavingPluginsFinishesWithOneErrorPerInput() throws {
        let plugins = ScratchPlugins()
        plugins.add("hang", script: "sleep 30", extensions: ["hang"], timeout: 0.5)
        plugins.add("crash", script: "kill -ABRT $$", extensions: ["crash"])
        plugins.add("good", script: "cat", extensions: ["good"])
        let inputs = plugins.root + "/inputs"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        for name in ["a.hang", "b.crash", "c.good", "d.txt"] {
            try "text of \(name)\n".write(toFile: inputs + "/" + name, atomically: true, encoding: .utf8)
        }
        let setup = ReaderSetup(plugins: PluginOptions(), searchPaths: [PluginSearchPath(directory: plugins.root, origin: "--plugins")])
        var options = BatchOptions(inputs: [inputs], output: .directory(plugins.root + "/out"))
        options.pipeline = DocumentPipeline(registry: setup.registry)
        options.jobs = 2
        let summary = try BatchCleaner(options: options).run()
        #expect(summary.written == 2)
        #expect(summary.failed == 2)
        let errors = try String(contentsOfFile: plugins.root + "/out/errors.jsonl", encoding: .utf8)
        #expect(errors.contains("\"plugin.timeout\""))
        #expect(errors.contains("\"plugin.crashed\""))
        let documents = try String(contentsOfFile: plugins.root + "/out/documents.jsonl", encoding: .utf8)
        #expect(documents.contains("\"reader\":\"good\""))
        #expect(documents.contains("\"reader\":\"text\""))
    }
}
