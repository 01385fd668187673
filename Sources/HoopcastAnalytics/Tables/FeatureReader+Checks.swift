import HoopcastCore
import HoopcastStore
import SQLKit

/// A feature row's key, gate and chosen line: what a prediction must agree with.
public struct FeatureLineChoice: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var gate: FeatureGate
    /// The line chosen for the row (its line, book and prices); nil without one.
    public var line: Double?
    public var book: String?
    public var overOdds: Double?
    public var underOdds: Double?
}

extension FeatureReader {
    /// Every row of `date` (gated or not) in no particular order — ``rows(on:)`` without its sort, for readers whose
    /// result does not depend on the order (the data-quality checks).
    public func unorderedRows(on date: GameDate) async throws -> [StoredFeatureRow] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: StoredFeatureRow.table.selectList()) FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """
        ).all().map { try StoredFeatureRow(row: $0) }
    }

    /// Every row of `date` as its key, gate and chosen line, in no particular order — the few columns a check of the
    /// predictions needs, without the features.
    public func lineChoices(on date: GameDate) async throws -> [FeatureLineChoice] {
        let table = FeatureReader.table
        return try await db.raw(
            """
            SELECT game_id, player_id, market, gate, line, line_book, line_over_odds, line_under_odds
            FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """
        ).all().map { row in
            let key = "\(try row.value("game_id", as: String.self))/\(try row.value("player_id", as: Int.self))"
            return FeatureLineChoice(
                gameID: try row.value("game_id"), playerID: try row.value("player_id"),
                market: try row.parsed("market", in: table, key: key, Market.init(rawValue:)),
                gate: try row.parsed("gate", in: table, key: key, FeatureGate.init(rawValue:)),
                line: try row.value("line"), book: try row.value("line_book"),
                overOdds: try row.value("line_over_odds"), underOdds: try row.value("line_under_odds"))
        }
    }
}
