import HoopcastCore

/// Pure parsing of stats.nba.com responses (leaguegamelog, scoreboardv2, playerindex) into raw rows.
public enum NBAStatsParser {
    /// The source name.
    public static let source = "nba_stats"

    static let playerLogColumns = [
        "SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ABBREVIATION", "GAME_ID", "GAME_DATE", "MATCHUP", "MIN", "FGM",
        "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS",
        "PLUS_MINUS",
    ]

    /// The season type of an NBA game id (`002…` regular season, `004` playoffs, `005` play-in, `006` NBA Cup
    /// final); nil for preseason and All-Star games, which Hoopcast does not store.
    public static func seasonType(gameID: String) -> SeasonType? {
        switch gameID.prefix(3) {
        case "002": return .regularSeason
        case "004": return .playoffs
        case "005": return .playIn
        case "006": return .nbaCupFinal
        default: return nil
        }
    }

    /// `leaguegamelog` with `PlayerOrTeam=P`: one `player_boxscores` row per player and game.
    public static func playerGameLog(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        let table = try ResultSetTable.named("LeagueGameLog", in: root, required: playerLogColumns)
        var parsed = ParsedRows()
        for row in table.rows {
            let gameID = try table.text(row, "GAME_ID")
            guard let type = seasonType(gameID: gameID) else { continue }
            let matchup = try table.text(row, "MATCHUP")
            let (team, opponent, isHome) = try split(matchup: matchup, at: table.cell(row, "MATCHUP"))
            var fields: [String: String] = [
                "game_id": gameID, "game_date": try table.text(row, "GAME_DATE"),
                "season": try season(table.text(row, "SEASON_ID"), at: table.cell(row, "SEASON_ID")),
                "season_type": type.rawValue, "player_id": try table.text(row, "PLAYER_ID"),
                "player_name": try table.text(row, "PLAYER_NAME"), "team": team, "opponent": opponent,
                "is_home": isHome ? "1" : "0", "minutes": try minutes(table.cell(row, "MIN")),
                "plus_minus": try table.text(row, "PLUS_MINUS"),
            ]
            for column in [
                "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB", "DREB", "REB", "AST", "STL", "BLK",
                "TOV", "PF", "PTS",
            ] {
                fields[column.lowercased()] = try table.text(row, column)
            }
            parsed.append(fields, to: .playerBoxscores)
        }
        return parsed
    }

    /// `leaguegamelog` with `PlayerOrTeam=T`: the two team rows of each game become one `games` row with the
    /// final scores (home and away from the matchup, `vs.` marking the home team).
    public static func teamGameLog(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        let table = try ResultSetTable.named(
            "LeagueGameLog", in: root,
            required: ["SEASON_ID", "GAME_ID", "GAME_DATE", "MATCHUP", "PTS"])
        guard table.columns["PLAYER_ID"] == nil else {
            throw try table.cursor["headers"].drift("a player game log (PLAYER_ID) where a team game log was expected")
        }
        var byGame: [String: [String: String]] = [:]
        var order: [String] = []
        for row in table.rows {
            let gameID = try table.text(row, "GAME_ID")
            guard let type = seasonType(gameID: gameID) else { continue }
            let (team, opponent, isHome) = try split(
                matchup: table.text(row, "MATCHUP"), at: table.cell(row, "MATCHUP"))
            if byGame[gameID] == nil {
                order.append(gameID)
                byGame[gameID] = [
                    "game_id": gameID, "season_type": type.rawValue, "game_date": try table.text(row, "GAME_DATE"),
                    "season": try season(table.text(row, "SEASON_ID"), at: table.cell(row, "SEASON_ID")),
                    "home_team": isHome ? team : opponent, "away_team": isHome ? opponent : team,
                ]
            }
            byGame[gameID]![isHome ? "home_pts" : "away_pts"] = try table.text(row, "PTS")
        }
        var parsed = ParsedRows()
        for gameID in order {
            let game = byGame[gameID]!
            guard game["home_pts"] != nil, game["away_pts"] != nil else {
                throw table.cursor.drift("game \(gameID) has one team row; a team game log lists both teams")
            }
            parsed.append(game, to: .games)
        }
        return parsed
    }

    /// `scoreboardv2`: each `GameHeader` row with its two `LineScore` rows becomes a `games` row (scores once final).
    public static func scoreboard(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        let header = try ResultSetTable.named(
            "GameHeader", in: root,
            required: [
                "GAME_DATE_EST", "GAME_ID", "GAME_STATUS_ID", "HOME_TEAM_ID", "VISITOR_TEAM_ID", "SEASON",
            ])
        let lines = try ResultSetTable.named(
            "LineScore", in: root, required: ["GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "PTS"])
        var teams: [String: (code: String, points: String)] = [:]
        for row in lines.rows {
            teams[try lines.text(row, "GAME_ID") + "/" + lines.text(row, "TEAM_ID")] =
                (try lines.text(row, "TEAM_ABBREVIATION"), try lines.text(row, "PTS"))
        }
        var parsed = ParsedRows()
        for row in header.rows {
            let gameID = try header.text(row, "GAME_ID")
            guard let type = seasonType(gameID: gameID) else { continue }
            guard let home = teams[gameID + "/" + (try header.text(row, "HOME_TEAM_ID"))],
                let away = teams[gameID + "/" + (try header.text(row, "VISITOR_TEAM_ID"))]
            else {
                throw row.drift("game \(gameID) has no LineScore rows for both teams")
            }
            let final = try header.text(row, "GAME_STATUS_ID") == "3"
            guard let startYear = Int(try header.text(row, "SEASON")) else {
                throw try header.cell(row, "SEASON").drift("not a season start year")
            }
            parsed.append(
                [
                    "game_id": gameID, "season": Season(startYear: startYear).description, "season_type": type.rawValue,
                    "game_date": String(try header.text(row, "GAME_DATE_EST").prefix(10)),
                    "home_team": home.code, "away_team": away.code,
                    "home_pts": final ? home.points : "", "away_pts": final ? away.points : "",
                ], to: .games)
        }
        return parsed
    }

    /// `playerindex`: every listed player as a `source_players` row.
    public static func playerIndex(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        let table = try ResultSetTable.named(
            "PlayerIndex", in: root,
            required: [
                "PERSON_ID", "PLAYER_LAST_NAME", "PLAYER_FIRST_NAME", "TEAM_ABBREVIATION", "JERSEY_NUMBER", "POSITION",
            ])
        var parsed = ParsedRows()
        for row in table.rows {
            let first = try table.text(row, "PLAYER_FIRST_NAME"), last = try table.text(row, "PLAYER_LAST_NAME")
            parsed.append(
                [
                    "source": source, "source_player_id": try table.text(row, "PERSON_ID"),
                    "player_name": first.isEmpty ? last : "\(first) \(last)",
                    "team": try table.text(row, "TEAM_ABBREVIATION"),
                    "position": try table.text(row, "POSITION"), "jersey": try table.text(row, "JERSEY_NUMBER"),
                ], to: .sourcePlayers)
        }
        return parsed
    }

    /// `GSW vs. NYK` (home) or `GSW @ NYK` (away) → (team, opponent, isHome).
    static func split(matchup: String, at cursor: JSONCursor) throws(PayloadError) -> (String, String, Bool) {
        let parts = matchup.split(separator: " ")
        guard parts.count == 3, parts[1] == "vs." || parts[1] == "@" else {
            throw cursor.drift("a matchup reads 'AAA vs. BBB' or 'AAA @ BBB', found '\(matchup)'")
        }
        return (String(parts[0]), String(parts[2]), parts[1] == "vs.")
    }

    /// `22024` (type digit + start year) → `2024-25`.
    static func season(_ seasonID: String, at cursor: JSONCursor) throws(PayloadError) -> String {
        guard seasonID.count == 5, let year = Int(seasonID.dropFirst()) else {
            throw cursor.drift("a SEASON_ID has 5 digits, found '\(seasonID)'")
        }
        return Season(startYear: year).description
    }

    /// `35` for whole numbers, `35.42` otherwise.
    static func decimal(_ value: Double) -> String {
        if let whole = Int(exactly: value) { return String(whole) }
        return String(value)
    }

    /// Minutes as a decimal: a number, or `MM:SS`; null (did not play) is 0.
    static func minutes(_ cursor: JSONCursor) throws(PayloadError) -> String {
        switch cursor.value {
        case .null: return "0"
        case .number: return cursor.cellText()
        case .string(let text):
            if text.isEmpty { return "0" }
            let parts = text.split(separator: ":")
            if parts.count == 2, let whole = Double(parts[0]), let seconds = Double(parts[1]) {
                return decimal(((whole + seconds / 60) * 100).rounded() / 100)
            }
            if let value = Double(text) { return decimal(value) }
            throw cursor.drift("minutes read '12' or '12:34', found '\(text)'")
        default:
            throw cursor.drift("expected minutes, found \(cursor.value.typeName)")
        }
    }
}
