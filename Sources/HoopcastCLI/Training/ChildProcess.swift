import Foundation

/// Runs an external program to completion with a time limit, capturing its output.
///
/// Output goes to temporary files rather than pipes, so a chatty child can never block on a full pipe. When the
/// limit passes the child gets SIGTERM, then SIGKILL after ``ChildProcess/killGrace``; cancelling the calling task
/// does the same.
struct ChildProcess: Sendable {
    /// What the child did.
    struct Result: Sendable {
        /// Exit status (or the signal number when it was killed by one).
        let status: Int32
        /// The signal that ended it, when one did.
        let signal: Int32?
        /// Standard output, as text.
        let standardOutput: String
        /// Standard error, as text.
        let standardError: String
        /// Wall-clock seconds.
        let seconds: Double
    }

    /// Time between SIGTERM and SIGKILL.
    static let killGrace: Duration = .seconds(5)

    /// The executable (a path, or a name looked up in `PATH`).
    let executable: String
    /// Its arguments.
    let arguments: [String]
    /// Its working directory (the current one when nil).
    var workingDirectory: URL?

    /// Runs the child; throws when it cannot start or outlives `timeout` (a non-zero exit is a normal result).
    func run(timeout: Duration) async throws(ChildProcessError) -> Result {
        let executableURL = try ChildProcess.resolve(executable)
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("hoopcast-child-\(UUID().uuidString)")
        let outputURL = scratch.appendingPathComponent("stdout"), errorURL = scratch.appendingPathComponent("stderr")
        let process = Process()
        let started = ContinuousClock.now
        let exit = ExitSignal()
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            // A file that cannot be created makes the FileHandle below throw with the path.
            _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
            let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
            defer {
                try? output.close()  // the child holds its own descriptors; ours are only for handing over
                try? error.close()
            }
            process.executableURL = executableURL
            process.arguments = arguments
            if let workingDirectory { process.currentDirectoryURL = workingDirectory }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = output
            process.standardError = error
            process.terminationHandler = {
                exit.fire(
                    Exit(
                        status: $0.terminationStatus,
                        signal: $0.terminationReason == .uncaughtSignal ? $0.terminationStatus : nil))
            }
            try ChildProcess.withUnblockedSignals { try process.run() }
        } catch {
            try? FileManager.default.removeItem(at: scratch)  // best effort: a temp dir
            throw ChildProcessError(.launchFailed, command: description, "cannot start: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }  // best effort: a temp dir
        let pid = process.processIdentifier
        let timedOut = await withTaskCancellationHandler {
            await ChildProcess.wait(for: exit, pid: pid, timeout: timeout)
        } onCancel: {
            exit.signal(pid, SIGTERM)
        }
        let ended = await exit.wait()
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let standardOutput: String, standardError: String
        do {
            standardOutput = String(decoding: try Data(contentsOf: outputURL), as: UTF8.self)
            standardError = String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        } catch {
            throw ChildProcessError(
                .outputUnreadable, command: description,
                "cannot read its captured output in \(scratch.path): \(error.localizedDescription)")
        }
        if timedOut {
            throw ChildProcessError(
                .timedOut, command: description, signal: ended.signal,
                "did not finish within \(timeout) and was stopped (signal "
                    + "\(ended.signal.map(String.init) ?? "none")); last output:\n"
                    + ChildProcess.tail(standardError.isEmpty ? standardOutput : standardError))
        }
        return Result(
            status: ended.status, signal: ended.signal, standardOutput: standardOutput, standardError: standardError,
            seconds: seconds)
    }

    /// The command line, for messages.
    var description: String { ([executable] + arguments).joined(separator: " ") }

    /// Waits for the exit; past `timeout` sends SIGTERM, then SIGKILL after ``killGrace``. Returns whether the time
    /// limit was hit.
    private static func wait(for exit: ExitSignal, pid: Int32, timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = await exit.wait()
                return false
            }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return false }  // cancelled: the child exited
                return true
            }
            guard await group.next() == true else {
                group.cancelAll()
                return false
            }
            exit.signal(pid, SIGTERM)
            group.addTask {
                do { try await Task.sleep(for: killGrace) } catch { return false }  // cancelled: it exited
                exit.signal(pid, SIGKILL)
                return false
            }
            _ = await exit.wait()
            group.cancelAll()
            return true
        }
    }

    /// Runs `body` (which spawns a child) with no signal blocked on this thread, so the child starts with an empty
    /// signal mask: children inherit the spawning thread's mask, and the concurrency pool's threads block most
    /// signals, which would make the child deaf to SIGTERM.
    static func withUnblockedSignals<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t(), previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// The last lines of a process's output, for error messages.
    static func tail(_ text: String, lines: Int = 30) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// An executable path: `name` itself when it contains a slash, else the first match in `PATH`.
    static func resolve(_ name: String) throws(ChildProcessError) -> URL {
        if name.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: name) else {
                throw ChildProcessError(.notFound, command: name, "\(name) is not an executable file")
            }
            return URL(fileURLWithPath: name)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ChildProcessError(.notFound, command: name, "\(name) was not found on PATH (\(path))")
    }
}

/// How a child ended: its exit status, or the signal that stopped it.
private struct Exit: Sendable {
    let status: Int32
    let signal: Int32?
}

/// Delivers a child's exit status to any number of waiters, whether they arrive before or after the exit.
private final class ExitSignal: @unchecked Sendable {
    // Guarded by `lock`: the termination handler runs on a Foundation thread, waiters on the cooperative pool.
    private let lock = NSLock()
    private var status: Exit?
    private var waiters: [CheckedContinuation<Exit, Never>] = []

    func fire(_ status: Exit) {
        let waiting: [CheckedContinuation<Exit, Never>] = lock.withLock {
            self.status = status
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiting { waiter.resume(returning: status) }
    }

    /// Sends `signal` to `pid` unless the child has already exited (its pid may then belong to another process).
    func signal(_ pid: Int32, _ signal: Int32) {
        lock.withLock {
            if status == nil { _ = kill(pid, signal) }
        }
    }

    func wait() async -> Exit {
        await withCheckedContinuation { continuation in
            let ready: Exit? = lock.withLock {
                if let status { return status }
                waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
