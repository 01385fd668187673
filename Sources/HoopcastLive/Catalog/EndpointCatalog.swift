/// Every endpoint Hoopcast can parse, by key.
public enum EndpointCatalog {
    /// All endpoints.
    public static let all: [LiveEndpoint] = [
        LiveEndpoint(source: "nba_cdn", name: "schedule", host: "cdn.nba.com", requiresRows: false) {
            root, context throws(PayloadError) in
            try NBACDNParser.schedule(root, date: context.limitToDate ? context.date : nil)
        },
        LiveEndpoint(source: "nba_cdn", name: "play_by_play", host: "cdn.nba.com") { root, _ throws(PayloadError) in
            try NBACDNParser.playByPlay(root)
        },
        // The per-game box score has exact minutes (MM:SS); the game log only whole minutes. The log fills only box
        // scores not stored yet, so the box score wins whichever arrives first, and re-runs never flip rows.
        LiveEndpoint(
            source: "nba_stats", name: "player_game_log", host: "stats.nba.com", keepsStored: [.playerBoxscores]
        ) {
            root, _ throws(PayloadError) in
            try NBAStatsParser.playerGameLog(root)
        },
        LiveEndpoint(source: "nba_stats", name: "boxscore_traditional", host: "stats.nba.com") {
            root, context throws(PayloadError) in
            try NBAStatsParser.boxScoreTraditional(root, date: context.date)
        },
        LiveEndpoint(source: "nba_stats", name: "team_game_log", host: "stats.nba.com") {
            root, _ throws(PayloadError) in
            try NBAStatsParser.teamGameLog(root)
        },
        LiveEndpoint(source: "nba_stats", name: "scoreboard", host: "stats.nba.com") { root, _ throws(PayloadError) in
            try NBAStatsParser.scoreboard(root)
        },
        LiveEndpoint(source: "nba_stats", name: "player_index", host: "stats.nba.com") { root, _ throws(PayloadError) in
            try NBAStatsParser.playerIndex(root)
        },
        LiveEndpoint(source: "bdl", name: "games", host: "api.balldontlie.io") { root, _ throws(PayloadError) in
            try BallDontLieParser.games(root)
        },
        LiveEndpoint(source: "bdl", name: "box_scores", host: "api.balldontlie.io") { root, _ throws(PayloadError) in
            try BallDontLieParser.boxScores(root)
        },
        LiveEndpoint(
            source: "bdl", name: "injuries", host: "api.balldontlie.io", requiresRows: false,
            paging: .cursor(parameter: "cursor", path: ["meta", "next_cursor"])
        ) {
            root, context throws(PayloadError) in
            try BallDontLieParser.injuries(root, reportDate: context.date, fetchedAt: context.fetchedAt)
        },
        LiveEndpoint(source: "bdl", name: "standings", host: "api.balldontlie.io") {
            root, context throws(PayloadError) in
            try BallDontLieParser.standings(root, asOf: context.date)
        },
        LiveEndpoint(
            source: "bdl", name: "players", host: "api.balldontlie.io",
            paging: .cursor(parameter: "cursor", path: ["meta", "next_cursor"])
        ) { root, _ throws(PayloadError) in
            try BallDontLieParser.players(root)
        },
        LiveEndpoint(source: "odds_api", name: "events", host: "api.the-odds-api.com") { root, _ throws(PayloadError) in
            try OddsAPIParser.events(root)
        },
        LiveEndpoint(source: "odds_api", name: "game_lines", host: "api.the-odds-api.com") {
            root, _ throws(PayloadError) in
            try OddsAPIParser.gameLines(root)
        },
        LiveEndpoint(source: "odds_api", name: "player_props", host: "api.the-odds-api.com") {
            root, _ throws(PayloadError) in
            try OddsAPIParser.props(root)
        },
        LiveEndpoint(source: "espn", name: "scoreboard", host: "site.api.espn.com") { root, _ throws(PayloadError) in
            try ESPNParser.scoreboard(root)
        },
        LiveEndpoint(source: "espn", name: "roster", host: "site.api.espn.com") { root, _ throws(PayloadError) in
            try ESPNParser.roster(root)
        },
        LiveEndpoint(source: "bettingpros", name: "events", host: "api.bettingpros.com") {
            root, _ throws(PayloadError) in
            try BettingProsParser.events(root)
        },
        // No props posted yet for a book (early in the day) is a valid answer; a page whose every prop was skipped
        // is not (BettingProsParser.props throws no_rows).
        LiveEndpoint(
            source: "bettingpros", name: "player_props", host: "api.bettingpros.com", requiresRows: false,
            paging: .numbered(parameter: "page", page: ["_pagination", "page"], total: ["_pagination", "total_pages"])
        ) { root, context throws(PayloadError) in
            try BettingProsParser.props(root, fetchedAt: context.fetchedAt)
        },
    ]

    /// The endpoint with `key` (`source.endpoint`).
    public static func endpoint(_ key: String) -> LiveEndpoint? { all.first { $0.key == key } }

    /// The source names.
    public static var sources: [String] {
        var seen: [String] = []
        for endpoint in all where !seen.contains(endpoint.source) { seen.append(endpoint.source) }
        return seen
    }
}
