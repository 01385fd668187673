import HoopcastCore
import HoopcastStore
import SQLKit

/// One graded prediction: a row of `grading_prediction_results`. It carries the prices and the raw probability the
/// prediction was made with, so that calibration and evaluation read the grading layer alone.
public struct GradedPrediction: StoredRow, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var system: SystemName
    public var gameDate: GameDate
    public var recommendation: Recommendation
    public var predictedValue: Double
    public var line: Double?
    public var overProbability: Double?
    public var edge: Double?
    public var grade: Grade
    /// The system's own P(over) before calibration.
    public var rawOverProbability: Double?
    /// The over's price the prediction was made against (nil: none posted).
    public var overOdds: Double?
    /// The under's price the prediction was made against (nil: none posted).
    public var underOdds: Double?

    /// Creates a graded prediction.
    public init(
        gameID: String, playerID: Int, market: Market, system: SystemName, gameDate: GameDate,
        recommendation: Recommendation, predictedValue: Double, line: Double?, overProbability: Double?,
        edge: Double?, grade: Grade, rawOverProbability: Double? = nil, overOdds: Double? = nil,
        underOdds: Double? = nil
    ) {
        self.gameID = gameID
        self.playerID = playerID
        self.market = market
        self.system = system
        self.gameDate = gameDate
        self.recommendation = recommendation
        self.predictedValue = predictedValue
        self.line = line
        self.overProbability = overProbability
        self.edge = edge
        self.grade = grade
        self.rawOverProbability = rawOverProbability
        self.overOdds = overOdds
        self.underOdds = underOdds
    }

    public static let table = TableDescription(
        name: "grading_prediction_results",
        columns: [
            "game_id", "player_id", "market", "system", "feature_version", "game_date", "recommendation",
            "predicted_value", "line", "p_over", "edge", "actual", "absolute_error", "outcome", "profit_units",
            "p_over_raw", "over_odds", "under_odds",
        ],
        key: [
            ("game_id", .text), ("player_id", .int), ("market", .text), ("system", .text), ("feature_version", .text),
        ])

    public var storedValues: [SQLValue] {
        [
            .text(gameID), .int(playerID), .text(market.rawValue), .text(system.rawValue), .text(Feature.version),
            .text(gameDate.description), .text(recommendation.rawValue), .double(predictedValue), .double(line),
            .double(overProbability), .double(edge), .double(grade.actual), .double(grade.absoluteError),
            .text(grade.outcome.rawValue), .double(grade.profitUnits), .double(rawOverProbability), .double(overOdds),
            .double(underOdds),
        ]
    }

    public init(row: some SQLRow) throws {
        let table = GradedPrediction.table.name
        let gameID = try row.value("game_id", as: String.self), playerID = try row.value("player_id", as: Int.self)
        let key = { "\(gameID)/\(playerID)" }
        let system = try row.parsed("system", in: table, key: key(), SystemName.init(rawValue:))
        self.init(
            gameID: gameID, playerID: playerID,
            market: try row.parsed("market", in: table, key: key(), Market.init(rawValue:)), system: system,
            gameDate: try row.parsed("game_date", in: table, key: key(), GameDate.init),
            recommendation: try row.parsed("recommendation", in: table, key: key(), Recommendation.init(rawValue:)),
            predictedValue: try row.value("predicted_value"), line: try row.value("line"),
            overProbability: try row.value("p_over"), edge: try row.value("edge"),
            grade: Grade(
                actual: try row.value("actual"), absoluteError: try row.value("absolute_error"),
                outcome: try row.parsed("outcome", in: table, key: key(), BetOutcome.init(rawValue:)),
                profitUnits: try row.value("profit_units")),
            rawOverProbability: try row.value("p_over_raw"), overOdds: try row.value("over_odds"),
            underOdds: try row.value("under_odds"))
    }
}
