import HoopcastCore

extension Schema {
    /// Raw layer: the canonical import tables, keyed by their natural keys, plus the quarantine.
    static let rawLayer = Migration(version: 1, name: "raw layer") { dialect in
        [
            """
            CREATE TABLE raw_games (
                game_id TEXT PRIMARY KEY,
                season TEXT NOT NULL,
                season_type TEXT NOT NULL CHECK (season_type IN (\(seasonTypes))),
                game_date TEXT NOT NULL,
                home_team TEXT NOT NULL,
                away_team TEXT NOT NULL,
                home_pts INTEGER CHECK (home_pts >= 0),
                away_pts INTEGER CHECK (away_pts >= 0),
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                CHECK (home_team <> away_team))
            """,
            "CREATE INDEX raw_games_date ON raw_games (game_date)",
            """
            CREATE TABLE raw_player_boxscores (
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                game_date TEXT NOT NULL,
                season TEXT NOT NULL,
                season_type TEXT NOT NULL CHECK (season_type IN (\(seasonTypes))),
                player_name TEXT NOT NULL,
                team TEXT NOT NULL,
                opponent TEXT NOT NULL,
                is_home INTEGER NOT NULL CHECK (is_home IN (0, 1)),
                minutes DOUBLE PRECISION NOT NULL CHECK (minutes >= 0 AND minutes <= 80),
                pts INTEGER NOT NULL CHECK (pts >= 0),
                fgm INTEGER NOT NULL CHECK (fgm >= 0),
                fga INTEGER NOT NULL CHECK (fga >= fgm),
                fg3m INTEGER NOT NULL CHECK (fg3m >= 0 AND fg3m <= fgm),
                fg3a INTEGER NOT NULL CHECK (fg3a >= fg3m),
                ftm INTEGER NOT NULL CHECK (ftm >= 0),
                fta INTEGER NOT NULL CHECK (fta >= ftm),
                oreb INTEGER NOT NULL CHECK (oreb >= 0),
                dreb INTEGER NOT NULL CHECK (dreb >= 0),
                reb INTEGER NOT NULL CHECK (reb >= 0),
                ast INTEGER NOT NULL CHECK (ast >= 0),
                stl INTEGER NOT NULL CHECK (stl >= 0),
                blk INTEGER NOT NULL CHECK (blk >= 0),
                tov INTEGER NOT NULL CHECK (tov >= 0),
                pf INTEGER NOT NULL CHECK (pf >= 0),
                plus_minus INTEGER,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, player_id),
                CHECK (team <> opponent))
            """,
            "CREATE INDEX raw_player_boxscores_date ON raw_player_boxscores (game_date)",
            "CREATE INDEX raw_player_boxscores_player ON raw_player_boxscores (player_id, game_date)",
            """
            CREATE TABLE raw_game_lines (
                game_id TEXT NOT NULL,
                source TEXT NOT NULL,
                game_date TEXT NOT NULL,
                home_team TEXT NOT NULL,
                away_team TEXT NOT NULL,
                total DOUBLE PRECISION CHECK (total > 0),
                home_spread DOUBLE PRECISION,
                home_moneyline DOUBLE PRECISION,
                away_moneyline DOUBLE PRECISION,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, source))
            """,
            "CREATE INDEX raw_game_lines_date ON raw_game_lines (game_date)",
            """
            CREATE TABLE raw_prop_lines (
                \(idColumn(dialect)),
                game_date TEXT NOT NULL,
                source TEXT NOT NULL,
                book TEXT NOT NULL,
                book_type TEXT NOT NULL CHECK (book_type IN ('sportsbook', 'dfs')),
                market TEXT NOT NULL CHECK (market IN (\(propMarkets))),
                player_name TEXT NOT NULL,
                line DOUBLE PRECISION NOT NULL CHECK (line >= 0),
                over_odds DOUBLE PRECISION,
                under_odds DOUBLE PRECISION,
                snapshot_utc TEXT NOT NULL,
                commence_utc TEXT NOT NULL,
                event_id TEXT NOT NULL,
                home_team TEXT NOT NULL,
                away_team TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                UNIQUE (game_date, source, book, market, player_name, snapshot_utc, event_id, line))
            """,
            "CREATE INDEX raw_prop_lines_date ON raw_prop_lines (game_date, market)",
            "CREATE INDEX raw_prop_lines_name ON raw_prop_lines (player_name, game_date, home_team, away_team)",
            """
            CREATE TABLE raw_injuries (
                report_date TEXT NOT NULL,
                team TEXT NOT NULL,
                player_name TEXT NOT NULL,
                player_id INTEGER,
                status TEXT NOT NULL CHECK (status IN ('out', 'doubtful', 'questionable', 'probable', 'available')),
                reason TEXT,
                reported_at TEXT NOT NULL,
                source TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (report_date, team, player_name, source, reported_at))
            """,
            """
            CREATE TABLE raw_import_quarantine (
                \(idColumn(dialect)),
                run_id TEXT NOT NULL,
                file TEXT NOT NULL,
                line INTEGER NOT NULL,
                column_name TEXT,
                value TEXT,
                reason TEXT NOT NULL,
                record TEXT NOT NULL,
                created_at TEXT NOT NULL)
            """,
            "CREATE INDEX raw_import_quarantine_file ON raw_import_quarantine (file, line)",
        ]
    }
}
