import Foundation
import SQLKit

/// Applies pending ``Migration``s in version order, each in its own transaction.
struct Migrator: Sendable {
    let store: Store

    /// Every migration this binary knows, oldest first.
    static let all: [Migration] = [
        Schema.rawLayer, Schema.registryLayer, Schema.analyticsLayer, Schema.featuresLayer,
        Schema.predictionsLayer, Schema.gradingLayer, Schema.opsLayer, Schema.pendingGames,
        Schema.featureIndexes, Schema.featureHashes, Schema.predictionsV2, Schema.jobQueue, Schema.liveLayer,
        Schema.predictionStaging, Schema.queueClaimIndex, Schema.stagingPayload, Schema.linedPredictionIndex,
        Schema.quarantineOnce, Schema.oneWritePath, Schema.featureLine,
        Schema.partitionVersions, Schema.rawChangedGames, Schema.featureColumns, Schema.gradedPrices,
        Schema.injuryReports, Schema.checks, Schema.apiKeys, Schema.serverSecrets, Schema.alerts,
        Schema.availabilityFeatures, Schema.listFreeChecks,
    ]

    /// The advisory-lock key that serialises migrations of one PostgreSQL database across processes.
    static let postgresLockKey = 0x686F_6F70  // "hoop"

    func migrate() async throws {
        switch store.backend {
        case .sqlite:
            try await migrate(on: store.writer)
        case .postgres(let pool):
            // Many workers may start at once: one migrates while the others wait, then find nothing to do.
            try await pool.withConnection { session in
                try await session.raw("SELECT pg_advisory_lock(\(bind: Migrator.postgresLockKey))").run()
                do {
                    try await Migrator(store: store).migrate(on: session)
                    try await session.raw("SELECT pg_advisory_unlock(\(bind: Migrator.postgresLockKey))").run()
                } catch {
                    try? await session.raw("SELECT pg_advisory_unlock(\(bind: Migrator.postgresLockKey))").run()
                    throw error
                }
            }
        }
    }

    /// Applies pending migrations through `db` (the store's own database, or the PostgreSQL session holding the
    /// migration lock), each in its own transaction.
    private func migrate(on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            CREATE TABLE IF NOT EXISTS ops_schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """
        ).run()
        let applied = try await db.raw("SELECT version FROM ops_schema_migrations")
            .all().map { try $0.decode(column: "version", as: Int.self) }
        let newestKnown = Migrator.all.last?.version ?? 0
        if let newest = applied.max(), newest > newestKnown {
            throw StoreError(
                .schemaTooNew, "the store has schema version \(newest); this hoopcast knows up to \(newestKnown)")
        }
        let done = Set(applied)
        for migration in Migrator.all where !done.contains(migration.version) {
            let dialect = store.dialect
            let appliedAt = ISO8601DateFormatter().string(from: Date())
            do {
                try await Migrator.inTransaction(db, sqlite: dialect == .sqlite) { db in
                    try await migration.apply(db, dialect)
                    try await db.raw(
                        """
                        INSERT INTO ops_schema_migrations (version, name, applied_at)
                        VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: appliedAt))
                        """
                    ).run()
                }
            } catch {
                throw StoreError(
                    .migrationFailed, "migration \(migration.version) (\(migration.name)) failed", underlying: error)
            }
        }
    }

    /// Runs `body` in a transaction on `db` itself (not a pooled connection: on PostgreSQL the session holds the lock).
    private static func inTransaction(
        _ db: any SQLDatabase, sqlite: Bool,
        _ body: (any SQLDatabase) async throws -> Void
    ) async throws {
        try await db.raw(sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        do {
            try await body(db)
            try await db.raw("COMMIT").run()
        } catch {
            try? await db.raw("ROLLBACK").run()  // the migration's error is the one to report
            throw error
        }
    }
}

extension Store {
    /// The newest migration applied to this store and the newest this binary knows: a store is current when they
    /// are equal (a newer store, migrated by a newer binary, is reported rather than used blindly).
    public func schemaStatus() async throws -> (applied: Int, expected: Int) {
        let applied =
            try await sql.raw("SELECT MAX(version) AS v FROM ops_schema_migrations").first()?
            .value("v", as: Int?.self) ?? 0
        return (applied, Migrator.all.last?.version ?? 0)
    }
}
