import HoopcastCore

/// One prediction as `predictions.json` and `best_bets.json` show it (`schemas/predictions.schema.json`).
public struct ExportedPrediction: Encodable, Sendable, Hashable {
    public var gameID: String
    /// `AWAY @ HOME`.
    public var matchup: String
    public var playerID: Int
    @ExplicitNull public var playerName: String?
    public var market: Market
    public var system: SystemName
    /// Stat units.
    public var predictedValue: Double
    public var standardDeviation: Double
    @ExplicitNull public var line: Double?
    @ExplicitNull public var lineBook: String?
    /// American odds.
    @ExplicitNull public var overOdds: Double?
    /// American odds.
    @ExplicitNull public var underOdds: Double?
    @ExplicitNull public var pOverRaw: Double?
    @ExplicitNull public var pOver: Double?
    /// 0–100.
    @ExplicitNull public var confidence: Double?
    @ExplicitNull public var edge: Double?
    public var recommendation: Recommendation
    public var model: String

    /// True for OVER and UNDER (a bet).
    public var isBet: Bool { recommendation.isBet }
}
