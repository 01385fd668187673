import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// The durable job queue in the store (`ops_jobs`), on SQLite and PostgreSQL alike.
///
/// - Enqueueing is idempotent on the job key; dependencies are edges in `ops_job_dependencies`. A job waits until
///   every dependency is done, and is promoted to queued in the same transaction that completes its last upstream.
/// - Claiming takes a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the claim runs in a `BEGIN IMMEDIATE`
///   transaction, one writer at a time) with a token unique to the attempt. Heartbeats extend it; ``rescue()``
///   re-queues work whose lease expired.
/// - A job is completed inside the transaction of its writes (``complete(_:rowsWritten:elapsed:on:)``), fenced by
///   the token: an attempt that lost its lease cannot complete, and its writes roll back.
/// - Failures are classified (``FailureClassifier``): retryable ones go back to the queue after a jittered,
///   growing delay until `max_attempts`; permanent ones fail at once, and so do their waiting dependents.
public struct JobQueue: Sendable {
    public let store: Store
    /// The time of the queue and of everything working on it (workers, backfills, the runner, the scheduler): lease
    /// expiries, retry times and event timestamps are its instants, stored as UTC text (``QueueTime``).
    public let clock: any WallClock
    /// How long a failed job waits before its next attempt (its attempt bound is the job's own).
    public let retry: RetryPolicy
    /// The randomness of the retry delays (injectable for exact delays in tests).
    public let jitter: any JitterSource
    /// How long a claim lasts without a heartbeat.
    public let lease: Duration

    /// The queue's default retry delays: from 2 s, growing with jitter, at most 5 minutes.
    public static let defaultRetry = RetryPolicy(baseDelay: .seconds(2), maxDelay: .seconds(300))

    /// Creates a queue over `store`.
    public init(
        store: Store, clock: any WallClock = SystemClock(), retry: RetryPolicy = JobQueue.defaultRetry,
        jitter: any JitterSource = SystemJitter(), lease: Duration = .seconds(30)
    ) {
        precondition(lease > .zero)
        self.store = store
        self.clock = clock
        self.retry = retry
        self.jitter = jitter
        self.lease = lease
    }

    var now: String { QueueTime.text(clock.now) }

    /// Enqueues `specs` under one correlation id, in one transaction. A job already known keeps its state, unless
    /// `force` re-opens it when it is done or failed (a running job is never reset). Returns the jobs (re)opened.
    @discardableResult
    public func enqueue(_ specs: [JobSpec], correlationID: String, force: Bool = false) async throws -> Int {
        guard !specs.isEmpty else { return 0 }
        return try await store.transaction { db in
            try await enqueue(specs, correlationID: correlationID, force: force, on: db)
        }
    }

    /// ``enqueue(_:correlationID:force:)`` inside the caller's transaction `db` (a step queueing follow-up work in
    /// its commit: the jobs exist only if the step's writes land).
    @discardableResult
    public func enqueue(
        _ specs: [JobSpec], correlationID: String, force: Bool = false,
        on db: any SQLDatabase
    ) async throws -> Int {
        guard !specs.isEmpty else { return 0 }
        let now = self.now
        var opened: [String] = []
        for spec in specs {
            let deadline = spec.deadline.map(QueueTime.text)
            let conflict: SQLQueryString =
                force
                ? """
                DO UPDATE SET status = 'waiting', attempts = 0, run_after = excluded.run_after,
                    last_delay_seconds = NULL, deadline_at = excluded.deadline_at, correlation_id = excluded.correlation_id,
                    last_error = NULL, error_kind = NULL, rows_written = NULL, updated_at = excluded.updated_at,
                    started_at = NULL, finished_at = NULL, max_attempts = excluded.max_attempts,
                    timeout_seconds = excluded.timeout_seconds, priority = excluded.priority
                WHERE ops_jobs.status IN ('done', 'failed')
                """
                : "DO NOTHING"
            let rows = try await db.raw(
                """
                INSERT INTO ops_jobs (job_key, step, partition_date, arguments, status, priority, attempts, max_attempts,
                    timeout_seconds, run_after, deadline_at, correlation_id, created_at, updated_at)
                VALUES (\(bind: spec.key), \(bind: spec.step), \(bind: spec.date.description), \(bind: spec.arguments),
                    'waiting', \(bind: spec.priority), 0, \(bind: spec.maxAttempts), \(bind: spec.timeout.seconds),
                    \(bind: now), \(bind: deadline), \(bind: correlationID), \(bind: now), \(bind: now))
                ON CONFLICT (job_key) \(conflict)
                RETURNING job_key
                """
            ).all()
            guard !rows.isEmpty else { continue }
            opened.append(spec.key)
            for dependency in spec.dependencies {
                try await db.raw(
                    """
                    INSERT INTO ops_job_dependencies (job_key, depends_on, optional)
                    VALUES (\(bind: spec.key), \(bind: dependency.key), \(bind: dependency.optional ? 1 : 0))
                    ON CONFLICT (job_key, depends_on) DO UPDATE SET optional = excluded.optional
                    """
                ).run()
            }
            try await JobQueue.event(
                db, .queued, key: spec.key, step: spec.step, date: spec.date.description,
                correlationID: correlationID, at: now)
        }
        try await JobQueue.promote(db, keys: opened, at: now)
        return opened.count
    }

    /// Claims the next runnable job for `owner` (only of the run `correlationID` when given, only of `steps` when
    /// given: a worker claims only work it can run), or nil when none is runnable now.
    public func claim(owner: String, correlationID: String? = nil, steps: [String]? = nil) async throws -> ClaimedJob? {
        let now = clock.now, nowText = QueueTime.text(now)
        let expires = QueueTime.text(now + lease)
        let token = UUID().uuidString
        let skipLocked: SQLQueryString = store.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        if let steps, steps.isEmpty { return nil }
        let scope: SQLQueryString =
            (correlationID.map { " AND correlation_id = \(bind: $0)" } ?? "")
            + (steps.map { " AND step IN (\(binds: $0))" } ?? "")
        return try await store.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE ops_jobs SET status = 'running', attempts = attempts + 1, lease_owner = \(bind: owner),
                        lease_token = \(bind: token), lease_expires_at = \(bind: expires), heartbeat_at = \(bind: nowText),
                        started_at = \(bind: nowText), updated_at = \(bind: nowText)
                    WHERE id = (SELECT id FROM ops_jobs WHERE status = 'queued' AND run_after <= \(bind: nowText)\(scope)
                                ORDER BY priority, run_after, id LIMIT 1\(skipLocked))
                    RETURNING id, job_key, step, partition_date, arguments, attempts, max_attempts, timeout_seconds,
                        correlation_id, last_delay_seconds
                    """
                ).first()
            else { return nil }
            let dateText = try row.value("partition_date", as: String.self)
            guard let date = GameDate(dateText) else {
                throw StoreError(.decodingFailed, "ops_jobs.partition_date is not a date: \(dateText)")
            }
            let job = ClaimedJob(
                id: try row.value("id"), key: try row.value("job_key"), step: try row.value("step"), date: date,
                arguments: try row.value("arguments"), attempt: try row.value("attempts"),
                maxAttempts: try row.value("max_attempts"),
                timeout: .seconds(try row.value("timeout_seconds", as: Double.self)),
                correlationID: try row.value("correlation_id"), owner: owner, token: token,
                lastDelay: try row.value("last_delay_seconds", as: Double?.self).map { .seconds($0) })
            try await JobQueue.event(
                db, .started, key: job.key, step: job.step, date: dateText,
                correlationID: job.correlationID, at: nowText, attempt: job.attempt, worker: owner)
            return job
        }
    }

    /// Extends the job's lease; false when the lease is no longer this attempt's (the job was rescued).
    public func heartbeat(_ job: ClaimedJob) async throws -> Bool {
        let now = clock.now, lease = lease
        // In a transaction of its own: on SQLite, writes belong on the store's transaction connection (a bare write
        // through `sql` would run on its read connection and wait for the file's write lock like another process).
        return try await store.transaction { db in
            try await db.raw(
                """
                UPDATE ops_jobs SET heartbeat_at = \(bind: QueueTime.text(now)),
                    lease_expires_at = \(bind: QueueTime.text(now + lease))
                WHERE id = \(bind: job.id) AND lease_token = \(bind: job.token) AND status = 'running'
                RETURNING id
                """
            ).first() != nil
        }
    }

    /// Jobs per status (of the run `correlationID` when given, of `steps` when given).
    public func counts(correlationID: String? = nil, steps: [String]? = nil) async throws -> [JobStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: JobStatus.allCases.map { ($0, 0) })
        if let steps, steps.isEmpty { return counts }
        let scope: SQLQueryString =
            " WHERE 1 = 1"
            + (correlationID.map { " AND correlation_id = \(bind: $0)" } ?? "")
            + (steps.map { " AND step IN (\(binds: $0))" } ?? "")
        for row in try await store.sql.raw("SELECT status, COUNT(*) AS n FROM ops_jobs\(scope) GROUP BY status").all() {
            let text = try row.value("status", as: String.self)
            guard let status = JobStatus(rawValue: text) else {
                throw StoreError(.decodingFailed, "ops_jobs.status is '\(text)'")
            }
            counts[status] = try row.value("n", as: Int.self)
        }
        return counts
    }

    /// The status of one job, nil when it is not queued.
    public func status(of key: String) async throws -> JobStatus? {
        guard let row = try await store.sql.raw("SELECT status FROM ops_jobs WHERE job_key = \(bind: key)").first()
        else {
            return nil
        }
        return JobStatus(rawValue: try row.value("status", as: String.self))
    }
}
