extension Schema {
    /// Live ingestion: the fetch manifest of the raw archive, and raw tables for data the canonical import has no
    /// table for (source-keyed games and box scores, standings, play-by-play, source player lists and rosters).
    static let liveLayer = Migration(version: 13, name: "live ingestion") { dialect in
        [
            """
            CREATE TABLE raw_fetch_manifest (
                \(idColumn(dialect)),
                source TEXT NOT NULL,
                endpoint TEXT NOT NULL,
                parameters TEXT NOT NULL,
                partition_date TEXT NOT NULL,
                fetched_at TEXT NOT NULL,
                http_status INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
                archive_path TEXT NOT NULL,
                parse_status TEXT NOT NULL CHECK (parse_status IN ('parsed', 'failed')),
                error_kind TEXT,
                error_detail TEXT,
                rows_parsed INTEGER NOT NULL CHECK (rows_parsed >= 0),
                run_id TEXT NOT NULL,
                UNIQUE (source, endpoint, parameters, sha256, http_status))
            """,
            "CREATE INDEX raw_fetch_manifest_date ON raw_fetch_manifest (partition_date, source)",
            """
            CREATE TABLE raw_source_games (
                source TEXT NOT NULL,
                source_game_id TEXT NOT NULL,
                game_date TEXT NOT NULL,
                status TEXT NOT NULL,
                home_team TEXT NOT NULL,
                away_team TEXT NOT NULL,
                home_pts INTEGER CHECK (home_pts >= 0),
                away_pts INTEGER CHECK (away_pts >= 0),
                commence_utc TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (source, source_game_id),
                CHECK (home_team <> away_team))
            """,
            "CREATE INDEX raw_source_games_date ON raw_source_games (game_date)",
            """
            CREATE TABLE raw_source_boxscores (
                source TEXT NOT NULL,
                source_game_id TEXT NOT NULL,
                source_player_id TEXT NOT NULL,
                game_date TEXT NOT NULL,
                player_name TEXT NOT NULL,
                team TEXT NOT NULL,
                minutes DOUBLE PRECISION NOT NULL CHECK (minutes >= 0 AND minutes <= 80),
                pts INTEGER NOT NULL CHECK (pts >= 0),
                reb INTEGER NOT NULL CHECK (reb >= 0),
                ast INTEGER NOT NULL CHECK (ast >= 0),
                fg3m INTEGER NOT NULL CHECK (fg3m >= 0),
                stl INTEGER NOT NULL CHECK (stl >= 0),
                blk INTEGER NOT NULL CHECK (blk >= 0),
                tov INTEGER NOT NULL CHECK (tov >= 0),
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (source, source_game_id, source_player_id))
            """,
            "CREATE INDEX raw_source_boxscores_date ON raw_source_boxscores (game_date)",
            """
            CREATE TABLE raw_standings (
                source TEXT NOT NULL,
                season TEXT NOT NULL,
                as_of TEXT NOT NULL,
                team TEXT NOT NULL,
                conference TEXT NOT NULL,
                conference_rank INTEGER CHECK (conference_rank >= 1),
                wins INTEGER NOT NULL CHECK (wins >= 0),
                losses INTEGER NOT NULL CHECK (losses >= 0),
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (source, season, as_of, team))
            """,
            """
            CREATE TABLE raw_play_by_play (
                game_id TEXT NOT NULL,
                action_number INTEGER NOT NULL CHECK (action_number >= 0),
                period INTEGER NOT NULL CHECK (period >= 1),
                clock TEXT NOT NULL,
                team TEXT NOT NULL,
                person_id INTEGER,
                action_type TEXT NOT NULL,
                sub_type TEXT NOT NULL,
                description TEXT NOT NULL,
                score_home INTEGER NOT NULL CHECK (score_home >= 0),
                score_away INTEGER NOT NULL CHECK (score_away >= 0),
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, action_number))
            """,
            """
            CREATE TABLE raw_source_players (
                source TEXT NOT NULL,
                source_player_id TEXT NOT NULL,
                player_name TEXT NOT NULL,
                team TEXT NOT NULL,
                position TEXT NOT NULL,
                jersey TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (source, source_player_id))
            """,
        ]
    }
}
