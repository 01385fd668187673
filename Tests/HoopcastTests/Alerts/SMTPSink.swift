import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import HoopcastCLI

/// A real SMTP server for the SMTP client's tests: `scripts/smtp-sink.py` (aiosmtpd) on a free loopback port, with
/// a throwaway self-signed certificate (made by the `openssl` CLI) for `localhost` and `127.0.0.1`.
///
/// Use ``with(_:_:)``: it stops the server and deletes its files on every exit path. The server also exits by
/// itself when this process dies, because its standard input (ours) closes.
final class SMTPSink: @unchecked Sendable {
    // `process` and `input` are touched only by the test task that owns the sink.

    /// How the server behaves.
    struct Options: Sendable {
        /// STARTTLS offered and required before AUTH and MAIL (unless `implicitTLS` or `noStartTLS`).
        var tls = true
        /// TLS from the first byte instead of STARTTLS.
        var implicitTLS = false
        /// Never offer STARTTLS; AUTH is then offered in the clear, so a client that sends credentials is seen.
        var noStartTLS = false
        /// The only login accepted; AUTH is required when set.
        var user: String?
        var password: String?
        /// AUTH mechanisms not offered (`PLAIN`, `LOGIN`).
        var excludeAuth: [String] = []
    }

    /// A message the server accepted, as `scripts/smtp-sink.py` records it.
    struct Message: Decodable, Sendable {
        let mailFrom: String
        let mailOptions: [String]
        let rcptTos: [String]
        let tls: Bool
        let authenticated: Bool
        /// The content as received, after the server removed the SMTP transparency dots.
        let raw: String
        /// The subject and body as decoded by Python's `email` package.
        let subject: String
        let contentTransferEncoding: String
        let body: String
    }

    /// One AUTH attempt the server saw (never the password).
    struct AuthAttempt: Decodable, Sendable, Equatable {
        let mechanism: String
        let login: String
        let success: Bool
        let tls: Bool
    }

    let port: Int
    /// The temporary directory: `cert.pem`, `key.pem`, `stderr.log` and `out/` with what the server received.
    let directory: URL
    /// The server's certificate (self-signed: also the CA file a client must trust).
    var certificate: URL { directory.appendingPathComponent("cert.pem") }
    private var out: URL { directory.appendingPathComponent("out") }
    private let process: Process
    private let input: Pipe

    private init(port: Int, directory: URL, process: Process, input: Pipe) {
        self.port = port
        self.directory = directory
        self.process = process
        self.input = input
    }

    deinit { stopNow() }

    /// Starts a sink with `options`, runs `body`, and stops the sink whatever happens.
    static func with<T>(_ options: Options = Options(), _ body: (SMTPSink) async throws -> T) async throws -> T {
        let sink = try await start(options)
        do {
            let result = try await body(sink)
            await sink.stop()
            return result
        } catch {
            await sink.stop()
            throw error
        }
    }

    /// The messages received so far, oldest first.
    func messages() throws -> [Message] {
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try names.map {
            try decoder.decode(Message.self, from: Data(contentsOf: out.appendingPathComponent($0)))
        }
    }

    /// The AUTH attempts seen so far, oldest first.
    func authAttempts() throws -> [AuthAttempt] {
        let log = out.appendingPathComponent("auth.jsonl")
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(AuthAttempt.self, from: Data($0.utf8))
        }
    }

    /// The server's standard error, for failure messages.
    func log() -> String {
        (try? String(contentsOf: directory.appendingPathComponent("stderr.log"), encoding: .utf8)) ?? "(no log)"
    }

    private static func start(_ options: Options) async throws -> SMTPSink {
        let directory = Scratch.root
            .appendingPathComponent("hoopcast-smtp-sink-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            return try await launch(options, in: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)  // best effort: a temp dir
            throw error
        }
    }

    private static func launch(_ options: Options, in directory: URL) async throws -> SMTPSink {
        var arguments = [
            TestPaths.repo("scripts/smtp-sink.py").path, "--out", directory.appendingPathComponent("out").path,
        ]
        if options.tls {
            try await makeCertificate(in: directory)
            arguments += ["--tls-cert", directory.appendingPathComponent("cert.pem").path]
            arguments += ["--tls-key", directory.appendingPathComponent("key.pem").path]
        }
        if options.implicitTLS { arguments.append("--implicit-tls") }
        if options.noStartTLS { arguments.append("--no-starttls") }
        if let user = options.user, let password = options.password {
            arguments += ["--user", user, "--password", password]
        }
        for mechanism in options.excludeAuth { arguments += ["--exclude-auth", mechanism] }

        let process = Process()
        let input = Pipe(), output = Pipe()
        let errorLog = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errorLog)
        defer { try? errorHandle.close() }  // the child holds its own descriptor
        process.executableURL = try ChildProcess.resolve("python3")
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorHandle
        let printed = NIOLockedValueBox("")
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            printed.withLockedValue { $0 += String(decoding: data, as: UTF8.self) }
        }
        try ChildProcess.withUnblockedSignals { try process.run() }
        let sink = { (port: Int) in SMTPSink(port: port, directory: directory, process: process, input: input) }

        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline && process.isRunning {
            let text = printed.withLockedValue { $0 }
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }),
                let port = Int(line.dropFirst(5))
            {
                output.fileHandleForReading.readabilityHandler = nil
                return sink(port)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        output.fileHandleForReading.readabilityHandler = nil
        let failed = sink(0)
        await failed.stop()
        let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        throw SinkError(message: "smtp-sink.py printed no PORT line within 15 s; its stderr:\n\(log)")
    }

    /// A self-signed EC certificate for CN=localhost, subjectAltName DNS:localhost and IP:127.0.0.1.
    private static func makeCertificate(in directory: URL) async throws {
        let child = ChildProcess(
            executable: "openssl",
            arguments: [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", directory.appendingPathComponent("key.pem").path,
                "-out", directory.appendingPathComponent("cert.pem").path,
            ])
        let result = try await child.run(timeout: .seconds(30))
        try #require(result.status == 0, "openssl req failed: \(result.standardError)")
    }

    /// Closes the server's stdin (it then stops), escalating to SIGTERM and SIGKILL; deletes the directory.
    func stop() async {
        try? input.fileHandleForWriting.close()  // already closed: nothing to do
        for (signal, wait) in [(Int32(0), 50), (SIGTERM, 50), (SIGKILL, 50)] {
            if signal != 0 && process.isRunning { kill(process.processIdentifier, signal) }
            for _ in 0..<wait where process.isRunning {
                try? await Task.sleep(for: .milliseconds(20))  // cancelled: the next check decides
            }
        }
        try? FileManager.default.removeItem(at: directory)  // best effort: a temp dir
    }

    /// The last resort when a sink is dropped without ``stop()``: SIGKILL, no waiting.
    private func stopNow() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    struct SinkError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
