import HoopcastCore
import HoopcastIngest

/// `raw.references` (error): every box score and game line of the date belongs to a game scheduled that date, with
/// the same teams — a box score's team is one of the game's, its opponent the other, its home flag right; a game
/// line's home and away teams are the game's.
public enum RawReferenceCheck {
    public static let definition = CheckDefinition(
        name: "raw.references", severity: .error, layer: .raw,
        compares: "box score → game of the date (team, opponent, home flag); game line → game of the date (teams)",
        threshold: "fails on any row whose game is not scheduled that date or whose teams differ")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        let games = Dictionary(inputs.games.map { ($0.game.gameID, $0.game) }, uniquingKeysWith: { first, _ in first })
        var failures: [FailingRow] = []
        for line in inputs.boxScores {
            let key = "box_scores/\(line.gameID)/\(line.playerID)"
            guard let game = games[line.gameID] else {
                failures.append(FailingRow(key: key, values: ["found": "game not scheduled on \(inputs.date)"]))
                continue
            }
            let home = line.team == game.homeTeam
            let expectedOpponent = home ? game.awayTeam : game.homeTeam
            if !(home || line.team == game.awayTeam) || line.opponent != expectedOpponent || line.isHome != home {
                failures.append(
                    FailingRow(
                        key: key,
                        values: [
                            "team": line.team.code, "opponent": line.opponent.code, "is_home": line.isHome ? "1" : "0",
                            "game": "\(game.awayTeam.code)@\(game.homeTeam.code)",
                        ]))
            }
        }
        for line in inputs.gameLines {
            let key = "game_lines/\(line.gameID)/\(line.source)"
            guard let game = games[line.gameID] else {
                failures.append(FailingRow(key: key, values: ["found": "game not scheduled on \(inputs.date)"]))
                continue
            }
            if line.homeTeam != game.homeTeam || line.awayTeam != game.awayTeam {
                failures.append(
                    FailingRow(
                        key: key,
                        values: [
                            "line": "\(line.awayTeam.code)@\(line.homeTeam.code)",
                            "game": "\(game.awayTeam.code)@\(game.homeTeam.code)",
                        ]))
            }
        }
        let checked = inputs.boxScores.count + inputs.gameLines.count
        return .judged(
            definition, checked: checked, failures: failures,
            summary: "\(checked) box scores and game lines, \(failures.count) not matching a game of the date")
    }
}
