import Foundation
import Testing

@testable import HoopcastCLI

/// One finished `hoopcast` child process: its exit status and what it printed.
struct CommandLineRun: Sendable {
    /// The exit status (a signal's number + 128 when killed, like a shell reports it).
    let status: Int32
    /// Standard output.
    let stdout: String
    /// Standard error.
    let stderr: String

    /// Runs `executable arguments…` (the built `hoopcast` by default) in `directory` to completion.
    static func run(
        _ arguments: [String], executable: URL? = nil, in directory: URL = TestPaths.repoRoot,
        environment: [String: String] = [:]
    ) throws -> CommandLineRun {
        let process = Process()
        process.executableURL = try executable ?? WorkerProcess.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        process.environment = merged
        let scratch = Scratch.root.appendingPathComponent("hoopcast-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try ChildProcess.withUnblockedSignals { try process.run() }
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
        return CommandLineRun(
            status: status,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
