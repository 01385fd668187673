import HoopcastCore

/// `raw.box_score_completeness` (error): every final game that has box scores has them for both teams, and each
/// team's players' points add up to the team's score. A game with one team's box scores cannot be summarised (the
/// next date's summaries would fail on it); points that do not add up mean the box scores or the score are wrong,
/// and grading would measure predictions against them. A final game with no box score at all is a missing arrival
/// (`raw.freshness`, warn): the summaries leave it out and its predictions are graded void.
public enum BoxScoreCompletenessCheck {
    public static let definition = CheckDefinition(
        name: "raw.box_score_completeness", severity: .error, layer: .raw,
        compares: "each final game with box scores: the teams that have box scores, and each team's summed player "
            + "points against its score",
        threshold: "fails when a team of the game has no box score, or its players' points differ from its score")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        let byGame = Dictionary(grouping: inputs.boxScores, by: \.gameID)
        var failures: [FailingRow] = [], checked = 0
        for result in inputs.games where result.isFinal {
            guard let lines = byGame[result.game.gameID] else { continue }  // none at all: raw.freshness
            for (team, score) in [(result.game.homeTeam, result.homePoints), (result.game.awayTeam, result.awayPoints)]
            {
                checked += 1
                let players = lines.filter { $0.team == team }
                let key = "\(result.game.gameID)/\(team.code)"
                guard let score else { continue }
                if players.isEmpty {
                    failures.append(
                        FailingRow(
                            key: key,
                            values: ["players": "0", "score": "\(score)", "found": "no box score for this team"]))
                    continue
                }
                let points = players.reduce(0) { $0 + $1.points }
                if points != score {
                    failures.append(
                        FailingRow(
                            key: key,
                            values: ["players": "\(players.count)", "points_sum": "\(points)", "score": "\(score)"]))
                }
            }
        }
        return .judged(
            definition, checked: checked, failures: failures,
            summary: failures.isEmpty
                ? "\(checked) team box scores complete, points equal to the scores"
                : "\(failures.count) of \(checked) team box scores missing or not adding up to the score")
    }
}
