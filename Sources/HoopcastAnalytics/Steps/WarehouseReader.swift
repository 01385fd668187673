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
        let date = try row.value("game_date", as: String.self), season = try row.value("season", as: String.self)
        let seasonType = try row.value("season_type", as: String.self)
        let team = try row.value("team", as: String.self), opponent = try row.value("opponent", as: String.self)
        guard let gameDate = GameDate(date), let parsedSeason = Season(season),
            let parsedType = SeasonType(rawValue: seasonType), let parsedTeam = Team(team),
            let parsedOpponent = Team(opponent)
        else { throw StoreError(.decodingFailed, "raw_player_boxscores holds a malformed row") }
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
        guard let date = GameDate(try row.value("game_date", as: String.self)),
            let season = Season(try row.value("season", as: String.self)),
            let seasonType = SeasonType(rawValue: try row.value("season_type", as: String.self)),
            let home = Team(try row.value("home_team", as: String.self)),
            let away = Team(try row.value("away_team", as: String.self))
        else { throw StoreError(.decodingFailed, "raw_games holds a malformed row") }
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
