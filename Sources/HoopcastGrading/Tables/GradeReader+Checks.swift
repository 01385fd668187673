import HoopcastCore
import HoopcastStore
import SQLKit

/// A graded prediction that had a line: the model's absolute error and the line's on the same row.
public struct LinedError: Sendable, Hashable {
    public var gameDate: GameDate
    public var system: SystemName
    public var market: Market
    /// |predicted − actual| in the market's unit.
    public var modelError: Double
    /// |line − actual| in the market's unit.
    public var lineError: Double
}

extension GradeReader {
    /// The model's and the line's absolute errors of every graded prediction with a line and an actual value dated
    /// in [from, before), in (date, game, player, market, system) order.
    public func linedErrors(from: GameDate, before: GameDate) async throws -> [LinedError] {
        let table = GradedPrediction.table.name
        return try await db.raw(
            """
            SELECT game_date, game_id, player_id, system, market, absolute_error, line, actual
            FROM grading_prediction_results
            WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
              AND feature_version = \(bind: Feature.version) AND line IS NOT NULL AND actual IS NOT NULL
              AND absolute_error IS NOT NULL
            ORDER BY game_date, game_id, player_id, market, system
            """
        ).all().map { row in
            let key = "\(try row.value("game_id", as: String.self))/\(try row.value("player_id", as: Int.self))"
            let line = try row.value("line", as: Double.self), actual = try row.value("actual", as: Double.self)
            return LinedError(
                gameDate: try row.parsed("game_date", in: table, key: key, GameDate.init),
                system: try row.parsed("system", in: table, key: key, SystemName.init(rawValue:)),
                market: try row.parsed("market", in: table, key: key, Market.init(rawValue:)),
                modelError: try row.value("absolute_error"), lineError: abs(line - actual))
        }
    }
}
