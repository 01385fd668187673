import HoopcastCore
import HoopcastIngest

/// `raw.accepted_values` (error): values that cannot be true. A result has both scores or none, both positive and
/// different (no ties); a box score has no negative count, minutes in 0…80, made ≤ attempted (threes ≤ field goals),
/// rebounds = offensive + defensive and points = 2·FGM + 3PM + FTM; a game line's total is positive and its spread
/// finite; a price (moneyline or prop) is a valid American number (≤ −100 or ≥ +100); a prop line is finite and
/// not negative.
public enum RawAcceptedValuesCheck {
    public static let definition = CheckDefinition(
        name: "raw.accepted_values", severity: .error, layer: .raw,
        compares: "every column of the date's results, box scores, game lines and prop quotes against its accepted "
            + "values and the box-score identities",
        threshold: "fails on any value outside its accepted set (one failing row per row, naming the columns)")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        func record(_ key: String, _ problems: [String: String]) {
            if !problems.isEmpty { failures.append(FailingRow(key: key, values: problems)) }
        }
        for result in inputs.games {
            var problems: [String: String] = [:]
            switch (result.homePoints, result.awayPoints) {
            case (nil, nil): break
            case (let home?, let away?):
                if home <= 0 || away <= 0 || home == away { problems["score"] = "\(away)-\(home)" }
            default:
                problems["score"] =
                    "\(result.awayPoints.map(String.init) ?? "–")-\(result.homePoints.map(String.init) ?? "–")"
            }
            record("games/\(result.game.gameID)", problems)
        }
        for line in inputs.boxScores { record("box_scores/\(line.gameID)/\(line.playerID)", problems(line)) }
        for line in inputs.gameLines {
            var problems: [String: String] = [:]
            if let total = line.total, !(total.isFinite && total > 0) { problems["total"] = "\(total)" }
            if let spread = line.homeSpread, !spread.isFinite { problems["home_spread"] = "\(spread)" }
            if let price = line.homeMoneyline, !isAmerican(price) { problems["home_moneyline"] = "\(price)" }
            if let price = line.awayMoneyline, !isAmerican(price) { problems["away_moneyline"] = "\(price)" }
            record("game_lines/\(line.gameID)/\(line.source)", problems)
        }
        for quote in inputs.propQuotes {
            var problems: [String: String] = [:]
            if !(quote.line.isFinite && quote.line >= 0) { problems["line"] = "\(quote.line)" }
            if let price = quote.overOdds, !isAmerican(price) { problems["over_odds"] = "\(price)" }
            if let price = quote.underOdds, !isAmerican(price) { problems["under_odds"] = "\(price)" }
            record(
                "prop_lines/\(quote.book)/\(quote.market.rawValue)/\(quote.playerName)/\(quote.snapshotUTC)", problems)
        }
        let checked = inputs.games.count + inputs.boxScores.count + inputs.gameLines.count + inputs.propQuotes.count
        return .judged(
            definition, checked: checked, failures: failures,
            summary: "\(checked) rows, \(failures.count) with a value that cannot be true")
    }

    /// Whether `price` is a valid American price (≤ −100 or ≥ +100, finite).
    static func isAmerican(_ price: Double) -> Bool { price.isFinite && (price <= -100 || price >= 100) }

    /// The impossible columns of one box score, by column.
    static func problems(_ line: BoxScoreLine) -> [String: String] {
        var problems: [String: String] = [:]
        let counts: [(String, Int)] = [
            ("pts", line.points), ("fgm", line.fieldGoalsMade), ("fga", line.fieldGoalsAttempted),
            ("fg3m", line.threesMade), ("fg3a", line.threesAttempted), ("ftm", line.freeThrowsMade),
            ("fta", line.freeThrowsAttempted), ("oreb", line.offensiveRebounds), ("dreb", line.defensiveRebounds),
            ("reb", line.rebounds), ("ast", line.assists), ("tov", line.turnovers),
        ]
        for (column, value) in counts where value < 0 { problems[column] = "\(value)" }
        if !(line.minutes.isFinite && (0...80).contains(line.minutes)) { problems["minutes"] = "\(line.minutes)" }
        if line.fieldGoalsMade > line.fieldGoalsAttempted {
            problems["fgm/fga"] = "\(line.fieldGoalsMade)/\(line.fieldGoalsAttempted)"
        }
        if line.threesMade > line.threesAttempted {
            problems["fg3m/fg3a"] = "\(line.threesMade)/\(line.threesAttempted)"
        }
        if line.threesMade > line.fieldGoalsMade { problems["fg3m/fgm"] = "\(line.threesMade)/\(line.fieldGoalsMade)" }
        if line.freeThrowsMade > line.freeThrowsAttempted {
            problems["ftm/fta"] = "\(line.freeThrowsMade)/\(line.freeThrowsAttempted)"
        }
        if line.rebounds != line.offensiveRebounds + line.defensiveRebounds {
            problems["reb"] = "\(line.rebounds) ≠ \(line.offensiveRebounds)+\(line.defensiveRebounds)"
        }
        let points = 2 * line.fieldGoalsMade + line.threesMade + line.freeThrowsMade
        if line.points != points { problems["pts"] = "\(line.points) ≠ 2·FGM+3PM+FTM = \(points)" }
        return problems
    }
}
