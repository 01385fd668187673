import HoopcastCore
import HoopcastPredictions

/// `predictions.unique_keys` (error): one prediction per (game, player, market, system).
public enum PredictionUniquenessCheck {
    public static let definition = CheckDefinition(
        name: "predictions.unique_keys", severity: .error, layer: .predictions,
        compares: "predictions per (game, player, market, system)",
        threshold: "fails on any key held by more than one row")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> CheckResult {
        var seen: [PredictionKey: Int] = [:]
        seen.reserveCapacity(inputs.count)
        for key in inputs.keys { seen[key, default: 0] += 1 }
        let failures = seen.filter { $0.value > 1 }.map {
            FailingRow(key: $0.key.text, values: ["rows": "\($0.value)"])
        }
        return .judged(
            definition, checked: inputs.count, failures: failures,
            summary: "\(inputs.count) predictions, \(failures.count) duplicated keys")
    }
}
