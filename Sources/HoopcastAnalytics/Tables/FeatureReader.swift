import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of the feature store (`features_player_market`) of the current ``Feature/version``: what the
/// predictions, grading, exports and checks read of it.
public struct FeatureReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// The table's name, for the change counters (``PartitionVersions``) a cache of its rows watches.
    public static let table = StoredFeatureRow.table.name

    /// ``rows(on:)``'s `ORDER BY`, in Swift (for rows that did not come from the store; `FeatureHandoffTests` checks
    /// the two agree).
    public static func inReadOrder(_ a: StoredFeatureRow, _ b: StoredFeatureRow) -> Bool {
        (a.gameID, a.playerID, a.market.rawValue) < (b.gameID, b.playerID, b.market.rawValue)
    }

    /// Every row of `date` (gated or not), in (game, player, market) order.
    public func rows(on date: GameDate) async throws -> [StoredFeatureRow] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: StoredFeatureRow.table.selectList()) FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            ORDER BY game_id, player_id, market
            """
        ).all().map { try StoredFeatureRow(row: $0) }
    }

    /// The dates in [from, to] that have feature rows, in order.
    public func dates(from: GameDate, to: GameDate) async throws -> [GameDate] {
        try await db.raw(
            """
            SELECT DISTINCT game_date FROM features_player_market
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description)
              AND feature_version = \(bind: Feature.version)
            ORDER BY game_date
            """
        ).all().map { row in
            try row.parsed("game_date", in: FeatureReader.table, key: "dates", GameDate.init)
        }
    }

    /// How many rows of `date` pass the gate.
    public func passedCount(on date: GameDate) async throws -> Int {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
              AND gate = \(bind: FeatureGate.pass.rawValue)
            """
        ).first()?.value("n", as: Int.self) ?? 0
    }

    /// A player's gated row of one game, with a few of its features.
    public struct HistoryRow: Sendable, Hashable {
        public var gameDate: GameDate
        public var gameID: String
        public var playerID: Int
        public var features: FeatureValues
    }

    /// The `features` of every gated `market` row dated in [from, before), in (date, game, player) order.
    public func gatedRows(market: Market, features: [Feature], from: GameDate, before: GameDate) async throws
        -> [HistoryRow]
    {
        let table = StoredFeatureRow.table.name
        let named = features.map { ($0, $0.column) }
        let columns = named.map(\.1).joined(separator: ", ")  // identifiers from code, never input
        return try await db.raw(
            """
            SELECT game_date, game_id, player_id, \(unsafeRaw: columns) FROM features_player_market
            WHERE market = \(bind: market.rawValue) AND feature_version = \(bind: Feature.version)
              AND gate = \(bind: FeatureGate.pass.rawValue)
              AND game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
            ORDER BY game_date, game_id, player_id
            """
        ).all().map { row in
            let gameID = try row.value("game_id", as: String.self), playerID = try row.value("player_id", as: Int.self)
            var values: FeatureValues = FeatureValues()
            for (feature, column) in named {
                guard let value = try row.value(column, as: Double?.self) else {
                    throw StoreError(.decodingFailed, "\(table) row \(gameID)/\(playerID): column \(column) is NULL")
                }
                values[feature] = value
            }
            return HistoryRow(
                gameDate: try row.parsed("game_date", in: table, key: "\(gameID)/\(playerID)", GameDate.init),
                gameID: gameID, playerID: playerID, features: values)
        }
    }
}
