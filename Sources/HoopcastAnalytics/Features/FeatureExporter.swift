import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Writes stored feature rows with their outcome as CSV: the training set of the CatBoost model.
///
/// Columns: `game_date, game_id, player_id, market, gate, quality`, every ``Feature`` in catalogue order, then
/// `actual` (the market's stat from the box score; empty when the player did not play). Only `actual` comes from
/// after the game, and it is the label, never an input.
///
/// The range is read and written one date at a time (memory stays at one date's rows, whatever the range), into a
/// temporary file beside `url` that replaces `url` only once every date is written: a failed export leaves an
/// earlier file at `url` as it was.
public struct FeatureExporter: Sendable {
    /// The warehouse.
    public let store: Store

    /// Creates an exporter.
    public init(store: Store) { self.store = store }

    /// The header row.
    public static var header: [String] {
        ["game_date", "game_id", "player_id", "market", "gate", "quality"] + Feature.allCases.map(\.rawValue) + [
            "actual"
        ]
    }

    /// Writes the rows of `from…to` (inclusive) to `url`; returns the number of data rows.
    @discardableResult
    public func export(from: GameDate, to: GameDate, to url: URL) async throws -> Int {
        let dates = try await store.sql.raw(
            """
            SELECT DISTINCT game_date FROM features_player_market
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description)
              AND feature_version = \(bind: Feature.version)
            ORDER BY game_date
            """
        ).all().map { try $0.value("game_date", as: String.self) }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        try Data().write(to: temporary)  // Foundation's error names the path
        var moved = false
        defer { if !moved { try? FileManager.default.removeItem(at: temporary) } }  // best effort: our partial file
        let handle = try FileHandle(forWritingTo: temporary)
        var count = 0
        do {
            try handle.write(contentsOf: Data((FeatureExporter.header.joined(separator: ",") + "\n").utf8))
            for date in dates {
                let lines = try await lines(of: date)
                count += lines.count
                if !lines.isEmpty { try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8)) }
            }
            try handle.close()
        } catch {
            try? handle.close()  // the write error is the one to report
            throw error
        }
        // rename(2) replaces the target in one step (Foundation's replaceItemAt fails here on Linux).
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSFilePathErrorKey: url.path,
                    NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO),
                ])
        }
        moved = true
        return count
    }

    /// The CSV lines of one date, in (game, player, market) order.
    func lines(of date: String) async throws -> [String] {
        let rows = try await store.sql.raw(
            """
            SELECT f.game_date, f.game_id, f.player_id, f.market, f.gate, f.quality, f.features,
                   b.pts, b.reb, b.ast, b.fg3m
            FROM features_player_market f
            LEFT JOIN raw_player_boxscores b ON b.game_id = f.game_id AND b.player_id = f.player_id
            WHERE f.game_date = \(bind: date) AND f.feature_version = \(bind: Feature.version)
            ORDER BY f.game_id, f.player_id, f.market
            """
        ).all()
        return try rows.map { row in
            let market = try row.value("market", as: String.self)
            guard let parsedMarket = Market(rawValue: market) else {
                throw StoreError(.decodingFailed, "features_player_market.market is not a market")
            }
            let values = try FeatureRow.values(fromJSON: try row.value("features", as: String.self))
            var fields = [
                try row.value("game_date", as: String.self), try row.value("game_id", as: String.self),
                String(try row.value("player_id", as: Int.self)), market, try row.value("gate", as: String.self),
                "\(try row.value("quality", as: Double.self))",
            ]
            for feature in Feature.allCases { fields.append("\(values[feature]!)") }
            // No box-score row: the player did not play, and the label is empty.
            let played = try row.value("pts", as: Int?.self) != nil
            fields.append(played ? String(Int(try row.marketStats()[parsedMarket]!)) : "")
            return fields.joined(separator: ",")
        }
    }
}
