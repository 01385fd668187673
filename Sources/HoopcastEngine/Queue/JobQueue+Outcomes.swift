import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// How a failed attempt was recorded.
public enum FailureOutcome: Sendable, Hashable {
    /// Back in the queue, runnable after the delay.
    case retrying(after: Duration)
    /// Failed for good, with the jobs that were waiting on it.
    case failed(dependents: Int)
    /// The attempt had already lost its lease; nothing was recorded.
    case leaseLost
}

/// The lease was taken over (the job was rescued): this attempt may not complete.
public struct LeaseLost: Error, Sendable, CustomStringConvertible {
    public let job: String
    public var description: String { "the lease on \(job) was lost (the job was rescued by another worker)" }
}

extension JobQueue {
    /// Marks the job done inside the transaction `db` that holds its writes, and promotes the jobs that were waiting
    /// only on it; `elapsed` is the attempt's run time. Throws ``LeaseLost`` (rolling the writes back) when the
    /// attempt no longer holds the lease.
    public func complete(_ job: ClaimedJob, rowsWritten: Int, elapsed: Duration, on db: any SQLDatabase) async throws {
        let now = self.now
        guard
            try await db.raw(
                """
                UPDATE ops_jobs SET status = 'done', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                    rows_written = \(bind: rowsWritten), last_error = NULL, error_kind = NULL, finished_at = \(bind: now),
                    updated_at = \(bind: now)
                WHERE id = \(bind: job.id) AND lease_token = \(bind: job.token) AND status = 'running'
                RETURNING id
                """
            ).first() != nil
        else { throw LeaseLost(job: job.key) }
        try await JobQueue.event(
            db, .succeeded, key: job.key, step: job.step, date: job.date.description,
            correlationID: job.correlationID, at: now, attempt: job.attempt, worker: job.owner,
            rowsWritten: rowsWritten, elapsed: elapsed)
        let dependents = try await db.raw(
            "SELECT job_key FROM ops_job_dependencies WHERE depends_on = \(bind: job.key)"
        )
        .all().map { try $0.value("job_key", as: String.self) }
        try await JobQueue.promote(db, keys: dependents, at: now)
    }

    /// Records a failed attempt: retryable kinds go back to the queue after a jittered delay while attempts remain;
    /// otherwise the job fails with the reason, and so does every job waiting on it. `elapsed` is the attempt's run
    /// time.
    @discardableResult
    public func fail(_ job: ClaimedJob, error: any Error, elapsed: Duration) async throws -> FailureOutcome {
        let kind = FailureClassifier.kind(of: error)
        let message = String(describing: error)
        let now = clock.now, nowText = QueueTime.text(now)
        return try await store.transaction { [retry, jitter] db in
            if kind.retryable && job.attempt < job.maxAttempts {
                let delay = retry.delay(after: job.lastDelay, random: jitter.next())
                guard
                    try await db.raw(
                        """
                        UPDATE ops_jobs SET status = 'queued', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                            run_after = \(bind: QueueTime.text(now + delay)), last_delay_seconds = \(bind: delay.seconds),
                            last_error = \(bind: message), error_kind = \(bind: kind.rawValue), updated_at = \(bind: nowText)
                        WHERE id = \(bind: job.id) AND lease_token = \(bind: job.token) AND status = 'running'
                        RETURNING id
                        """
                    ).first() != nil
                else { return .leaseLost }
                try await JobQueue.event(
                    db, .retried, key: job.key, step: job.step, date: job.date.description,
                    correlationID: job.correlationID, at: nowText, attempt: job.attempt,
                    worker: job.owner, elapsed: elapsed, delay: delay, detail: "\(kind.rawValue): \(message)")
                return .retrying(after: delay)
            }
            let reason =
                kind.retryable ? "\(message) (attempt \(job.attempt) of \(job.maxAttempts); no attempts left)" : message
            guard
                let dependents = try await JobQueue.markFailed(
                    job, reason: reason, kind: kind, rowsWritten: nil, elapsed: elapsed, at: nowText, on: db)
            else { return .leaseLost }
            return .failed(dependents: dependents)
        }
    }

    /// Fails the job for good inside the transaction `db` that holds its writes (``StepContext/commit(failing:_:)``:
    /// a step whose results must be stored although its date must stop), recording `rowsWritten` and `reason`, and
    /// fails every job waiting on it. Returns how many of those failed. Throws ``LeaseLost`` (rolling the writes
    /// back) when the attempt no longer holds the lease.
    public func fail(
        _ job: ClaimedJob, permanently reason: String, rowsWritten: Int, elapsed: Duration, on db: any SQLDatabase
    ) async throws -> Int {
        guard
            let dependents = try await JobQueue.markFailed(
                job, reason: reason, kind: .permanent, rowsWritten: rowsWritten, elapsed: elapsed, at: now, on: db)
        else { throw LeaseLost(job: job.key) }
        return dependents
    }

    /// Marks the running attempt failed (fenced by its lease token), logs the event and fails the jobs waiting on
    /// it; nil when the attempt no longer holds the lease.
    private static func markFailed(
        _ job: ClaimedJob, reason: String, kind: FailureKind, rowsWritten: Int?, elapsed: Duration,
        at nowText: String, on db: any SQLDatabase
    ) async throws -> Int? {
        guard
            try await db.raw(
                """
                UPDATE ops_jobs SET status = 'failed', lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL,
                    last_error = \(bind: reason), error_kind = \(bind: kind.rawValue), rows_written = \(bind: rowsWritten),
                    finished_at = \(bind: nowText), updated_at = \(bind: nowText)
                WHERE id = \(bind: job.id) AND lease_token = \(bind: job.token) AND status = 'running'
                RETURNING id
                """
            ).first() != nil
        else { return nil }
        try await JobQueue.event(
            db, .failed, key: job.key, step: job.step, date: job.date.description,
            correlationID: job.correlationID, at: nowText, attempt: job.attempt, worker: job.owner,
            rowsWritten: rowsWritten, elapsed: elapsed, detail: "\(kind.rawValue): \(reason)")
        return try await JobQueue.failDependents(of: job.key, reason: reason, db: db, at: nowText)
    }

    /// Re-queues running jobs whose lease expired (their worker died or hung); a job on its last attempt fails.
    /// Returns the jobs rescued or failed. Steps are idempotent, so a rescued job still running elsewhere does no
    /// harm: it can no longer complete.
    @discardableResult
    public func rescue() async throws -> Int {
        let nowText = now
        return try await store.transaction { db in
            let expired = try await db.raw(
                """
                SELECT id, job_key, step, partition_date, correlation_id, attempts, max_attempts, lease_owner, lease_token
                FROM ops_jobs WHERE status = 'running' AND lease_expires_at < \(bind: nowText)
                """
            ).all()
            var rescued = 0
            for row in expired {
                let key = try row.value("job_key", as: String.self),
                    owner = try row.value("lease_owner", as: String.self)
                let attempts = try row.value("attempts", as: Int.self),
                    maxAttempts = try row.value("max_attempts", as: Int.self)
                let reason = "lease of worker \(owner) expired during attempt \(attempts) (no heartbeat)"
                let exhausted = attempts >= maxAttempts
                // Fenced like a completion: on PostgreSQL the attempt may have completed (or heartbeated) since the
                // SELECT, and an unconditional UPDATE would turn its `done` back into `queued` and run it twice.
                guard
                    try await db.raw(
                        """
                        UPDATE ops_jobs SET status = \(bind: exhausted ? "failed" : "queued"), lease_owner = NULL,
                            lease_token = NULL, lease_expires_at = NULL, run_after = \(bind: nowText),
                            last_error = \(bind: exhausted ? reason + "; no attempts left" : reason), error_kind = 'lease',
                            finished_at = \(bind: exhausted ? nowText : nil), updated_at = \(bind: nowText)
                        WHERE id = \(bind: try row.value("id", as: Int.self)) AND status = 'running'
                            AND lease_token = \(bind: try row.value("lease_token", as: String.self))
                            AND lease_expires_at < \(bind: nowText)
                        RETURNING id
                        """
                    ).first() != nil
                else { continue }
                rescued += 1
                try await JobQueue.event(
                    db, exhausted ? .failed : .rescued, key: key, step: try row.value("step"),
                    date: try row.value("partition_date"), correlationID: try row.value("correlation_id"),
                    at: nowText, attempt: attempts, worker: owner, detail: reason)
                if exhausted { _ = try await JobQueue.failDependents(of: key, reason: reason, db: db, at: nowText) }
            }
            return rescued
        }
    }

    /// Evaluates the deadline policy on waiting jobs whose deadline passed: a job missing only optional upstreams
    /// is queued to run without them; one missing a required upstream fails, naming it. Returns the jobs decided.
    @discardableResult
    public func applyDeadlines() async throws -> Int {
        let nowText = now
        return try await store.transaction { db in
            let due = try await db.raw(
                """
                SELECT job_key, step, partition_date, correlation_id FROM ops_jobs
                WHERE status = 'waiting' AND deadline_at IS NOT NULL AND deadline_at < \(bind: nowText)
                """
            ).all()
            for row in due {
                let key = try row.value("job_key", as: String.self)
                let missing = try await db.raw(
                    """
                    SELECT d.depends_on, d.optional FROM ops_job_dependencies d
                    LEFT JOIN ops_jobs u ON u.job_key = d.depends_on
                    WHERE d.job_key = \(bind: key) AND (u.status IS NULL OR u.status <> 'done')
                    ORDER BY d.depends_on
                    """
                ).all()
                let required = try missing.filter { try $0.value("optional", as: Int.self) == 0 }
                    .map { try $0.value("depends_on", as: String.self) }
                if required.isEmpty {
                    try await db.raw(
                        """
                        UPDATE ops_jobs SET status = 'queued', run_after = \(bind: nowText), updated_at = \(bind: nowText)
                        WHERE job_key = \(bind: key) AND status = 'waiting'
                        """
                    ).run()
                } else {
                    let reason = "deadline passed waiting for \(required.joined(separator: ", "))"
                    // Only if still waiting: its upstream may have completed and promoted it since the SELECT.
                    guard
                        try await db.raw(
                            """
                            UPDATE ops_jobs SET status = 'failed', last_error = \(bind: reason), error_kind = 'deadline',
                                finished_at = \(bind: nowText), updated_at = \(bind: nowText)
                            WHERE job_key = \(bind: key) AND status = 'waiting'
                            RETURNING id
                            """
                        ).first() != nil
                    else { continue }
                    try await JobQueue.event(
                        db, .failed, key: key, step: try row.value("step"),
                        date: try row.value("partition_date"),
                        correlationID: try row.value("correlation_id"), at: nowText, detail: reason)
                    _ = try await JobQueue.failDependents(of: key, reason: reason, db: db, at: nowText)
                }
            }
            return due.count
        }
    }

    /// Re-opens failed jobs (all, or those with the given keys and the dependents they failed): attempts start
    /// again. Returns the jobs re-opened.
    @discardableResult
    public func retryFailed(keys: [String]? = nil) async throws -> Int {
        let nowText = now
        return try await store.transaction { db in
            let rows = try await db.raw("SELECT job_key, error_kind FROM ops_jobs WHERE status = 'failed'").all()
            var failed = try rows.map { try $0.value("job_key", as: String.self) }
            if let keys {
                let upstreamFailures = Set(
                    try rows.filter { try $0.value("error_kind", as: String?.self) == "upstream" }
                        .map { try $0.value("job_key", as: String.self) })
                var chosen = Set(keys.filter { failed.contains($0) }), frontier = Array(chosen)
                while !frontier.isEmpty {
                    let dependents = try await db.raw(
                        """
                        SELECT job_key FROM ops_job_dependencies WHERE depends_on IN \(SQLBind.group(frontier))
                        """
                    ).all().map { try $0.value("job_key", as: String.self) }
                    frontier = dependents.filter { upstreamFailures.contains($0) && chosen.insert($0).inserted }
                }
                failed = failed.filter { chosen.contains($0) }
            }
            for key in failed {
                try await db.raw(
                    """
                    UPDATE ops_jobs SET status = 'waiting', attempts = 0, last_delay_seconds = NULL, last_error = NULL,
                        error_kind = NULL, run_after = \(bind: nowText), finished_at = NULL, updated_at = \(bind: nowText)
                    WHERE job_key = \(bind: key) AND status = 'failed'
                    """
                ).run()
            }
            try await JobQueue.promote(db, keys: failed, at: nowText)
            return failed.count
        }
    }
}
