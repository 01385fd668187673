import HoopcastCore
import HoopcastStore
import SQLKit

/// One stored prop quote as the raw layer keeps it (every market, resolved or not), with the player the registry
/// resolved its name to.
public struct RawPropQuote: Sendable, Hashable {
    public var source: String
    public var book: String
    public var bookType: BookType
    public var market: PropMarket
    /// The name as the book printed it.
    public var playerName: String
    /// The line in the market's unit (points, rebounds, …).
    public var line: Double
    /// American odds; nil when none was posted.
    public var overOdds: Double?
    /// American odds; nil when none was posted.
    public var underOdds: Double?
    /// When the quote was captured (ISO-8601 UTC; empty when the source gave none).
    public var snapshotUTC: String
    /// The game's tip-off as the source gave it (ISO-8601 UTC; empty when none).
    public var commenceUTC: String
    public var eventID: String
    /// Empty when the source named no teams.
    public var homeTeam: String
    /// Empty when the source named no teams.
    public var awayTeam: String
    /// The resolved player; nil when the name did not resolve to exactly one player.
    public var playerID: Int?
}

extension PropLineReader {
    /// Every prop quote dated `date`, in every market, with the registry's resolution of its name (one query).
    public func quotes(on date: GameDate) async throws -> [RawPropQuote] {
        let table = PropLineRecord.table
        return try await db.raw(
            """
            SELECT p.source, p.book, p.book_type, p.market, p.player_name, p.line, p.over_odds, p.under_odds,
                   p.snapshot_utc, p.commence_utc, p.event_id, p.home_team, p.away_team, r.player_id
            FROM raw_prop_lines p
            LEFT JOIN registry_name_resolutions r
              ON r.player_name = p.player_name AND r.game_date = p.game_date
             AND r.home_team = p.home_team AND r.away_team = p.away_team
             AND r.status = \(bind: NameResolutionStatus.resolved.rawValue)
            WHERE p.game_date = \(bind: date.description)
            ORDER BY p.market, p.player_name, p.book, p.snapshot_utc, p.line
            """
        ).all().map { row in
            let name = try row.value("player_name", as: String.self)
            let key = "\(date)/\(name)/\(try row.value("market", as: String.self))"
            return RawPropQuote(
                source: try row.value("source"), book: try row.value("book"),
                bookType: try row.parsed("book_type", in: table, key: key, BookType.init(rawValue:)),
                market: try row.parsed("market", in: table, key: key, PropMarket.init(rawValue:)),
                playerName: name, line: try row.value("line"), overOdds: try row.value("over_odds"),
                underOdds: try row.value("under_odds"), snapshotUTC: try row.value("snapshot_utc"),
                commenceUTC: try row.value("commence_utc"), eventID: try row.value("event_id"),
                homeTeam: try row.value("home_team"), awayTeam: try row.value("away_team"),
                playerID: try row.value("player_id", as: Int?.self))
        }
    }
}
