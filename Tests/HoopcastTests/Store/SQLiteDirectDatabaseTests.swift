import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO
import Testing

@testable import HoopcastStore

/// The store's direct SQLite path reads and binds exactly as SQLiteKit's `Codable` path over SQLiteNIO's connection
/// does: every column type × every Swift type gives the same value, or an error on both.
struct SQLiteDirectDatabaseTests {
    static let query: SQLQueryString = """
        SELECT 3 AS integer, 2.5 AS float, 'x' AS text, '4' AS digits, NULL AS absent, x'00ff' AS blob
        """
    static let columns = ["integer", "float", "text", "digits", "absent", "blob"]

    /// SQLiteKit over SQLiteNIO's own connection to a private in-memory database, for `body`.
    static func withKit<R>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = try await SQLiteConnection.open(storage: .memory)
        do {
            let result = try await body(connection.sql())
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func rows(_ store: Store) async throws -> (direct: any SQLRow, kit: any SQLRow) {
        let direct = try #require(try await store.sql.raw(query).first())
        let kit = try #require(try await withKit { try await $0.raw(query).first() })
        return (direct, kit)
    }

    static func same<T: Decodable & Equatable>(_ type: T.Type, _ rows: (direct: any SQLRow, kit: any SQLRow)) {
        for column in columns {
            let direct = Result { try rows.direct.decode(column: column, as: T.self) }
            let kit = Result { try rows.kit.decode(column: column, as: T.self) }
            switch (direct, kit) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(column) as \(T.self)")
            case (.failure, .failure): break
            default: Issue.record("\(column) as \(T.self): direct \(direct), SQLiteKit \(kit)")
            }
        }
    }

    @Test func columnsDecodeAsSQLiteKitDecodesThem() async throws {
        try await Store.withOpen(.sqliteMemory) { store in
            let rows = try await Self.rows(store)
            Self.same(Int.self, rows)
            Self.same(Int?.self, rows)
            Self.same(Double.self, rows)
            Self.same(Double?.self, rows)
            Self.same(String.self, rows)
            Self.same(String?.self, rows)
            Self.same(Bool.self, rows)
            Self.same(Data.self, rows)
            Self.same(Int64?.self, rows)
            #expect(try rows.direct.decode(column: "float", as: Double?.self) == 2.5)
            #expect(try rows.direct.decode(column: "absent", as: Double?.self) == nil)
            #expect(try rows.direct.decodeNil(column: "absent") && !(try rows.direct.decodeNil(column: "text")))
            #expect(throws: (any Error).self) { try rows.direct.decode(column: "missing", as: Int.self) }
        }
    }

    @Test func bindsRoundTripEveryType() async throws {
        try await Store.withOpen(.sqliteMemory) { store in
            let row = try #require(
                try await store.sql.raw(
                    """
                    SELECT \(bind: SQLValue.double(-0.5)) AS a, \(bind: SQLValue.null) AS b, \(bind: "t") AS c,
                           \(bind: 7) AS d, \(bind: 1.25) AS e, \(bind: true) AS f, \(bind: Data([1, 2])) AS g,
                           typeof(\(bind: SQLValue.int(9))) AS h
                    """
                ).first())
            #expect(try row.decode(column: "a", as: Double.self) == -0.5)
            #expect(try row.decodeNil(column: "b"))
            #expect(try row.decode(column: "c", as: String.self) == "t")
            #expect(try row.decode(column: "d", as: Int.self) == 7)
            #expect(try row.decode(column: "e", as: Double.self) == 1.25)
            #expect(try row.decode(column: "f", as: Bool.self) == true)
            #expect(try row.decode(column: "g", as: Data.self) == Data([1, 2]))
            #expect(try row.decode(column: "h", as: String.self) == "integer")
        }
    }

    /// A bulk upsert writes its own SQLite text (skipping SQLKit's serializer): the table ends up exactly as when the
    /// same statement goes through SQLiteKit's generic serialisation — inserts, conflict updates, `DO NOTHING` on a
    /// key-only table, plain inserts, NULLs, quotes in text and doubles to the last bit.
    @Test func bulkUpsertWritesWhatSQLKitsSerialisationWrites() async throws {
        let rows: [[SQLValue]] = (0..<700).map { index in
            [
                .text("g\(index % 70)"), .int(index / 70), .double(Double(index) / 3 + 1e-13),
                index.isMultiple(of: 7) ? .null : .text("o'clock \"\(index)\""),
            ]
        }
        let changed: [[SQLValue]] = rows.prefix(50).map { [$0[0], $0[1], .double(-0.1), .null] }
        func contents(direct: Bool) async throws -> [String] {
            if direct {
                return try await Store.withOpen(.sqliteMemory) { store in try await contents(of: store.sql) }
            }
            return try await Self.withKit { try await contents(of: $0) }
        }
        func contents(of db: any SQLDatabase) async throws -> [String] {
            try await db.raw(
                "CREATE TABLE t (k TEXT NOT NULL, n INTEGER NOT NULL, x DOUBLE PRECISION, s TEXT, PRIMARY KEY (k, n))"
            ).run()
            try await db.raw("CREATE TABLE keys (k TEXT PRIMARY KEY)").run()
            try await db.raw("CREATE TABLE log (k TEXT, x DOUBLE PRECISION)").run()
            let upsert = BulkUpsert(table: "t", columns: ["k", "n", "x", "s"], key: ["k", "n"])
            try await upsert.run(rows, on: db)
            try await upsert.run(changed, on: db)
            try await BulkUpsert(table: "keys", columns: ["k"], key: ["k"]).run(rows.map { [$0[0]] }, on: db)
            try await BulkUpsert.insertOnly(table: "log", columns: ["k", "x"]).run(
                rows.map { [$0[0], $0[2]] }, on: db)
            var lines: [String] = []
            for table in ["t", "keys", "log"] {
                for row in try await db.raw("SELECT * FROM \(unsafeRaw: table) ORDER BY rowid").all() {
                    var values = [try row.decode(column: "k", as: String.self)]
                    if row.contains(column: "n") { values.append("\(try row.decode(column: "n", as: Int.self))") }
                    if row.contains(column: "x") {
                        values.append(
                            "\(try row.decode(column: "x", as: Double?.self).map { $0.bitPattern } as Any)")
                    }
                    if row.contains(column: "s") {
                        values.append("\(try row.decode(column: "s", as: String?.self) as Any)")
                    }
                    lines.append("\(table) " + values.joined(separator: " | "))
                }
            }
            return lines
        }
        let direct = try await contents(direct: true)
        #expect(direct.count == 700 + 70 + 700)
        #expect(direct == (try await contents(direct: false)))
        #expect(direct.contains("t g1 | 0 | Optional(\((-0.1).bitPattern)) | nil"))
    }
}
