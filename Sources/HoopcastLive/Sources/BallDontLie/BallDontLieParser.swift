import HoopcastCore

/// Pure parsing of Ball Don't Lie (api.balldontlie.io/v1) responses into raw rows.
///
/// Ball Don't Lie has its own game and player ids; its games and box scores go to `raw_source_games` and
/// `raw_source_boxscores` (a cross-check of NBA.com), its injuries to `raw_injuries`, its standings to
/// `raw_standings`. A box-score game is identified as `DATE/HOME-AWAY`, because `/box_scores` carries no game id.
public enum BallDontLieParser {
    /// The source name.
    public static let source = "bdl"

    /// Ball Don't Lie's team ids of the 30 franchises (from its `/teams`).
    public static let teamCodes: [Int: String] = [
        1: "ATL", 2: "BOS", 3: "BKN", 4: "CHA", 5: "CHI", 6: "CLE", 7: "DAL", 8: "DEN", 9: "DET", 10: "GSW",
        11: "HOU", 12: "IND", 13: "LAC", 14: "LAL", 15: "MEM", 16: "MIA", 17: "MIL", 18: "MIN", 19: "NOP", 20: "NYK",
        21: "OKC", 22: "ORL", 23: "PHI", 24: "PHX", 25: "POR", 26: "SAC", 27: "SAS", 28: "TOR", 29: "UTA", 30: "WAS",
    ]

    /// `/games`: each game as a `source_games` row (scores when final).
    public static func games(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for game in try root["data"].array() {
            let status = try game["status"].string()
            let final = status == "Final"
            parsed.append(
                [
                    "source": source, "source_game_id": try game["id"].cellText(),
                    "game_date": try game["date"].string(),
                    "status": final ? "final" : status, "home_team": try game["home_team"]["abbreviation"].string(),
                    "away_team": try game["visitor_team"]["abbreviation"].string(),
                    "home_pts": final ? try game["home_team_score"].cellText() : "",
                    "away_pts": final ? try game["visitor_team_score"].cellText() : "",
                    "commence_utc": try game.optional("datetime")?.string() ?? "",
                ], to: .sourceGames)
        }
        return parsed
    }

    /// `/box_scores?date=`: every player line as a `source_boxscores` row.
    public static func boxScores(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for game in try root["data"].array() {
            let date = try game["date"].string()
            let home = try game["home_team"]["abbreviation"].string()
            let away = try game["visitor_team"]["abbreviation"].string()
            let gameKey = "\(date)/\(home)-\(away)"
            for side in ["home_team", "visitor_team"] {
                let team = try game[side]
                let code = try team["abbreviation"].string()
                for line in try team["players"].array() {
                    let player = try line["player"]
                    var row: [String: String] = [
                        "source": source, "source_game_id": gameKey, "source_player_id": try player["id"].cellText(),
                        "game_date": date, "team": code,
                        "player_name": "\(try player["first_name"].string()) \(try player["last_name"].string())",
                        "minutes": try minutes(line["min"]), "tov": try line["turnover"].cellText(),
                    ]
                    for stat in ["pts", "reb", "ast", "fg3m", "stl", "blk"] { row[stat] = try line[stat].cellText() }
                    parsed.append(row, to: .sourceBoxscores)
                }
            }
        }
        return parsed
    }

    /// `/player_injuries`: each listed player as an `injuries` row dated `reportDate`, reported at `fetchedAt` (the
    /// endpoint names no game: `game_id` and `tip_utc` stay empty).
    public static func injuries(_ root: JSONCursor, reportDate: GameDate, fetchedAt: String) throws(PayloadError)
        -> ParsedRows
    {
        var parsed = ParsedRows()
        for entry in try root["data"].array() {
            let player = try entry["player"]
            let teamID = try player["team_id"].int()
            guard let team = teamCodes[teamID] else { throw try player["team_id"].drift("unknown team id \(teamID)") }
            let status = try entry["status"].string()
            guard let mapped = injuryStatus(status) else {
                throw try entry["status"].drift("unknown injury status '\(status)'")
            }
            parsed.append(
                [
                    "source": source, "report_utc": fetchedAt, "game_id": "", "game_date": reportDate.description,
                    "tip_utc": "", "team": team,
                    "player_name": "\(try player["first_name"].string()) \(try player["last_name"].string())",
                    "player_id": "", "status": mapped, "reason": try entry.optional("description")?.string() ?? "",
                ], to: .injuries)
        }
        return parsed
    }

    /// `/standings?season=`: each team as a `standings` row as of `asOf`.
    public static func standings(_ root: JSONCursor, asOf: GameDate) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for entry in try root["data"].array() {
            let team = try entry["team"]
            parsed.append(
                [
                    "source": source, "season": Season(startYear: try entry["season"].int()).description,
                    "as_of": asOf.description, "team": try team["abbreviation"].string(),
                    "conference": try team["conference"].string(),
                    "conference_rank": try entry["conference_rank"].cellText(),
                    "wins": try entry["wins"].cellText(), "losses": try entry["losses"].cellText(),
                ], to: .standings)
        }
        return parsed
    }

    /// `/players` (or `/players/active`): each player as a `source_players` row.
    public static func players(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for player in try root["data"].array() {
            parsed.append(
                [
                    "source": source, "source_player_id": try player["id"].cellText(),
                    "player_name": "\(try player["first_name"].string()) \(try player["last_name"].string())",
                    "team": try player.optional("team")?["abbreviation"].string() ?? "",
                    "position": try player.optional("position")?.string() ?? "",
                    "jersey": try player.optional("jersey_number")?.string() ?? "",
                ], to: .sourcePlayers)
        }
        return parsed
    }

    /// Ball Don't Lie's statuses → the stored ones (`Day-To-Day` is questionable).
    static func injuryStatus(_ status: String) -> String? {
        switch status.lowercased() {
        case "out", "out for season", "suspended": return "out"
        case "doubtful": return "doubtful"
        case "questionable", "day-to-day": return "questionable"
        case "probable": return "probable"
        case "available", "active": return "available"
        default: return nil
        }
    }

    /// `"38"` or `"38:12"` minutes → decimal; empty is 0.
    static func minutes(_ cursor: JSONCursor) throws(PayloadError) -> String {
        try NBAStatsParser.minutes(cursor)
    }
}
