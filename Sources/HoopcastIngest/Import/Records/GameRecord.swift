import HoopcastCore
import HoopcastStore

/// A row of `games`: one NBA game, with final scores once played.
///
/// The date must lie within the season (``Season/possibleGameDates``), and a game with a final score must not be
/// dated after the importer's today.
public struct GameRecord: DatasetRecord, Hashable {
    public static let datasetName = "games"
    public static let table = "raw_games"
    public static let requiredHeaders = [
        "game_id", "season", "season_type", "game_date", "home_team", "away_team", "home_pts", "away_pts",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [("game_id", .text)]

    public let gameID: String
    public let season: Season
    public let seasonType: SeasonType
    public let gameDate: GameDate
    public let homeTeam: Team
    public let awayTeam: Team
    public let homePoints: Int?
    public let awayPoints: Int?

    public init(_ row: RowReader) throws(ImportIssue) {
        gameID = try GameRecord.gameID(row, "game_id")
        season = try row.season("season")
        seasonType = try row.oneOf("season_type", SeasonType.self)
        gameDate = try row.date("game_date", in: season)
        homeTeam = try row.teamCode("home_team")
        awayTeam = try row.teamCode("away_team")
        guard homeTeam != awayTeam else { throw row.issue("away_team", "a team cannot play itself") }
        homePoints = try row.optionalInt("home_pts", minimum: 0)
        awayPoints = try row.optionalInt("away_pts", minimum: 0)
        guard (homePoints == nil) == (awayPoints == nil) else {
            throw row.issue(homePoints == nil ? "home_pts" : "away_pts", "both scores or neither must be given")
        }
        if homePoints != nil { try row.requirePlayed(gameDate, naming: "home_pts") }
    }

    public var values: [SQLValue] {
        [
            .text(gameID), .text(season.description), .text(seasonType.rawValue), .text(gameDate.description),
            .text(homeTeam.code), .text(awayTeam.code), .int(homePoints), .int(awayPoints),
        ]
    }

    /// Validates an NBA game id: ten digits.
    static func gameID(_ row: RowReader, _ column: String) throws(ImportIssue) -> String {
        let raw = try row.required(column)
        guard raw.count == 10, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw row.issue(column, "an NBA game id has 10 digits")
        }
        return raw
    }
}
