import HoopcastCore
import HoopcastStore
import SQLKit

/// A system's results for one market on one date: a row of `grading_system_daily`.
public struct DailyPerformance: StoredRow, Hashable {
    public var gameDate: GameDate
    public var system: SystemName
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

    public static let table = TableDescription(
        name: "grading_system_daily",
        columns: [
            "game_date", "system", "market", "feature_version", "predictions", "graded", "mae", "lined", "line_mae",
            "model_mae_lined", "bets", "wins", "losses", "pushes", "profit_units",
        ],
        key: [("game_date", .text), ("system", .text), ("market", .text), ("feature_version", .text)])

    public var storedValues: [SQLValue] {
        [
            .text(gameDate.description), .text(system.rawValue), .text(market.rawValue), .text(Feature.version),
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

extension DailyPerformance {
    public init(row: some SQLRow) throws {
        let table = DailyPerformance.table.name
        let key = { "\(try row.value("game_date", as: String.self))" }
        let system = try row.parsed("system", in: table, key: key(), SystemName.init(rawValue:))
        self.init(
            gameDate: try row.parsed("game_date", in: table, key: key(), GameDate.init), system: system,
            market: try row.parsed("market", in: table, key: key(), Market.init(rawValue:)),
            predictions: try row.value("predictions"), graded: try row.value("graded"),
            meanAbsoluteError: try row.value("mae"), lined: try row.value("lined"),
            lineMeanAbsoluteError: try row.value("line_mae"),
            modelMeanAbsoluteErrorLined: try row.value("model_mae_lined"),
            bets: try row.value("bets"), wins: try row.value("wins"), losses: try row.value("losses"),
            pushes: try row.value("pushes"), profitUnits: try row.value("profit_units"))
    }
}
