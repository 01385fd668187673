import HoopcastCore
import HoopcastStore
import SQLKit

/// Batch reads of raw rows as domain values (one query per table per call, never per player).
struct WarehouseReader: Sendable {
    let db: any SQLDatabase

    static let boxScoreColumns = """
        game_id, player_id, game_date, season, season_type, team, opponent, is_home, minutes, pts, fgm, fga, fg3m, \
        fg3a, ftm, fta, oreb, dreb, reb, ast, tov, content_hash
        """

    /// Decodes box-score rows selected with ``boxScoreColumns``.
    static func boxScore(_ row: any SQLRow) throws -> BoxScoreLine {
        let (table, key) = (
            "raw_player_boxscores",
            "\(try row.value("game_id", as: String.self))/\(try row.value("player_id", as: Int.self))"
        )
        let gameDate = try row.parsed("game_date", in: table, key: key, GameDate.init)
        let parsedSeason = try row.parsed("season", in: table, key: key, Season.init)
        let parsedType = try row.parsed("season_type", in: table, key: key, SeasonType.init(rawValue:))
        let parsedTeam = try row.parsed("team", in: table, key: key, Team.init)
        let parsedOpponent = try row.parsed("opponent", in: table, key: key, Team.init)
        return BoxScoreLine(
            gameID: try row.value("game_id"), playerID: try row.value("player_id"), gameDate: gameDate,
            season: parsedSeason, seasonType: parsedType, team: parsedTeam, opponent: parsedOpponent,
            isHome: try row.value("is_home", as: Int.self) == 1, minutes: try row.value("minutes"),
            points: try row.value("pts"), fieldGoalsMade: try row.value("fgm"),
            fieldGoalsAttempted: try row.value("fga"),
            threesMade: try row.value("fg3m"), threesAttempted: try row.value("fg3a"),
            freeThrowsMade: try row.value("ftm"), freeThrowsAttempted: try row.value("fta"),
            offensiveRebounds: try row.value("oreb"), defensiveRebounds: try row.value("dreb"),
            rebounds: try row.value("reb"), assists: try row.value("ast"), turnovers: try row.value("tov"),
            contentHash: try row.value("content_hash"))
    }

    /// Decodes a `raw_games` row.
    static func game(_ row: any SQLRow) throws -> ScheduledGame {
        let (table, key) = ("raw_games", try row.value("game_id", as: String.self))
        let date = try row.parsed("game_date", in: table, key: key, GameDate.init)
        let season = try row.parsed("season", in: table, key: key, Season.init)
        let seasonType = try row.parsed("season_type", in: table, key: key, SeasonType.init(rawValue:))
        let home = try row.parsed("home_team", in: table, key: key, Team.init)
        let away = try row.parsed("away_team", in: table, key: key, Team.init)
        return ScheduledGame(
            gameID: try row.value("game_id"), gameDate: date, season: season, seasonType: seasonType,
            homeTeam: home, awayTeam: away)
    }

    /// Games on exactly `date`.
    func games(on date: GameDate) async throws -> [ScheduledGame] {
        try await db.raw(
            """
            SELECT game_id, game_date, season, season_type, home_team, away_team FROM raw_games
            WHERE game_date = \(bind: date.description) ORDER BY game_id
            """
        ).all().map(WarehouseReader.game)
    }

    /// Games of `season` strictly before `date`.
    func games(season: Season, before date: GameDate) async throws -> [ScheduledGame] {
        try await db.raw(
            """
            SELECT game_id, game_date, season, season_type, home_team, away_team FROM raw_games
            WHERE season = \(bind: season.description) AND game_date < \(bind: date.description)
            """
        ).all().map(WarehouseReader.game)
    }

    /// Pre-game lines for the games on `date`.
    func gameLines(on date: GameDate) async throws -> [GameLine] {
        try await db.raw(
            """
            SELECT game_id, source, total, home_spread FROM raw_game_lines WHERE game_date = \(bind: date.description)
            """
        ).all().map { row in
            GameLine(
                gameID: try row.value("game_id"), source: try row.value("source"),
                total: try row.value("total", as: Double?.self),
                homeSpread: try row.value("home_spread", as: Double?.self))
        }
    }
}
