import HoopcastCore
import HoopcastStore
import SQLKit

/// Reads the date's prop lines for resolved players and reduces them to a consensus per (player, market).
struct PropLineReader: Sendable {
    let db: any SQLDatabase

    /// Median line across books at the latest snapshot, and its movement from the earliest snapshot. Lines captured
    /// after tip-off (snapshot later than the commence time, when both are known) are excluded.
    func consensus(on date: GameDate) async throws -> [PlayerMarketKey: MarketLine] {
        let rows = try await db.raw("""
            SELECT r.player_id, p.market, p.book, p.line, p.snapshot_utc
            FROM raw_prop_lines p
            JOIN registry_name_resolutions r
              ON r.player_name = p.player_name AND r.game_date = p.game_date
             AND r.home_team = p.home_team AND r.away_team = p.away_team
            WHERE p.game_date = \(bind: date.description) AND r.status = 'resolved'
              AND (p.commence_utc = '' OR p.snapshot_utc = '' OR p.snapshot_utc < p.commence_utc)
            """).all()
        var bySnapshot: [PlayerMarketKey: [String: [String: Double]]] = [:]  // key → snapshot → book → line
        for row in rows {
            guard let market = Market(rawValue: try row.value("market", as: String.self)) else { continue }  // other props
            let key = PlayerMarketKey(playerID: try row.value("player_id"), market: market)
            bySnapshot[key, default: [:]][try row.value("snapshot_utc", as: String.self), default: [:]][
                try row.value("book", as: String.self)] = try row.value("line", as: Double.self)
        }
        var result: [PlayerMarketKey: MarketLine] = [:]
        for (key, snapshots) in bySnapshot {
            let ordered = snapshots.keys.sorted()
            guard let latest = ordered.last, let earliest = ordered.first,
                  let latestLine = PropLineReader.median(Array(snapshots[latest]!.values)),
                  let earliestLine = PropLineReader.median(Array(snapshots[earliest]!.values))
            else { continue }
            result[key] = MarketLine(line: latestLine, movement: latestLine - earliestLine,
                                     books: snapshots[latest]!.count)
        }
        return result
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
