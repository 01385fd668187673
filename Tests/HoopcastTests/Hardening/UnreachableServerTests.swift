import Foundation
import HoopcastCore
import HoopcastLive
import HoopcastStore
import Testing

/// A server that refuses the connection is reported at once: a command-line open of a PostgreSQL store gives up after
/// one attempt with one message (it took 68 s and 24 log lines), and an HTTP attempt to a refused port fails as a
/// connection error that the client's own retry policy handles (async-http-client kept retrying it for the whole
/// 10 s connect timeout, so it failed as a timeout).
struct UnreachableServerTests {
    /// A loopback port nothing listens on.
    private func closedPort() throws -> Int { try PrivatePostgresServer.freePort() }

    @Test func openingAnUnreachablePostgresStoreFailsWithHostPortAndReason() async throws {
        let port = try closedPort()
        do {
            _ = try await Store.open(.postgres(url: "postgres://nouser:hunter2secret@127.0.0.1:\(port)/x"))
            Issue.record("a refused connection opened a store")
        } catch let error as StoreError {
            #expect(error.code == .unreachable)
            #expect(
                error.description == "cannot connect to PostgreSQL at 127.0.0.1:\(port) as 'nouser': "
                    + "Connection refused")
        }
    }

    @Test func statusPrintsOneLineAndExitsOne() throws {
        let port = try closedPort()
        let run = try CommandLineRun.run(["status", "--store", "postgres://nouser:hunter2secret@127.0.0.1:\(port)/x"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("127.0.0.1:\(port)") && run.stderr.contains("Connection refused"), "\(run.stderr)")
        #expect(!run.stderr.contains("hunter2secret"))
    }

    @Test func aRefusedHTTPConnectionFailsTheAttemptAsAConnectionError() async throws {
        let port = try closedPort()
        let transport = AsyncHTTPTransport(connectTimeouts: [.seconds(10)])
        let client = LiveHTTPClient(
            transport: transport,
            policies: [
                "example.test": HostPolicy(
                    requestsPerMinute: nil, connectTimeout: .seconds(10), totalTimeout: .seconds(30),
                    retry: RetryPolicy(maxAttempts: 1))
            ])
        let request = SourceRequest(
            source: "probe", endpoint: "refused", policyHost: "example.test",
            baseURL: "http://127.0.0.1:\(port)", path: "/")
        do {
            _ = try await client.fetch(request)
            Issue.record("a refused connection answered")
        } catch {
            #expect(error.kind == .retriesExhausted)
            #expect(error.attempts == 1)
            #expect(error.lastOutcome == "connection error")
        }
        try await transport.shutdown()
    }
}
