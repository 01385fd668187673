import HoopcastCore
import HoopcastPredictions

/// `predictions.accepted_values` (error): a prediction's numbers are possible — the predicted value finite and not
/// negative, the spread finite and positive, probabilities in 0…1, the confidence in 0…100, the edge finite — and
/// its recommendation agrees with them: `NO_LINE` exactly when there is no line (and then no probability or edge),
/// `OVER`/`UNDER` only with a calibrated probability.
public enum PredictionAcceptedValuesCheck {
    public static let definition = CheckDefinition(
        name: "predictions.accepted_values", severity: .error, layer: .predictions,
        compares: "each prediction's value, spread, P(over) raw and calibrated, confidence and edge against their "
            + "accepted values, and the recommendation against the line and probability",
        threshold: "fails on any value outside its accepted set or a recommendation its numbers do not allow")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        for row in inputs.lined {
            let problems = problems(row)
            if !problems.isEmpty {
                failures.append(
                    FailingRow(
                        key: "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)/\(row.system.rawValue)",
                        values: problems))
            }
        }
        for row in inputs.unlined {
            let problems = problems(row)
            if !problems.isEmpty {
                failures.append(
                    FailingRow(
                        key: "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)/\(row.system.rawValue)",
                        values: problems))
            }
        }
        return .judged(
            definition, checked: inputs.count, failures: failures,
            summary: "\(inputs.count) predictions, \(failures.count) with an impossible value")
    }

    /// The impossible columns of a prediction made without a line, by name: its value and spread as for any
    /// prediction, `NO_LINE` as its recommendation, and no line, probability, confidence or edge.
    static func problems(_ row: UnlinedPrediction) -> [String: String] {
        var problems = values(predicted: row.predictedValue, deviation: row.standardDeviation)
        if row.recommendation != .noLine {
            problems["recommendation"] = "\(row.recommendation.rawValue) without a raw P(over)"
        }
        if let line = row.line { problems["line"] = "\(line) without a raw P(over)" }
        if row.overProbability != nil || row.confidence != nil || row.edge != nil {
            problems["p_over"] = "a probability, confidence or edge without a line"
        }
        return problems
    }

    /// The value's and spread's problems.
    static func values(predicted: Double, deviation: Double) -> [String: String] {
        var problems: [String: String] = [:]
        if !(predicted.isFinite && predicted >= 0) { problems["predicted_value"] = "\(predicted)" }
        if !(deviation.isFinite && deviation > 0) { problems["standard_deviation"] = "\(deviation)" }
        return problems
    }

    /// The impossible columns of `row`, by name.
    static func problems(_ row: PredictionRecord) -> [String: String] {
        var problems = values(predicted: row.predictedValue, deviation: row.standardDeviation)
        if let probability = row.rawOverProbability, !(probability.isFinite && (0...1).contains(probability)) {
            problems["p_over_raw"] = "\(probability)"
        }
        if let probability = row.overProbability, !(probability.isFinite && (0...1).contains(probability)) {
            problems["p_over"] = "\(probability)"
        }
        if let confidence = row.confidence, !(confidence.isFinite && (0...100).contains(confidence)) {
            problems["confidence"] = "\(confidence)"
        }
        if let edge = row.edge, !edge.isFinite { problems["edge"] = "\(edge)" }
        switch row.recommendation {
        case .noLine:
            if row.line != nil { problems["recommendation"] = "NO_LINE with a line" }
            if row.overProbability != nil || row.edge != nil {
                problems["recommendation"] = "NO_LINE with a probability or edge"
            }
        case .over, .under:
            if row.line == nil || row.overProbability == nil {
                problems["recommendation"] = "\(row.recommendation.rawValue) without a line and calibrated P(over)"
            }
        case .pass:
            if row.line == nil { problems["recommendation"] = "PASS without a line" }
        }
        return problems
    }
}
