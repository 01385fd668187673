import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// A player's injury status from a live source, in `raw_injuries` — the table of the official NBA reports
/// (``OfficialInjuryRecord``), under the live source's own name. A live source that knows no game leaves `game_id`
/// and `tip_utc` empty; its `report_utc` is when the list was fetched.
public struct InjuryRecord: DatasetRecord, Hashable {
    public static let datasetName = "injuries"
    public static let table = "raw_injuries"
    public static let requiredHeaders = [
        "source", "report_utc", "game_id", "game_date", "tip_utc", "team", "player_name", "player_id", "status",
        "reason",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("source", .text), ("report_utc", .text), ("game_id", .text), ("team", .text), ("player_name", .text),
    ]
    /// The statuses a live source may store (a live list always names its players).
    public static let statuses = InjuryStatus.allCases.filter { $0 != .notYetSubmitted }.map(\.rawValue)

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        let status = try row.required("status")
        guard InjuryRecord.statuses.contains(status) else {
            throw row.issue("status", "must be one of \(InjuryRecord.statuses.joined(separator: ", "))")
        }
        values = [
            .text(try row.required("source")), .text(try row.required("report_utc")),
            .text(row.optional("game_id") ?? ""), .text(try row.date("game_date").description),
            .text(row.optional("tip_utc") ?? ""), .text(try row.teamCode("team").code),
            .text(try row.required("player_name")), .int(try row.optionalInt("player_id", minimum: 1)),
            .text(status), .text(row.optional("reason")),
        ]
    }
}
