import HoopcastCore
import HoopcastStore
import SQLKit

/// One stored prediction: a row of `predictions_player_props`.
public struct PredictionRecord: StoredRow, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var system: SystemName
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

    public static let table = TableDescription(
        name: "predictions_player_props",
        columns: [
            "game_id", "player_id", "market", "system", "feature_version", "game_date", "predicted_value",
            "standard_deviation", "p_over_raw", "p_over", "confidence", "line", "line_book", "over_odds", "under_odds",
            "edge", "recommendation", "model",
        ],
        key: [
            ("game_id", .text), ("player_id", .int), ("market", .text), ("system", .text), ("feature_version", .text),
        ])

    public var storedValues: [SQLValue] {
        [
            .text(gameID), .int(playerID), .text(market.rawValue), .text(system.rawValue), .text(Feature.version),
            .text(gameDate.description), .double(predictedValue), .double(standardDeviation),
            .double(rawOverProbability), .double(overProbability), .double(confidence), .double(line?.line),
            .text(line?.book), .double(line?.overOdds), .double(line?.underOdds), .double(edge),
            .text(recommendation.rawValue), .text(model),
        ]
    }

}

extension PredictionRecord {
    public init(row: some SQLRow) throws {
        let table = PredictionRecord.table.name
        let gameID = try row.value("game_id", as: String.self), playerID = try row.value("player_id", as: Int.self)
        let key = { "\(gameID)/\(playerID)" }
        let system = try row.parsed("system", in: table, key: key(), SystemName.init(rawValue:))
        self.gameID = gameID
        self.playerID = playerID
        self.market = try row.parsed("market", in: table, key: key(), Market.init(rawValue:))
        self.system = system
        self.gameDate = try row.parsed("game_date", in: table, key: key(), GameDate.init)
        self.predictedValue = try row.value("predicted_value")
        self.standardDeviation = try row.value("standard_deviation")
        self.rawOverProbability = try row.value("p_over_raw")
        self.overProbability = try row.value("p_over")
        self.confidence = try row.value("confidence")
        if let line = try row.value("line", as: Double?.self) {
            self.line = ChosenLineFields(
                line: line, book: try row.value("line_book"), overOdds: try row.value("over_odds"),
                underOdds: try row.value("under_odds"))
        } else {
            self.line = nil
        }
        self.edge = try row.value("edge")
        self.recommendation = try row.parsed(
            "recommendation", in: table, key: key(), Recommendation.init(rawValue:))
        self.model = try row.value("model")
    }
}
