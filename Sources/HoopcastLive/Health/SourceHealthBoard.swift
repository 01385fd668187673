import HoopcastCore
import HoopcastStore
import SQLKit

/// The owner of `ops_source_health`: records each ingest's per-source outcome and reads the sources' health (the
/// alerts' "source down" trigger, the dashboard).
///
/// Recorded outside the ingest step's commit on purpose: a failed fetch commits nothing, yet its failure is exactly
/// what this table must keep. Each write is one upsert per source, idempotent for the same report and instant.
public struct SourceHealthBoard: Sendable {
    let db: any SQLDatabase

    /// The board of a store's database.
    public init(db: any SQLDatabase) { self.db = db }

    /// Records what `report` found of each source it asked, at `now`.
    public func record(_ report: IngestReport, at now: WallInstant) async throws {
        for (source, outcome) in SourceHealth.outcomes(of: report).sorted(by: { $0.key < $1.key }) {
            try await record(source: source, succeeded: outcome.succeeded, error: outcome.error, at: now)
        }
    }

    /// Records one attempt of `source` at `now`.
    public func record(source: String, succeeded: Bool, error: String?, at now: WallInstant) async throws {
        let at = now.description
        if succeeded {
            try await db.raw(
                """
                INSERT INTO ops_source_health
                    (source, last_attempt_at, last_success_at, failing_since, failures, last_error)
                VALUES (\(bind: source), \(bind: at), \(bind: at), NULL, 0, NULL)
                ON CONFLICT (source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
                    last_success_at = excluded.last_success_at, failing_since = NULL, failures = 0, last_error = NULL
                """
            ).run()
        } else {
            try await db.raw(
                """
                INSERT INTO ops_source_health
                    (source, last_attempt_at, last_success_at, failing_since, failures, last_error)
                VALUES (\(bind: source), \(bind: at), NULL, \(bind: at), 1, \(bind: error))
                ON CONFLICT (source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
                    failing_since = COALESCE(ops_source_health.failing_since, excluded.failing_since),
                    failures = ops_source_health.failures + 1, last_error = excluded.last_error
                """
            ).run()
        }
    }

    /// Every source ever recorded, by name.
    public func all() async throws -> [SourceHealth] {
        try await db.raw(
            """
            SELECT source, last_attempt_at, last_success_at, failing_since, failures, last_error
            FROM ops_source_health ORDER BY source
            """
        ).all().map { row in
            let source = try row.value("source", as: String.self)
            func instant(_ column: String) throws -> WallInstant? {
                guard let text = try row.value(column, as: String?.self) else { return nil }
                guard let instant = WallInstant(iso8601: text) else {
                    throw StoreError(
                        .decodingFailed, "ops_source_health row \(source): column \(column) holds '\(text)', not a time"
                    )
                }
                return instant
            }
            return SourceHealth(
                source: source,
                lastAttempt: try row.parsed(
                    "last_attempt_at", in: "ops_source_health", key: source, WallInstant.init(iso8601:)),
                lastSuccess: try instant("last_success_at"), failingSince: try instant("failing_since"),
                failures: try row.value("failures", as: Int.self),
                lastError: try row.value("last_error", as: String?.self))
        }
    }
}
