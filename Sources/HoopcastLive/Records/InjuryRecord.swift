import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// A player's injury status on a report, in `raw_injuries` (created by the raw layer).
public struct InjuryRecord: DatasetRecord, Hashable {
    public static let datasetName = "injuries"
    public static let table = "raw_injuries"
    public static let requiredHeaders = [
        "report_date", "team", "player_name", "player_id", "status", "reason", "reported_at", "source",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("report_date", .text), ("team", .text), ("player_name", .text), ("source", .text), ("reported_at", .text),
    ]
    /// The stored statuses.
    public static let statuses = ["out", "doubtful", "questionable", "probable", "available"]

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        let status = try row.required("status")
        guard InjuryRecord.statuses.contains(status) else {
            throw row.issue("status", "must be one of \(InjuryRecord.statuses.joined(separator: ", "))")
        }
        values = [
            .text(try row.date("report_date").description), .text(try row.teamCode("team").code),
            .text(try row.required("player_name")), .int(try row.optionalInt("player_id", minimum: 1)),
            .text(status), .text(row.optional("reason")), .text(try row.required("reported_at")),
            .text(try row.required("source")),
        ]
    }
}
