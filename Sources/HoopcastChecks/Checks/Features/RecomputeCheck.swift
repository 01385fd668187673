import HoopcastAnalytics
import HoopcastCore

/// `features.recompute` (error): a sample of the date's stored feature rows equals the same rows rebuilt from the raw
/// rows — box scores summarised again by ``GameSummarizer``, the schedule and game lines by
/// ``UpcomingContextBuilder``, the injury report cut at prediction time — through ``FeatureBuilder``, with the row's
/// stored line (the feature step's one line decision) as the line. Every feature, the quality and the gate must
/// agree to ``tolerance`` (relative; sums may add in another order). A difference means the stored rows are stale
/// against the raw rows (a correction not yet re-run) or the feature path is not deterministic.
public enum RecomputeCheck {
    /// The largest relative difference (against max(1, |stored|)) that counts as equal.
    public static let tolerance = 1e-9

    public static let definition = CheckDefinition(
        name: "features.recompute", severity: .error, layer: .features,
        compares: "a sample of stored rows (every market of a few players, chosen by a stable hash of date and "
            + "player) against the same rows rebuilt from raw box scores, schedule, game lines and injury reports",
        threshold: "fails when a row is missing on either side, or a feature, the quality or the gate differs by "
            + "more than 1e-9 × max(1, |value|)")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> CheckResult {
        guard let recomputation = inputs.recomputation else {
            return .notJudged(definition, because: "no sample was rebuilt")
        }
        guard !recomputation.players.isEmpty else {
            return .notJudged(definition, because: "the date has no feature rows to sample")
        }
        let sampled = Set(recomputation.players)
        let stored = inputs.rows.filter { sampled.contains($0.playerID) }
        let rebuilt = Dictionary(
            recomputation.rebuilt.map { ("\($0.gameID)/\($0.playerID)/\($0.market.rawValue)", $0) },
            uniquingKeysWith: { first, _ in first })
        var failures: [FailingRow] = [], matched: Set<String> = []
        for row in stored {
            let key = "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)"
            guard let again = rebuilt[key] else {
                failures.append(FailingRow(key: key, values: ["found": "stored, not rebuilt from the raw rows"]))
                continue
            }
            matched.insert(key)
            var differences: [String: String] = [:]
            for feature in Feature.allCases {
                let before = row.values[feature] ?? .nan, after = again.values[feature] ?? .nan
                if !equal(before, after) { differences[feature.rawValue] = "stored \(before), rebuilt \(after)" }
            }
            if !equal(row.quality, again.quality) {
                differences["quality"] = "stored \(row.quality), rebuilt \(again.quality)"
            }
            if row.skipReason != again.skipReason {
                differences["gate"] = "stored \(row.skipReason ?? "pass"), rebuilt \(again.skipReason ?? "pass")"
            }
            if !differences.isEmpty { failures.append(FailingRow(key: key, values: differences)) }
        }
        for key in rebuilt.keys where !matched.contains(key) {
            failures.append(FailingRow(key: key, values: ["found": "rebuilt from the raw rows, not stored"]))
        }
        let players = recomputation.players.map(String.init).joined(separator: ", ")
        var summary =
            "\(stored.count) stored rows of players \(players) rebuilt from the raw rows, \(failures.count) differing"
        if !recomputation.unsummarised.isEmpty {
            summary +=
                "; games left out of the history (not summarisable): "
                + recomputation.unsummarised.joined(separator: "; ")
        }
        return .judged(definition, checked: stored.count, failures: failures, summary: summary)
    }

    /// Equal within ``tolerance``, relative to max(1, |a|) (two NaNs are not equal).
    static func equal(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= tolerance * max(1, abs(a))
    }
}
