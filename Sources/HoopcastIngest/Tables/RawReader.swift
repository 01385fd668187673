import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// Typed reads of the raw layer's schedule, box scores and game lines as domain values: one query per call, never
/// per player. Every other layer reads raw rows through this reader; its schedule is the backfill's calendar.
public struct RawReader: GameCalendar {
    let db: any SQLDatabase

    /// Creates a reader over `db` (the store, or a transaction).
    public init(db: any SQLDatabase) { self.db = db }

    static let boxScoreColumns = """
        game_id, player_id, game_date, season, season_type, team, opponent, is_home, minutes, pts, fgm, fga, fg3m, \
        fg3a, ftm, fta, oreb, dreb, reb, ast, tov, content_hash
        """
    static let gameColumns = "game_id, game_date, season, season_type, home_team, away_team"

    /// Games on exactly `date`, by game id.
    public func games(on date: GameDate) async throws -> [ScheduledGame] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns) FROM raw_games
            WHERE game_date = \(bind: date.description) ORDER BY game_id
            """
        ).all().map(RawReader.game)
    }

    /// Games on exactly `date` with whether their result is in (the home score is stored), by game id.
    public func gamesWithResults(on date: GameDate) async throws -> [(game: ScheduledGame, final: Bool)] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns), home_pts FROM raw_games
            WHERE game_date = \(bind: date.description) ORDER BY game_id
            """
        ).all().map { row in (try RawReader.game(row), try row.value("home_pts", as: Int?.self) != nil) }
    }

    /// Games of `season` strictly before `date`.
    public func games(season: Season, before date: GameDate) async throws -> [ScheduledGame] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns) FROM raw_games
            WHERE season = \(bind: season.description) AND game_date < \(bind: date.description)
            """
        ).all().map(RawReader.game)
    }

    /// Games dated in [from, to], by date and game id.
    public func games(from: GameDate, to: GameDate) async throws -> [ScheduledGame] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns) FROM raw_games
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description)
            ORDER BY game_date, game_id
            """
        ).all().map(RawReader.game)
    }

    /// The games dated on any of `dates`, by date and game id.
    public func games(onAnyOf dates: Set<GameDate>) async throws -> [ScheduledGame] {
        guard !dates.isEmpty else { return [] }
        return try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns) FROM raw_games
            WHERE game_date IN (\(binds: dates.sorted().map(\.description))) ORDER BY game_date, game_id
            """
        ).all().map(RawReader.game)
    }

    /// The games with the ids `gameIDs` that are scheduled (unknown ids are left out).
    public func games(withIDs gameIDs: Set<String>) async throws -> [ScheduledGame] {
        var games: [ScheduledGame] = []
        let ids = gameIDs.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            games += try await db.raw(
                """
                SELECT \(unsafeRaw: RawReader.gameColumns) FROM raw_games
                WHERE game_id IN (\(binds: Array(ids[start..<min(start + 500, ids.count)]))) ORDER BY game_id
                """
            ).all().map(RawReader.game)
        }
        return games
    }

    public func gameDates(from: GameDate, to: GameDate) async throws -> [GameDate] {
        try await db.raw(
            """
            SELECT DISTINCT game_date FROM raw_games
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description) ORDER BY game_date
            """
        ).all().map { row in try row.parsed("game_date", in: GameRecord.table, key: "dates", GameDate.init) }
    }

    /// Pre-game lines for the games on `date`.
    public func gameLines(on date: GameDate) async throws -> [GameLine] {
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

    /// The box scores before `date` of the games queued in ``ChangedGames``.
    public func boxScoresOfChangedGames(before date: GameDate) async throws -> [BoxScoreLine] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.boxScoreColumns) FROM raw_player_boxscores
            WHERE game_date < \(bind: date.description)
              AND game_id IN (SELECT game_id FROM \(unsafeRaw: ChangedGames.table) WHERE game_date < \(bind: date.description))
            """
        ).all().map(RawReader.boxScore)
    }

    /// Every player's market values in the games of `date`: game id → player id → market → value.
    public func actuals(on date: GameDate) async throws -> [String: [Int: [Market: Double]]] {
        var result: [String: [Int: [Market: Double]]] = [:]
        for row in try await db.raw(
            """
            SELECT game_id, player_id, pts, reb, ast, fg3m FROM raw_player_boxscores
            WHERE game_date = \(bind: date.description)
            """
        ).all() {
            result[try row.value("game_id"), default: [:]][try row.value("player_id")] = try RawReader.marketValues(row)
        }
        return result
    }

    /// Every player's market values in the games dated in [from, before), keyed by game id and player id.
    public func actuals(from: GameDate, before: GameDate) async throws -> [PlayerGameKey: [Market: Double]] {
        var result: [PlayerGameKey: [Market: Double]] = [:]
        for row in try await db.raw(
            """
            SELECT game_id, player_id, pts, reb, ast, fg3m FROM raw_player_boxscores
            WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
            """
        ).all() {
            result[PlayerGameKey(gameID: try row.value("game_id"), playerID: try row.value("player_id"))] =
                try RawReader.marketValues(row)
        }
        return result
    }

    static func marketValues(_ row: some SQLRow) throws -> [Market: Double] {
        Market.values(
            points: try row.value("pts"), rebounds: try row.value("reb"), assists: try row.value("ast"),
            threes: try row.value("fg3m"))
    }

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

    /// Decodes a `raw_games` row selected with ``gameColumns``.
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
}

/// A (game, player) pair: the key of a player's game.
public struct PlayerGameKey: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int

    /// Creates a key.
    public init(gameID: String, playerID: Int) {
        self.gameID = gameID
        self.playerID = playerID
    }
}
