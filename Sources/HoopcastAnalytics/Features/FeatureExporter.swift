import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Writes stored feature rows with their outcome as CSV: the training set of the CatBoost model.
///
/// Columns: `game_date, game_id, player_id, market, gate, quality`, every ``Feature`` in catalogue order, then
/// `actual` (the market's stat from the box score; empty when the player did not play). Only `actual` comes from
/// after the game, and it is the label, never an input.
public struct FeatureExporter: Sendable {
    /// The warehouse.
    public let store: Store

    /// Creates an exporter.
    public init(store: Store) { self.store = store }

    /// The header row.
    public static var header: [String] {
        ["game_date", "game_id", "player_id", "market", "gate", "quality"] + Feature.allCases.map(\.rawValue) + ["actual"]
    }

    /// Writes the rows of `from…to` (inclusive) to `url`; returns the number of data rows.
    @discardableResult
    public func export(from: GameDate, to: GameDate, to url: URL) async throws -> Int {
        let rows = try await store.sql.raw("""
            SELECT f.game_date, f.game_id, f.player_id, f.market, f.gate, f.quality, f.features,
                   b.pts, b.reb, b.ast, b.fg3m
            FROM features_player_market f
            LEFT JOIN raw_player_boxscores b ON b.game_id = f.game_id AND b.player_id = f.player_id
            WHERE f.game_date >= \(bind: from.description) AND f.game_date <= \(bind: to.description)
              AND f.feature_version = \(bind: Feature.version)
            ORDER BY f.game_date, f.game_id, f.player_id, f.market
            """).all()
        var lines = [FeatureExporter.header.joined(separator: ",")]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let market = try row.value("market", as: String.self)
            guard let parsedMarket = Market(rawValue: market) else {
                throw StoreError(.decodingFailed, "features_player_market.market is not a market")
            }
            let values = try FeatureRow.values(fromJSON: try row.value("features", as: String.self))
            var fields = [try row.value("game_date", as: String.self), try row.value("game_id", as: String.self),
                          String(try row.value("player_id", as: Int.self)), market, try row.value("gate", as: String.self),
                          "\(try row.value("quality", as: Double.self))"]
            for feature in Feature.allCases { fields.append("\(values[feature]!)") }
            fields.append(try FeatureExporter.actual(row, market: parsedMarket).map { String($0) } ?? "")
            lines.append(fields.joined(separator: ","))
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return rows.count
    }

    static func actual(_ row: any SQLRow, market: Market) throws -> Int? {
        guard let points = try row.value("pts", as: Int?.self) else { return nil }  // did not play
        let rebounds = try row.value("reb", as: Int.self), assists = try row.value("ast", as: Int.self)
        switch market {
        case .points: return points
        case .rebounds: return rebounds
        case .assists: return assists
        case .threes: return try row.value("fg3m", as: Int.self)
        case .pointsReboundsAssists: return points + rebounds + assists
        }
    }
}
