import Foundation
import HoopcastStore
import SQLKit

/// Events written to `ops_pipeline_events`.
public enum PipelineEvent: String, Sendable, CaseIterable {
    case queued, started, retried, failed, succeeded, rescued
}

extension JobQueue {
    /// Queues the waiting jobs among `keys` whose every dependency is done (in the caller's transaction).
    static func promote(_ db: any SQLDatabase, keys: [String], at now: String) async throws {
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ keys[$0..<min($0 + 500, keys.count)] }) {
            try await db.raw(
                """
                UPDATE ops_jobs SET status = 'queued', run_after = \(bind: now), updated_at = \(bind: now)
                WHERE status = 'waiting' AND job_key IN \(SQLBind.group(Array(chunk)))
                  AND NOT EXISTS (
                      SELECT 1 FROM ops_job_dependencies d
                      LEFT JOIN ops_jobs u ON u.job_key = d.depends_on
                      WHERE d.job_key = ops_jobs.job_key AND d.optional = 0 AND (u.status IS NULL OR u.status <> 'done'))
                  AND NOT EXISTS (
                      SELECT 1 FROM ops_job_dependencies d
                      JOIN ops_jobs u ON u.job_key = d.depends_on
                      WHERE d.job_key = ops_jobs.job_key AND d.optional = 1 AND u.status IN ('waiting', 'queued', 'running'))
                """
            ).run()
        }
    }

    /// Fails every job waiting (directly or not) on `key`; returns how many.
    static func failDependents(of key: String, reason: String, db: any SQLDatabase, at now: String) async throws -> Int
    {
        var frontier = [key], failed = 0
        while !frontier.isEmpty {
            let rows = try await db.raw(
                """
                SELECT j.job_key, j.step, j.partition_date, j.correlation_id FROM ops_job_dependencies d
                JOIN ops_jobs j ON j.job_key = d.job_key
                WHERE d.depends_on IN \(SQLBind.group(frontier)) AND d.optional = 0 AND j.status = 'waiting'
                """
            ).all()
            frontier = []
            for row in rows {
                let dependent = try row.value("job_key", as: String.self)
                let text = "upstream failed: \(reason)"
                try await db.raw(
                    """
                    UPDATE ops_jobs SET status = 'failed', last_error = \(bind: text), error_kind = 'upstream',
                        finished_at = \(bind: now), updated_at = \(bind: now)
                    WHERE job_key = \(bind: dependent) AND status = 'waiting'
                    """
                ).run()
                try await event(
                    db, .failed, key: dependent, step: try row.value("step"), date: try row.value("partition_date"),
                    correlationID: try row.value("correlation_id"), at: now, detail: text)
                frontier.append(dependent)
                failed += 1
            }
        }
        return failed
    }

    /// Appends to the pipeline event log and updates the execution log (in the caller's transaction). `elapsed` and
    /// `delay` are stored in seconds (`duration_seconds`, `delay_seconds`).
    static func event(
        _ db: any SQLDatabase, _ event: PipelineEvent, key: String, step: String, date: String,
        correlationID: String, at now: String, attempt: Int? = nil, worker: String? = nil,
        rowsWritten: Int? = nil, elapsed: Duration? = nil, delay: Duration? = nil, detail: String? = nil
    ) async throws {
        try await db.raw(
            """
            INSERT INTO ops_pipeline_events (occurred_at, correlation_id, job_key, step, partition_date, event, attempt,
                worker, rows_written, duration_seconds, delay_seconds, detail)
            VALUES (\(bind: now), \(bind: correlationID), \(bind: key), \(bind: step), \(bind: date), \(bind: event.rawValue),
                \(bind: attempt), \(bind: worker), \(bind: rowsWritten), \(bind: elapsed?.seconds), \(bind: delay?.seconds), \(bind: detail))
            """
        ).run()
        try await ExecutionLog.record(
            db, event, runID: correlationID, step: step, date: date, attempt: attempt,
            rowsWritten: rowsWritten, detail: detail, at: now)
    }
}
