import HoopcastCore
import HoopcastStore
import SQLKit

/// Reads a date's prop quotes for resolved players in the predicted markets, in one query, without the quotes that
/// must not be used (``PropQuote/exclusion(on:)``).
public struct PropQuoteReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader.
    public init(db: any SQLDatabase) { self.db = db }

    /// Usable quotes per (player, market), and how many were excluded for each reason.
    public func quotes(on date: GameDate) async throws -> (
        quotes: [PlayerMarketKey: [PropQuote]], excluded: [String: Int]
    ) {
        let rows = try await db.raw(
            """
            SELECT r.player_id, p.market, p.book, p.book_type, p.line, p.over_odds, p.under_odds, p.snapshot_utc,
                   p.commence_utc
            FROM raw_prop_lines p
            JOIN registry_name_resolutions r
              ON r.player_name = p.player_name AND r.game_date = p.game_date
             AND r.home_team = p.home_team AND r.away_team = p.away_team
            WHERE p.game_date = \(bind: date.description) AND r.status = 'resolved'
            """
        ).all()
        var quotes: [PlayerMarketKey: [PropQuote]] = [:]
        var excluded: [String: Int] = [:]
        for row in rows {
            // other props
            guard let market = Market(rawValue: try row.value("market", as: String.self)) else { continue }
            guard let bookType = BookType(rawValue: try row.value("book_type", as: String.self)) else {
                throw StoreError(.decodingFailed, "raw_prop_lines.book_type is not a book type")
            }
            let quote = PropQuote(
                book: try row.value("book"), bookType: bookType, line: try row.value("line"),
                overOdds: try row.value("over_odds"), underOdds: try row.value("under_odds"),
                snapshotUTC: try row.value("snapshot_utc"), commenceUTC: try row.value("commence_utc"))
            if let reason = quote.exclusion(on: date) {
                excluded[reason, default: 0] += 1
                continue
            }
            quotes[PlayerMarketKey(playerID: try row.value("player_id"), market: market), default: []].append(quote)
        }
        return (quotes, excluded)
    }

    /// The line `policy` chooses per (player, market) — the one choice the feature store stores and the
    /// predictions use — and how many quotes were excluded for each reason.
    public func lines(on date: GameDate, policy: LinePolicy) async throws
        -> (lines: [PlayerMarketKey: ChosenLine], excluded: [String: Int])
    {
        let (quotes, excluded) = try await quotes(on: date)
        var result: [PlayerMarketKey: ChosenLine] = [:]
        for (key, offers) in quotes {
            if let chosen = policy.choose(from: offers) { result[key] = chosen }
        }
        return (result, excluded)
    }
}
