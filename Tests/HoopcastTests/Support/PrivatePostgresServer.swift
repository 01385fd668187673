import Foundation
import Testing

@testable import HoopcastCLI

/// A PostgreSQL server of a test's own (`scripts/postgres-test-server.sh` with a private directory and port), for
/// tests that restart the server: the shared test server must stay up for the tests running alongside.
struct PrivatePostgresServer: Sendable {
    let directory: String
    let port: Int

    /// Whether the PostgreSQL server binaries are installed (the test command installs them).
    static var installed: Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).contains { version in
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/pg_ctl")
        }
    }

    /// Starts a server on a free loopback port; returns it and its URL.
    static func start() async throws -> (server: PrivatePostgresServer, url: String) {
        let server = PrivatePostgresServer(
            directory: "/tmp/hoopcast-private-pg-\(UUID().uuidString.prefix(8))",
            port: try freePort())
        let url = try await server.script("start").trimmingCharacters(in: .whitespacesAndNewlines)
        return (server, url)
    }

    /// Restarts the server (fast shutdown: open connections are cut).
    func restart() async throws { _ = try await script("restart") }

    /// Stops the server and deletes its files.
    func stop() async throws {
        _ = try await script("stop")
        try? FileManager.default.removeItem(atPath: directory)  // best effort: a temp dir
        try? FileManager.default.removeItem(atPath: directory + ".initdb.log")
    }

    private func script(_ command: String) async throws -> String {
        let child = ChildProcess(
            executable: "/usr/bin/env",
            arguments: [
                "HOOPCAST_PG_DIR=\(directory)", "HOOPCAST_PG_PORT=\(port)",
                TestPaths.repo("scripts/postgres-test-server.sh").path, command,
            ])
        let result = try await child.run(timeout: .seconds(120))
        try #require(result.status == 0, "postgres-test-server.sh \(command): \(result.standardError)")
        return result.standardOutput
    }

    /// A loopback port nobody listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        try #require(bound, "cannot bind a loopback port")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
