import Foundation
import HoopcastStore
import Logging
import PostgresNIO
import SQLKit
import Testing

/// The SQL engines a test can run on: SQLite always; PostgreSQL when the test command started a server
/// (`HOOPCAST_TEST_POSTGRES_URL`, set by `scripts/test.sh`; point it at an existing server to use that one).
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The server URL tests create their databases on (a database they may create databases from).
    static let postgresURL = ProcessInfo.processInfo.environment["HOOPCAST_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Set by the test command: a missing server is then a failure, not a skip.
    static let postgresRequired = ProcessInfo.processInfo.environment["HOOPCAST_TEST_POSTGRES_REQUIRED"] == "1"

    /// The engines available to this run.
    static let available: [TestEngine] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    /// A fresh, migrated store on this engine: in-memory SQLite, or a new database on the test server.
    func freshStore() async throws -> Store {
        switch self {
        case .sqlite:
            return try await Store.open(.sqliteMemory)
        case .postgres:
            return try await Store.open(.postgres(url: try await TestEngine.freshPostgresDatabase()))
        }
    }

    /// Creates an empty database `hoopcast_test_<random>` on the test server and returns its URL. The databases are
    /// left behind for inspection; the test command's server is thrown away after the run.
    static func freshPostgresDatabase(on serverURL: String? = nil) async throws -> String {
        let server = try #require(serverURL ?? postgresURL, "HOOPCAST_TEST_POSTGRES_URL is not set")
        return try await ScratchDatabase.create(onServer: server, prefix: "hoopcast_test_").url
    }
}

/// Table contents compared across engines.
extension TestStore {
    /// Every row of `table` as canonical text (typed by the schema: integers, doubles, text, NULL), sorted; columns
    /// named in `excluding` are left out. The same data gives the same lines on SQLite and PostgreSQL.
    static func canonicalRows(_ store: Store, _ table: String, excluding: Set<String> = []) async throws -> [String] {
        let typeRows: [any SQLRow]
        switch store.dialect {
        case .sqlite:
            typeRows = try await store.sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table)) ORDER BY cid")
                .all()
        case .postgres:
            typeRows = try await store.sql.raw(
                """
                SELECT column_name AS name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """
            ).all()
        }
        let columns = try typeRows.map {
            (
                try $0.decode(column: "name", as: String.self),
                try $0.decode(column: "type", as: String.self).lowercased()
            )
        }
        .filter { !excluding.contains($0.0) }
        #expect(!columns.isEmpty, "table \(table) has no columns")
        let list = columns.map(\.0).joined(separator: ", ")
        // Test-only SQL over identifiers read from the schema.
        return try await store.sql.raw(SQLQueryString("SELECT \(list) FROM \(table)")).all().map { row in
            try columns.map { name, type in
                if try row.decodeNil(column: name) { return "NULL" }
                if type.contains("int") { return String(try row.decode(column: name, as: Int.self)) }
                if type.contains("double") || type.contains("real") {
                    return String(try row.decode(column: name, as: Double.self))
                }
                return "'" + (try row.decode(column: name, as: String.self)) + "'"
            }.joined(separator: "|")
        }.sorted()
    }
}
