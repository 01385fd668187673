import HoopcastCore
import HoopcastStore

/// A row of `game_lines`: a sportsbook's total, spread and moneylines for one game.
public struct GameLineRecord: DatasetRecord, Hashable {
    public static let datasetName = "game_lines"
    public static let table = "raw_game_lines"
    public static let requiredHeaders = [
        "game_id", "game_date", "home_team", "away_team", "source", "total", "home_spread", "home_moneyline",
        "away_moneyline",
    ]
    public static let columns = [
        "game_id", "source", "game_date", "home_team", "away_team", "total", "home_spread", "home_moneyline",
        "away_moneyline",
    ]
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [("game_id", .text), ("source", .text)]

    public let gameID: String
    public let source: String
    public let gameDate: GameDate
    public let homeTeam: Team
    public let awayTeam: Team
    /// Points, over/under.
    public let total: Double?
    /// Points; negative when the home team is favoured.
    public let homeSpread: Double?
    /// American odds.
    public let homeMoneyline: Double?
    /// American odds.
    public let awayMoneyline: Double?

    public init(_ row: RowReader) throws(ImportIssue) {
        gameID = try GameRecord.gameID(row, "game_id")
        source = try row.required("source")
        gameDate = try row.date("game_date")
        homeTeam = try row.teamCode("home_team")
        awayTeam = try row.teamCode("away_team")
        guard homeTeam != awayTeam else { throw row.issue("away_team", "a team cannot play itself") }
        total = try row.optionalDouble("total", in: 100...350)
        homeSpread = try row.optionalDouble("home_spread", in: -60...60)
        homeMoneyline = try row.optionalOdds("home_moneyline")
        awayMoneyline = try row.optionalOdds("away_moneyline")
    }

    public var values: [SQLValue] {
        [
            .text(gameID), .text(source), .text(gameDate.description), .text(homeTeam.code), .text(awayTeam.code),
            .double(total), .double(homeSpread), .double(homeMoneyline), .double(awayMoneyline),
        ]
    }
}
