import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The store's `SQLDatabase` over its SQLite connection: SQLiteKit's, with the common bind and column types converted
/// directly instead of through `Codable`.
///
/// SQLiteKit encodes every bind through `SQLiteDataEncoder` (a protocol-conformance cast per value) and decodes
/// every column through `SQLiteDataDecoder` (optionals through a nested `Decoder`); with ~100,000 values a date
/// that was a sixth of a backfill's CPU time. ``SQLValue``, `String`, `Int` and `Double` binds and `Int`, `Double`,
/// `String` columns and their optionals take the direct path, with exactly SQLiteNIO's conversions; every other type
/// falls back to SQLiteKit's coders, so behaviour does not change.
///
/// It also runs one statement at a time. SQLiteNIO runs each query as a job on a shared thread pool, so two tasks
/// using the one connection could step two statements at once, and SQLite leaves a read undefined while the same
/// connection changes the table being read. This was seen once: a job-count query read a NULL status while workers
/// were committing. Statements from different tasks still interleave on one connection, but no statement is ever
/// mid-step while another runs. (A file store reads outside transactions through a second connection, so such a read
/// never sees another task's uncommitted writes; see ``Store/sql``.)
struct SQLiteDirectDatabase: SQLDatabase {
    let connection: SQLiteConnection
    /// Held while a statement runs (prepare, every step, finalize).
    let statements: AsyncLock
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    init(connection: SQLiteConnection, statements: AsyncLock = AsyncLock()) {
        self.connection = connection
        self.statements = statements
    }

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }
    var version: (any SQLDatabaseReportedVersion)? { base.version }

    /// SQLiteKit's database over the same connection (the version it reports).
    private var base: any SQLDatabase { connection.sql(queryLogLevel: nil) }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = try prepare(query)
        let (connection, decoder) = (connection, decoder)
        try await statements.withLock {
            try await connection.query(sql, binds) { onRow(SQLiteDirectRow(row: $0, decoder: decoder)) }
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)  // one connection: every query already runs on it
    }

    private func prepare(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        if let direct = query as? any SQLiteDirectStatement { return direct.sqliteStatement() }
        let (sql, binds) = serialize(query)
        return (sql, try binds.map(data(for:)))
    }

    private func data(for bind: any Encodable & Sendable) throws -> SQLiteData {
        switch bind {
        case let value as SQLValue: return value.sqliteData ?? .null
        case let text as String: return .text(text)
        case let number as Int: return .integer(number)
        case let number as Double: return .float(number)
        default: return try encoder.encode(bind)
        }
    }
}
