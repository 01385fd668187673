import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

/// The whole warehouse on PostgreSQL: the same migrations, the same SQL, the same results as SQLite.
@Suite(.serialized)
struct PostgresParityTests {
    @Test func theTestServerIsThereWhenTheTestCommandAsksForIt() {
        #expect(
            !TestEngine.postgresRequired || TestEngine.postgresURL != nil,
            "HOOPCAST_TEST_POSTGRES_REQUIRED=1 but HOOPCAST_TEST_POSTGRES_URL is not set")
    }

    @Test(arguments: TestEngine.available)
    func migrationsApplyOnceAndAgreeOnTheTables(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let versions = try await store.sql.raw("SELECT version FROM ops_schema_migrations ORDER BY version").all()
            .map { try $0.decode(column: "version", as: Int.self) }
        #expect(versions == Array(1...versions.count) && versions.count >= 11)
        try await store.close()
    }

    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func bothEnginesHaveTheSameTables() async throws {
        let sqlite = try await TestEngine.sqlite.freshStore(), postgres = try await TestEngine.postgres.freshStore()
        let tables = try await Self.tables(sqlite)
        #expect(tables.count > 15)
        #expect(try await Self.tables(postgres) == tables)
        try await sqlite.close()
        try await postgres.close()
    }

    /// Several processes starting at once on a new database: one migrates, the others wait and find nothing to do.
    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func concurrentOpensMigrateOnce() async throws {
        let url = try await TestEngine.freshPostgresDatabase()
        let stores = try await withThrowingTaskGroup(of: Store.self) { group in
            for _ in 0..<4 { group.addTask { try await Store.open(.postgres(url: url)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let count = try await stores[0].sql.raw("SELECT COUNT(*) AS n FROM ops_schema_migrations").first()?
            .decode(column: "n", as: Int.self)
        let sqlite = try await TestEngine.sqlite.freshStore()
        let known = try await sqlite.sql.raw("SELECT COUNT(*) AS n FROM ops_schema_migrations").first()?
            .decode(column: "n", as: Int.self)
        #expect(count != nil && count == known)
        try await sqlite.close()
        for store in stores { try await store.close() }
    }

    /// Import, summaries, context, features, predictions and grades for three dates of the real fixture, on both
    /// engines: every table holds the same rows (run ids, surrogate ids and timestamps aside).
    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func thePipelineWritesIdenticalTablesOnBothEngines() async throws {
        let through = GameDate("2024-01-10")!
        let sqlite = try await PredictionStepTests.backfilled(through: through, engine: .sqlite).store
        let postgres = try await PredictionStepTests.backfilled(through: through, engine: .postgres).store
        var compared = 0
        for table in try await Self.tables(sqlite) where !table.hasPrefix("ops_") {
            let excluded: Set<String> = ["run_id", "id", "created_at", "updated_at", "imported_at", "quarantined_at"]
            let left = try await TestStore.canonicalRows(sqlite, table, excluding: excluded)
            let right = try await TestStore.canonicalRows(postgres, table, excluding: excluded)
            #expect(left.count == right.count, "\(table): \(left.count) rows on SQLite, \(right.count) on PostgreSQL")
            let differing = zip(left, right).first { $0 != $1 }
            #expect(differing == nil, "\(table): first difference \(String(describing: differing))")
            compared += left.count
        }
        let predictions = try await TestStore.canonicalRows(postgres, "predictions_player_props").count
        #expect(predictions > 10_000 && compared > 30_000, "\(predictions) predictions, \(compared) rows compared")
        try await sqlite.close()
        try await postgres.close()
    }

    /// The store's tables, sorted.
    static func tables(_ store: Store) async throws -> [String] {
        let rows: [any SQLRow]
        switch store.dialect {
        case .sqlite:
            rows = try await store.sql.raw(
                """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                """
            ).all()
        case .postgres:
            rows = try await store.sql.raw(
                """
                SELECT table_name AS name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                """
            ).all()
        }
        return try rows.map { try $0.decode(column: "name", as: String.self) }.sorted()
    }
}
