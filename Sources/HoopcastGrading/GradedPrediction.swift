import HoopcastCore
import HoopcastStore

/// One graded prediction: a row of `grading_prediction_results`.
public struct GradedPrediction: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var system: String
    public var gameDate: GameDate
    public var recommendation: Recommendation
    public var predictedValue: Double
    public var line: Double?
    public var overProbability: Double?
    public var edge: Double?
    public var grade: Grade

    /// Creates a graded prediction.
    public init(
        gameID: String, playerID: Int, market: Market, system: String, gameDate: GameDate,
        recommendation: Recommendation, predictedValue: Double, line: Double?, overProbability: Double?,
        edge: Double?, grade: Grade
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
    }

    static let columns = [
        "game_id", "player_id", "market", "system", "feature_version", "game_date", "recommendation", "predicted_value",
        "line", "p_over", "edge", "actual", "absolute_error", "outcome", "profit_units",
    ]

    var values: [SQLValue] {
        [
            .text(gameID), .int(playerID), .text(market.rawValue), .text(system), .text(Feature.version),
            .text(gameDate.description), .text(recommendation.rawValue), .double(predictedValue), .double(line),
            .double(overProbability), .double(edge), .double(grade.actual), .double(grade.absoluteError),
            .text(grade.outcome.rawValue), .double(grade.profitUnits),
        ]
    }
}

/// A system's results for one market on one date: a row of `grading_system_daily`.
public struct DailyPerformance: Sendable, Hashable {
    public var gameDate: GameDate
    public var system: String
    public var market: Market
    /// Predictions graded (including voids).
    public var predictions: Int
    /// Predictions with an actual value.
    public var graded: Int
    public var meanAbsoluteError: Double?
    /// Graded predictions that had a line.
    public var lined: Int
    /// |line − actual| on the lined rows: the bar a model has to beat.
    public var lineMeanAbsoluteError: Double?
    /// The model's own error on the same lined rows.
    public var modelMeanAbsoluteErrorLined: Double?
    public var bets: Int
    public var wins: Int
    public var losses: Int
    public var pushes: Int
    public var profitUnits: Double

    static let columns = [
        "game_date", "system", "market", "feature_version", "predictions", "graded", "mae", "lined", "line_mae",
        "model_mae_lined", "bets", "wins", "losses", "pushes", "profit_units",
    ]

    var values: [SQLValue] {
        [
            .text(gameDate.description), .text(system), .text(market.rawValue), .text(Feature.version),
            .int(predictions),
            .int(graded), .double(meanAbsoluteError), .int(lined), .double(lineMeanAbsoluteError),
            .double(modelMeanAbsoluteErrorLined), .int(bets), .int(wins), .int(losses), .int(pushes),
            .double(profitUnits),
        ]
    }

    /// Aggregates graded predictions per (system, market), in (system, market) order.
    public static func aggregate(_ graded: [GradedPrediction]) -> [DailyPerformance] {
        var groups: [String: [GradedPrediction]] = [:]
        for prediction in graded {
            groups["\(prediction.system)\u{1F}\(prediction.market.rawValue)", default: []].append(prediction)
        }
        return groups.keys.sorted().map { key in
            let rows = groups[key]!
            let withActual = rows.filter { $0.grade.actual != nil }
            let lined = withActual.filter { $0.line != nil }
            func mean(_ values: [Double]) -> Double? {
                values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            let outcomes = rows.map(\.grade.outcome)
            let wins = outcomes.filter { $0 == .win }.count, losses = outcomes.filter { $0 == .loss }.count
            let pushes = outcomes.filter { $0 == .push }.count
            return DailyPerformance(
                gameDate: rows[0].gameDate, system: rows[0].system, market: rows[0].market, predictions: rows.count,
                graded: withActual.count, meanAbsoluteError: mean(withActual.compactMap(\.grade.absoluteError)),
                lined: lined.count, lineMeanAbsoluteError: mean(lined.map { abs($0.line! - $0.grade.actual!) }),
                modelMeanAbsoluteErrorLined: mean(lined.compactMap(\.grade.absoluteError)),
                bets: wins + losses + pushes, wins: wins, losses: losses, pushes: pushes,
                profitUnits: rows.compactMap(\.grade.profitUnits).reduce(0, +))
        }
    }
}
