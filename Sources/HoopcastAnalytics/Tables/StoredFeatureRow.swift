import HoopcastCore
import HoopcastStore
import SQLKit

/// Whether a feature row may be predicted (`pass`) or not (`skip`, with the reason).
public enum FeatureGate: String, Sendable, Hashable, CaseIterable {
    case pass, skip
}

/// A row of `features_player_market` as stored: the features of one (player, game, market) of a feature version,
/// one real column per ``Feature``, with the quality, the gate and the line chosen for the row.
public struct StoredFeatureRow: StoredRow, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var gameDate: GameDate
    /// One value per ``Feature`` (defaulted ones included, as computed).
    public var values: FeatureValues
    /// Share of features computed from real data (0…1).
    public var quality: Double
    /// Why no prediction should be made (nil when the row passes the gate).
    public var skipReason: String?
    /// The line chosen for the row; nil without one. Its movement, books quoting and range are the row's features.
    public var line: ChosenLine?

    /// The gate the row passes or fails.
    public var gate: FeatureGate { skipReason == nil ? .pass : .skip }

    /// Creates a stored row from a computed one.
    public init(_ row: FeatureRow, date: GameDate) {
        self.gameID = row.gameID
        self.playerID = row.playerID
        self.market = row.market
        self.gameDate = date
        self.values = row.values
        self.quality = row.quality
        self.skipReason = row.skipReason
        self.line = row.line
    }

    public static let table = TableDescription(
        name: "features_player_market",
        columns: ["game_id", "player_id", "market", "feature_version", "game_date"]
            + Feature.allCases.map(\.column)
            + ["quality", "gate", "skip_reason", "line", "line_book", "line_over_odds", "line_under_odds"]
            + ["line_snapshot_utc"],
        key: [("game_id", .text), ("player_id", .int), ("market", .text), ("feature_version", .text)])

    public var storedValues: [SQLValue] {
        var result: [SQLValue] = [
            .text(gameID), .int(playerID), .text(market.rawValue), .text(Feature.version), .text(gameDate.description),
        ]
        result.reserveCapacity(StoredFeatureRow.table.columns.count)
        for feature in Feature.allCases {
            result.append(.double(StoredFeatureRow.unsigned(values[feature] ?? 0)))
        }
        result += [
            .double(StoredFeatureRow.unsigned(quality)), .text(gate.rawValue), .text(skipReason),
            .double(line.map { StoredFeatureRow.unsigned($0.line) }), .text(line?.book),
            .double(line?.overOdds.map(StoredFeatureRow.unsigned)),
            .double(line?.underOdds.map(StoredFeatureRow.unsigned)), .text(line?.snapshotUTC),
        ]
        return result
    }

    /// A zero is stored without its sign: SQLite keeps none and PostgreSQL would, and both engines must agree.
    static func unsigned(_ value: Double) -> Double { value == 0 ? 0 : value }

    /// The row as a read of the store returns it after ``storedValues`` were written: every feature present (a
    /// missing one is stored as 0), zeros without their sign, and the line's movement, books and range taken from
    /// the features, as ``init(row:)`` takes them. Nil when a value is NaN, which SQLite stores as NULL (a read then
    /// refuses the row or drops the line) and PostgreSQL keeps.
    public var asRead: StoredFeatureRow? {
        func stored(_ value: Double) -> Double? { value.isNaN ? nil : StoredFeatureRow.unsigned(value) }
        func stored(_ value: Double?) -> Double?? {
            guard let value else { return .some(nil) }
            return stored(value).map { .some($0) }
        }
        var result = self
        for feature in Feature.allCases {
            guard let value = stored(values[feature] ?? 0) else { return nil }
            result.values[feature] = value
        }
        guard let quality = stored(quality) else { return nil }
        result.quality = quality
        if let line {
            guard let value = stored(line.line), let over = stored(line.overOdds), let under = stored(line.underOdds)
            else { return nil }
            result.line = ChosenLine(
                line: value, book: line.book, overOdds: over, underOdds: under,
                movement: result.values[.lineMovement] ?? 0, books: Int(result.values[.booksQuoting] ?? 0),
                snapshotUTC: line.snapshotUTC, range: result.values[.lineBooksRange] ?? 0)
        }
        return result
    }

    public init(row: some SQLRow) throws {
        let table = StoredFeatureRow.table.name
        let gameID = try row.value("game_id", as: String.self), playerID = try row.value("player_id", as: Int.self)
        let key = { "\(gameID)/\(playerID)" }
        self.gameID = gameID
        self.playerID = playerID
        self.market = try row.parsed("market", in: table, key: key(), Market.init(rawValue:))
        self.gameDate = try row.parsed("game_date", in: table, key: key(), GameDate.init)
        var values: FeatureValues = FeatureValues()
        for (feature, column) in Feature.allColumns {
            guard let value = try row.value(column, as: Double?.self) else {
                throw StoreError(
                    .decodingFailed, "\(table) row \(key())/\(market.rawValue): column \(column) is NULL")
            }
            values[feature] = value
        }
        self.values = values
        self.quality = try row.value("quality")
        let gate = try row.parsed("gate", in: table, key: key(), FeatureGate.init(rawValue:))
        if gate == .pass {
            self.skipReason = nil
        } else {
            guard let reason = try row.value("skip_reason", as: String?.self) else {
                throw StoreError(
                    .decodingFailed, "\(table) row \(key())/\(market.rawValue): gate skip without a skip_reason")
            }
            self.skipReason = reason
        }
        if let line = try row.value("line", as: Double?.self) {
            self.line = ChosenLine(
                line: line, book: try row.value("line_book"), overOdds: try row.value("line_over_odds"),
                underOdds: try row.value("line_under_odds"), movement: values[.lineMovement] ?? 0,
                books: Int(values[.booksQuoting] ?? 0), snapshotUTC: try row.value("line_snapshot_utc"),
                range: values[.lineBooksRange] ?? 0)
        } else {
            self.line = nil
        }
    }
}
