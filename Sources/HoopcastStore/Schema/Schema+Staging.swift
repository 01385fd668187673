extension Schema {
    /// Staging for predictions: the predict step writes each run's rows as a batch into
    /// `predictions_player_props_staging` and records the batch in `ops_staging_batches`; one consolidation per
    /// partition, under a lock, merges the newest batch into `predictions_player_props` and clears the staging.
    ///
    /// Staging columns carry no range checks: the final table's constraints apply when a batch is merged, and the
    /// merge runs in one transaction, so a bad batch leaves the final table untouched.
    static let predictionStaging = Migration(version: 14, name: "prediction staging and consolidation") { dialect in
        [
            """
            CREATE TABLE ops_staging_batches (
                \(idColumn(dialect)),
                batch_id TEXT NOT NULL UNIQUE,
                target_table TEXT NOT NULL,
                partition_key TEXT NOT NULL,
                rows_staged INTEGER NOT NULL CHECK (rows_staged >= 0),
                run_id TEXT NOT NULL,
                staged_at TEXT NOT NULL)
            """,
            "CREATE INDEX ops_staging_batches_partition ON ops_staging_batches (target_table, partition_key, id)",
            """
            CREATE TABLE predictions_player_props_staging (
                batch_id TEXT NOT NULL,
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                market TEXT NOT NULL,
                system TEXT NOT NULL,
                feature_version TEXT NOT NULL,
                game_date TEXT NOT NULL,
                predicted_value DOUBLE PRECISION NOT NULL,
                standard_deviation DOUBLE PRECISION NOT NULL,
                p_over_raw DOUBLE PRECISION,
                p_over DOUBLE PRECISION,
                confidence DOUBLE PRECISION,
                line DOUBLE PRECISION,
                line_book TEXT,
                over_odds DOUBLE PRECISION,
                under_odds DOUBLE PRECISION,
                edge DOUBLE PRECISION,
                recommendation TEXT NOT NULL,
                model TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (batch_id, game_id, player_id, market, system, feature_version))
            """,
        ]
    }
}
