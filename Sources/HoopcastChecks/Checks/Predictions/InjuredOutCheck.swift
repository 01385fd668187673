import HoopcastAnalytics
import HoopcastCore
import HoopcastIngest
import HoopcastPredictions

/// `predictions.injured_out` (error) and `predictions.ruled_out_later` (warn): no `OVER`/`UNDER` for a player the
/// injury report (official, or the live list where a game has none) lists as out.
///
/// The error judges what the prediction could know: the report in force at the game's prediction time
/// (``InjuryReportCut/atPredictionTime(_:)``) — the feature gate skips such players, so a bet on one is a broken
/// gate. The warning looks at the last report published before tip-off: a player ruled out after the prediction
/// was made is news for whoever acts on the recommendation. Neither is judged when the store holds no report for
/// the date.
public enum InjuredOutCheck {
    public static let definition = CheckDefinition(
        name: "predictions.injured_out", severity: .error, layer: .predictions,
        compares:
            "OVER/UNDER recommendations against the players listed out on the injury report (official, else live) in force "
            + "at the game's prediction time (30 min before tip-off)",
        threshold: "fails on any OVER/UNDER for such a player (not judged without reports for the date)")

    public static let laterDefinition = CheckDefinition(
        name: "predictions.ruled_out_later", severity: .warn, layer: .predictions,
        compares: "OVER/UNDER recommendations against the players listed out on the last report before tip-off",
        threshold: "fails on any OVER/UNDER for such a player (not judged without reports for the date)")

    /// The error's verdict on `inputs`.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> CheckResult {
        judge(inputs, definition, listed: InjuryReportCut.atPredictionTime(inputs.injuries))
    }

    /// The warning's verdict on `inputs`.
    public static func evaluateLater(_ inputs: PredictionCheckInputs) -> CheckResult {
        let tips = InjuryReportCut.predictionTimes(inputs.injuries).mapValues {
            $0.minus(minutes: -InjuryReportCut.leadMinutes)
        }
        return judge(inputs, laterDefinition, listed: InjuryReportCut.latest(inputs.injuries, cutoffs: tips))
    }

    static func judge(_ inputs: PredictionCheckInputs, _ definition: CheckDefinition, listed: [ReportedAvailability])
        -> CheckResult
    {
        guard !inputs.injuries.isEmpty else {
            return .notJudged(definition, because: "no injury report stored for \(inputs.date)")
        }
        var out: [String: ReportedAvailability] = [:]
        for listing in listed where listing.status == .out {
            guard let player = listing.playerID else { continue }
            out["\(listing.gameID)/\(player)"] = listing
        }
        let bets = inputs.lined.filter { $0.recommendation.isBet }  // an unlined OVER is accepted_values' to judge
        let failures = bets.compactMap { row -> FailingRow? in
            guard let listing = out["\(row.gameID)/\(row.playerID)"] else { return nil }
            return FailingRow(
                key: "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)/\(row.system.rawValue)",
                values: [
                    "recommendation": row.recommendation.rawValue, "player": listing.playerName,
                    "report": listing.reportUTC, "reason": listing.reason,
                ])
        }
        return CheckResult(
            definition, status: failures.isEmpty ? .passed : .failed, checked: bets.count, failures: failures,
            summary: "\(bets.count) OVER/UNDER against \(out.count) players listed out, \(failures.count) on such a "
                + "player")
    }
}
