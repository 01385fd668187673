import Foundation
@testable import HoopcastStore
import SQLKit
import SQLiteKit
import Testing

/// The store's direct SQLite path reads and binds exactly as SQLiteKit's `Codable` path does: every column type ×
/// every Swift type gives the same value, or an error on both.
struct SQLiteDirectDatabaseTests {
    static let query: SQLQueryString = """
        SELECT 3 AS integer, 2.5 AS float, 'x' AS text, '4' AS digits, NULL AS absent, x'00ff' AS blob
        """
    static let columns = ["integer", "float", "text", "digits", "absent", "blob"]

    static func rows(_ store: Store) async throws -> (direct: any SQLRow, kit: any SQLRow) {
        guard case .sqlite(let connection) = store.backend else { throw StoreError(.openFailed, "not SQLite") }
        let direct = try #require(try await store.sql.raw(query).first())
        let kit = try #require(try await connection.sql().raw(query).first())
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
            Self.same(Int.self, rows); Self.same(Int?.self, rows)
            Self.same(Double.self, rows); Self.same(Double?.self, rows)
            Self.same(String.self, rows); Self.same(String?.self, rows)
            Self.same(Bool.self, rows); Self.same(Data.self, rows); Self.same(Int64?.self, rows)
            #expect(try rows.direct.decode(column: "float", as: Double?.self) == 2.5)
            #expect(try rows.direct.decode(column: "absent", as: Double?.self) == nil)
            #expect(try rows.direct.decodeNil(column: "absent") && !(try rows.direct.decodeNil(column: "text")))
            #expect(throws: (any Error).self) { try rows.direct.decode(column: "missing", as: Int.self) }
        }
    }

    @Test func bindsRoundTripEveryType() async throws {
        try await Store.withOpen(.sqliteMemory) { store in
            let row = try #require(try await store.sql.raw("""
                SELECT \(bind: SQLValue.double(-0.5)) AS a, \(bind: SQLValue.null) AS b, \(bind: "t") AS c,
                       \(bind: 7) AS d, \(bind: 1.25) AS e, \(bind: true) AS f, \(bind: Data([1, 2])) AS g,
                       typeof(\(bind: SQLValue.int(9))) AS h
                """).first())
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
}
