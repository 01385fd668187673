import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of the raw prop lines: a date's quotes of players the registry resolved, in one query.
public struct PropLineReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// A quote of a resolved player in a predicted market.
    public struct ResolvedQuote: Sendable, Hashable {
        public var playerID: Int
        public var market: Market
        public var quote: PropQuote
    }

    /// Every quote dated `date` whose player name resolved, in the predicted markets (other props are not read).
    public func resolvedQuotes(on date: GameDate) async throws -> [ResolvedQuote] {
        let rows = try await db.raw(
            """
            SELECT r.player_id, p.market, p.book, p.book_type, p.line, p.over_odds, p.under_odds, p.snapshot_utc,
                   p.commence_utc, p.player_name
            FROM raw_prop_lines p
            JOIN registry_name_resolutions r
              ON r.player_name = p.player_name AND r.game_date = p.game_date
             AND r.home_team = p.home_team AND r.away_team = p.away_team
            WHERE p.game_date = \(bind: date.description) AND r.status = \(bind: NameResolutionStatus.resolved.rawValue)
            """
        ).all()
        var quotes: [ResolvedQuote] = []
        quotes.reserveCapacity(rows.count)
        for row in rows {
            guard let market = Market(rawValue: try row.value("market", as: String.self)) else { continue }
            let key = { "\(date)/\(try row.value("player_name", as: String.self))/\(market.rawValue)" }
            let bookType = try row.parsed("book_type", in: PropLineRecord.table, key: key(), BookType.init(rawValue:))
            quotes.append(
                ResolvedQuote(
                    playerID: try row.value("player_id"), market: market,
                    quote: PropQuote(
                        book: try row.value("book"), bookType: bookType, line: try row.value("line"),
                        overOdds: try row.value("over_odds"), underOdds: try row.value("under_odds"),
                        snapshotUTC: try row.value("snapshot_utc"), commenceUTC: try row.value("commence_utc"))))
        }
        return quotes
    }

    /// A book name that did not resolve, with how many prop lines carry it and over which dates.
    public struct UnresolvedName: Sendable, Hashable {
        public var playerName: String
        public var status: NameResolutionStatus
        public var candidates: String
        public var rows: Int
        public var firstDate: String
        public var lastDate: String
    }

    /// The names that did not resolve (ambiguous or unresolved), most prop lines first, at most `limit`.
    public func unresolvedNames(limit: Int) async throws -> [UnresolvedName] {
        try await db.raw(
            """
            SELECT r.player_name, r.status, r.candidates, COUNT(*) AS n, MIN(p.game_date) AS first_date,
                   MAX(p.game_date) AS last_date
            FROM raw_prop_lines p
            JOIN registry_name_resolutions r
              ON r.player_name = p.player_name AND r.game_date = p.game_date
             AND r.home_team = p.home_team AND r.away_team = p.away_team
            WHERE r.status <> \(bind: NameResolutionStatus.resolved.rawValue)
            GROUP BY r.player_name, r.status, r.candidates
            ORDER BY n DESC, r.player_name
            LIMIT \(bind: limit)
            """
        ).all().map { row in
            let name = try row.value("player_name", as: String.self)
            return UnresolvedName(
                playerName: name,
                status: try row.parsed(
                    "status", in: "registry_name_resolutions", key: name, NameResolutionStatus.init(rawValue:)),
                candidates: try row.value("candidates"), rows: try row.value("n"),
                firstDate: try row.value("first_date"), lastDate: try row.value("last_date"))
        }
    }
}
