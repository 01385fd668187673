import HoopcastCore
import HoopcastPredictions

/// `predictions.plausible_bounds` (warn): a predicted value above what any player produces in the market
/// (``maximum``) is possible arithmetic but not a plausible forecast.
public enum PredictionBoundsCheck {
    /// The highest plausible prediction per market (in the market's unit).
    public static func maximum(_ market: Market) -> Double {
        switch market {
        case .points: return 60
        case .rebounds: return 25
        case .assists: return 20
        case .threes: return 10
        case .pointsReboundsAssists: return 90
        }
    }

    public static let definition = CheckDefinition(
        name: "predictions.plausible_bounds", severity: .warn, layer: .predictions,
        compares: "each predicted value against the market's plausible maximum",
        threshold: "fails above points 60, rebounds 25, assists 20, threes 10, points+rebounds+assists 90")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        func judge(_ gameID: String, _ playerID: Int, _ market: Market, _ system: SystemName, _ value: Double) {
            guard value > maximum(market) else { return }
            failures.append(
                FailingRow(
                    key: "\(gameID)/\(playerID)/\(market.rawValue)/\(system.rawValue)",
                    values: ["predicted_value": "\(value)", "maximum": "\(maximum(market))"]))
        }
        for row in inputs.lined { judge(row.gameID, row.playerID, row.market, row.system, row.predictedValue) }
        for row in inputs.unlined { judge(row.gameID, row.playerID, row.market, row.system, row.predictedValue) }
        return .judged(
            definition, checked: inputs.count, failures: failures,
            summary: "\(inputs.count) predictions, \(failures.count) above their market's maximum")
    }
}
