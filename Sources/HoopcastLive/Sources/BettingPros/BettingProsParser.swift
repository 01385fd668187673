import HoopcastCore

/// Pure parsing of BettingPros (api.bettingpros.com/v3) responses into raw rows.
public enum BettingProsParser {
    /// The source name.
    public static let source = "bettingpros"

    /// `/events?sport=NBA&date=`: each event as a `source_games` row (final scores from `results` when closed).
    public static func events(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for event in try root["events"].array() {
            let scheduled = try event["scheduled"].string()
            guard let date = EasternTime.gameDate(utc: scheduled) else {
                throw try event["scheduled"].drift("not a UTC time 'YYYY-MM-DD HH:MM:SS': '\(scheduled)'")
            }
            let home = try event["home"].string(), away = try event["visitor"].string()
            let closed = try event["status"].string() == "closed"
            var scores: [String: String] = [:]
            if closed, let results = try event.optional("results"), let first = try results["outcomes"].array().first {
                for score in try first["scores"].array() {
                    scores[try score["participant"].string()] = try score["score"].cellText()
                }
            }
            parsed.append(
                [
                    "source": source, "source_game_id": try event["id"].cellText(), "game_date": date.description,
                    "status": closed ? "final" : try event["status"].string(), "home_team": home, "away_team": away,
                    "home_pts": scores[home] ?? "", "away_pts": scores[away] ?? "",
                    "commence_utc": String(scheduled.map { $0 == " " ? "T" : $0 }) + "Z",
                ], to: .sourceGames)
        }
        return parsed
    }
}
