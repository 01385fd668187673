import Foundation
import SQLKit
import SQLiteNIO
import Testing
import VaporCSQLite

@testable import HoopcastStore

/// The store's own SQLite connection: prepared statements reused without stale reads, a batch all or nothing, bind
/// counts checked, and failures that carry SQLite's code but never a bound value.
struct SQLiteLinkTests {
    static func withFileStore<R: Sendable>(_ body: (Store) async throws -> R) async throws -> R {
        let path = Scratch.root.appendingPathComponent("hoopcast-link-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await Store.withOpen(.sqlite(path: path), body)
    }

    @Test func aKeptStatementReadsEachCommitAnew() async throws {
        try await Self.withFileStore { store in
            try await store.transaction { db in try await db.raw("CREATE TABLE t (n INTEGER NOT NULL)").run() }
            var counts: [Int] = []
            for value in 1...3 {
                try await store.transaction { db in try await db.raw("INSERT INTO t VALUES (\(bind: value))").run() }
                // The same text each time: the reader's kept statement must not keep its first snapshot.
                let row = try #require(try await store.sql.raw("SELECT COUNT(*) AS n, SUM(n) AS s FROM t").first())
                counts.append(try row.decode(column: "n", as: Int.self) * 100 + row.decode(column: "s", as: Int.self))
            }
            #expect(counts == [101, 203, 306])
        }
    }

    @Test func aBatchAppliesWholeOrNotAtAll() async throws {
        try await Store.withOpen(.sqliteMemory) { store in
            try await store.sql.raw("CREATE TABLE t (k TEXT PRIMARY KEY, x INTEGER NOT NULL CHECK (x >= 0))").run()
            let upsert = BulkUpsert(table: "t", columns: ["k", "x"], key: ["k"])
            try await upsert.run([[.text("a"), .int(1)]], on: store.sql)
            // The third row breaks the CHECK: the first two (one a conflict update) must not stay written, outside a
            // transaction and inside one.
            let bad: [[SQLValue]] = [[.text("a"), .int(5)], [.text("b"), .int(2)], [.text("c"), .int(-1)]]
            await #expect(throws: SQLiteFailure.self) { try await upsert.run(bad, on: store.sql) }
            try await store.transaction { db in
                try await upsert.run([[.text("z"), .int(9)]], on: db)
                await #expect(throws: SQLiteFailure.self) { try await upsert.run(bad, on: db) }
            }
            let rows = try await store.sql.raw("SELECT k, x FROM t ORDER BY k").all()
            let contents = try rows.map {
                "\(try $0.decode(column: "k", as: String.self))=\(try $0.decode(column: "x", as: Int.self))"
            }
            #expect(contents == ["a=1", "z=9"])
            // The connection is usable afterwards, and the same batch without the bad row writes.
            try await upsert.run(Array(bad.prefix(2)), on: store.sql)
            #expect(
                try await store.sql.raw("SELECT SUM(x) AS s FROM t").first()?.decode(column: "s", as: Int.self) == 16)
        }
    }

    @Test func failuresCarryTheCodeAndNoBoundValue() async throws {
        try await Store.withOpen(.sqliteMemory) { store in
            try await store.sql.raw("CREATE TABLE t (k TEXT PRIMARY KEY, x INTEGER NOT NULL CHECK (x >= 0))").run()
            let secret = "sk_live_do_not_print_me"
            do {
                try await store.sql.raw("INSERT INTO t VALUES (\(bind: secret), \(bind: -4))").run()
                Issue.record("the CHECK did not fail")
            } catch let failure as SQLiteFailure {
                #expect(failure.primary == SQLITE_CONSTRAINT)
                #expect(failure.code == SQLITE_CONSTRAINT | (1 << 8))  // SQLITE_CONSTRAINT_CHECK
                #expect(failure.description.contains("CHECK constraint failed"))
                #expect(!failure.description.contains(secret))
                #expect(!TransientFailure.matches(failure))
            }
            await #expect(throws: SQLiteFailure.self) {
                try await store.sql.raw("SELECT \(bind: 1) AS a FROM no_such_table").run()
            }
        }
    }

    @Test func aLockConflictIsTransient() {
        let busy = SQLiteFailure(code: SQLITE_BUSY | (3 << 8), message: "database is locked", operation: "step")
        #expect(busy.isLockConflict && TransientFailure.matches(busy))
        #expect(!SQLiteFailure(code: SQLITE_CORRUPT, message: "", operation: "step").isLockConflict)
    }

    @Test func aKeptStatementSeesColumnsAddedSinceItWasPrepared() async throws {
        let link = try await SQLiteLink.open(.memory)
        _ = try await link.query("CREATE TABLE t (a INTEGER)", [])
        _ = try await link.query("INSERT INTO t VALUES (1)", [])
        #expect(try await link.query("SELECT * FROM t", []).columns.names == ["a"])
        _ = try await link.query("ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'", [])
        let rows = try await link.query("SELECT * FROM t", [])
        #expect(rows.columns.names == ["a", "b"] && rows.values == [.integer(1), .text("x")])
        try await link.close()
    }

    @Test func aFailedBatchInsideATransactionLeavesItsEarlierWrites() async throws {
        try await Store.withOpen(.sqliteMemory) { store in
            try await store.sql.raw("CREATE TABLE t (k TEXT PRIMARY KEY, x INTEGER NOT NULL CHECK (x >= 0))").run()
            let upsert = BulkUpsert(table: "t", columns: ["k", "x"], key: ["k"])
            // The transaction goes on after the failed batch (its rows rolled back to the savepoint) and commits.
            try await store.transaction { db in
                try await upsert.run([[.text("a"), .int(1)]], on: db)
                do {
                    try await upsert.run([[.text("b"), .int(2)], [.text("c"), .int(-1)]], on: db)
                } catch {}
                try await upsert.run([[.text("d"), .int(4)]], on: db)
            }
            let keys = try await store.sql.raw("SELECT k FROM t ORDER BY k").all().map {
                try $0.decode(column: "k", as: String.self)
            }
            #expect(keys == ["a", "d"])
        }
    }

    @Test func bindsMustMatchTheParameters() async throws {
        let link = try await SQLiteLink.open(.memory)
        await #expect(throws: SQLiteFailure.self) { _ = try await link.query("SELECT ? + ?", [.integer(1)]) }
        #expect(try await link.query("SELECT ? + ? AS s", [.integer(1), .integer(2)]).values == [.integer(3)])
        try await link.close()
        #expect(link.isClosed)
        await #expect(throws: SQLiteFailure.self) { _ = try await link.query("SELECT 1", []) }
    }

    @Test func moreStatementsThanTheCacheKeepsStillRun() async throws {
        let link = try await SQLiteLink.open(.memory)
        var sums: [SQLiteData] = []
        for round in 0..<2 {
            for number in 0..<(SQLiteStatementCache.capacity + 20) {
                let rows = try await link.query("SELECT ? + \(number) AS s", [.integer(round)])
                if number == 7 { sums.append(rows.values[0]) }
            }
        }
        #expect(sums == [.integer(7), .integer(8)])
        try await link.close()
    }
}

/// The column table finds every name, keeps the first of a repeated name, and finds nothing else.
struct SQLiteColumnsTests {
    @Test func everyNameIsFoundAtItsFirstPosition() {
        let names = (0..<70).map { "f_stat_column_\($0)" } + ["game_id", "player_id", "game_id", ""]
        let columns = SQLiteColumns(names: names)
        for (position, name) in names.enumerated() where names.firstIndex(of: name) == position {
            #expect(columns.position(of: name) == position, "\(name)")
        }
        #expect(columns.position(of: "game_id") == 70)
        #expect(columns.position(of: "") == 73)
        for missing in ["f_stat_column_70", "Game_id", "game_id ", "player"] {
            #expect(columns.position(of: missing) == nil)
        }
        #expect(SQLiteColumns(names: []).position(of: "a") == nil)
    }
}
