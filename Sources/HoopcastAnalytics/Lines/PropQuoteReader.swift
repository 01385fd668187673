import HoopcastCore
import HoopcastIngest
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
        var quotes: [PlayerMarketKey: [PropQuote]] = [:]
        var excluded: [String: Int] = [:]
        for resolved in try await PropLineReader(db: db).resolvedQuotes(on: date) {
            if let reason = resolved.quote.exclusion(on: date) {
                excluded[reason, default: 0] += 1
                continue
            }
            quotes[PlayerMarketKey(playerID: resolved.playerID, market: resolved.market), default: []].append(
                resolved.quote)
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
