extension Schema {
    /// A rejected row is quarantined once per content, with every run that saw it: `raw_import_quarantine` gains a
    /// unique `content_hash` (file, line, column, reason and record; computed by the importer) and
    /// `raw_import_quarantine_runs` lists the runs. Re-importing a file with the same bad rows used to add them again
    /// (10 → 20 rows). Existing duplicates — same file, line, column, reason and record — are merged into the oldest
    /// row, their runs kept; those rows get their hash from the importer's next quarantine write (SQL cannot compute
    /// it), until then NULL, which the unique index allows.
    static let quarantineOnce = Migration(version: 18, name: "quarantine each rejected row once") { _ in
        [
            """
            CREATE TABLE raw_import_quarantine_runs (
                quarantine_id BIGINT NOT NULL REFERENCES raw_import_quarantine (id) ON DELETE CASCADE,
                run_id TEXT NOT NULL,
                seen_at TEXT NOT NULL,
                PRIMARY KEY (quarantine_id, run_id))
            """,
            "CREATE INDEX raw_import_quarantine_runs_run ON raw_import_quarantine_runs (run_id)",
            """
            INSERT INTO raw_import_quarantine_runs (quarantine_id, run_id, seen_at)
            SELECT k.id, q.run_id, MIN(q.created_at) FROM raw_import_quarantine q
            JOIN (SELECT MIN(id) AS id, file, line, column_name, reason, record FROM raw_import_quarantine
                  GROUP BY file, line, column_name, reason, record) k
              ON k.file = q.file AND k.line = q.line AND k.reason = q.reason AND k.record = q.record
             AND (k.column_name = q.column_name OR (k.column_name IS NULL AND q.column_name IS NULL))
            GROUP BY k.id, q.run_id
            """,
            """
            DELETE FROM raw_import_quarantine WHERE id NOT IN (
                SELECT MIN(id) FROM raw_import_quarantine GROUP BY file, line, column_name, reason, record)
            """,
            "ALTER TABLE raw_import_quarantine ADD COLUMN content_hash TEXT",
            "CREATE UNIQUE INDEX raw_import_quarantine_content ON raw_import_quarantine (content_hash)",
        ]
    }
}
