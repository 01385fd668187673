import HoopcastAnalytics
import HoopcastCore

/// `features.references` (error): every feature row points at a game scheduled on the date and at a player the raw
/// layer knows — one with a box score before the date, which every feature row is built from (the active players
/// are those of the team's recent games; a player with only a line on the date needs a game before it too).
public enum FeatureReferenceCheck {
    public static let definition = CheckDefinition(
        name: "features.references", severity: .error, layer: .features,
        compares: "feature row → game scheduled on the date; feature row → player with a box score before the date",
        threshold: "fails on any row whose game or player is unknown")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> CheckResult {
        let games = Set(inputs.games.map(\.gameID))
        var failures: [FailingRow] = []
        for row in inputs.rows {
            var problems: [String: String] = [:]
            if !games.contains(row.gameID) { problems["game"] = "\(row.gameID) not scheduled on \(inputs.date)" }
            if !inputs.knownPlayers.contains(row.playerID) {
                problems["player"] = "\(row.playerID) has no box score before \(inputs.date)"
            }
            if !problems.isEmpty {
                failures.append(
                    FailingRow(key: "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)", values: problems))
            }
        }
        return .judged(
            definition, checked: inputs.rows.count, failures: failures,
            summary: "\(inputs.rows.count) rows, \(failures.count) pointing at an unknown game or player")
    }
}
