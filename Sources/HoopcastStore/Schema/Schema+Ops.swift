extension Schema {
    /// Ops: runs and the per-step execution log.
    static let opsLayer = Migration(version: 7, name: "ops layer") { dialect in
        [
            """
            CREATE TABLE ops_runs (
                run_id TEXT PRIMARY KEY,
                command TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
                error TEXT)
            """,
            """
            CREATE TABLE ops_step_executions (
                \(idColumn(dialect)),
                run_id TEXT NOT NULL,
                step TEXT NOT NULL,
                partition_date TEXT NOT NULL,
                attempt INTEGER NOT NULL CHECK (attempt >= 1),
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
                rows_written INTEGER CHECK (rows_written >= 0),
                error TEXT,
                UNIQUE (run_id, step, partition_date, attempt))
            """,
            "CREATE INDEX ops_step_executions_step ON ops_step_executions (step, partition_date)",
        ]
    }
}
