import Foundation
import SQLKit

/// Applies pending ``Migration``s in version order, each in its own transaction.
struct Migrator: Sendable {
    let store: Store

    /// Every migration this binary knows, oldest first.
    static let all: [Migration] = [
        Schema.rawLayer, Schema.registryLayer, Schema.analyticsLayer, Schema.featuresLayer,
        Schema.predictionsLayer, Schema.gradingLayer, Schema.opsLayer, Schema.pendingGames,
        Schema.featureIndexes, Schema.featureHashes, Schema.predictionsV2, Schema.liveLayer,
    ]

    func migrate() async throws {
        try await store.sql.raw("""
            CREATE TABLE IF NOT EXISTS ops_schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """).run()
        let applied = try await store.sql.raw("SELECT version FROM ops_schema_migrations")
            .all().map { try $0.decode(column: "version", as: Int.self) }
        let newestKnown = Migrator.all.last?.version ?? 0
        if let newest = applied.max(), newest > newestKnown {
            throw StoreError(.schemaTooNew, "the store has schema version \(newest); this hoopcast knows up to \(newestKnown)")
        }
        let done = Set(applied)
        for migration in Migrator.all where !done.contains(migration.version) {
            let dialect = store.dialect
            let appliedAt = ISO8601DateFormatter().string(from: Date())
            do {
                try await store.transaction { db in
                    for statement in migration.statements(dialect) {
                        try await db.raw(SQLQueryString(statement)).run()
                    }
                    try await db.raw("""
                        INSERT INTO ops_schema_migrations (version, name, applied_at)
                        VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: appliedAt))
                        """).run()
                }
            } catch {
                throw StoreError(.migrationFailed, "migration \(migration.version) (\(migration.name)) failed", underlying: error)
            }
        }
    }
}
