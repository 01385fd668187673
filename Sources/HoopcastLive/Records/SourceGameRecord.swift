import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// A game as a secondary source (Ball Don't Lie, ESPN) identifies it, in `raw_source_games`.
public struct SourceGameRecord: DatasetRecord, Hashable {
    public static let datasetName = "source_games"
    public static let table = "raw_source_games"
    public static let requiredHeaders = [
        "source", "source_game_id", "game_date", "status", "home_team", "away_team", "home_pts", "away_pts",
        "commence_utc",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("source", .text), ("source_game_id", .text),
    ]

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        let home = try row.teamCode("home_team")
        let away = try row.teamCode("away_team")
        guard home != away else { throw row.issue("away_team", "a team cannot play itself") }
        let homePoints = try row.optionalInt("home_pts", minimum: 0)
        let awayPoints = try row.optionalInt("away_pts", minimum: 0)
        values = [
            .text(try row.required("source")), .text(try row.required("source_game_id")),
            .text(try row.date("game_date").description), .text(try row.required("status")), .text(home.code),
            .text(away.code), .int(homePoints), .int(awayPoints), .text(row.optional("commence_utc") ?? ""),
        ]
    }
}
