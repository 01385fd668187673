import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of the queue's tables (`ops_jobs`, `ops_job_dependencies`, `ops_pipeline_events`) for the status,
/// jobs and API views: what is queued, how far each date got, one job's story.
public struct JobBoard: Sendable {
    let db: any SQLDatabase

    /// Creates a board over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// A date's jobs by state.
    public struct DateProgress: Sendable, Hashable, Encodable {
        public var date: String
        public var jobs: Int
        public var done: Int
        public var running: Int
        public var failed: Int
    }

    /// Progress of the `limit` most recent dates with jobs, oldest first.
    public func progress(latestDates limit: Int) async throws -> [DateProgress] {
        var byDate: [String: DateProgress] = [:]
        for row in try await db.raw(
            """
            SELECT partition_date, status, COUNT(*) AS n FROM ops_jobs
            WHERE partition_date IN (SELECT DISTINCT partition_date FROM ops_jobs ORDER BY partition_date DESC LIMIT \(bind: limit))
            GROUP BY partition_date, status
            """
        ).all() {
            let date = try row.value("partition_date", as: String.self), n = try row.value("n", as: Int.self)
            var entry = byDate[date] ?? DateProgress(date: date, jobs: 0, done: 0, running: 0, failed: 0)
            entry.jobs += n
            switch try JobBoard.status(row, key: date) {
            case .done: entry.done += n
            case .running: entry.running += n
            case .failed: entry.failed += n
            case .waiting, .queued: break
            }
            byDate[date] = entry
        }
        return byDate.keys.sorted().map { byDate[$0]! }
    }

    /// One job as listed.
    public struct JobSummary: Sendable, Hashable {
        public var key: String
        public var status: JobStatus
        public var attempts: Int
        public var maxAttempts: Int
        public var errorKind: String?
        public var lastError: String?
    }

    /// Jobs (in `status` when given), most recent dates first, at most `limit`.
    public func jobs(status: JobStatus?, limit: Int) async throws -> [JobSummary] {
        try await summaries(status: status, limit: limit)
    }

    /// Every job in `status`, newest date first: for a state that stays small (failed jobs wait for a person) and
    /// must be seen whole (an alert on each failed job resolves when its job leaves the list).
    public func jobs(status: JobStatus) async throws -> [JobSummary] {
        try await summaries(status: status, limit: nil)
    }

    private func summaries(status: JobStatus?, limit: Int?) async throws -> [JobSummary] {
        let filter: SQLQueryString = status.map { "WHERE status = \(bind: $0.rawValue)" } ?? ""
        let bound: SQLQueryString = limit.map { "LIMIT \(bind: $0)" } ?? ""
        return try await db.raw(
            """
            SELECT job_key, status, attempts, max_attempts, error_kind, last_error FROM ops_jobs \(filter)
            ORDER BY partition_date DESC, priority \(bound)
            """
        ).all().map { row in
            let key = try row.value("job_key", as: String.self)
            return JobSummary(
                key: key, status: try JobBoard.status(row, key: key), attempts: try row.value("attempts"),
                maxAttempts: try row.value("max_attempts"), errorKind: try row.value("error_kind"),
                lastError: try row.value("last_error"))
        }
    }

    /// The jobs with the given keys, by key (unknown keys are left out).
    public func jobs(keys: [String]) async throws -> [String: JobSummary] {
        var result: [String: JobSummary] = [:]
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            for row in try await db.raw(
                """
                SELECT job_key, status, attempts, max_attempts, error_kind, last_error FROM ops_jobs
                WHERE job_key IN (\(binds: chunk))
                """
            ).all() {
                let key = try row.value("job_key", as: String.self)
                result[key] = JobSummary(
                    key: key, status: try JobBoard.status(row, key: key), attempts: try row.value("attempts"),
                    maxAttempts: try row.value("max_attempts"), errorKind: try row.value("error_kind"),
                    lastError: try row.value("last_error"))
            }
        }
        return result
    }

    /// One job with its lease, dependencies and events.
    public struct JobDetail: Sendable, Hashable {
        public var summary: JobSummary
        public var correlationID: String
        public var leaseOwner: String?
        public var leaseExpiresAt: String?
        /// The jobs it waits for: key, whether optional, and their state (nil: not queued).
        public var dependencies: [(key: String, optional: Bool, status: JobStatus?)]
        /// Its events, oldest first.
        public var events: [JobEvent]

        public static func == (lhs: JobDetail, rhs: JobDetail) -> Bool {
            lhs.summary == rhs.summary && lhs.correlationID == rhs.correlationID && lhs.events == rhs.events
                && lhs.dependencies.map(\.key) == rhs.dependencies.map(\.key)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(summary) }
    }

    /// One row of `ops_pipeline_events`.
    public struct JobEvent: Sendable, Hashable {
        public var jobKey: String
        public var occurredAt: String
        public var event: String
        public var attempt: Int?
        public var worker: String?
        public var rowsWritten: Int?
        public var duration: Duration?
        public var delay: Duration?
        public var detail: String?
    }

    /// The job `key`, or nil when no such job exists.
    public func job(_ key: String) async throws -> JobDetail? {
        guard
            let row = try await db.raw(
                """
                SELECT job_key, status, attempts, max_attempts, correlation_id, lease_owner, lease_expires_at,
                       error_kind, last_error
                FROM ops_jobs WHERE job_key = \(bind: key)
                """
            ).first()
        else { return nil }
        let summary = JobSummary(
            key: key, status: try JobBoard.status(row, key: key), attempts: try row.value("attempts"),
            maxAttempts: try row.value("max_attempts"), errorKind: try row.value("error_kind"),
            lastError: try row.value("last_error"))
        let dependencies = try await db.raw(
            """
            SELECT d.depends_on, d.optional, u.status FROM ops_job_dependencies d
            LEFT JOIN ops_jobs u ON u.job_key = d.depends_on WHERE d.job_key = \(bind: key) ORDER BY d.depends_on
            """
        ).all().map { dependency in
            let upstream = try dependency.value("depends_on", as: String.self)
            let status = try dependency.value("status", as: String?.self).map { text in
                guard let status = JobStatus(rawValue: text) else {
                    throw StoreError(.decodingFailed, "ops_jobs row \(upstream): column status holds '\(text)'")
                }
                return status
            }
            return (upstream, try dependency.value("optional", as: Int.self) == 1, status)
        }
        return JobDetail(
            summary: summary, correlationID: try row.value("correlation_id"), leaseOwner: try row.value("lease_owner"),
            leaseExpiresAt: try row.value("lease_expires_at"), dependencies: dependencies,
            events: try await events(where: "job_key = \(bind: key)"))
    }

    /// Every event of one enqueue (its correlation id), oldest first.
    public func events(correlationID: String) async throws -> [JobEvent] {
        try await events(where: "correlation_id = \(bind: correlationID)")
    }

    private func events(where condition: SQLQueryString) async throws -> [JobEvent] {
        try await db.raw(
            """
            SELECT job_key, occurred_at, event, attempt, worker, rows_written, duration_seconds, delay_seconds, detail
            FROM ops_pipeline_events WHERE \(condition) ORDER BY id
            """
        ).all().map { event in
            JobEvent(
                jobKey: try event.value("job_key"), occurredAt: try event.value("occurred_at"),
                event: try event.value("event"), attempt: try event.value("attempt"), worker: try event.value("worker"),
                rowsWritten: try event.value("rows_written"),
                duration: try event.value("duration_seconds", as: Double?.self).map { .seconds($0) },
                delay: try event.value("delay_seconds", as: Double?.self).map { .seconds($0) },
                detail: try event.value("detail"))
        }
    }

    static func status(_ row: some SQLRow, key: String) throws -> JobStatus {
        try row.parsed("status", in: "ops_jobs", key: key, JobStatus.init(rawValue:))
    }
}

extension JobBoard {
    /// How long one step's successful attempts took over the latest dates.
    public struct StepDurations: Sendable, Hashable {
        public var step: String
        public var runs: Int
        public var median: Duration
        public var maximum: Duration
    }

    /// Each step's successful attempts of the `latestDates` most recent partition dates: count, median and maximum
    /// duration (from `ops_step_executions`), by step name.
    public func stepDurations(latestDates: Int) async throws -> [StepDurations] {
        let rows = try await db.raw(
            """
            SELECT step, started_at, finished_at FROM ops_step_executions
            WHERE status = 'succeeded' AND finished_at IS NOT NULL AND partition_date IN (
                SELECT DISTINCT partition_date FROM ops_step_executions ORDER BY partition_date DESC
                LIMIT \(bind: latestDates))
            """
        ).all()
        var byStep: [String: [Duration]] = [:]
        for row in rows {
            let step = try row.value("step", as: String.self)
            let started = try row.parsed("started_at", in: "ops_step_executions", key: step, WallInstant.init(iso8601:))
            let finished = try row.parsed(
                "finished_at", in: "ops_step_executions", key: step, WallInstant.init(iso8601:))
            byStep[step, default: []].append(finished - started)
        }
        return byStep.keys.sorted().map { step in
            let durations = byStep[step]!.sorted()
            return StepDurations(
                step: step, runs: durations.count, median: durations[durations.count / 2],
                maximum: durations.last!)
        }
    }

    /// A page of jobs (in `status` when given), most recent dates first then by key, after `cursor` (the last
    /// job's `date|key` of the previous page).
    public func jobs(status: JobStatus?, after cursor: (date: String, key: String)?, limit: Int) async throws
        -> [(date: String, job: JobSummary)]
    {
        var conditions: [SQLQueryString] = []
        if let status { conditions.append("status = \(bind: status.rawValue)") }
        if let cursor {
            conditions.append(
                """
                (partition_date < \(bind: cursor.date) OR (partition_date = \(bind: cursor.date) \
                AND job_key > \(bind: cursor.key)))
                """)
        }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try await db.raw(
            """
            SELECT partition_date, job_key, status, attempts, max_attempts, error_kind, last_error FROM ops_jobs \(filter)
            ORDER BY partition_date DESC, job_key LIMIT \(bind: limit)
            """
        ).all().map { row in
            let key = try row.value("job_key", as: String.self)
            return (
                try row.value("partition_date", as: String.self),
                JobSummary(
                    key: key, status: try JobBoard.status(row, key: key), attempts: try row.value("attempts"),
                    maxAttempts: try row.value("max_attempts"), errorKind: try row.value("error_kind"),
                    lastError: try row.value("last_error"))
            )
        }
    }
}

extension JobBoard {
    /// Each step's latest successful finish, by step name.
    public func lastSuccess() async throws -> [(step: String, finished: WallInstant)] {
        try await db.raw(
            """
            SELECT step, MAX(finished_at) AS finished_at FROM ops_step_executions
            WHERE status = 'succeeded' AND finished_at IS NOT NULL GROUP BY step ORDER BY step
            """
        ).all().map { row in
            let step = try row.value("step", as: String.self)
            return (
                step, try row.parsed("finished_at", in: "ops_step_executions", key: step, WallInstant.init(iso8601:))
            )
        }
    }
}
