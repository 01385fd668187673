extension Schema {
    /// Predictions are written in the predict job's fenced commit like every other step's rows: the staging table,
    /// the `predict.consolidate` jobs (and the dependency edges to them) and the lock table that only the
    /// consolidation used are removed. Execution logs and pipeline events of past consolidations stay as history.
    static let oneWritePath = Migration(version: 19, name: "one write path: no staging, no consolidation") { _ in
        [
            """
            DELETE FROM ops_job_dependencies
            WHERE depends_on IN (SELECT job_key FROM ops_jobs WHERE step = 'predict.consolidate')
               OR job_key IN (SELECT job_key FROM ops_jobs WHERE step = 'predict.consolidate')
            """,
            "DELETE FROM ops_jobs WHERE step = 'predict.consolidate'",
            "DROP TABLE ops_staging_batches",
            "DROP TABLE ops_locks",
        ]
    }
}
