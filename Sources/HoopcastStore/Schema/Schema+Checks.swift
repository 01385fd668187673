extension Schema {
    /// `ops_check_results`: the data-quality checks' results, one row per (date, check, run) — kept per run, so the
    /// result that blocked a date stays visible after a later run passes. `sample` is a JSON array of up to ten
    /// failing rows (`{"key":…,"values":{…}}`); `summary` says what was compared, the threshold and what was found.
    static let checks = Migration(version: 26, name: "data-quality check results") { _ in
        [
            """
            CREATE TABLE ops_check_results (
                partition_date TEXT NOT NULL,
                check_name TEXT NOT NULL,
                run_id TEXT NOT NULL,
                step TEXT NOT NULL,
                layer TEXT NOT NULL CHECK (layer IN ('raw', 'features', 'predictions')),
                severity TEXT NOT NULL CHECK (severity IN ('error', 'warn')),
                status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'not_judged')),
                checked_rows INTEGER NOT NULL CHECK (checked_rows >= 0),
                failed_rows INTEGER NOT NULL CHECK (failed_rows >= 0),
                summary TEXT NOT NULL,
                sample TEXT NOT NULL,
                checked_at TEXT NOT NULL,
                PRIMARY KEY (partition_date, check_name, run_id))
            """,
            "CREATE INDEX ops_check_results_run ON ops_check_results (run_id)",
        ]
    }
}
