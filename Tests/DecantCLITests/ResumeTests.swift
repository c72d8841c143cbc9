import Foundation
import Testing

/// `decant clean --resume` after kill -9 at random points (new ones every run).
@Suite struct ResumeTests {
    func corpus(_ folder: TemporaryFolder, count: Int) throws {
        var generator = SplitMix(seed: 7)
        for i in 0..<count {
            let words = (0..<(20 + Int(generator.next() % 200))).map { _ in ["alpha", "beta", "gamma", "delta", "Syria", "Tehran", "talks"][Int(generator.next() % 7)] }
            try folder.write("in/\(i % 7)/doc-\(i).txt", "Title \(i)\n\n" + words.joined(separator: " ") + ".\n")
        }
    }

    @Test(arguments: ["jsonl", "txt"])
    func killNineThenResumeGivesTheUninterruptedOutput(format: String) throws {
        let folder = try TemporaryFolder()
        try corpus(folder, count: 2000)
        let common = ["clean", folder.path("in"), "--format", format, "--window-size", "8", "--jobs", "2", "--quiet"]
        let started = Date()
        try CLI.run(common + ["-o", folder.path("reference")])
        let duration = Date().timeIntervalSince(started)
        let reference = folder.listing("reference")
        #expect(reference.count == (format == "jsonl" ? 2 : 2001))
        let expected = try Dictionary(uniqueKeysWithValues: reference.map { ($0, try folder.read("reference/" + $0)) })

        var interruptedMidRun = false
        // Kill at random points: one in each band of an uninterrupted run's duration (early,
        // middle, late), drawn anew every run; the seed is in every failure message.
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var random = SplitMix(seed: seed)
        for band in [0.1, 0.25, 0.4, 0.55] {
            let fraction = band + Double(random.next() % 1000) / 1000 * 0.15
            let delay = duration * fraction
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = common + ["-o", folder.path("out"), "--resume"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // No partial file is ever visible under a final name.
            let stateLeft = FileManager.default.fileExists(atPath: folder.path("out/.decant-state/manifest.jsonl"))
            interruptedMidRun = interruptedMidRun || stateLeft
            let visible = folder.listing("out").filter { !$0.hasPrefix(".decant-state/") && !$0.contains(".decant-tmp-") }
            let partial = try visible.filter { try folder.read("out/" + $0) != expected[$0] }
            #expect(partial.isEmpty, "files visible after kill at \(delay)s (seed \(seed)) differ from the uninterrupted run: \(partial.prefix(5))")
        }
        let stateBeforeFinalRun = FileManager.default.fileExists(atPath: folder.path("out/.decant-state/manifest.jsonl"))
        let final = try CLI.run(Array(common.dropLast()) + ["-o", folder.path("out"), "--resume"])
        #expect(final.status == 0)
        let leftovers = Set(folder.listing("out")).symmetricDifference(reference)
        #expect(leftovers.isEmpty, "state and temporary files are gone after the run: \(leftovers.prefix(5))")
        let different = try reference.filter { try folder.read("out/" + $0) != expected[$0] }
        #expect(different.isEmpty, "seed \(seed): \(different.prefix(5))")
        #expect(interruptedMidRun, "at least one kill landed in the middle of a run")
        if stateBeforeFinalRun {
            #expect(final.stderr.contains("resumed"), "the last run reused the windows completed before: \(final.stderr)")
        }
    }

    @Test func resumeAfterAFinishedRunSeesChangedInputs() throws {
        let folder = try TemporaryFolder()
        try corpus(folder, count: 40)
        let state = folder.path("out/.decant-state")
        // Leave a state behind as a killed run would: run, then restore the state from a copy.
        let args = ["clean", folder.path("in"), "--window-size", "8", "--jobs", "1", "-o", folder.path("out")]
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = args
        try process.run()
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: state), "a finished run removes its state")
        try folder.write("in/0/doc-0.txt", "Title changed\n\nNew body text for the changed document.\n")
        let rerun = try CLI.run(args + ["--resume"])
        #expect(rerun.status == 0)
        #expect(try folder.read("out/documents.jsonl").contains("New body text for the changed document."))
    }
}

/// A small deterministic random generator for test corpora.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
