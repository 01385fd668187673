import HoopcastCore
import HoopcastIngest

/// `raw.plausible_ranges` (warn): values that can be true but rarely are, worth a look — a team score outside
/// 60–200, a player's 80+ points, 35+ rebounds, 30+ assists, 15+ threes or 65+ minutes, a game total outside
/// 180–280 or a spread beyond ±25 points, a moneyline beyond ±5000, a prop line beyond its market's
/// ``maximumLine``.
public enum RawPlausibleRangesCheck {
    public static let definition = CheckDefinition(
        name: "raw.plausible_ranges", severity: .warn, layer: .raw,
        compares: "the date's scores, box-score counts, game lines and prop lines against plausible ranges",
        threshold: "fails for team score outside 60–200; player pts > 80, reb > 35, ast > 30, 3PM > 15, minutes > 65; "
            + "total outside 180–280; |spread| > 25; |moneyline| > 5000; prop line above its market's maximum")

    /// The highest plausible prop line per market (in the market's unit).
    public static func maximumLine(_ market: PropMarket) -> Double {
        switch market {
        case .points: return 70
        case .rebounds: return 30
        case .assists: return 25
        case .threes: return 12
        case .pointsReboundsAssists: return 100
        case .pointsRebounds, .pointsAssists: return 85
        case .reboundsAssists: return 45
        case .blocks, .steals: return 10
        }
    }

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        func record(_ key: String, _ problems: [String: String]) {
            if !problems.isEmpty { failures.append(FailingRow(key: key, values: problems)) }
        }
        for result in inputs.games {
            var problems: [String: String] = [:]
            for (side, points) in [("home_pts", result.homePoints), ("away_pts", result.awayPoints)] {
                if let points, !(60...200).contains(points) { problems[side] = "\(points)" }
            }
            record("games/\(result.game.gameID)", problems)
        }
        for line in inputs.boxScores {
            var problems: [String: String] = [:]
            if line.points > 80 { problems["pts"] = "\(line.points)" }
            if line.rebounds > 35 { problems["reb"] = "\(line.rebounds)" }
            if line.assists > 30 { problems["ast"] = "\(line.assists)" }
            if line.threesMade > 15 { problems["fg3m"] = "\(line.threesMade)" }
            if line.minutes > 65 { problems["minutes"] = "\(line.minutes)" }
            record("box_scores/\(line.gameID)/\(line.playerID)", problems)
        }
        for line in inputs.gameLines {
            var problems: [String: String] = [:]
            if let total = line.total, !(180...280).contains(total) { problems["total"] = "\(total)" }
            if let spread = line.homeSpread, abs(spread) > 25 { problems["home_spread"] = "\(spread)" }
            if let price = line.homeMoneyline, abs(price) > 5000 { problems["home_moneyline"] = "\(price)" }
            if let price = line.awayMoneyline, abs(price) > 5000 { problems["away_moneyline"] = "\(price)" }
            record("game_lines/\(line.gameID)/\(line.source)", problems)
        }
        for quote in inputs.propQuotes where quote.line > maximumLine(quote.market) {
            record(
                "prop_lines/\(quote.book)/\(quote.market.rawValue)/\(quote.playerName)/\(quote.snapshotUTC)",
                ["line": "\(quote.line)", "maximum": "\(maximumLine(quote.market))"])
        }
        let checked = inputs.games.count + inputs.boxScores.count + inputs.gameLines.count + inputs.propQuotes.count
        return .judged(
            definition, checked: checked, failures: failures,
            summary: "\(checked) rows, \(failures.count) outside their plausible ranges")
    }
}
