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
                    "status": closed ? "final" : try event["status"].string(),
                    "home_team": try team(event["home"]).code, "away_team": try team(event["visitor"]).code,
                    "home_pts": scores[home] ?? "", "away_pts": scores[away] ?? "",
                    "commence_utc": try utc(event["scheduled"]),
                ], to: .sourceGames)
        }
        return parsed
    }

    /// The NBA team of a BettingPros team code (``BettingProsTeams``); an unknown code is schema drift.
    static func team(_ code: JSONCursor) throws(PayloadError) -> Team {
        let text = try code.string()
        guard let team = BettingProsTeams.team(text) else {
            throw code.drift("unknown BettingPros team code '\(text)'")
        }
        return team
    }

    /// BettingPros' UTC times (`2024-12-07 01:28:51`) as ISO-8601 (`2024-12-07T01:28:51Z`).
    static func utc(_ time: JSONCursor) throws(PayloadError) -> String {
        let text = try time.string()
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[10] == UInt8(ascii: " "), GameDate(text.prefix(10)) != nil,
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { throw time.drift("not a UTC time 'YYYY-MM-DD HH:MM:SS': '\(text)'") }
        return text.prefix(10) + "T" + text.suffix(8) + "Z"
    }
}
