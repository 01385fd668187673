extension Schema {
    /// `raw_injuries` holds the official NBA injury reports (one row per report, game, team and player, with the
    /// report's publication time and the game's scheduled tip-off) and the live Ball Don't Lie injuries endpoint
    /// (which knows no game: its `game_id` and `tip_utc` are empty, its report time is the fetch time) in one table.
    /// A team that had not submitted its list yet is a row with an empty `player_name` and the status
    /// `not_yet_submitted`. The table is rebuilt (SQLite cannot change a key or a CHECK in place); stored live rows are
    /// copied: `report_date` becomes `game_date`, `reported_at` becomes `report_utc`.
    static let injuryReports = Migration(version: 25, name: "official injury reports in raw_injuries") { _ in
        [
            """
            CREATE TABLE raw_injuries_v25 (
                source TEXT NOT NULL,
                report_utc TEXT NOT NULL,
                game_id TEXT NOT NULL,
                game_date TEXT NOT NULL,
                tip_utc TEXT NOT NULL,
                team TEXT NOT NULL,
                player_name TEXT NOT NULL,
                player_id INTEGER,
                status TEXT NOT NULL CHECK (status IN
                    ('out', 'doubtful', 'questionable', 'probable', 'available', 'not_yet_submitted')),
                reason TEXT,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                UNIQUE (source, report_utc, game_id, team, player_name),
                CHECK ((player_name = '') = (status = 'not_yet_submitted')))
            """,
            """
            INSERT INTO raw_injuries_v25 (source, report_utc, game_id, game_date, tip_utc, team, player_name,
                player_id, status, reason, content_hash, run_id)
            SELECT source, reported_at, '', report_date, '', team, player_name, player_id, status, reason,
                content_hash, run_id
            FROM raw_injuries
            """,
            "DROP TABLE raw_injuries",
            "ALTER TABLE raw_injuries_v25 RENAME TO raw_injuries",
            "CREATE INDEX raw_injuries_date ON raw_injuries (game_date, game_id, report_utc)",
            "CREATE INDEX raw_injuries_name ON raw_injuries (player_name, game_date, team)",
        ]
    }
}
