extension Schema {
    /// Registry: the players known from box scores (with team stints) and name aliases.
    static let registryLayer = Migration(version: 2, name: "registry") { _ in
        [
            """
            CREATE TABLE registry_players (
                player_id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                first_game_date TEXT NOT NULL,
                last_game_date TEXT NOT NULL,
                run_id TEXT NOT NULL)
            """,
            """
            CREATE TABLE registry_player_stints (
                player_id INTEGER NOT NULL,
                team TEXT NOT NULL,
                season TEXT NOT NULL,
                first_game_date TEXT NOT NULL,
                last_game_date TEXT NOT NULL,
                games INTEGER NOT NULL CHECK (games > 0),
                run_id TEXT NOT NULL,
                PRIMARY KEY (player_id, team, season))
            """,
            """
            CREATE TABLE registry_player_aliases (
                alias TEXT PRIMARY KEY,
                player_id INTEGER NOT NULL,
                origin TEXT NOT NULL CHECK (origin IN ('builtin', 'user')),
                created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE registry_name_resolutions (
                player_name TEXT NOT NULL,
                game_date TEXT NOT NULL,
                home_team TEXT NOT NULL,
                away_team TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('resolved', 'ambiguous', 'unresolved')),
                player_id INTEGER,
                match TEXT,
                candidates TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (player_name, game_date, home_team, away_team),
                CHECK ((status = 'resolved') = (player_id IS NOT NULL)))
            """,
            "CREATE INDEX registry_name_resolutions_player ON registry_name_resolutions (player_id, game_date)",
        ]
    }
}
