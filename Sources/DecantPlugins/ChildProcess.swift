#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What a finished (or stopped) child process left behind.
public struct ChildProcessResult: Sendable, Equatable {
    public enum Termination: Sendable, Equatable {
        /// The process exited with this status.
        case exited(Int32)
        /// The process was killed by this signal (a crash: SIGSEGV, SIGABRT, …).
        case signalled(Int32)
        /// The process ran past its time limit; its whole process group was killed.
        case timedOut
        /// It wrote more than the output limit to standard output; its process group was killed.
        case outputTooLarge
    }

    public var termination: Termination
    public var standardOutput: [UInt8]
    /// The first bytes written to standard error (at most ``ChildProcess/standardErrorLimit``).
    public var standardError: [UInt8]
}

/// Errors starting a child process.
public struct ChildProcessError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// Runs one program to completion with bytes on standard input, collecting standard output and
/// standard error, under a wall-clock limit — the only place Decant starts processes.
///
/// The child is started with `posix_spawn` as the leader of a new process group, so a timeout
/// kills everything it started (`killpg(SIGKILL)`), not just the shell that wraps the real tool.
/// One thread drives all three pipes with `poll`, so a child that does not read its input, or
/// floods its output, can never dead-lock the caller. Standard input is a socket written with
/// `MSG_NOSIGNAL`, so a child that exits early cannot raise SIGPIPE in Decant. Safe to call from
/// several threads at once: descriptors are created close-on-exec under a lock, so no child
/// inherits another child's pipes.
public enum ChildProcess {
    /// Standard error beyond this many bytes is read and dropped.
    public static let standardErrorLimit = 16 * 1024

    /// Serialises descriptor creation and spawning (there is no `pipe2` in Swift's Glibc).
    private static let spawnLock = Mutex<Void>(())

    /// Runs `body` while no child can be spawned. Writing a program file while another thread
    /// spawns leaks the write descriptor into that child and makes the program `ETXTBSY`; code
    /// that writes plugins (tests, installers) in-process does it under this lock.
    static func withoutSpawning<R>(_ body: () throws -> R) rethrows -> R {
        try spawnLock.withLock { _ in try body() }
    }

    /// Runs `arguments[0]` (a path; looked up on `PATH` when it contains no slash).
    ///
    /// - Parameters:
    ///   - environment: added to (and overriding) Decant's own environment.
    ///   - timeout: seconds of wall-clock time before the process group is killed.
    ///   - outputLimit: bytes of standard output accepted before the process group is killed.
    /// - Throws: ``ChildProcessError`` when the program cannot be started at all.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], input: [UInt8],
        timeout: Double, outputLimit: Int = 256 * 1024 * 1024
    ) throws(ChildProcessError) -> ChildProcessResult {
        guard let program = arguments.first else { throw ChildProcessError(description: "no command given") }
        let start = monotonicSeconds()
        let spawned = try spawnLock.withLock { _ throws(ChildProcessError) in
            try spawn(program: program, arguments: arguments, environment: environment)
        }
        var pipes = spawned.pipes
        defer { pipes.closeAll() }
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var written = 0
        var stopped: ChildProcessResult.Termination?
        if input.isEmpty { pipes.closeStdin() }
        while pipes.stdout >= 0 || pipes.stderr >= 0 {
            let remaining = timeout - (monotonicSeconds() - start)
            if remaining <= 0 { stopped = .timedOut; break }
            var fds = [
                pollfd(fd: pipes.stdin, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: pipes.stdout, events: Int16(POLLIN), revents: 0),
                pollfd(fd: pipes.stderr, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 3, Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno != EINTR { stopped = .timedOut; break }
            if ready <= 0 { continue }
            if fds[0].revents != 0 {
                let count = input.withUnsafeBytes { raw in
                    send(pipes.stdin, raw.baseAddress! + written, min(input.count - written, 64 * 1024), Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                }
                if count > 0 { written += count }
                if count < 0 && errno != EAGAIN && errno != EINTR { pipes.closeStdin() }  // the child stopped reading
                if written >= input.count { pipes.closeStdin() }
            }
            if fds[1].revents != 0, !drain(&pipes.stdout, into: &output, limit: outputLimit + 1) { }
            if output.count > outputLimit { stopped = .outputTooLarge; break }
            if fds[2].revents != 0 { _ = drain(&pipes.stderr, into: &errors, limit: standardErrorLimit) }
        }
        if stopped == nil, !waitForExit(spawned.pid, until: start + timeout) { stopped = .timedOut }
        // Stragglers (a grandchild still holding a pipe, a tool that ignored the time limit) go too.
        killpg(spawned.pid, SIGKILL)
        let status = reap(spawned.pid)
        let termination: ChildProcessResult.Termination
        if let stopped {
            termination = stopped
        } else if status & 0x7F == 0 {
            termination = .exited((status >> 8) & 0xFF)
        } else {
            termination = .signalled(status & 0x7F)
        }
        return ChildProcessResult(termination: termination, standardOutput: output, standardError: errors)
    }

    // MARK: - Internals

    private struct Spawned {
        var pid: pid_t
        var pipes: PipeSet
    }

    /// The parent's ends of the three streams; -1 once closed.
    private struct PipeSet {
        var stdin: Int32
        var stdout: Int32
        var stderr: Int32

        mutating func closeStdin() {
            if stdin >= 0 { close(stdin); stdin = -1 }
        }

        mutating func closeAll() {
            closeStdin()
            if stdout >= 0 { close(stdout); stdout = -1 }
            if stderr >= 0 { close(stderr); stderr = -1 }
        }
    }

    /// Reads what is available from `fd` into `buffer` (keeping at most `limit` bytes; the rest
    /// is read and dropped). Closes `fd` and returns false at end of file.
    @discardableResult
    private static func drain(_ fd: inout Int32, into buffer: inout [UInt8], limit: Int) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            let keep = max(0, min(count, limit - buffer.count))
            buffer.append(contentsOf: chunk[0..<keep])
            return true
        }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return true }
        close(fd)
        fd = -1
        return false
    }

    private static func spawn(program: String, arguments: [String], environment: [String: String]) throws(ChildProcessError) -> Spawned {
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &input) == 0 else {
            throw ChildProcessError(description: "cannot create a socket for the plugin's input: \(errorText())")
        }
        guard pipe(&output) == 0, pipe(&errors) == 0 else {
            for fd in input + output + errors where fd >= 0 { close(fd) }
            throw ChildProcessError(description: "cannot create pipes for the plugin: \(errorText())")
        }
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        for fd in [output[0], errors[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        shutdown(input[0], Int32(SHUT_RD))
        shutdown(input[1], Int32(SHUT_WR))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[1], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)

        var merged: [String: String] = [:]
        for entry in currentEnvironment() {
            if let eq = entry.firstIndex(of: "=") { merged[String(entry[..<eq])] = String(entry[entry.index(after: eq)...]) }
        }
        for (key, value) in environment { merged[key] = value }
        let environmentLines = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }

        var pid = pid_t()
        var status: Int32 = 0
        // ETXTBSY: another thread of this process was writing the program (a test, an installer)
        // and a concurrent fork still holds it open for writing; it clears within milliseconds.
        for attempt in 0..<8 {
            status = withCStrings(arguments) { argv in
                withCStrings(environmentLines) { envp in
                    program.contains("/")
                        ? posix_spawn(&pid, program, &actions, &attributes, argv, envp)
                        : posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
                }
            }
            if status != ETXTBSY { break }
            usleep(useconds_t(1000 << attempt))
        }
        close(input[1])
        close(output[1])
        close(errors[1])
        guard status == 0 else {
            close(input[0]); close(output[0]); close(errors[0])
            throw ChildProcessError(description: "cannot start '\(program)': \(String(cString: strerror(status)))")
        }
        return Spawned(pid: pid, pipes: PipeSet(stdin: input[0], stdout: output[0], stderr: errors[0]))
    }

    /// Polls for the child's exit until `deadline`; true when it exited (it is reaped later).
    private static func waitForExit(_ pid: pid_t, until deadline: Double) -> Bool {
        var delay: useconds_t = 200
        while monotonicSeconds() < deadline {
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info.si_signo == SIGCHLD { return true }
            usleep(delay)
            delay = min(delay * 2, 20_000)
        }
        return false
    }

    /// Waits for and reaps the child; its raw wait status.
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    private static func currentEnvironment() -> [String] {
        var lines: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            lines.append(String(cString: entry))
            pointer += 1
        }
        return lines
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
