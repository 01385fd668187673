import HoopcastCore
import HoopcastStore
import SQLKit

/// Records every step attempt in `ops_step_executions`: step, date, run id, attempt, start, end, status, rows, error.
public struct ExecutionLog: Sendable {
    /// The outcome of an attempt.
    public enum Status: String, Sendable { case running, succeeded, failed, skipped }

    /// The store to write to.
    public let store: Store

    /// Creates a log.
    public init(store: Store) { self.store = store }

    /// Records that an attempt started; returns its start time.
    public func started(runID: String, step: String, date: GameDate, attempt: Int) async throws -> String {
        let now = RunLog.now()
        try await store.sql.raw("""
            INSERT INTO ops_step_executions (run_id, step, partition_date, attempt, started_at, status)
            VALUES (\(bind: runID), \(bind: step), \(bind: date.description), \(bind: attempt), \(bind: now), 'running')
            """).run()
        return now
    }

    /// Records how an attempt ended.
    public func finished(runID: String, step: String, date: GameDate, attempt: Int, status: Status,
                         rowsWritten: Int?, error: String?) async throws {
        try await store.sql.raw("""
            UPDATE ops_step_executions
            SET finished_at = \(bind: RunLog.now()), status = \(bind: status.rawValue),
                rows_written = \(bind: rowsWritten), error = \(bind: error)
            WHERE run_id = \(bind: runID) AND step = \(bind: step) AND partition_date = \(bind: date.description)
              AND attempt = \(bind: attempt)
            """).run()
    }

    /// Records a step that did not run because an upstream failed.
    public func skipped(runID: String, step: String, date: GameDate, reason: String) async throws {
        let now = RunLog.now()
        try await store.sql.raw("""
            INSERT INTO ops_step_executions
                (run_id, step, partition_date, attempt, started_at, finished_at, status, error)
            VALUES (\(bind: runID), \(bind: step), \(bind: date.description), 1, \(bind: now), \(bind: now),
                    'skipped', \(bind: reason))
            """).run()
    }
}
