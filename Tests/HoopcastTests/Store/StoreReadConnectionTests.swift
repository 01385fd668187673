import Foundation
import HoopcastStore
import SQLKit
import Testing

/// A file store reads outside transactions through a connection of its own: such a read never sees what an open
/// transaction has written, and sees it once committed (WAL: the last commit).
struct StoreReadConnectionTests {
    static func count(_ db: any SQLDatabase) async throws -> Int {
        try #require(try await db.raw("SELECT COUNT(*) AS n FROM t").first()).decode(column: "n", as: Int.self)
    }

    @Test func aReadOutsideATransactionSeesOnlyCommittedRows() async throws {
        let path = Scratch.root.appendingPathComponent("hoopcast-rc-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await Store.withOpen(.sqlite(path: path)) { store in
            try await store.transaction { db in try await db.raw("CREATE TABLE t (n INTEGER NOT NULL)").run() }
            let seenInside = try await store.transaction { db in
                try await db.raw("INSERT INTO t (n) VALUES (1), (2)").run()
                let own = try await Self.count(db)  // the transaction sees its own rows
                let outside = try await Self.count(store.sql)  // a read beside it does not
                return [own, outside]
            }
            #expect(seenInside == [2, 0])
            let afterCommit = try await Self.count(store.sql)
            #expect(afterCommit == 2)
            // A transaction that rolls back leaves nothing a reader could have seen.
            await #expect(throws: StoreError.self) {
                try await store.transaction { db in
                    try await db.raw("INSERT INTO t (n) VALUES (3)").run()
                    throw StoreError(.queryFailed, "abandoned")
                }
            }
            let afterRollback = try await Self.count(store.sql)
            #expect(afterRollback == 2)
        }
    }
}
