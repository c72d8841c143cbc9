#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// How progress is shown while a batch runs.
public enum ProgressStyle: Sendable {
    /// A bar redrawn in place on a terminal: documents/s, MB/s, ETA, failures so far.
    case bar
    /// A plain line every `interval` seconds (for logs and pipes).
    case log(interval: Double)
    case none

    /// A bar on a terminal, log lines every 10 s otherwise.
    public static var automatic: ProgressStyle { isatty(2) != 0 ? .bar : .log(interval: 10) }
}

/// Draws progress on standard error. Call ``update(done:bytes:failed:)`` from one thread.
final class ProgressReporter: @unchecked Sendable {
    private let style: ProgressStyle
    private let start = DispatchTime.now()
    private var lastDraw = 0.0
    private var total: Int?
    private let lock = DispatchSemaphore(value: 1)

    init(style: ProgressStyle, inputs: [String], excluding: String?) {
        self.style = style
        if case .bar = style {
            // Count the inputs in the background so the bar can show an ETA; the walk is cheap.
            DispatchQueue.global(qos: .utility).async { [weak self] in
                var count = 0
                for _ in InputWalker(inputs: inputs, excluding: excluding) { count += 1 }
                guard let self else { return }
                self.lock.wait()
                self.total = count
                self.lock.signal()
            }
        }
    }

    private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    func update(done: Int, bytes: Int, failed: Int) {
        let now = elapsed
        switch style {
        case .none: return
        case .log(let interval):
            guard now - lastDraw >= interval else { return }
            lastDraw = now
            FileDescriptorOutput.standardError.write("decant: \(done) documents, \(rate(done, now)) docs/s, \(megabytes(bytes, now)) MB/s, \(failed) failed\n")
        case .bar:
            guard now - lastDraw >= 0.1 else { return }
            lastDraw = now
            lock.wait()
            let total = self.total
            lock.signal()
            var line = "\r\u{1B}[K"
            if let total, total > 0 {
                let fraction = min(1, Double(done) / Double(total))
                let width = 24, filled = Int(fraction * Double(width))
                line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                line += "\(done)/\(total) \(Int(fraction * 100))%"
                if done > 0 && done < total { line += " ETA " + duration(now / Double(done) * Double(total - done)) }
            } else {
                line += "\(done) documents"
            }
            line += "  \(rate(done, now)) docs/s  \(megabytes(bytes, now)) MB/s  \(failed) failed"
            FileDescriptorOutput.standardError.write(line)
        }
    }

    /// Clears the bar before the summary line.
    func finish() {
        if case .bar = style, lastDraw > 0 { FileDescriptorOutput.standardError.write("\r\u{1B}[K") }
    }

    private func rate(_ done: Int, _ seconds: Double) -> Int { seconds > 0 ? Int(Double(done) / seconds) : 0 }
    private func megabytes(_ bytes: Int, _ seconds: Double) -> String {
        Seconds.decimal(seconds > 0 ? Double(bytes) / 1e6 / seconds : 0, places: 1)
    }

    private func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
