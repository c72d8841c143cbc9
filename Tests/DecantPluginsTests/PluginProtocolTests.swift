import DecantCore
import Dispatch
import Foundation
import Testing

@testable import DecantPlugins

/// The plugin protocol end to end, with plugins that behave and plugins that misbehave on purpose.
@Suite struct PluginProtocolTests {
    let input = ReaderInput(bytes: Array("First paragraph of the input.\n\nSecond one.\n".utf8), name: "dir/sample.x")

    func failure(_ reader: PluginReader, _ input: ReaderInput? = nil) -> PluginFailure? {
        do {
            _ = try reader.run(input ?? self.input)
            return nil
        } catch {
            return error
        }
    }

    @Test func plainTextOutputBecomesParagraphs() throws {
        let plugins = ScratchPlugins()
        plugins.add("echo", script: "cat")
        let document = try plugins.reader("echo").run(input)
        #expect(document.blocks.map(\.text) == ["First paragraph of the input.", "Second one."])
        #expect(document.format == "echo")
        #expect(document.decant.reader == "echo")
    }

    @Test func jsonOutputKeepsBlocksAndMetadata() throws {
        let plugins = ScratchPlugins()
        plugins.add("json", script: #"""
            cat >/dev/null
            printf '%s' '{"format": "memo", "metadata": {"title": "Memo", "authors": ["Ann"], "date": "D:2024 not iso"},
              "blocks": [{"type": "heading", "level": 2, "text": "Memo"}, {"type": "table", "rows": [["a", "b"], ["1", "2"]]},
                         {"type": "paragraph", "text": "Body."}]}'
            """#)
        let document = try plugins.reader("json").run(input)
        #expect(document.format == "memo")
        #expect(document.metadata.title == "Memo")
        #expect(document.metadata.authors == ["Ann"])
        #expect(document.metadata.date == nil, "a date that is not ISO 8601 is dropped, not written")
        #expect(document.blocks[0] == Block.heading("Memo", level: 2))
        #expect(document.blocks[1].rows == [["a", "b"], ["1", "2"]])
        #expect(document.blocks[1].text == "a\tb\n1\t2")
    }

    @Test func theFileNameAndExtensionArePassedInTheEnvironment() throws {
        let plugins = ScratchPlugins()
        plugins.add("env", script: #"cat >/dev/null; echo "$DECANT_FILE_NAME|$DECANT_FILE_EXTENSION|$(basename "$DECANT_PLUGIN_DIR")""#)
        let document = try plugins.reader("env").run(input)
        #expect(document.blocks.map(\.text) == ["dir/sample.x|x|env"])
    }

    @Test func aHangingPluginIsStoppedWithItsChildren() throws {
        let plugins = ScratchPlugins()
        let pidFile = plugins.root + "/sleeper.pid"
        // The shell starts a grandchild that would outlive a plain kill of the shell.
        plugins.add("hang", script: "sleep 30 & echo $! > \(pidFile); wait", timeout: 0.5)
        let started = Date()
        #expect(failure(plugins.reader("hang")) == .timedOut(plugin: "hang", seconds: 0.5))
        #expect(Date().timeIntervalSince(started) < 5)
        let sleeper = pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(isGone(sleeper), "the grandchild was killed with the process group")
    }

    @Test func aPluginThatClosesItsOutputButKeepsRunningTimesOut() {
        let plugins = ScratchPlugins()
        plugins.add("linger", script: "echo text; exec >&- 2>&-; sleep 30", timeout: 0.5)
        #expect(failure(plugins.reader("linger"))?.code == "plugin.timeout")
    }

    @Test func aCrashIsReportedWithTheSignal() {
        let plugins = ScratchPlugins()
        plugins.add("crash", script: "echo 'about to fail' >&2; kill -SEGV $$")
        #expect(failure(plugins.reader("crash")) == .crashed(plugin: "crash", signal: SIGSEGV, stderr: "about to fail\n"))
        #expect(failure(plugins.reader("crash"))!.description == "plugin 'crash' crashed (signal 11): about to fail")
    }

    @Test func aNonZeroExitCarriesTheLastLineOfStandardError() {
        let plugins = ScratchPlugins()
        plugins.add("exit", script: "echo 'reading…' >&2; echo 'bad header at byte 4' >&2; exit 3")
        let error = failure(plugins.reader("exit"))
        #expect(error?.code == "plugin.exit-status")
        #expect(error?.description == "plugin 'exit' exited with status 3: bad header at byte 4")
    }

    @Test func garbageOutputIsRefused() {
        let plugins = ScratchPlugins()
        plugins.add("badjson", script: #"cat >/dev/null; printf '{"blocks": [oops'"#, output: "json")
        plugins.add("badblock", script: #"cat >/dev/null; printf '{"blocks": [{"type": "sidebar", "text": "x"}]}'"#)
        plugins.add("binary", script: #"cat >/dev/null; printf '\000\001\002\003\004\005\006\007\000\001\002\003\004\005\006\007'"#, output: "text")
        plugins.add("nothing", script: "cat >/dev/null")
        #expect(failure(plugins.reader("badjson"))?.code == "plugin.invalid-output")
        #expect(failure(plugins.reader("badblock"))?.description.contains("unknown block type 'sidebar'") == true)
        #expect(failure(plugins.reader("binary"))?.description.contains("binary data") == true)
        #expect(failure(plugins.reader("nothing")) == .noText(plugin: "nothing"))
    }

    @Test func aFloodOfOutputIsCutOff() {
        let plugins = ScratchPlugins()
        plugins.add("flood", script: "yes 'more text'", timeout: 10)
        var reader = plugins.reader("flood")
        reader.outputLimit = 100_000
        #expect(failure(reader) == .outputTooLarge(plugin: "flood", limit: 100_000))
    }

    @Test func aPluginThatIgnoresALargeInputDoesNotHurtDecant() throws {
        let plugins = ScratchPlugins()
        plugins.add("ignore", script: "echo 'read nothing'")
        let big = ReaderInput(bytes: Array(repeating: UInt8(ascii: "a"), count: 4 << 20), name: "big.x")
        #expect(try plugins.reader("ignore").run(big).blocks.map(\.text) == ["read nothing"])
    }

    @Test func stderrNoiseFailsOnlyWhenTheManifestSaysSo() throws {
        let plugins = ScratchPlugins()
        plugins.add("noisy", script: "cat; echo 'warning: odd font' >&2")
        plugins.add("strict", script: "cat; echo 'warning: odd font' >&2", stderr: "fail")
        #expect(try plugins.reader("noisy").run(input).blocks.count == 2)
        #expect(failure(plugins.reader("strict")) == .standardError(plugin: "strict", stderr: "warning: odd font\n"))
    }

    @Test func aMissingProgramCannotStart() {
        let plugins = ScratchPlugins()
        let folder = plugins.add("gone", script: "")
        try? FileManager.default.removeItem(atPath: folder + "/run.sh")
        #expect(failure(plugins.reader("gone"))?.code == "plugin.cannot-start")
    }

    @Test func pluginsRunSafelyFromManyThreads() throws {
        let plugins = ScratchPlugins()
        plugins.add("upper", script: "tr a-z A-Z")
        let reader = plugins.reader("upper")
        let results = Results(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let input = ReaderInput(bytes: Array("document number \(i)\n".utf8), name: "\(i).x")
            do { results.set(i, try reader.run(input).blocks.first?.text) } catch { results.set(i, "\(error)") }
        }
        #expect(results.values == (0..<16).map { "DOCUMENT NUMBER \($0)" })
    }

    @Test func readErrorsBecomeDocumentErrors() {
        let plugins = ScratchPlugins()
        plugins.add("exit", script: "exit 2")
        #expect(throws: DocumentError(code: "plugin.exit-status", message: "plugin 'exit' exited with status 2")) {
            try plugins.reader("exit").read(input)
        }
    }
}

/// True when `pid` has exited (or is a zombie nobody reaped yet), waiting up to a second.
func isGone(_ pid: pid_t) -> Bool {
    for _ in 0..<100 {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
        usleep(10_000)
    }
    return false
}

/// Collects per-index results from concurrent work.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: String?) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [String?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
