import Foundation
import HoopcastStore
import SQLKit
import Testing

/// Migration 25 rebuilds `raw_injuries` for the official reports and keeps the live rows stored before it.
struct InjuryMigrationTests {
    @Test func liveRowsStoredBeforeMigration25AreCopied() async throws {
        let path = Scratch.root.appendingPathComponent("inj-\(UUID().uuidString).sqlite").path
        // A store as version 24 left it: the old table, with one Ball Don't Lie row, and 25 not applied.
        let old = try await Store.open(.sqlite(path: path))
        for statement in [
            "DROP TABLE raw_injuries",
            """
            CREATE TABLE raw_injuries (
                report_date TEXT NOT NULL, team TEXT NOT NULL, player_name TEXT NOT NULL, player_id INTEGER,
                status TEXT NOT NULL, reason TEXT, reported_at TEXT NOT NULL, source TEXT NOT NULL,
                content_hash TEXT NOT NULL, run_id TEXT NOT NULL,
                PRIMARY KEY (report_date, team, player_name, source, reported_at))
            """,
            """
            INSERT INTO raw_injuries VALUES ('2025-07-01', 'BOS', 'Jayson Tatum', NULL, 'out', 'Achilles',
                '2025-07-01T13:00:00Z', 'bdl', 'h', 'r')
            """,
            "DELETE FROM ops_schema_migrations WHERE version = 25",
        ] {
            try await old.sql.raw(SQLQueryString(statement)).run()
        }
        try await old.close()
        let store = try await Store.open(.sqlite(path: path))
        let rows = try await TestStore.snapshot(store, "raw_injuries")
        #expect(
            rows == [
                "'bdl'|'2025-07-01T13:00:00Z'|''|'2025-07-01'|''|'BOS'|'Jayson Tatum'|NULL|'out'|'Achilles'|'h'|'r'"
            ])
        try await store.close()
    }
}
