import HoopcastCore
import HoopcastGrading

/// `predictions.model_health` (warn): champion/challenger against the market — each system's mean absolute error
/// over its graded predictions with a line in the ``windowDays`` days before the date, against the line's own
/// error on the same rows. The systems trail the line by 0–20% over a season on the bundled data; a 14-day ratio
/// above ``limit`` (25% worse than the line) on at least ``minimumRows`` rows is a degradation worth a look. Only
/// dates before the date are read.
public enum ModelHealthCheck {
    /// Days of graded history before the date.
    public static let windowDays = 14
    /// The largest model MAE / line MAE ratio that passes.
    public static let limit = 1.25
    /// Graded lined rows a (system, market) needs to be judged.
    public static let minimumRows = 50

    public static let definition = CheckDefinition(
        name: "predictions.model_health", severity: .warn, layer: .predictions,
        compares: "per system and market, the MAE of graded lined predictions of the 14 days before the date against "
            + "the line's MAE on the same rows",
        threshold: "fails when model MAE / line MAE > 1.25 (judged with ≥ 50 rows)")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> CheckResult {
        let from = inputs.date.adding(days: -windowDays)
        var sums: [String: (rows: Int, model: Double, line: Double)] = [:]
        for row in inputs.linedErrors where row.gameDate >= from && row.gameDate < inputs.date {
            let key = "\(row.system.rawValue)/\(row.market.rawValue)"
            var sum = sums[key] ?? (0, 0, 0)
            sum.rows += 1
            sum.model += row.modelError
            sum.line += row.lineError
            sums[key] = sum
        }
        var failures: [FailingRow] = [], checked = 0, worst: (key: String, ratio: Double)?
        for (key, sum) in sums where sum.rows >= minimumRows && sum.line > 0 {
            checked += 1
            let ratio = sum.model / sum.line
            if worst.map({ ratio > $0.ratio }) ?? true { worst = (key, ratio) }
            if ratio > limit {
                failures.append(
                    FailingRow(
                        key: key,
                        values: [
                            "rows": "\(sum.rows)", "model_mae": String(format: "%.3f", sum.model / Double(sum.rows)),
                            "line_mae": String(format: "%.3f", sum.line / Double(sum.rows)),
                            "ratio": String(format: "%.3f", ratio),
                        ]))
            }
        }
        guard checked > 0 else {
            return .notJudged(
                definition,
                because: "no system and market has \(minimumRows) graded lined predictions in the \(windowDays) days "
                    + "before \(inputs.date)")
        }
        let worstText = worst.map { "worst \($0.key) at \(String(format: "%.3f", $0.ratio))× the line's MAE" } ?? ""
        return .judged(
            definition, checked: checked, failures: failures,
            summary:
                "\(checked) systems × markets with ≥ \(minimumRows) graded lined rows in [\(from), \(inputs.date)); "
                + worstText)
    }
}
