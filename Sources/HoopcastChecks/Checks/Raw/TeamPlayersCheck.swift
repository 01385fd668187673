import HoopcastCore

/// `raw.team_players` (warn): each team of each game has between ``minimum`` and ``maximum`` players with a box
/// score. Fewer suggests missing rows, more duplicated ones; both happen for real too (a seven-man rotation in the
/// play-offs), so the check records and does not block.
public enum TeamPlayersCheck {
    /// The fewest players a team's box score normally lists.
    public static let minimum = 8
    /// The most players a team's box score normally lists.
    public static let maximum = 17

    public static let definition = CheckDefinition(
        name: "raw.team_players", severity: .warn, layer: .raw,
        compares: "players with a box score per team and game",
        threshold: "fails outside \(minimum)–\(maximum) players")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var counts: [String: Int] = [:]
        for line in inputs.boxScores { counts["\(line.gameID)/\(line.team.code)", default: 0] += 1 }
        let failures = counts.filter { !(minimum...maximum).contains($0.value) }.map {
            FailingRow(key: $0.key, values: ["players": "\($0.value)"])
        }
        return .judged(
            definition, checked: counts.count, failures: failures,
            summary: "\(counts.count) team box scores, \(failures.count) outside \(minimum)–\(maximum) players")
    }
}
