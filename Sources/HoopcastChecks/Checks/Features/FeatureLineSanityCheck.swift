import Foundation
import HoopcastAnalytics
import HoopcastCore

/// `features.line_sanity` (warn): the line chosen for each row looks like a current, sensible line — not
/// *stale* (its snapshot more than ``staleAfter`` older than the date's newest chosen-line snapshot: the books moved
/// on without it) and not *far from the player's recent production* (more than ``zLimit`` standard deviations of his
/// last ten games from their mean, the deviation taken at least ``deviationFloor`` in the market's unit). Flagged,
/// never dropped: a far line is often real news (a role change, a rest day) the box scores do not know yet.
public enum FeatureLineSanityCheck {
    /// How much older than the date's newest snapshot a chosen line may be.
    public static let staleAfter: Duration = .seconds(12 * 3_600)
    /// How many last-ten standard deviations a line may be from the last-ten mean.
    public static let zLimit = 3.0
    /// The smallest standard deviation used (in the market's unit), so a steady player's line is not "far" by a
    /// point.
    public static let deviationFloor = 1.0

    public static let definition = CheckDefinition(
        name: "features.line_sanity", severity: .warn, layer: .features,
        compares: "each gated row's chosen line: its snapshot against the date's newest; its distance from the "
            + "player's last-10 mean in last-10 standard deviations",
        threshold: "fails for a snapshot more than 12 h older than the newest, or |line − last-10 mean| > "
            + "3 × max(last-10 std, 1)")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> CheckResult {
        let lined = inputs.rows.filter { $0.gate == .pass && $0.line != nil }
        let newest = lined.compactMap { $0.line?.snapshotUTC }.compactMap(UTCClock.date).max()
        var failures: [FailingRow] = []
        for row in lined {
            guard let line = row.line else { continue }
            var reasons: [String] = []
            var values: [String: String] = ["line": "\(line.line)"]
            if let newest, let taken = UTCClock.date(line.snapshotUTC),
                newest.timeIntervalSince(taken) > staleAfter.seconds
            {
                reasons.append("stale")
                values["snapshot"] = line.snapshotUTC
                values["newest_snapshot"] = UTCClock.text(newest)
            }
            let mean = row.values[.statLast10Mean] ?? 0, deviation = row.values[.statLast10Std] ?? 0
            let z = abs(line.line - mean) / max(deviation, deviationFloor)
            if z > zLimit {
                reasons.append("far from recent production")
                values["last10_mean"] = String(format: "%.2f", mean)
                values["last10_std"] = String(format: "%.2f", deviation)
                values["z"] = String(format: "%.2f", z)
            }
            guard !reasons.isEmpty else { continue }
            values["why"] = reasons.joined(separator: ", ")
            failures.append(FailingRow(key: "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)", values: values))
        }
        return .judged(
            definition, checked: lined.count, failures: failures,
            summary: "\(lined.count) chosen lines, \(failures.count) stale or far from recent production")
    }
}
