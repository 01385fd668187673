extension Schema {
    /// The durable job queue, its dependency edges, the pipeline event log and named leases (distributed locks).
    ///
    /// Times are UTC ISO 8601 text with milliseconds (`2026-11-23T12:00:00.000Z`): fixed width, so they compare as
    /// text on both engines.
    static let jobQueue = Migration(version: 12, name: "job queue, pipeline events, locks") { dialect in
        [
            """
            CREATE TABLE ops_jobs (
                \(idColumn(dialect)),
                job_key TEXT NOT NULL UNIQUE,
                step TEXT NOT NULL,
                partition_date TEXT NOT NULL,
                arguments TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('waiting', 'queued', 'running', 'done', 'failed')),
                priority INTEGER NOT NULL,
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
                timeout_seconds DOUBLE PRECISION NOT NULL CHECK (timeout_seconds > 0),
                run_after TEXT NOT NULL,
                last_delay_seconds DOUBLE PRECISION,
                deadline_at TEXT,
                lease_owner TEXT,
                lease_token TEXT,
                lease_expires_at TEXT,
                heartbeat_at TEXT,
                correlation_id TEXT NOT NULL,
                last_error TEXT,
                error_kind TEXT CHECK (error_kind IN ('transient', 'timeout', 'permanent', 'upstream', 'deadline', 'lease')),
                rows_written INTEGER CHECK (rows_written >= 0),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT,
                CHECK ((status = 'running') = (lease_token IS NOT NULL)),
                CHECK (status <> 'failed' OR last_error IS NOT NULL))
            """,
            "CREATE INDEX ops_jobs_claim ON ops_jobs (status, priority, run_after)",
            "CREATE INDEX ops_jobs_partition ON ops_jobs (partition_date, step)",
            """
            CREATE TABLE ops_job_dependencies (
                job_key TEXT NOT NULL,
                depends_on TEXT NOT NULL,
                optional INTEGER NOT NULL CHECK (optional IN (0, 1)),
                PRIMARY KEY (job_key, depends_on),
                CHECK (job_key <> depends_on))
            """,
            "CREATE INDEX ops_job_dependencies_upstream ON ops_job_dependencies (depends_on)",
            """
            CREATE TABLE ops_pipeline_events (
                \(idColumn(dialect)),
                occurred_at TEXT NOT NULL,
                correlation_id TEXT NOT NULL,
                job_key TEXT NOT NULL,
                step TEXT NOT NULL,
                partition_date TEXT NOT NULL,
                event TEXT NOT NULL CHECK (event IN ('queued', 'started', 'retried', 'failed', 'succeeded', 'rescued')),
                attempt INTEGER,
                worker TEXT,
                rows_written INTEGER,
                duration_seconds DOUBLE PRECISION,
                delay_seconds DOUBLE PRECISION,
                detail TEXT)
            """,
            "CREATE INDEX ops_pipeline_events_correlation ON ops_pipeline_events (correlation_id, id)",
            "CREATE INDEX ops_pipeline_events_job ON ops_pipeline_events (job_key, id)",
            """
            CREATE TABLE ops_locks (
                name TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                token TEXT NOT NULL,
                acquired_at TEXT NOT NULL,
                expires_at TEXT NOT NULL)
            """,
        ]
    }
}
