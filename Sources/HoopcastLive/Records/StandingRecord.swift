import HoopcastCore
import HoopcastIngest
import HoopcastStore

/// A team's standing on a date, in `raw_standings`.
public struct StandingRecord: DatasetRecord, Hashable {
    public static let datasetName = "standings"
    public static let table = "raw_standings"
    public static let requiredHeaders = [
        "source", "season", "as_of", "team", "conference", "conference_rank", "wins", "losses",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("source", .text), ("season", .text), ("as_of", .text), ("team", .text),
    ]

    /// The stored values, in ``columns`` order.
    public let values: [SQLValue]

    /// Validates one row; the issue names the column and value at fault.
    public init(_ row: RowReader) throws(ImportIssue) {
        values = [
            .text(try row.required("source")), .text(try row.season("season").description),
            .text(try row.date("as_of").description), .text(try row.teamCode("team").code),
            .text(try row.required("conference")), .int(try row.optionalInt("conference_rank", minimum: 1)),
            .int(try row.int("wins", minimum: 0)), .int(try row.int("losses", minimum: 0)),
        ]
    }
}
