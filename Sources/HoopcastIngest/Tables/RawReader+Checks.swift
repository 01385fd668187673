import HoopcastCore
import HoopcastStore
import SQLKit

/// A scheduled game with its final score when the result is in.
public struct GameResult: Sendable, Hashable {
    public var game: ScheduledGame
    /// The home side's points; nil until the result is stored.
    public var homePoints: Int?
    /// The away side's points; nil until the result is stored.
    public var awayPoints: Int?

    /// Whether the result is in.
    public var isFinal: Bool { homePoints != nil && awayPoints != nil }

    /// Creates a result.
    public init(game: ScheduledGame, homePoints: Int?, awayPoints: Int?) {
        self.game = game
        self.homePoints = homePoints
        self.awayPoints = awayPoints
    }
}

/// A stored pre-game line with every column the raw layer keeps (teams and moneylines included).
public struct RawGameLine: Sendable, Hashable {
    public var gameID: String
    public var source: String
    public var gameDate: GameDate
    public var homeTeam: Team
    public var awayTeam: Team
    /// Points; nil when the source gave none.
    public var total: Double?
    /// The home side's spread in points (negative: favoured); nil when none.
    public var homeSpread: Double?
    /// American odds; nil when none.
    public var homeMoneyline: Double?
    /// American odds; nil when none.
    public var awayMoneyline: Double?

    /// Creates a line.
    public init(
        gameID: String, source: String, gameDate: GameDate, homeTeam: Team, awayTeam: Team, total: Double?,
        homeSpread: Double?, homeMoneyline: Double?, awayMoneyline: Double?
    ) {
        self.gameID = gameID
        self.source = source
        self.gameDate = gameDate
        self.homeTeam = homeTeam
        self.awayTeam = awayTeam
        self.total = total
        self.homeSpread = homeSpread
        self.homeMoneyline = homeMoneyline
        self.awayMoneyline = awayMoneyline
    }
}

/// Which raw table a group of rows is in (``RawReader/writers(on:)``).
public enum RawTableKind: String, Sendable, Hashable, CaseIterable, Codable {
    case games, boxScores = "box_scores", gameLines = "game_lines", propLines = "prop_lines"
}

/// How many of a date's rows of one raw table a run wrote last (rows carry the run that last wrote them).
public struct RawWrite: Sendable, Hashable {
    public var table: RawTableKind
    public var runID: String
    public var rows: Int

    /// Creates a write.
    public init(table: RawTableKind, runID: String, rows: Int) {
        self.table = table
        self.runID = runID
        self.rows = rows
    }
}

extension RawReader {
    /// The games on exactly `date` with their scores when in, by game id.
    public func results(on date: GameDate) async throws -> [GameResult] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns), home_pts, away_pts FROM raw_games
            WHERE game_date = \(bind: date.description) ORDER BY game_id
            """
        ).all().map { row in
            GameResult(
                game: try RawReader.game(row), homePoints: try row.value("home_pts", as: Int?.self),
                awayPoints: try row.value("away_pts", as: Int?.self))
        }
    }

    /// Every box score of the games dated `date`, by game and player.
    public func boxScores(on date: GameDate) async throws -> [BoxScoreLine] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.boxScoreColumns) FROM raw_player_boxscores
            WHERE game_date = \(bind: date.description) ORDER BY game_id, player_id
            """
        ).all().map(RawReader.boxScore)
    }

    /// Every box score dated in [from, before), by date, game and player.
    public func boxScores(from: GameDate, before: GameDate) async throws -> [BoxScoreLine] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.boxScoreColumns) FROM raw_player_boxscores
            WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
            ORDER BY game_date, game_id, player_id
            """
        ).all().map(RawReader.boxScore)
    }

    /// The stored pre-game lines dated `date` with every column, by game and source.
    public func gameLineRows(on date: GameDate) async throws -> [RawGameLine] {
        let table = GameLineRecord.table
        return try await db.raw(
            """
            SELECT game_id, source, game_date, home_team, away_team, total, home_spread, home_moneyline, away_moneyline
            FROM raw_game_lines WHERE game_date = \(bind: date.description) ORDER BY game_id, source
            """
        ).all().map { row in
            let key = "\(try row.value("game_id", as: String.self))/\(try row.value("source", as: String.self))"
            return RawGameLine(
                gameID: try row.value("game_id"), source: try row.value("source"),
                gameDate: try row.parsed("game_date", in: table, key: key, GameDate.init),
                homeTeam: try row.parsed("home_team", in: table, key: key, Team.init),
                awayTeam: try row.parsed("away_team", in: table, key: key, Team.init),
                total: try row.value("total"), homeSpread: try row.value("home_spread"),
                homeMoneyline: try row.value("home_moneyline"), awayMoneyline: try row.value("away_moneyline"))
        }
    }

    /// The players among `players` with a box score dated before `date` (one query per 500 players, through the
    /// player index).
    public func playersWithGames(among players: Set<Int>, before date: GameDate) async throws -> Set<Int> {
        var found: Set<Int> = []
        let ids = players.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            for row in try await db.raw(
                """
                SELECT DISTINCT player_id FROM raw_player_boxscores
                WHERE player_id IN (\(binds: Array(ids[start..<min(start + 500, ids.count)])))
                  AND game_date < \(bind: date.description)
                """
            ).all() {
                found.insert(try row.value("player_id", as: Int.self))
            }
        }
        return found
    }

    /// For each raw table, the runs that last wrote the rows dated `date` and how many rows each (one query).
    public func writers(on date: GameDate) async throws -> [RawWrite] {
        let day = date.description
        return try await db.raw(
            """
            SELECT 'games' AS kind, run_id, COUNT(*) AS n FROM raw_games WHERE game_date = \(bind: day) GROUP BY run_id
            UNION ALL
            SELECT 'box_scores', run_id, COUNT(*) FROM raw_player_boxscores WHERE game_date = \(bind: day) GROUP BY run_id
            UNION ALL
            SELECT 'game_lines', run_id, COUNT(*) FROM raw_game_lines WHERE game_date = \(bind: day) GROUP BY run_id
            UNION ALL
            SELECT 'prop_lines', run_id, COUNT(*) FROM raw_prop_lines WHERE game_date = \(bind: day) GROUP BY run_id
            """
        ).all().map { row in
            RawWrite(
                table: try row.parsed("kind", in: "raw tables", key: day, RawTableKind.init(rawValue:)),
                runID: try row.value("run_id"), rows: try row.value("n"))
        }
    }
}
