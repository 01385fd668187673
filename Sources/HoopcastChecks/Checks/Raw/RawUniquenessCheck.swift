import HoopcastCore

/// `raw.unique_keys` (error): the natural keys of the date's raw rows are unique — those the tables enforce (game
/// id; game and player; game and source; a prop quote's full key) and those they cannot: a team plays at most one
/// game a date, and a player has a box score in at most one game a date. A duplicate would be counted twice by
/// every layer above.
public enum RawUniquenessCheck {
    public static let definition = CheckDefinition(
        name: "raw.unique_keys", severity: .error, layer: .raw,
        compares: "natural keys of the date's games (game; date and team), box scores (game and player; date and "
            + "player), game lines (game and source) and prop quotes (book, market, name, snapshot, event, line)",
        threshold: "fails on any key held by more than one row")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        func duplicates<Key: Hashable>(_ table: String, _ keys: [Key], text: (Key) -> String, rows: [Key: [String]]) {
            var seen: [Key: Int] = [:]
            for key in keys { seen[key, default: 0] += 1 }
            for (key, count) in seen where count > 1 {
                var values = ["rows": "\(count)"]
                if let rows = rows[key] { values["in"] = rows.sorted().joined(separator: ",") }
                failures.append(FailingRow(key: "\(table)/\(text(key))", values: values))
            }
        }
        let games = inputs.games.map(\.game)
        duplicates("games", games.map(\.gameID), text: { $0 }, rows: [:])
        var teamGames: [String: [String]] = [:]
        for game in games {
            teamGames[game.homeTeam.code, default: []].append(game.gameID)
            teamGames[game.awayTeam.code, default: []].append(game.gameID)
        }
        duplicates(
            "games/team", games.flatMap { [$0.homeTeam.code, $0.awayTeam.code] }, text: { $0 }, rows: teamGames)
        duplicates(
            "box_scores", inputs.boxScores.map { "\($0.gameID)/\($0.playerID)" }, text: { $0 }, rows: [:])
        var playerGames: [Int: Set<String>] = [:]
        for line in inputs.boxScores { playerGames[line.playerID, default: []].insert(line.gameID) }
        for (player, ids) in playerGames where ids.count > 1 {
            failures.append(
                FailingRow(
                    key: "box_scores/player/\(player)",
                    values: ["games": ids.sorted().joined(separator: ","), "rows": "\(ids.count)"]))
        }
        duplicates("game_lines", inputs.gameLines.map { "\($0.gameID)/\($0.source)" }, text: { $0 }, rows: [:])
        let quoteKeys = inputs.propQuotes.map { quote in
            [quote.source, quote.book, quote.market.rawValue, quote.playerName, quote.snapshotUTC, quote.eventID]
                .joined(separator: "/") + "/\(quote.line)"
        }
        duplicates("prop_lines", quoteKeys, text: { $0 }, rows: [:])
        let checked = inputs.games.count + inputs.boxScores.count + inputs.gameLines.count + inputs.propQuotes.count
        return .judged(
            definition, checked: checked, failures: failures,
            summary: failures.isEmpty ? "\(checked) rows, every key unique" : "\(failures.count) duplicated keys")
    }
}
