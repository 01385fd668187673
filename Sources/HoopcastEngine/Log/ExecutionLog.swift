import HoopcastCore
import HoopcastStore
import SQLKit

/// Records every step attempt in `ops_step_executions` (step, date, run id, attempt, start, end, status, rows,
/// error), kept by the queue in the transaction of each event.
public enum ExecutionLog {
    /// The outcome of an attempt.
    public enum Status: String, Sendable { case running, succeeded, failed, skipped }

    /// Keeps the attempt's row in step with a queue event (in the event's transaction): `started` opens the row,
    /// `succeeded` closes it with the rows written, `retried`, `rescued` and `failed` close it as failed with the
    /// reason; a job failed before it ever ran (its upstream failed, its deadline passed) is recorded as skipped.
    static func record(
        _ db: any SQLDatabase, _ event: PipelineEvent, runID: String, step: String, date: String,
        attempt: Int?, rowsWritten: Int?, detail: String?, at now: String
    ) async throws {
        switch (event, attempt) {
        case (.queued, _):
            return
        case (.started, let attempt?):
            try await db.raw(
                """
                INSERT INTO ops_step_executions (run_id, step, partition_date, attempt, started_at, status)
                VALUES (\(bind: runID), \(bind: step), \(bind: date), \(bind: attempt), \(bind: now), 'running')
                ON CONFLICT (run_id, step, partition_date, attempt) DO UPDATE SET started_at = excluded.started_at,
                    finished_at = NULL, status = 'running', rows_written = NULL, error = NULL
                """
            ).run()
        case (.succeeded, let attempt?), (.retried, let attempt?), (.rescued, let attempt?), (.failed, let attempt?):
            let status: Status = event == .succeeded ? .succeeded : .failed
            try await db.raw(
                """
                UPDATE ops_step_executions SET finished_at = \(bind: now), status = \(bind: status.rawValue),
                    rows_written = \(bind: rowsWritten), error = \(bind: detail)
                WHERE run_id = \(bind: runID) AND step = \(bind: step) AND partition_date = \(bind: date)
                  AND attempt = \(bind: attempt)
                """
            ).run()
        case (_, nil):
            try await db.raw(
                """
                INSERT INTO ops_step_executions (run_id, step, partition_date, attempt, started_at, finished_at, status, error)
                VALUES (\(bind: runID), \(bind: step), \(bind: date), 1, \(bind: now), \(bind: now), 'skipped', \(bind: detail))
                ON CONFLICT (run_id, step, partition_date, attempt) DO UPDATE SET finished_at = excluded.finished_at,
                    status = 'skipped', error = excluded.error
                """
            ).run()
        }
    }
}
