import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// One play-by-play action of a game (NBA.com CDN), in `raw_play_by_play`.
public struct PlayByPlayRecord: DatasetRecord, Hashable {
    public static let datasetName = "play_by_play"
    public static let table = "raw_play_by_play"
    public static let requiredHeaders = [
        "game_id", "action_number", "period", "clock", "team", "person_id", "action_type", "sub_type", "description",
        "score_home", "score_away",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [("game_id", .text), ("action_number", .int)]

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        let gameID = try row.required("game_id")
        guard gameID.count == 10, gameID.allSatisfy(\.isNumber) else {
            throw row.issue("game_id", "an NBA game id has 10 digits")
        }
        let team = row.optional("team")
        if let team, Team(team) == nil { throw row.issue("team", "unknown team code") }
        values = [
            .text(gameID), .int(try row.int("action_number", minimum: 0)), .int(try row.int("period", minimum: 1)),
            .text(try row.required("clock")), .text(team ?? ""), .int(try row.optionalInt("person_id")),
            .text(try row.required("action_type")), .text(row.optional("sub_type") ?? ""),
            .text(row.optional("description") ?? ""), .int(try row.int("score_home", minimum: 0)),
            .int(try row.int("score_away", minimum: 0)),
        ]
    }
}
