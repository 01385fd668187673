import HoopcastCore
import HoopcastStore

/// A row of `injuries`: one player (or a team that had not submitted its list) on one official NBA injury report,
/// for one game. Stored in `raw_injuries` with the source ``source``; the live Ball Don't Lie injuries endpoint writes
/// the same table under its own source.
public struct OfficialInjuryRecord: DatasetRecord, Hashable {
    public static let datasetName = "injuries"
    public static let table = "raw_injuries"
    /// The source every row of the file is stored under.
    public static let source = "nba_official"
    public static let requiredHeaders = [
        "report_utc", "game_id", "game_date", "tip_utc", "team", "player_name", "status", "reason",
    ]
    public static let columns = ["source"] + requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("source", .text), ("report_utc", .text), ("game_id", .text), ("team", .text), ("player_name", .text),
    ]

    /// When the report was published (`YYYY-MM-DDTHH:MM:SSZ`).
    public let reportUTC: String
    public let gameID: String
    public let gameDate: GameDate
    /// The scheduled tip-off (`YYYY-MM-DDTHH:MM:SSZ`).
    public let tipUTC: String
    public let team: Team
    /// The name as the report prints it; empty on a team row (``InjuryStatus/notYetSubmitted``).
    public let playerName: String
    public let status: InjuryStatus
    /// The reason as printed ("" when none).
    public let reason: String

    public init(_ row: RowReader) throws(ImportIssue) {
        reportUTC = try OfficialInjuryRecord.instant(row, "report_utc")
        gameID = try GameRecord.gameID(row, "game_id")
        gameDate = try row.date("game_date")
        tipUTC = try OfficialInjuryRecord.instant(row, "tip_utc")
        team = try row.teamCode("team")
        status = try row.oneOf("status", InjuryStatus.self)
        playerName = row.optional("player_name") ?? ""
        if status == .notYetSubmitted, !playerName.isEmpty {
            throw row.issue("player_name", "a not_yet_submitted row is a team row: the player name must be empty")
        }
        if status != .notYetSubmitted, playerName.isEmpty {
            throw row.issue("player_name", "a value is required (only a not_yet_submitted team row has none)")
        }
        reason = row.optional("reason") ?? ""
        guard let tipDate = GameDate(tipUTC.prefix(10)),
            tipDate >= gameDate.adding(days: -1), tipDate <= gameDate.adding(days: 1)
        else { throw row.issue("tip_utc", "more than a day away from the game date \(gameDate)") }
    }

    public var values: [SQLValue] {
        [
            .text(OfficialInjuryRecord.source), .text(reportUTC), .text(gameID), .text(gameDate.description),
            .text(tipUTC), .text(team.code), .text(playerName), .text(status.rawValue), .text(reason),
        ]
    }

    /// A required UTC time written exactly `YYYY-MM-DDTHH:MM:SSZ` (so that times compare as text).
    static func instant(_ row: RowReader, _ column: String) throws(ImportIssue) -> String {
        let raw = try row.required(column)
        let bytes = Array(raw.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard bytes.count == 20, GameDate(raw.prefix(10)) != nil, bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
            digits.allSatisfy({ bytes[$0] >= 48 && bytes[$0] <= 57 }),
            let hour = Int(raw.dropFirst(11).prefix(2)), hour < 24,
            let minute = Int(raw.dropFirst(14).prefix(2)), minute < 60,
            let second = Int(raw.dropFirst(17).prefix(2)), second < 60
        else { throw row.issue(column, "not a UTC time written like 2024-01-15T23:30:00Z") }
        return raw
    }
}
