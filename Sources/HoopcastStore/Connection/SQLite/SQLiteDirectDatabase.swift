import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// The store's `SQLDatabase` over one ``SQLiteLink``: SQLiteKit's dialect, with the common bind and column types
/// converted directly instead of through `Codable`.
///
/// SQLiteKit encodes every bind through `SQLiteDataEncoder` (a protocol-conformance cast per value) and decodes
/// every column through `SQLiteDataDecoder` (optionals through a nested `Decoder`); with ~100,000 values a date
/// that was a sixth of a backfill's CPU time. ``SQLValue``, `String`, `Int` and `Double` binds and `Int`, `Double`,
/// `String` columns and their optionals take the direct path, with exactly SQLiteNIO's conversions; every other type
/// falls back to SQLiteKit's coders, so behaviour does not change. A ``SQLiteDirectStatement`` (a bulk upsert) runs
/// as one prepared statement stepped over its rows.
///
/// The link runs one statement at a time: statements from different tasks interleave on one connection, but no
/// statement is ever mid-step while another runs. (A file store reads outside transactions through a second
/// connection, so such a read never sees another task's uncommitted writes; see ``Store/sql``.)
struct SQLiteDirectDatabase: SQLDatabase {
    let link: SQLiteLink
    let logger: Logger
    let eventLoop: any EventLoop
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    init(link: SQLiteLink, logger: Logger) {
        self.link = link
        self.logger = logger
        eventLoop = MultiThreadedEventLoopGroup.singleton.any()
    }

    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }
    var version: (any SQLDatabaseReportedVersion)? { SQLiteLibraryVersion.runtime }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let direct = query as? any SQLiteDirectStatement {
            let (sql, rows) = direct.sqliteStatement()
            try await link.batch(sql, rows: rows)
            return
        }
        let (sql, binds) = serialize(query)
        let rows = try await link.query(sql, try binds.map(data(for:)))
        for index in 0..<rows.count { onRow(SQLiteDirectRow(rows: rows, index: index, decoder: decoder)) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)  // one connection: every query already runs on it
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

/// The SQLite library's version, as SQLKit asks a database for it.
struct SQLiteLibraryVersion: SQLDatabaseReportedVersion {
    let intValue: Int
    let stringValue: String

    /// The version of the library the store runs on.
    static let runtime = SQLiteLibraryVersion(
        intValue: Int(SQLiteConnection.libraryVersion()), stringValue: SQLiteConnection.libraryVersionString())

    func isEqual(to otherVersion: any SQLDatabaseReportedVersion) -> Bool {
        (otherVersion as? SQLiteLibraryVersion)?.intValue == intValue
    }

    func isOlder(than otherVersion: any SQLDatabaseReportedVersion) -> Bool {
        guard let other = otherVersion as? SQLiteLibraryVersion else { return false }
        return intValue < other.intValue
    }
}
