import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore

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
        let dates = try await FeatureReader(db: store.sql).dates(from: from, to: to)
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
    func lines(of date: GameDate) async throws -> [String] {
        let actuals = try await RawReader(db: store.sql).actuals(on: date)
        return try await FeatureReader(db: store.sql).rows(on: date).map { row in
            var fields = [
                row.gameDate.description, row.gameID, String(row.playerID), row.market.rawValue, row.gate.rawValue,
                "\(row.quality)",
            ]
            for feature in Feature.allCases { fields.append("\(row.values[feature]!)") }
            // No box-score row: the player did not play, and the label is empty.
            fields.append(actuals[row.gameID]?[row.playerID]?[row.market].map { String(Int($0)) } ?? "")
            return fields.joined(separator: ",")
        }
    }
}
