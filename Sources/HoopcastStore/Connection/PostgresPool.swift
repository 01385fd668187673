import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// A pool of PostgreSQL connections (PostgresNIO's `PostgresClient`) behind the store.
///
/// Every connection is opened with a connect timeout and server-side `statement_timeout`,
/// `lock_timeout` and `idle_in_transaction_session_timeout`, so no query waits forever. A lost connection is
/// replaced by the pool on the next lease, so workers recover when the server restarts.
final class PostgresPool: Sendable {
    /// The server-side limit on one statement.
    static let statementTimeout = "300s"
    /// The server-side limit on waiting for a row or table lock.
    static let lockTimeout = "60s"

    let client: PostgresClient
    private let runner: Task<Void, Never>
    /// Queries on any pooled connection.
    let database: any SQLDatabase

    private init(client: PostgresClient, logger: Logger) {
        self.client = client
        runner = Task { await client.run() }
        database = PooledDatabase(client: client, logger: logger)
    }

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=disable|prefer|require`) and checks
    /// that the server answers.
    ///
    /// With ``Store/ConnectPolicy/failFast`` one direct connection is tried first, within
    /// ``Store/ConnectPolicy/failFastTimeout``, and its failure is thrown at once with the host, the port and the
    /// driver's reason; ``Store/ConnectPolicy/patient`` leaves waiting for the server to the pool's own backoff.
    static func connect(url: String, policy: Store.ConnectPolicy, logger: Logger) async throws -> PostgresPool {
        let target = try PostgresTarget(url: url)
        if case .failFast = policy { try await probe(target) }
        let pool = PostgresPool(
            client: PostgresClient(
                configuration: try target.clientConfiguration(),
                backgroundLogger: logger), logger: logger)
        // Give the client's run loop a moment to start: a lease before it runs works but logs a warning.
        try? await Task.sleep(for: .milliseconds(20))
        do {
            try await pool.database.raw("SELECT 1 AS ok").run()
        } catch {
            pool.cancel()
            throw StoreError(.openFailed, "cannot connect to \(StoreLocation.redact(url))", underlying: error)
        }
        return pool
    }

    /// Opens and closes one connection to `target`; throws ``StoreError/Code/unreachable`` naming the host, the
    /// port and the reason when that fails.
    static func probe(_ target: PostgresTarget) async throws {
        let configuration = try target.connectionConfiguration(timeout: Store.ConnectPolicy.failFastTimeout)
        var quiet = Logger(label: "hoopcast.store.probe")
        quiet.logLevel = .critical
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: quiet)
        } catch {
            throw StoreError(
                .unreachable,
                "cannot connect to PostgreSQL at \(target.host):\(target.port) as "
                    + "'\(target.user)': \(PostgresFailureReason.describe(error))")
        }
        try? await connection.close()  // the probe's answer is in; a failed goodbye changes nothing
    }

    /// The client-side limit on one lease-and-query (or one session): beyond the server's statement timeout, for
    /// an answer that never comes at all — observed after a server restart, when a request can be left waiting on
    /// a connection the pool has already closed. The request is then abandoned with a transient error.
    static let clientTimeout: Duration = .seconds(330)

    /// Runs `body` on one leased connection (a session: transactions, advisory locks), within
    /// ``clientTimeout``.
    func withConnection<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    {
        try await PostgresPool.limited { [client] in
            try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        }
    }

    /// Runs `body` within ``clientTimeout``.
    static func limited<R: Sendable>(_ body: @escaping @Sendable () async throws -> R) async throws -> R {
        try await TimeLimit.run(
            limit: clientTimeout,
            timeout: {
                StoreError(
                    .timedOut,
                    "PostgreSQL gave no answer within \(clientTimeout.components.seconds) s; the request was abandoned")
            }, body)
    }

    /// Closes every connection.
    func shutdown() async {
        runner.cancel()
        await runner.value
    }

    /// Closes every connection without waiting.
    func cancel() {
        runner.cancel()
    }
}

/// An `SQLDatabase` whose every query runs on a connection leased from the pool for that query.
private struct PooledDatabase: SQLDatabase {
    let client: PostgresClient
    let logger: Logger

    var eventLoop: any EventLoop { PostgresClient.defaultEventLoopGroup.any() }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await PostgresPool.limited { [client] in
            try await client.withConnection { connection in
                try await connection.sql(queryLogLevel: nil).execute(sql: query, onRow)
            }
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await closure(connection.sql(queryLogLevel: nil))
        }
    }
}
