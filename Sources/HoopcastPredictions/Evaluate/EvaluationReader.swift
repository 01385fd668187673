import HoopcastCore
import HoopcastStore
import SQLKit

/// Reads graded predictions of a date range (one query).
public struct EvaluationReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader.
    public init(db: any SQLDatabase) { self.db = db }

    /// Every graded prediction dated in [from, to].
    public func rows(from: GameDate, to: GameDate) async throws -> [EvaluatedPrediction] {
        let rows = try await db.raw(
            """
            SELECT g.system, g.market, g.recommendation, g.predicted_value, g.actual, g.line, p.over_odds, p.under_odds,
                   p.p_over_raw, g.p_over, g.edge, g.profit_units
            FROM grading_prediction_results g
            JOIN predictions_player_props p
              ON p.game_id = g.game_id AND p.player_id = g.player_id AND p.market = g.market AND p.system = g.system
             AND p.feature_version = g.feature_version
            WHERE g.game_date >= \(bind: from.description) AND g.game_date <= \(bind: to.description)
              AND g.feature_version = \(bind: Feature.version)
            """
        ).all()
        return try rows.map { row in
            let marketText = try row.value("market", as: String.self),
                recommendationText = try row.value("recommendation", as: String.self)
            guard let market = Market(rawValue: marketText),
                let recommendation = Recommendation(rawValue: recommendationText)
            else {
                throw StoreError(
                    .decodingFailed,
                    "grading_prediction_results row has market \(marketText), recommendation \(recommendationText)")
            }
            return EvaluatedPrediction(
                system: try row.value("system"), market: market, recommendation: recommendation,
                predictedValue: try row.value("predicted_value"), actual: try row.value("actual"),
                line: try row.value("line"),
                overOdds: try row.value("over_odds"), underOdds: try row.value("under_odds"),
                rawOverProbability: try row.value("p_over_raw"), overProbability: try row.value("p_over"),
                edge: try row.value("edge"), profitUnits: try row.value("profit_units"))
        }
    }
}
