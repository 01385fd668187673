import HoopcastCore
import HoopcastStore
import SQLKit

/// Reads calibration evidence: lined predictions graded with an actual value, excluding pushes.
struct CalibrationReader: Sendable {
    let db: any SQLDatabase

    func samples(from: GameDate, before: GameDate) async throws -> [(date: GameDate, row: CalibrationSample)] {
        let rows = try await db.raw(
            """
            SELECT p.game_date, p.system, p.market, p.p_over_raw, p.line, p.over_odds, p.under_odds, g.actual
            FROM predictions_player_props p
            JOIN grading_prediction_results g
              ON g.game_id = p.game_id AND g.player_id = p.player_id AND g.market = p.market
             AND g.system = p.system AND g.feature_version = p.feature_version
            WHERE p.game_date >= \(bind: from.description) AND p.game_date < \(bind: before.description)
              AND p.feature_version = \(bind: Feature.version) AND p.p_over_raw IS NOT NULL AND g.actual IS NOT NULL
            ORDER BY p.game_date, p.game_id, p.player_id, p.market, p.system
            """
        ).all()
        var samples: [(date: GameDate, row: CalibrationSample)] = []
        samples.reserveCapacity(rows.count)
        for row in rows {
            let actual = try row.value("actual", as: Double.self), line = try row.value("line", as: Double.self)
            guard actual != line else { continue }  // a push is neither over nor under
            let dateText = try row.value("game_date", as: String.self),
                marketText = try row.value("market", as: String.self)
            guard let date = GameDate(dateText), let market = Market(rawValue: marketText) else {
                throw StoreError(
                    .decodingFailed, "predictions_player_props row has date \(dateText), market \(marketText)")
            }
            samples.append(
                (
                    date,
                    CalibrationSample(
                        system: try row.value("system"), market: market,
                        rawProbability: try row.value("p_over_raw"),
                        marketProbability: MarketCalibration.marketProbability(
                            overOdds: try row.value("over_odds"),
                            underOdds: try row.value("under_odds")),
                        wentOver: actual > line)
                ))
        }
        return samples
    }
}
