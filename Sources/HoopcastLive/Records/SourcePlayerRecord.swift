import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// A player as a source lists him (player lists, team rosters), in `raw_source_players`.
public struct SourcePlayerRecord: DatasetRecord, Hashable {
    public static let datasetName = "source_players"
    public static let table = "raw_source_players"
    public static let requiredHeaders = ["source", "source_player_id", "player_name", "team", "position", "jersey"]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("source", .text), ("source_player_id", .text),
    ]

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        let team = row.optional("team")
        if let team, Team(team) == nil { throw row.issue("team", "unknown team") }
        values = [
            .text(try row.required("source")), .text(try row.required("source_player_id")),
            .text(try row.required("player_name")), .text(team.flatMap { Team($0)?.code } ?? ""),
            .text(row.optional("position") ?? ""), .text(row.optional("jersey") ?? ""),
        ]
    }
}
