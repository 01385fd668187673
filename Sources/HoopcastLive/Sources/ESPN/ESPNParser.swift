import HoopcastCore

/// Pure parsing of ESPN's public site API (scoreboard, team roster) into raw rows.
public enum ESPNParser {
    /// The source name.
    public static let source = "espn"

    /// `/scoreboard?dates=YYYYMMDD`: each event as a `source_games` row (scores when completed).
    public static func scoreboard(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for event in try root["events"].array() {
            let commence = try event["date"].string()
            guard let date = EasternTime.gameDate(utc: commence) else {
                throw try event["date"].drift("not an ISO-8601 UTC time: '\(commence)'")
            }
            let competition = try event["competitions"].array().first
            guard let competition else { throw try event["competitions"].drift("an event has one competition") }
            var home: JSONCursor?, away: JSONCursor?
            for competitor in try competition["competitors"].array() {
                switch try competitor["homeAway"].string() {
                case "home": home = competitor
                case "away": away = competitor
                default: throw try competitor["homeAway"].drift("expected 'home' or 'away'")
                }
            }
            guard let home, let away else {
                throw try competition["competitors"].drift("a home and an away competitor are required")
            }
            let completed = try event["status"]["type"]["completed"].value == .bool(true)
            parsed.append(
                [
                    "source": source, "source_game_id": try event["id"].string(), "game_date": date.description,
                    "status": completed ? "final" : try event["status"]["type"]["name"].string(),
                    "home_team": try code(home["team"]["abbreviation"]),
                    "away_team": try code(away["team"]["abbreviation"]),
                    "home_pts": completed ? try home["score"].cellText() : "",
                    "away_pts": completed ? try away["score"].cellText() : "", "commence_utc": commence,
                ], to: .sourceGames)
        }
        return parsed
    }

    /// `/teams/{id}?enable=roster`: the team's athletes as `source_players` rows.
    public static func roster(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        let team = try root["team"]
        let teamCode = try code(team["abbreviation"])
        var parsed = ParsedRows()
        for athlete in try team["athletes"].array() {
            parsed.append(
                [
                    "source": source, "source_player_id": try athlete["id"].cellText(),
                    "player_name": try athlete["displayName"].string(), "team": teamCode,
                    "position": try athlete.optional("position")?["abbreviation"].string() ?? "",
                    "jersey": try athlete.optional("jersey")?.string() ?? "",
                ], to: .sourcePlayers)
        }
        return parsed
    }

    /// ESPN's abbreviations (GS, NY, SA, WSH, UTAH, …) → Hoopcast team codes.
    static func code(_ cursor: JSONCursor) throws(PayloadError) -> String {
        let text = try cursor.string()
        guard let team = Team(text) else { throw cursor.drift("unknown team '\(text)'") }
        return team.code
    }
}
