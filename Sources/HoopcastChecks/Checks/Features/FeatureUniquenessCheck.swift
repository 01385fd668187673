import HoopcastAnalytics
import HoopcastCore

/// `features.unique_keys` (error): one feature row per (game, player, market), and a player's rows in one game of
/// the date only — two would be predicted twice.
public enum FeatureUniquenessCheck {
    public static let definition = CheckDefinition(
        name: "features.unique_keys", severity: .error, layer: .features,
        compares: "feature rows per (game, player, market), and games per player on the date",
        threshold: "fails on any key held by more than one row, or a player in two games")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> CheckResult {
        var seen: [RowKey: Int] = [:], games: [Int: Set<String>] = [:]
        seen.reserveCapacity(inputs.rows.count)
        for row in inputs.rows {
            seen[RowKey(gameID: row.gameID, playerID: row.playerID, market: row.market), default: 0] += 1
            games[row.playerID, default: []].insert(row.gameID)
        }
        var failures = seen.filter { $0.value > 1 }.map {
            FailingRow(key: $0.key.text, values: ["rows": "\($0.value)"])
        }
        for (player, ids) in games where ids.count > 1 {
            failures.append(
                FailingRow(key: "player/\(player)", values: ["games": ids.sorted().joined(separator: ",")]))
        }
        return .judged(
            definition, checked: inputs.rows.count, failures: failures,
            summary: "\(inputs.rows.count) rows, \(failures.count) duplicated keys")
    }
}
