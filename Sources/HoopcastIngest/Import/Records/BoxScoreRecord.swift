import HoopcastCore
import HoopcastStore
import SQLKit

/// A row of `player_boxscores`: one player's traditional box score in one game.
///
/// The date must lie within the season (``Season/possibleGameDates``) and not after the importer's today: a box
/// score is a result.
public struct BoxScoreRecord: DatasetRecord, Hashable {
    public static let datasetName = "player_boxscores"
    public static let table = "raw_player_boxscores"
    static let countingColumns = [
        "pts", "fgm", "fga", "fg3m", "fg3a", "ftm", "fta", "oreb", "dreb", "reb", "ast", "stl", "blk", "tov", "pf",
    ]
    public static let requiredHeaders =
        [
            "game_id", "game_date", "season", "season_type", "player_id", "player_name", "team", "opponent", "is_home",
            "minutes",
        ] + countingColumns + ["plus_minus"]
    public static let columns =
        [
            "game_id", "player_id", "game_date", "season", "season_type", "player_name", "team", "opponent", "is_home",
            "minutes",
        ] + countingColumns + ["plus_minus"]
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [("game_id", .text), ("player_id", .int)]

    public let gameID: String
    public let playerID: Int
    public let gameDate: GameDate
    public let season: Season
    public let seasonType: SeasonType
    public let playerName: String
    public let team: Team
    public let opponent: Team
    public let isHome: Bool
    /// Minutes played (decimal).
    public let minutes: Double
    /// Counting stats in ``countingColumns`` order (pts, fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, reb, ast, stl,
    /// blk, tov, pf).
    public let counts: [Int]
    public let plusMinus: Int?

    public init(_ row: RowReader) throws(ImportIssue) {
        gameID = try GameRecord.gameID(row, "game_id")
        playerID = try row.int("player_id", minimum: 1)
        season = try row.season("season")
        gameDate = try row.date("game_date", in: season)
        try row.requirePlayed(gameDate, naming: "game_date")
        seasonType = try row.oneOf("season_type", SeasonType.self)
        playerName = try row.required("player_name")
        team = try row.teamCode("team")
        opponent = try row.teamCode("opponent")
        guard team != opponent else { throw row.issue("opponent", "a team cannot play itself") }
        isHome = try row.flag("is_home")
        minutes = try row.double("minutes", in: 0...80)
        var counts: [Int] = []
        counts.reserveCapacity(BoxScoreRecord.countingColumns.count)
        for column in BoxScoreRecord.countingColumns {
            counts.append(try row.int(column, minimum: 0))
        }
        self.counts = counts
        plusMinus = try row.optionalInt("plus_minus")
        try checkConsistency(row)
    }

    /// Points.
    public var points: Int { counts[0] }
    func count(_ column: String) -> Int { counts[BoxScoreRecord.countingColumns.firstIndex(of: column)!] }

    /// Rejects impossible combinations (more makes than attempts, points that do not add up, …).
    private func checkConsistency(_ row: RowReader) throws(ImportIssue) {
        let fgm = count("fgm"), fga = count("fga"), fg3m = count("fg3m"), fg3a = count("fg3a")
        let ftm = count("ftm"), fta = count("fta")
        if fgm > fga { throw row.issue("fgm", "more field goals made than attempted (fga \(fga))") }
        if fg3m > fg3a { throw row.issue("fg3m", "more threes made than attempted (fg3a \(fg3a))") }
        if fg3m > fgm { throw row.issue("fg3m", "more threes made than field goals made (fgm \(fgm))") }
        if ftm > fta { throw row.issue("ftm", "more free throws made than attempted (fta \(fta))") }
        if count("reb") != count("oreb") + count("dreb") {
            throw row.issue("reb", "rebounds must equal oreb + dreb (\(count("oreb")) + \(count("dreb")))")
        }
        if points != 2 * fgm + fg3m + ftm {
            throw row.issue("pts", "points must equal 2·fgm + fg3m + ftm = \(2 * fgm + fg3m + ftm)")
        }
    }

    /// Queues the games of new or changed box scores for `analytics.game_summaries`.
    public static func didWrite(_ rows: [[SQLValue]], runID: String, on db: any SQLDatabase) async throws {
        var games: [String: SQLValue] = [:]
        for row in rows { if case .text(let gameID) = row[0] { games[gameID] = row[2] } }  // game_id, game_date
        let pending = games.sorted { $0.key < $1.key }.map { [SQLValue.text($0.key), $0.value, .text(runID)] }
        try await BulkUpsert(
            table: ChangedGames.table, columns: ["game_id", "game_date", "run_id"],
            key: ["game_id"]
        ).run(pending, on: db)
        var dates: Set<String> = []
        for row in rows { if case .text(let date) = row[2] { dates.insert(date) } }
        try await PartitionVersions.bump(table, dates: dates, on: db)
    }

    public var values: [SQLValue] {
        [
            .text(gameID), .int(playerID), .text(gameDate.description), .text(season.description),
            .text(seasonType.rawValue), .text(playerName), .text(team.code), .text(opponent.code), .int(isHome ? 1 : 0),
            .double(minutes),
        ] + counts.map { SQLValue.int($0) } + [.int(plusMinus)]
    }
}
