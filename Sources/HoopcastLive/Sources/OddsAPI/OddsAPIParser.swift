import HoopcastCore

/// Pure parsing of The Odds API's NBA responses (live and historical) into raw rows.
///
/// Historical responses wrap the live shape as `{"timestamp": …, "data": …}`; the timestamp is then the snapshot
/// time. Prices may be American or decimal (``OddsFormat/american(_:)``).
public enum OddsAPIParser {
    /// The source name in raw tables and the manifest.
    public static let source = "odds_api"

    /// Player-prop market keys and the markets they map to.
    public static let propMarkets: [String: PropMarket] = [
        "player_points": .points, "player_rebounds": .rebounds, "player_assists": .assists,
        "player_threes": .threes, "player_steals": .steals, "player_blocks": .blocks,
        "player_points_rebounds_assists": .pointsReboundsAssists, "player_points_rebounds": .pointsRebounds,
        "player_points_assists": .pointsAssists, "player_rebounds_assists": .reboundsAssists,
    ]

    /// Daily-fantasy bookmaker keys (their props carry no prices).
    public static let dfsBooks: Set<String> = ["prizepicks", "underdog", "pick6", "betr_us_dfs", "dabble_au"]

    /// The events of `/events` (or historical events) as `source_games` rows.
    public static func events(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for event in try unwrap(root).snapshot.array() {
            let (home, away, commence, id) = try teams(event)
            guard let date = EasternTime.gameDate(utc: commence) else {
                throw try event["commence_time"].drift("not an ISO-8601 UTC time: '\(commence)'")
            }
            parsed.append(
                [
                    "source": source, "source_game_id": id, "game_date": date.description, "status": "scheduled",
                    "home_team": home, "away_team": away, "commence_utc": commence,
                ], to: .sourceGames)
        }
        return parsed
    }

    /// Spreads, totals and moneylines per bookmaker as `game_lines` rows (source `odds_api.<book>`, game id left
    /// empty for the writer to resolve from `raw_games` by date and teams).
    public static func gameLines(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        for event in try eventList(try unwrap(root).snapshot) {
            let (home, away, commence, _) = try teams(event)
            guard let date = EasternTime.gameDate(utc: commence) else {
                throw try event["commence_time"].drift("not an ISO-8601 UTC time: '\(commence)'")
            }
            for book in try event["bookmakers"].array() {
                var row = [
                    "game_id": "", "source": "\(source).\(try book["key"].string())", "game_date": date.description,
                    "home_team": home, "away_team": away,
                ]
                for market in try book["markets"].array() {
                    let key = try market["key"].string()
                    for outcome in try market["outcomes"].array() {
                        let outcomeName = try outcome["name"].string()
                        let name = Team(outcomeName)?.code ?? outcomeName
                        switch key {
                        case "h2h":
                            let price = try american(outcome["price"])
                            if name == home {
                                row["home_moneyline"] = price
                            } else if name == away {
                                row["away_moneyline"] = price
                            }
                        case "spreads":
                            if name == home { row["home_spread"] = try outcome["point"].cellText() }
                        case "totals":
                            if name == "Over" { row["total"] = try outcome["point"].cellText() }
                        default:
                            continue
                        }
                    }
                }
                parsed.append(row, to: .gameLines)
            }
        }
        return parsed
    }

    /// Player props (over/under pairs per book, market, player and line) as `prop_lines` rows. Every snapshot is
    /// its own row: the snapshot time is the historical timestamp, else the market's `last_update`.
    public static func props(_ root: JSONCursor) throws(PayloadError) -> ParsedRows {
        var parsed = ParsedRows()
        let (snapshot, timestamp) = try unwrap(root)
        var otherMarkets: Set<String> = []
        for event in try eventList(snapshot) {
            let (home, away, commence, id) = try teams(event)
            guard let date = EasternTime.gameDate(utc: commence) else {
                throw try event["commence_time"].drift("not an ISO-8601 UTC time: '\(commence)'")
            }
            for book in try event["bookmakers"].array() {
                let bookKey = try book["key"].string()
                for market in try book["markets"].array() {
                    let key = try market["key"].string()
                    guard let propMarket = propMarkets[key] else {
                        otherMarkets.insert(key)
                        continue
                    }
                    var snapshotUTC = timestamp ?? ""
                    if snapshotUTC.isEmpty {
                        if let update = try market.optional("last_update") {
                            snapshotUTC = try update.string()
                        } else {
                            snapshotUTC = try book["last_update"].string()
                        }
                    }
                    // Pair Over and Under by player and line.
                    var pairs: [String: [String: String]] = [:]
                    var order: [String] = []
                    for outcome in try market["outcomes"].array() {
                        let side = try outcome["name"].string()
                        let player = try outcome["description"].string()
                        let line = try outcome["point"].cellText()
                        let pairKey = player + "\u{1F}" + line
                        if pairs[pairKey] == nil {
                            order.append(pairKey)
                            pairs[pairKey] = [
                                "game_date": date.description, "source": source, "book": bookKey,
                                "book_type": dfsBooks.contains(bookKey) ? "dfs" : "sportsbook",
                                "market": propMarket.rawValue, "player_name": player, "line": line,
                                "snapshot_utc": snapshotUTC, "commence_utc": commence, "event_id": id,
                                "home_team": home, "away_team": away,
                            ]
                        }
                        let price = dfsBooks.contains(bookKey) ? "" : try american(outcome["price"])
                        switch side {
                        case "Over": pairs[pairKey]!["over_odds"] = price
                        case "Under": pairs[pairKey]!["under_odds"] = price
                        default: throw try outcome["name"].drift("a prop outcome is 'Over' or 'Under', found '\(side)'")
                        }
                    }
                    for pairKey in order { parsed.append(pairs[pairKey]!, to: .propLines) }
                }
            }
        }
        if parsed.total == 0, !otherMarkets.isEmpty {
            throw PayloadError(
                .noRows, source: root.context.source, endpoint: root.context.endpoint, location: "$",
                reason: "no player-prop markets; the response holds \(otherMarkets.sorted().joined(separator: ", "))")
        }
        return parsed
    }

    /// The snapshot body and, for historical responses, the snapshot timestamp.
    static func unwrap(_ root: JSONCursor) throws(PayloadError) -> (snapshot: JSONCursor, timestamp: String?) {
        if case .object(let members) = root.value, members["timestamp"] != nil, members["data"] != nil {
            return (try root["data"], try root["timestamp"].string())
        }
        return (root, nil)
    }

    /// One event (event odds) or an array of them (`/odds`).
    static func eventList(_ cursor: JSONCursor) throws(PayloadError) -> [JSONCursor] {
        if case .array = cursor.value { return try cursor.array() }
        return [cursor]
    }

    static func teams(_ event: JSONCursor) throws(PayloadError) -> (String, String, String, String) {
        let homeName = try event["home_team"].string()
        let awayName = try event["away_team"].string()
        guard let home = Team(homeName) else { throw try event["home_team"].drift("unknown team '\(homeName)'") }
        guard let away = Team(awayName) else { throw try event["away_team"].drift("unknown team '\(awayName)'") }
        return (home.code, away.code, try event["commence_time"].string(), try event["id"].string())
    }

    static func american(_ price: JSONCursor) throws(PayloadError) -> String {
        guard let odds = OddsFormat.american(try price.number()) else { throw price.drift("not a price") }
        return odds.rounded() == odds ? String(Int(odds)) : String(odds)
    }
}
