import HoopcastCore
import HoopcastStore

/// A row of `prop_lines`: one offered player prop line (over/under) at one book and snapshot.
public struct PropLineRecord: DatasetRecord, Hashable {
    public static let datasetName = "prop_lines"
    public static let table = "raw_prop_lines"
    public static let requiredHeaders = [
        "game_date", "source", "book", "book_type", "market", "player_name", "line", "over_odds", "under_odds",
        "snapshot_utc", "commence_utc", "event_id", "home_team", "away_team",
    ]
    public static let columns = requiredHeaders
    public static let keyColumns: [(name: String, type: KeyColumnType)] = [
        ("game_date", .text), ("source", .text), ("book", .text), ("market", .text), ("player_name", .text),
        ("snapshot_utc", .text), ("event_id", .text), ("line", .double),
    ]

    public let gameDate: GameDate
    public let source: String
    public let book: String
    public let bookType: BookType
    public let market: PropMarket
    /// The name as the book writes it.
    public let playerName: String
    /// The line (stat units, e.g. points).
    public let line: Double
    /// American odds; nil for DFS.
    public let overOdds: Double?
    /// American odds; nil for DFS.
    public let underOdds: Double?
    /// ISO-8601 UTC time the line was captured ("" when unknown).
    public let snapshotUTC: String
    /// ISO-8601 UTC tip-off ("" when unknown).
    public let commenceUTC: String
    /// The source's own event id ("" when unknown).
    public let eventID: String
    public let homeTeam: Team?
    public let awayTeam: Team?

    public init(_ row: RowReader) throws(ImportIssue) {
        gameDate = try row.date("game_date")
        source = try row.required("source")
        book = try row.required("book")
        bookType = try row.oneOf("book_type", BookType.self)
        market = try row.oneOf("market", PropMarket.self)
        playerName = try row.required("player_name")
        line = try row.double("line", in: 0...200)
        overOdds = try row.optionalOdds("over_odds")
        underOdds = try row.optionalOdds("under_odds")
        snapshotUTC = try PropLineRecord.timestamp(row, "snapshot_utc")
        commenceUTC = try PropLineRecord.timestamp(row, "commence_utc")
        eventID = PropLineRecord.canonicalEventID(row.optional("event_id") ?? "")
        homeTeam = try row.optionalTeam("home_team")
        awayTeam = try row.optionalTeam("away_team")
        if let homeTeam, homeTeam == awayTeam { throw row.issue("away_team", "a team cannot play itself") }
    }

    public var values: [SQLValue] {
        [
            .text(gameDate.description), .text(source), .text(book), .text(bookType.rawValue), .text(market.rawValue),
            .text(playerName), .double(line), .double(overOdds), .double(underOdds), .text(snapshotUTC),
            .text(commenceUTC), .text(eventID), .text(homeTeam?.code ?? ""), .text(awayTeam?.code ?? ""),
        ]
    }

    /// Empty, or an ISO-8601 UTC timestamp `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp(_ row: RowReader, _ column: String) throws(ImportIssue) -> String {
        guard let raw = row.optional(column) else { return "" }
        let bytes = Array(raw.utf8)
        guard bytes.count >= 20, GameDate(raw.prefix(10)) != nil, bytes[10] == UInt8(ascii: "T"),
            raw.hasSuffix("Z") || raw.hasSuffix("+00:00")
        else { throw row.issue(column, "not an ISO-8601 UTC timestamp like 2024-01-15T23:05:38Z") }
        return raw
    }

    /// Numeric ids printed as floats by some exports (`23630.0`) are stored as `23630`.
    static func canonicalEventID(_ raw: String) -> String {
        if raw.hasSuffix(".0"), let number = Int(raw.dropLast(2)) { return String(number) }
        return raw
    }
}
