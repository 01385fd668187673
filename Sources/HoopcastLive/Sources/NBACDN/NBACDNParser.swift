import HoopcastCore
import HoopcastIngest

/// Pure parsing of cdn.nba.com responses (the season schedule, a game's play-by-play) into raw rows.
public enum NBACDNParser {
    /// The source name.
    public static let source = RawReader.tipoffSource  // the tip-offs the pipeline trusts

    /// `scheduleLeagueV2.json`: every regular-season, play-in, playoff and Cup-final game as a `games` row, with
    /// scores once final, and as a `source_games` row of source `nba_cdn` keeping its tip-off instant
    /// (`gameDateTimeUTC`, which `raw_games` has no column for; the long-running schedule reads it). With `date`,
    /// only that day's games (the schedule covers the whole season; a day without games is a valid empty answer, a
    /// schedule without any game is ``PayloadError/Kind/noRows``).
    public static func schedule(_ root: JSONCursor, date: GameDate? = nil) throws(PayloadError) -> ParsedRows {
        let league = try root["leagueSchedule"]
        let seasonText = try league["seasonYear"].string()
        guard let season = Season(seasonText) else {
            throw try league["seasonYear"].drift("not a season: '\(seasonText)'")
        }
        var parsed = ParsedRows()
        var seasonGames = 0
        for day in try league["gameDates"].array() {
            for game in try day["games"].array() {
                seasonGames += 1
                let gameID = try game["gameId"].string()
                guard let type = NBAStatsParser.seasonType(gameID: gameID) else { continue }
                let gameDate = String(try game["gameDateEst"].string().prefix(10))
                if let date, gameDate != date.description { continue }
                let home = try game["homeTeam"], away = try game["awayTeam"]
                let status = try game["gameStatus"].int()
                let final = status == 3
                let (homeCode, awayCode) = (try home["teamTricode"].string(), try away["teamTricode"].string())
                let (homePoints, awayPoints) =
                    final ? (try home["score"].cellText(), try away["score"].cellText()) : ("", "")
                parsed.append(
                    [
                        "game_id": gameID, "season": season.description, "season_type": type.rawValue,
                        "game_date": gameDate, "home_team": homeCode, "away_team": awayCode,
                        "home_pts": homePoints, "away_pts": awayPoints,
                    ], to: .games)
                let tipoff = try game["gameDateTimeUTC"].string()
                guard EasternTime.parse(tipoff) != nil else {
                    throw try game["gameDateTimeUTC"].drift("not an ISO-8601 UTC time: '\(tipoff)'")
                }
                parsed.append(
                    [
                        "source": source, "source_game_id": gameID, "game_date": gameDate,
                        "status": final ? "final" : status == 2 ? "in_progress" : "scheduled",
                        "home_team": homeCode, "away_team": awayCode, "home_pts": homePoints, "away_pts": awayPoints,
                        "commence_utc": tipoff,
                    ], to: .sourceGames)
            }
        }
        guard seasonGames > 0 else {
            throw PayloadError(
                .noRows, source: root.context.source, endpoint: root.context.endpoint,
                location: league.path + ".gameDates", reason: "the season schedule lists no games")
        }
        return parsed
    }

    /// `playbyplay_<gameId>.json`: every action as a `play_by_play` row.
    public static func playByPlay(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        let game = try root["game"]
        let gameID = try game["gameId"].string()
        var parsed = ParsedRows()
        for action in try game["actions"].array() {
            let person = try action.optional("personId")?.int() ?? 0
            parsed.append(
                [
                    "game_id": gameID, "action_number": try action["actionNumber"].cellText(),
                    "period": try action["period"].cellText(), "clock": try action["clock"].string(),
                    "team": try action.optional("teamTricode")?.string() ?? "",
                    "person_id": person > 0 ? String(person) : "", "action_type": try action["actionType"].string(),
                    "sub_type": try action.optional("subType")?.string() ?? "",
                    "description": try action.optional("description")?.string() ?? "",
                    "score_home": try action["scoreHome"].cellText(), "score_away": try action["scoreAway"].cellText(),
                ], to: .playByPlay)
        }
        return parsed
    }
}
