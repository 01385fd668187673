import HoopcastCore
import HoopcastStore

/// One stored prediction: a row of `predictions_player_props`.
public struct PredictionRecord: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var system: String
    public var gameDate: GameDate
    public var predictedValue: Double
    public var standardDeviation: Double
    /// The system's own P(over), before calibration; nil without a line.
    public var rawOverProbability: Double?
    /// Calibrated P(over); nil without a line or a calibration map.
    public var overProbability: Double?
    /// 0–100: the calibrated probability of the recommended side; nil when uncalibrated.
    public var confidence: Double?
    public var line: ChosenLineFields?
    public var edge: Double?
    public var recommendation: Recommendation
    /// The model behind the prediction (`catboost` model id, or the system's rule version).
    public var model: String

    /// The line columns of a prediction.
    public struct ChosenLineFields: Sendable, Hashable {
        public var line: Double
        public var book: String
        public var overOdds: Double?
        public var underOdds: Double?
    }

    /// The table's data columns, in ``values`` order.
    static let columns = [
        "game_id", "player_id", "market", "system", "feature_version", "game_date", "predicted_value",
        "standard_deviation", "p_over_raw", "p_over", "confidence", "line", "line_book", "over_odds", "under_odds",
        "edge", "recommendation", "model",
    ]

    /// The row's values in ``columns`` order.
    var values: [SQLValue] {
        [
            .text(gameID), .int(playerID), .text(market.rawValue), .text(system), .text(Feature.version),
            .text(gameDate.description), .double(predictedValue), .double(standardDeviation),
            .double(rawOverProbability), .double(overProbability), .double(confidence), .double(line?.line),
            .text(line?.book), .double(line?.overOdds), .double(line?.underOdds), .double(edge),
            .text(recommendation.rawValue), .text(model),
        ]
    }
}
