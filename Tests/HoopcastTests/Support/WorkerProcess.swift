import Foundation
import Testing

@testable import HoopcastCLI

/// A `hoopcast` child process for fault tests: started with its output in a log file, killed or awaited.
final class WorkerProcess: @unchecked Sendable {
    // `process` is only touched from the test task that owns this object; Foundation reads it on its own thread.
    let process = Process()
    let log: URL

    /// The `hoopcast` binary built next to the test bundle (`swift build --build-tests` builds it), or
    /// `HOOPCAST_TEST_BINARY`.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["HOOPCAST_TEST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "hoopcast"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hoopcast"),
            TestPaths.repo(".build/debug/hoopcast"),
        ]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "no hoopcast binary next to the tests (\(candidates.map(\.path))): run `swift build --build-tests`")
    }

    /// Starts `hoopcast arguments…` in the repository root, appending its output to `log`.
    init(_ arguments: [String], log: URL) throws {
        self.log = log
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        defer { try? handle.close() }
        process.executableURL = try WorkerProcess.binary()
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.repoRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try ChildProcess.withUnblockedSignals { try process.run() }
    }

    var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGKILL: no cleanup, no lease release, like a machine dying).
    func kill(_ signal: Int32 = SIGKILL) {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, signal) }
    }

    /// Waits for the exit (polling); nil when `seconds` pass first.
    func exitStatus(within seconds: Double) async throws -> Int32? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(100))
        }
        return process.terminationStatus
    }

    /// The last lines of the log, for failure messages.
    func tail(_ lines: Int = 20) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
