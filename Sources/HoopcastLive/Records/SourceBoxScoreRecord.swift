import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// A player's line in a game as a secondary source reports it (its own game and player ids), in
/// `raw_source_boxscores`. The canonical box scores (NBA.com ids) go to `raw_player_boxscores`.
public struct SourceBoxScoreRecord: DatasetRecord, Hashable {
    public static let datasetName = "source_boxscores"
    public static let table = "raw_source_boxscores"
    static let stats = ["pts", "reb", "ast", "fg3m", "stl", "blk", "tov"]
    public static let requiredHeaders =
        [
            "source", "source_game_id", "source_player_id", "game_date", "player_name", "team", "minutes",
        ] + stats
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("source", .text), ("source_game_id", .text), ("source_player_id", .text),
    ]

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        var values: [SQLValue] = [
            .text(try row.required("source")), .text(try row.required("source_game_id")),
            .text(try row.required("source_player_id")), .text(try row.date("game_date").description),
            .text(try row.required("player_name")), .text(try row.teamCode("team").code),
            .double(try row.double("minutes", in: 0...80)),
        ]
        for stat in SourceBoxScoreRecord.stats { values.append(.int(try row.int(stat, minimum: 0))) }
        self.values = values
    }
}
