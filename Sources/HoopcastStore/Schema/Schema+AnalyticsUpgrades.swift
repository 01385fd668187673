extension Schema {
    /// Games whose box scores changed since they were last summarised: the import adds them in the same transaction
    /// as the raw rows, `analytics.game_summaries` removes them in the same transaction as the summaries. The daily
    /// run then costs O(changes) instead of rescanning all history.
    static let pendingGames = Migration(version: 8, name: "analytics pending games") { _ in
        [
            """
            CREATE TABLE analytics_pending_games (
                game_id TEXT PRIMARY KEY,
                game_date TEXT NOT NULL,
                run_id TEXT NOT NULL)
            """,
            "CREATE INDEX analytics_pending_games_date ON analytics_pending_games (game_date)",
            // Stores created before this migration: every box-scored game without a current summary is pending.
            """
            INSERT INTO analytics_pending_games (game_id, game_date, run_id)
            SELECT b.game_id, MIN(b.game_date), 'migration-8' FROM raw_player_boxscores b
            LEFT JOIN analytics_player_games a ON a.game_id = b.game_id AND a.player_id = b.player_id
            WHERE a.game_id IS NULL OR a.source_hash <> b.content_hash
            GROUP BY b.game_id
            """,
        ]
    }
}

extension Schema {
    /// Lets the feature step find the players of the date's teams without scanning two seasons.
    static let featureIndexes = Migration(version: 9, name: "feature store indexes") { _ in
        ["CREATE INDEX analytics_player_games_season_team ON analytics_player_games (season, team, player_id)"]
    }
}

extension Schema {
    /// Feature rows carry a content hash like every derived row, so re-runs can compare instead of rewrite.
    static let featureHashes = Migration(version: 10, name: "feature row content hashes") { _ in
        ["ALTER TABLE features_player_market ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''"]
    }
}
